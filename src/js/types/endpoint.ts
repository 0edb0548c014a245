/** What workers talk through. */

/** Anything messages can be posted to and received from: a worker's global scope, a `Worker`,
 * a Node `MessagePort` or `worker_threads.Worker`. */
export interface MessageEndpoint {
  /** Sends a message. */
  postMessage(message: unknown, transfer?: Transferable[]): void;
}
