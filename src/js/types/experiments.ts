/** Experiments: sweeps over seeds and parameters on a pool of workers. */
import type { MeasureSummary } from '../generated/experiments.js';

export type { MeasureSummary } from '../generated/experiments.js';

/** Numbers from `from` to `to` by `step` (1 when left out). */
export interface ExperimentRange {
  readonly from: number;
  readonly to: number;
  readonly step?: number;
}

/** A varied parameter: a path into the scenario (keys joined by dots, such as `options.links.loss`) and its values. */
export interface VaryParameter {
  readonly path: string;
  /** The values, in order (any JSON). */
  readonly values?: readonly unknown[];
  /** Or a range of numbers. */
  readonly range?: ExperimentRange;
}

/**
 * An experiment: a scenario run at every point of the cross product of `vary`, with every seed,
 * for `until` ms, measured at the end of each run (docs/experiments.md). The same document runs
 * natively (`data-mesh sweep`).
 */
export interface Experiment {
  /** The scenario document every run starts from (its `options.seed` is set per run). */
  readonly scenario: object;
  /** The parameters to vary. */
  readonly vary?: readonly VaryParameter[];
  /** A count of seeds (1 to n) or `{ from, to }` (default 1). */
  readonly seeds?: number | { readonly from: number; readonly to: number };
  /** Milliseconds of virtual time per run (default: the scenario's `duration`). */
  readonly until?: number;
  /** What to measure: `stats.<field>`, `broadcast.<field>`, `latency.<field>`, `sync.<field>`, `tick.<field>`. */
  readonly measure?: readonly string[];
}

/** How far an experiment has got. */
export interface ExperimentProgress {
  /** Runs finished. */
  readonly done: number;
  /** Runs in all. */
  readonly total: number;
  /** Runs finished per second of wall-clock time so far. */
  readonly runsPerSecond: number;
  /** Seconds left at that rate (`NaN` before the first run finishes). */
  readonly secondsLeft: number;
}

/** One run's record (the same JSON line `data-mesh sweep` writes). */
export interface RunRecord {
  /** The record format (1). */
  readonly format: number;
  /** The experiment's id (a hash of its document and measures). */
  readonly experiment: string;
  /** The run's number: point by point, seed by seed. */
  readonly run: number;
  /** Its point's number. */
  readonly point: number;
  /** Its seed. */
  readonly seed: number;
  /** Each varied path and its value at this point. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Each measure (`null`: nothing to measure). */
  readonly measures: Readonly<Record<string, number | null>>;
  /** The run's trace hash (empty when it failed). */
  readonly traceHash: string;
  /** What went wrong, when the run failed (a protocol or a measure threw, or its scenario was refused). */
  readonly error?: string;
}

/** What the runs of one point gave. */
export interface PointSummary {
  /** The point's number. */
  readonly point: number;
  /** Its varied values. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Its runs. */
  readonly runs: number;
  /** Of those, runs that failed. */
  readonly errors: number;
  /** Each measure's summary over the runs that measured it (`null` fields: too few values). */
  readonly measures: Readonly<Record<string, { readonly [K in keyof MeasureSummary]: number | null }>>;
}

/** What `runExperiment` resolves to. */
export interface ExperimentResult {
  /** The experiment's id. */
  readonly id: string;
  /** Every run's record, in run order. */
  readonly records: readonly RunRecord[];
  /** The summary of each point, in point order. */
  readonly summary: readonly PointSummary[];
  /** The records as CSV (the same `data-mesh sweep --csv` writes): run, point, seed, each varied value, each measure, traceHash, error. */
  readonly csv: string;
  /** The records as JSON lines, in run order (the same text `data-mesh sweep --out` writes). */
  readonly jsonLines: string;
}

/** Which run a measure written in JavaScript is measuring. */
export interface RunInfo {
  /** The run's number. */
  readonly run: number;
  /** Its point's number. */
  readonly point: number;
  /** Its seed. */
  readonly seed: number;
}

/** How `runExperiment` runs. */
export interface ExperimentOptions {
  /** Workers in the pool (default: the machine's cores; at least 1). */
  readonly workers?: number;
  /**
   * The absolute URL of an ES module each worker imports: its export `protocol` (a `Protocol`)
   * runs on every node, and its export `measures` (`{ name: (network, run: RunInfo) => number }`)
   * is measured at the end of each run, after the document's measures.
   */
  readonly module?: string;
  /** Called with each run's record as it finishes (in the order runs finish). */
  readonly onRun?: (record: RunRecord) => void;
  /** Called after each batch of runs finishes. */
  readonly onProgress?: (progress: ExperimentProgress) => void;
  /** Aborting it stops the workers; `runExperiment` then rejects with an `AbortError`. */
  readonly signal?: AbortSignal;
}
