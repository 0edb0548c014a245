// Plots of an experiment (uPlot): a measure against a varied parameter, the mean with its p5-p95
// band per group of the other parameters; and the distribution of a measure per point (ECDF).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ecdfSeries, measureSeries } from './plot-data.js';
import { themedAxis } from './plot-style.js';

/** Line colours, one per group or point, in turn. */
const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];

/** `colour` at `alpha` (a `#rrggbb` colour). */
const faded = (colour, alpha) => `${colour}${Math.round(alpha * 255).toString(16).padStart(2, '0')}`;

/** Draws `measure` against `path` from an experiment's `summary` in `container`, `size` `{ width, height }` px; returns the plot. */
export function plotMeasure(container, summary, path, measure, { width, height }) {
  const { x, groups } = measureSeries(summary, path, measure);
  const series = [{ label: path }];
  const data = [x];
  const bands = [];
  groups.forEach((group, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const at = data.length;
    series.push({ label: `${group.label} mean`, stroke: colour, width: 2 });
    series.push({ label: `${group.label} p95`, stroke: faded(colour, 0.4), dash: [4, 4] });
    series.push({ label: `${group.label} p5`, stroke: faded(colour, 0.4), dash: [4, 4] });
    data.push(group.mean, group.p95, group.p5);
    bands.push({ series: [at + 1, at + 2], fill: faded(colour, 0.12) });
  });
  const options = { title: `${measure} against ${path} (mean, p5-p95 band)`, width, height, scales: { x: { time: false } }, axes: [themedAxis(), themedAxis()], series, bands };
  return new uPlot(options, data, container);
}

/** Draws the distribution of `measure` at each point of `records` (an ECDF) in `container`, `size` `{ width, height }` px; returns the plot. */
export function plotDistribution(container, records, measure, { width, height }) {
  const { x, points } = ecdfSeries(records, measure);
  const series = [{ label: measure }, ...points.map((point, i) => ({ label: point.label, stroke: COLOURS[i % COLOURS.length], paths: uPlot.paths.stepped({ align: 1 }) }))];
  const options = { title: `${measure}: distribution over seeds per point (ECDF)`, width, height, scales: { x: { time: false }, y: { range: [0, 1] } }, axes: [themedAxis(), themedAxis()], series };
  return new uPlot(options, [x, ...points.map((point) => point.fraction)], container);
}
