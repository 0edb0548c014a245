// Generated from src/boundary/ by `npm run gen` (cargo run --bin gen-boundary): do not edit.
// The records of an experiment's summary: one per measure and point.

/** One measure at one point, over the runs that measured it (`NaN` where there are too few). */
export interface MeasureSummary {
  /** Runs with a value. */
  count: number;
  /** Their mean. */
  mean: number;
  /** Their sample standard deviation. */
  std: number;
  /** The smallest. */
  min: number;
  /** The 5th percentile (linear between the closest ranks). */
  p5: number;
  /** The median. */
  p50: number;
  /** The 95th percentile. */
  p95: number;
  /** The largest. */
  max: number;
  /** The low end of the 95 % confidence interval of the mean. */
  ci95Low: number;
  /** Its high end. */
  ci95High: number;
}
/** Where each field of a `MeasureSummary` record sits, and how many numbers it takes. */
export const MEASURE_SUMMARY = { count: 0, mean: 1, std: 2, min: 3, p5: 4, p50: 5, p95: 6, max: 7, ci95Low: 8, ci95High: 9, length: 10 } as const;
/** Reads the `MeasureSummary` record that starts at `at`. */
export function readMeasureSummary(numbers: ArrayLike<number>, at: number): MeasureSummary {
  return { count: numbers[at + MEASURE_SUMMARY.count], mean: numbers[at + MEASURE_SUMMARY.mean], std: numbers[at + MEASURE_SUMMARY.std], min: numbers[at + MEASURE_SUMMARY.min], p5: numbers[at + MEASURE_SUMMARY.p5], p50: numbers[at + MEASURE_SUMMARY.p50], p95: numbers[at + MEASURE_SUMMARY.p95], max: numbers[at + MEASURE_SUMMARY.max], ci95Low: numbers[at + MEASURE_SUMMARY.ci95Low], ci95High: numbers[at + MEASURE_SUMMARY.ci95High] };
}

