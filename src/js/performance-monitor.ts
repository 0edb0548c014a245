/** PerformanceMonitor: named timers on `performance.now()`. */
import { num, str, toRecord } from './internal/checks.js';
import { freedError } from './internal/errors.js';
import { raw, type RawPerformanceMonitor } from './internal/raw.js';
import { readRows } from './internal/rows.js';
import { METRICS, readMetrics, type Metrics } from './generated/arrays.js';

/** Times named operations and reports count, mean, extremes and percentiles in milliseconds. */
export class PerformanceMonitor {
  #raw: RawPerformanceMonitor | undefined = new (raw().RawPerformanceMonitor)();

  #use(): RawPerformanceMonitor {
    if (this.#raw === undefined) throw freedError('PerformanceMonitor');
    return this.#raw;
  }

  /** Starts (or restarts) the timer `name`. */
  startTimer(name: string): void {
    this.#use().startTimer(str('name', name));
  }

  /** Stops the timer `name`, records and returns the elapsed milliseconds. */
  endTimer(name: string): number {
    return this.#use().endTimer(str('name', name));
  }

  /** Records a duration in milliseconds measured elsewhere. */
  record(name: string, durationMs: number): void {
    this.#use().record(str('name', name), num('durationMs', durationMs));
  }

  /** The statistics of `name`, or `undefined` before its first recorded duration. */
  getMetrics(name: string): Metrics | undefined {
    const values = this.#use().getMetrics(str('name', name));
    return values === undefined ? undefined : readMetrics(values, 0);
  }

  /** The statistics of every timer, by name. */
  getAllMetrics(): Record<string, Metrics> {
    const rawMonitor = this.#use();
    const metrics = readRows(rawMonitor.allMetrics(), METRICS.length, readMetrics);
    return toRecord(new Map(rawMonitor.metricNames().map((name, i) => [name, metrics[i]])));
  }

  /** Forgets every timer. */
  reset(): void {
    this.#use().reset();
  }

  /** Releases the wasm memory; later calls throw `ERR_OBJECT_FREED`. */
  free(): void {
    this.#raw?.free();
    this.#raw = undefined;
  }
}
