/**
 * One FIFO queue of pending callback jobs for the whole module.
 *
 * Every API call finishes its work in wasm first, then queues the callbacks it caused and
 * flushes (a broadcast that starts no nested flush runs its callbacks as the flush's first job
 * without queueing them: `startFlush`). A callback that calls back into the API (broadcast, sync, createNode, removeNode,
 * observe, ...) only queues more jobs: the outermost flush runs them in order. So delivery order
 * is deterministic (breadth first), nothing recurses, and wasm is never re-entered mid-mutation.
 */
/** A handler, with the second argument only some lists pass (`onMessage`'s delivery). */
type Callback<A, B> = (arg: A, info: B) => void;

type Job = () => void;

const queue: Job[] = [];
let head = 0;
let flushing = false;

/** Adds a job to run after the current one (or at the next flush). */
export function enqueue(job: Job): void {
  queue.push(job);
}

/** Runs queued jobs until none are left, unless a flush is already running further up the stack. */
export function flush(): void {
  if (flushing) return;
  flushing = true;
  drain();
}

/**
 * Starts a flush when none is running and no job waits, and returns true: the caller then runs
 * its own callbacks at once (as the flush's first job, without queueing a closure) and calls
 * `finishFlush`. Returns false otherwise: the caller queues its job and calls `flush`.
 */
export function startFlush(): boolean {
  if (flushing || queue.length !== 0) return false;
  flushing = true;
  return true;
}

/** Runs what the first job of a flush begun with `startFlush` queued, then ends the flush. */
export function finishFlush(): void {
  drain();
}

/** Runs the queued jobs of the flush that is running, then ends it. */
function drain(): void {
  try {
    while (head < queue.length) {
      const job = queue[head++];
      try {
        job();
      } catch (error) {
        report(error);
      }
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
    }
  } finally {
    if (queue.length !== 0) queue.length = 0;
    head = 0;
    flushing = false;
  }
}

/** Reports an error that has no handler to go to. */
export function report(error: unknown): void {
  console.error('data-mesh: unhandled error in a handler:', error);
}

/** Where `callAll` sends what a handler throws (an object, so no closure is allocated per call). */
export interface ThrowSink {
  /** Takes an exception thrown by a handler. */
  handlerThrew(error: unknown): void;
}

/**
 * Calls each handler with `arg`, and `info` when given (so handlers see exactly the arguments
 * they are documented to get); a handler that throws does not stop the others, and what it threw
 * goes to `sink` (or is reported when there is no sink).
 */
export function callAll<A, B>(handlers: readonly Callback<A, B>[], arg: A, sink?: ThrowSink, info?: B): void {
  for (let i = 0; i < handlers.length; i++) {
    try {
      if (info === undefined) (handlers[i] as (arg: A) => void)(arg);
      else handlers[i](arg, info);
    } catch (error) {
      if (sink) sink.handlerThrew(error);
      else report(error);
    }
  }
}

const NO_HANDLERS: readonly never[] = Object.freeze([]);

/** How many handlers were ever added, anywhere. */
let handlersAdded = 0;

/** How many handlers were ever added: a batch re-checks who listens when this changes. */
export function handlerAdditions(): number {
  return handlersAdded;
}

/**
 * A list of handlers, given `A` and (for `onMessage`) a `B`, replaced (never mutated) on change so
 * that a running dispatch is unaffected.
 */
export class Listeners<A, B = undefined> {
  /** The current handlers, in registration order (one shared empty array until the first). */
  list: readonly Callback<A, B>[] = NO_HANDLERS;

  /** Adds `handler`; returns the function that removes it. */
  add(handler: Callback<A, B>): () => void {
    handlersAdded++;
    this.list = [...this.list, handler];
    return () => {
      this.list = this.list.filter((h) => h !== handler);
    };
  }
}
