/** `runExperiment`: a sweep over seeds and parameters on a pool of workers (docs/experiments.md). */
import { num, str } from './internal/checks.js';
import { jsonDocument } from './internal/json-document.js';
import { loadExperimentModule, NO_MODULE } from './internal/experiment-module.js';
import { runPool } from './internal/experiment-pool.js';
import { platform } from './internal/platform.js';
import { raw } from './internal/raw.js';
import type { Experiment, ExperimentOptions, ExperimentResult, PointSummary, RunRecord } from './types.js';

/**
 * Runs every run of `experiment` (a document or its JSON text) on a pool of workers and resolves
 * to every record, in run order, and the summary per point. The document is checked whole before
 * any worker starts (a typed error naming the field). Records and summary are the same whatever
 * the number of workers and the order runs finish in. A run that throws (its protocol, a
 * measure) is recorded with its error, and the experiment goes on.
 */
export async function runExperiment(experiment: Experiment | string, options: ExperimentOptions = {}): Promise<ExperimentResult> {
  const workers = options.workers === undefined ? Math.max(1, platform().cores()) : raw().checkWorkers(num('workers', options.workers));
  const module = options.module === undefined ? undefined : str('module', options.module);
  const loaded = module === undefined ? NO_MODULE : await loadExperimentModule(module);
  const document = jsonDocument('experiment', experiment, (problem) => raw().invalidTypeError('experiment', 'JSON text of an experiment', problem));
  const checked = new (raw().RawExperiment)(document, loaded.measures.map(([name]) => name));
  const [id, total, names] = [checked.id(), checked.runCount(), checked.measureNames()];
  // Records are read as they come back, while the workers go on.
  const records: RunRecord[] = new Array<RunRecord>(total);
  const lines: string[] = new Array<string>(total);
  try {
    await runPool({
      experiment: JSON.stringify(document),
      module,
      total,
      workers,
      onLine: (run, line) => {
        const record = JSON.parse(line) as RunRecord;
        records[run] = record;
        lines[run] = line;
        options.onRun?.(record);
      },
      onProgress: (progress) => options.onProgress?.(progress),
      signal: options.signal,
    });
    const width = 2 + names.length;
    const rows = new Float64Array(total * width);
    records.forEach((record, i) => {
      rows[i * width] = record.run;
      rows[i * width + 1] = record.error === undefined ? 0 : 1;
      names.forEach((name, m) => (rows[i * width + 2 + m] = record.measures[name] ?? NaN));
    });
    const summary = checked.summarise(rows).split('\n').filter((line) => line !== '');
    const csv = checked.recordsCsv(rows, records.map((r) => r.traceHash), records.map((r) => r.error ?? ''));
    const jsonLines = lines.map((line) => `${line}\n`).join('');
    return { id, records, summary: summary.map((line) => JSON.parse(line) as PointSummary), csv, jsonLines };
  } finally {
    checked.free();
  }
}
