/** What the package's entry point knows of its platform, bound once: how to start an experiment worker, how many cores there are, and how to load an ES module. */
import type { MessageEndpoint } from '../types.js';
import { notInitializedError } from './errors.js';

/** A worker the pool can post to and stop. */
export interface PoolWorker extends MessageEndpoint {
  /** Stops the worker. */
  terminate(): unknown;
}

/** The platform's services. */
export interface Platform {
  /** Starts a worker that serves experiment runs (`serveExperiments`). */
  createWorker(): PoolWorker;
  /** How many cores the machine has (`navigator.hardwareConcurrency`, `os.availableParallelism()`). */
  cores(): number;
  /** Imports the ES module at `url` (a native `import()`, which the CommonJS build cannot write). */
  load(url: string): Promise<unknown>;
}

let bound: Platform | undefined;

/** Makes `services` the platform's (called by the entry points). */
export function bindPlatform(services: Platform): void {
  bound = services;
}

/** The platform's services; throws `ERR_NOT_INITIALIZED` when no entry point bound them. */
export function platform(): Platform {
  if (bound === undefined) throw notInitializedError();
  return bound;
}
