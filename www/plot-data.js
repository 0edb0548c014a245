// The data of an experiment's plots, shaped from its summary and records (no drawing here).

/** The value of `path` at a summary point or record, as a label part (`fanout=2`). */
const label = (values, paths) => paths.map((path) => `${path.split('.').pop()}=${values[path]}`).join(', ');

/**
 * `measure` against the varied parameter `path`: the distinct values of `path` (numbers, sorted)
 * and one group per combination of the other varied paths, each with the mean, p5 and p95 at
 * every x (null where the group has no point there).
 */
export function measureSeries(summary, path, measure) {
  const others = Object.keys(summary[0]?.values ?? {}).filter((key) => key !== path);
  const x = [...new Set(summary.map((point) => Number(point.values[path])))].sort((a, b) => a - b);
  const groups = new Map();
  for (const point of summary) {
    const name = label(point.values, others) || measure;
    if (!groups.has(name)) groups.set(name, { label: name, mean: x.map(() => null), p5: x.map(() => null), p95: x.map(() => null) });
    const group = groups.get(name);
    const at = x.indexOf(Number(point.values[path]));
    const figures = point.measures[measure] ?? {};
    group.mean[at] = figures.mean ?? null;
    group.p5[at] = figures.p5 ?? null;
    group.p95[at] = figures.p95 ?? null;
  }
  return { x, groups: [...groups.values()] };
}

/**
 * The distribution of `measure` at each point of `records` as an empirical CDF: every distinct
 * value (sorted, the shared x) and per point the fraction of its runs at or below each.
 */
export function ecdfSeries(records, measure) {
  const byPoint = new Map();
  for (const record of records) {
    const value = record.measures[measure];
    if (value === null || value === undefined) continue;
    if (!byPoint.has(record.point)) byPoint.set(record.point, { label: label(record.values, Object.keys(record.values)) || `point ${record.point}`, values: [] });
    byPoint.get(record.point).values.push(value);
  }
  const x = [...new Set([...byPoint.values()].flatMap((point) => point.values))].sort((a, b) => a - b);
  const points = [...byPoint.entries()].sort(([a], [b]) => a - b).map(([, point]) => {
    const sorted = [...point.values].sort((a, b) => a - b);
    let below = 0;
    const fraction = x.map((value) => {
      while (below < sorted.length && sorted[below] <= value) below++;
      return below / sorted.length;
    });
    return { label: point.label, fraction };
  });
  return { x, points };
}
