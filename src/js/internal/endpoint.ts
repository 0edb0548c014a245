/** Talking to workers the same way in browsers and Node: listening to an endpoint. */
import type { MessageEndpoint } from '../types.js';

type Listener = (event: unknown) => void;

/** The ways browsers (`addEventListener`) and Node (`on`) deliver an endpoint's events. */
type Target = { addEventListener?: (type: string, l: Listener) => void; on?: (type: string, l: Listener) => void };

/** Calls `listener` with each event of `type` ('message' or 'error') `endpoint` gets: a message's data, or the error. */
function on(endpoint: MessageEndpoint, type: 'message' | 'error', listener: (data: unknown) => void): void {
  const target = endpoint as Target;
  if (typeof target.addEventListener === 'function') {
    target.addEventListener(type, (event) => listener(type === 'message' ? (event as MessageEvent).data : event));
  } else if (typeof target.on === 'function') {
    target.on(type, listener);
  }
}

/** Calls `listener` with the data of every message `endpoint` receives. */
export function listen(endpoint: MessageEndpoint, listener: (data: unknown) => void): void {
  on(endpoint, 'message', listener);
}

/** Calls `listener` when the worker behind `endpoint` fails (an uncaught error, a script that does not load). */
export function listenErrors(endpoint: MessageEndpoint, listener: (error: unknown) => void): void {
  on(endpoint, 'error', listener);
}

/** An error as it crosses to another thread: its name and message, and a typed error's code and field. */
export interface PlainError {
  name: string;
  message: string;
  code?: string;
  field?: string;
}

/** `thrown` as a `PlainError`. */
export function plainError(thrown: unknown): PlainError {
  const e = thrown as { name?: string; message?: string; code?: string; field?: string };
  return { name: e.name ?? 'Error', message: e.message ?? String(thrown), code: e.code, field: e.field };
}

/**
 * Calls `answer` with the data of each message `endpoint` receives, one at a time and in order,
 * once `ready` resolves (a worker's server: each answer catches what its request throws).
 */
export function serveInOrder(endpoint: MessageEndpoint, ready: Promise<unknown>, answer: (data: unknown) => unknown): void {
  let queue = ready;
  listen(endpoint, (data) => {
    queue = queue.then(() => answer(data));
  });
}
