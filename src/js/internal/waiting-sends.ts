/** Broadcasts that wait to be sent to wasm together, as one batch. */
import type { RawNetwork } from './raw.js';

/** The most broadcasts that wait before they are sent anyway. */
const CAPACITY = 1024;

/**
 * The senders' slots of broadcasts whose callbacks have run but which wasm has not counted yet.
 * Only a broadcast that `RawNetwork.unanimousStamp` allows may wait: it changes nothing in wasm
 * but ids, counters and the trace, so sending the waiting ones as one batch before any other call
 * into the raw network has the same effect as sending each at once.
 */
export class WaitingSends {
  #slots = new Uint32Array(CAPACITY);
  #count = 0;

  /** How many broadcasts wait. */
  get count(): number {
    return this.#count;
  }

  /** Adds a broadcast from `slot`; returns true when the buffer is full and must be sent. */
  add(slot: number): boolean {
    this.#slots[this.#count++] = slot;
    return this.#count === CAPACITY;
  }

  /** Sends the waiting broadcasts into `rawNetwork` as one batch, in order. */
  send(rawNetwork: RawNetwork): void {
    const slots = this.#slots.subarray(0, this.#count);
    this.#count = 0;
    if (rawNetwork.broadcastBatch(slots) === undefined) {
      throw new Error('data-mesh: internal error: waiting broadcasts met a network that is no longer instant');
    }
  }

  /** Forgets the waiting broadcasts (their network is freed). */
  clear(): void {
    this.#count = 0;
  }
}
