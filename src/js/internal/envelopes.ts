/** The scheduled messages of a network still in flight, by message id, for the handlers of their arrivals. */
import type { Message } from '../types.js';

/** The table's first size (a power of two). */
const FIRST_SIZE = 1024;

/**
 * A map from message id to message, as a `Map` would be, made for ids that count up: a message
 * lives in the slot its id names modulo the table's size, so ids sent close together sit close
 * together and a lookup is one read. A message whose slot a later id needs while it is still in
 * flight moves to a `Map` of its own; the table doubles while it is more than half full, so that
 * happens only to messages long in flight.
 */
export class Envelopes<T> {
  /** By slot: the id of the message there (meaningless where `#messages` has none). */
  #ids = new Float64Array(FIRST_SIZE);
  /** By slot: the message, or undefined. */
  #messages: (Message<T> | undefined)[] = new Array<Message<T> | undefined>(FIRST_SIZE).fill(undefined);
  /** Messages in the slots. */
  #count = 0;
  /** Messages moved out of their slot. */
  readonly #moved = new Map<number, Message<T>>();

  /** The message `id`, or undefined. */
  get(id: number): Message<T> | undefined {
    const slot = id & (this.#ids.length - 1);
    if (this.#ids[slot] === id && this.#messages[slot] !== undefined) return this.#messages[slot];
    return this.#moved.size === 0 ? undefined : this.#moved.get(id);
  }

  /** Keeps `message` as the message `id` (replacing any kept for that id). */
  set(id: number, message: Message<T>): void {
    if (2 * this.#count >= this.#ids.length) this.#grow();
    const slot = id & (this.#ids.length - 1);
    const there = this.#messages[slot];
    if (there === undefined) this.#count++;
    else if (this.#ids[slot] !== id) this.#moved.set(this.#ids[slot], there);
    if (this.#moved.size !== 0) this.#moved.delete(id);
    this.#ids[slot] = id;
    this.#messages[slot] = message;
  }

  /** Forgets the message `id` (it has nothing left in flight). */
  delete(id: number): void {
    const slot = id & (this.#ids.length - 1);
    if (this.#ids[slot] === id && this.#messages[slot] !== undefined) {
      this.#messages[slot] = undefined;
      this.#count--;
    } else if (this.#moved.size !== 0) {
      this.#moved.delete(id);
    }
  }

  /** Doubles the table, placing each message again. */
  #grow(): void {
    const ids = this.#ids;
    const messages = this.#messages;
    this.#ids = new Float64Array(2 * ids.length);
    this.#messages = new Array<Message<T> | undefined>(2 * ids.length).fill(undefined);
    this.#count = 0;
    for (let slot = 0; slot < ids.length; slot++) {
      const message = messages[slot];
      if (message !== undefined) this.set(ids[slot], message);
    }
  }
}
