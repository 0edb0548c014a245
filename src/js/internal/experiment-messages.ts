/** The messages between `runExperiment`'s pool and its workers. */
import type { PlainError } from './endpoint.js';

/** What the pool asks of a worker. */
export type ExperimentRequest =
  | { readonly type: 'init'; readonly experiment: string; readonly module?: string }
  | { readonly type: 'runs'; readonly from: number; readonly to: number };

/** What a worker answers. */
export type ExperimentResponse =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly error: PlainError }
  | { readonly type: 'done'; readonly from: number; readonly count: number; readonly text: string };
