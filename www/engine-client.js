// The page's side of the engine worker (engine-protocol.js): requests go out one at a time, in
// order, each resolving with its reply; a time travel still waiting replaces the one before it.

/** Talks to the engine worker. */
export class EngineClient {
  #worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
  /** Requests not sent yet, `{ message, resolve, reject }`, oldest first. */
  #queue = [];
  /** The request sent and not answered yet, or undefined. */
  #inFlight;
  #nextId = 0;

  /** Starts the worker. */
  constructor() {
    this.#worker.addEventListener('message', ({ data }) => this.#answer(data));
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#answer({ id: this.#inFlight?.message.id, error: { code: 'ERR_ENGINE', field: null, message: event.message ?? 'the engine worker failed' } });
    });
  }

  /** Whether no request waits or is in flight: the engine is free for the next frame. */
  get idle() {
    return this.#inFlight === undefined && this.#queue.length === 0;
  }

  /**
   * Sends `message` (`{ type, ...fields }`, see engine-protocol.js) after the requests before it;
   * resolves with its reply `{ frame, result }` (undefined for a travel a later one replaced),
   * rejects with its `error`. Replies resolve in the order the requests were made.
   */
  request(message) {
    return new Promise((resolve, reject) => {
      const last = this.#queue.at(-1);
      // Dragging the time slider asks for many moments: only the latest one waiting is replayed.
      if (message.type === 'travel' && last?.message.type === 'travel') this.#queue.pop().resolve(undefined);
      this.#queue.push({ message: { ...message, id: this.#nextId++ }, resolve, reject });
      this.#sendNext();
    });
  }

  /** Sends the oldest waiting request if none is in flight. */
  #sendNext() {
    if (this.#inFlight !== undefined || this.#queue.length === 0) return;
    this.#inFlight = this.#queue.shift();
    this.#worker.postMessage(this.#inFlight.message);
  }

  /** Takes the worker's reply to the request in flight and sends the next one. */
  #answer({ id, frame, result, error }) {
    const request = this.#inFlight;
    if (request === undefined || request.message.id !== id) return;
    this.#inFlight = undefined;
    if (error === undefined) request.resolve({ frame, result });
    else request.reject(Object.assign(new Error(error.message), error));
    this.#sendNext();
  }
}
