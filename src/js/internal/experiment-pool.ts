/** The main side of `runExperiment`: a pool of workers, each handed batches of run numbers until none are left. */
import { listen, listenErrors, type PlainError } from './endpoint.js';
import { platform, type PoolWorker } from './platform.js';
import type { ExperimentRequest, ExperimentResponse } from './experiment-messages.js';
import type { ExperimentProgress } from '../types.js';

/** What a pool runs and whom it tells. */
export interface PoolJob {
  /** The experiment's JSON text. */
  readonly experiment: string;
  /** The user's module URL, if any. */
  readonly module: string | undefined;
  /** How many runs. */
  readonly total: number;
  /** Workers to start (no more than runs). */
  readonly workers: number;
  /** Called with each record line as its batch comes back. */
  readonly onLine: (run: number, line: string) => void;
  /** Called after each batch. */
  readonly onProgress: (progress: ExperimentProgress) => void;
  /** Stops the pool when aborted. */
  readonly signal: AbortSignal | undefined;
}

/** The error a worker reported, rebuilt with its name, code and field. */
function rebuilt(error: PlainError): Error {
  const Class = error.name === 'TypeError' ? TypeError : error.name === 'RangeError' ? RangeError : Error;
  return Object.assign(new Class(error.message), { code: error.code, field: error.field });
}

/** Runs every run of `job` on a pool of workers; resolves once every record is back. */
export function runPool(job: PoolJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: PoolWorker[] = [];
    const batch = Math.max(1, Math.min(64, Math.floor(job.total / (job.workers * 8))));
    const started = Date.now();
    let next = 0;
    let done = 0;
    let settled = false;
    const stop = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      job.signal?.removeEventListener('abort', abort);
      if (error === undefined) resolve();
      else reject(error);
    };
    const abort = (): void => stop(Object.assign(new Error('the experiment was aborted'), { name: 'AbortError' }));
    if (job.signal?.aborted) return abort();
    job.signal?.addEventListener('abort', abort);
    const hand = (worker: PoolWorker): void => {
      if (next >= job.total) return;
      const request: ExperimentRequest = { type: 'runs', from: next, to: Math.min(job.total, next + batch) };
      next = request.to;
      worker.postMessage(request);
    };
    const answered = (worker: PoolWorker, response: ExperimentResponse): void => {
      if (settled) return;
      if (response.type === 'failed') return stop(rebuilt(response.error));
      // Two batches ahead: a worker finds the next one waiting when it finishes one.
      if (response.type === 'ready') hand(worker);
      if (response.type === 'done') {
        done += response.count;
        const runsPerSecond = done / Math.max(1e-3, (Date.now() - started) / 1000);
        try {
          const lines = response.text.split('\n');
          for (let i = 0; i < response.count; i++) job.onLine(response.from + i, lines[i]);
          job.onProgress({ done, total: job.total, runsPerSecond, secondsLeft: (job.total - done) / runsPerSecond });
        } catch (error) {
          // The caller's onRun or onProgress threw: the experiment stops with its error.
          return stop(error);
        }
        if (done === job.total) return stop();
      }
      hand(worker);
    };
    for (let i = 0; i < Math.min(job.workers, job.total); i++) {
      const worker = platform().createWorker();
      workers.push(worker);
      listen(worker, (data) => answered(worker, data as ExperimentResponse));
      listenErrors(worker, (error) => stop(error instanceof Error ? error : new Error(`an experiment worker failed: ${String((error as { message?: unknown })?.message ?? error)}`)));
      const init: ExperimentRequest = { type: 'init', experiment: job.experiment, module: job.module };
      worker.postMessage(init);
    }
  });
}
