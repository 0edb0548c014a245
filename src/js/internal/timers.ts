/** The callbacks of a network's virtual timers; the engine keeps their ids in due order. */
import { flush, report } from './dispatcher.js';
import type { RawNetwork } from './raw.js';
import type { CancelTimer, TimerCallback } from '../types.js';

/** A node timer's node: where what its callback throws goes (its node's `onError`). */
interface TimerOwner {
  /** The node's slot. */
  readonly slot: number;
  /** False once the node is removed. */
  readonly alive: boolean;
  /** Takes what a callback threw. */
  handlerThrew(error: unknown): void;
}

/** A timer that fired, taken from the table with what its callback needs. */
export interface FiredTimer {
  /** Its id. */
  readonly id: number;
  /** Its id's generation when it fired. */
  readonly generation: number;
  /** Its callback. */
  readonly callback: TimerCallback;
  /** Its node (undefined for a network timer). */
  readonly owner: TimerOwner | undefined;
}

/** Generations wrap here, staying small integers. */
const GENERATIONS = 2 ** 30;

/**
 * The pending timers of one network, by id. The engine reuses an id once its timer fired or was
 * dropped, so each id counts the timers it named: a cancel function remembers the count of its
 * timer, and one of a timer long gone never cancels a later timer that got the same id. Nothing
 * per timer is kept besides its callback and node, so a million pending timers hold no closures of
 * ours for the garbage collector to trace.
 */
export class TimerTable {
  /** By id: the pending timer's callback, or undefined. */
  readonly #callbacks: (TimerCallback | undefined)[] = [];
  /** By id: the pending timer's node (undefined for a network timer). */
  readonly #owners: (TimerOwner | undefined)[] = [];
  /** By id: how many timers it named. */
  readonly #generations: number[] = [];

  constructor(
    /** The raw network, for cancelling (throws once it is freed). */
    readonly use: () => RawNetwork,
  ) {}

  /** Keeps `callback` for the timer `id` the engine just set; returns its cancel function. */
  add(id: number, callback: TimerCallback, owner: TimerOwner | undefined): CancelTimer {
    while (this.#callbacks.length <= id) {
      this.#callbacks.push(undefined);
      this.#owners.push(undefined);
      this.#generations.push(0);
    }
    const generation = (this.#generations[id] + 1) % GENERATIONS;
    this.#generations[id] = generation;
    this.#callbacks[id] = callback;
    this.#owners[id] = owner;
    return () => this.#cancel(id, generation);
  }

  /** Cancels the timer `id` of `generation`; true when it was pending. */
  #cancel(id: number, generation: number): boolean {
    if (this.#generations[id] !== generation || this.#callbacks[id] === undefined) return false;
    this.#forget(id);
    this.use().cancelTimer(id);
    return true;
  }

  /** Forgets the timer `id`, which the engine dropped unfired (its id may now name a later one). */
  dropped(id: number): void {
    this.#forget(id);
  }

  /** Forgets the pending timer `id`. */
  #forget(id: number): void {
    this.#callbacks[id] = undefined;
    this.#owners[id] = undefined;
  }

  /**
   * The timer `id`, which fired, as it is now (taken as soon as the engine reports it: a run started
   * before its callback runs may hand its id to a new timer); undefined when it was cancelled.
   */
  take(id: number): FiredTimer | undefined {
    const callback = this.#callbacks[id];
    return callback === undefined ? undefined : { id, generation: this.#generations[id], callback, owner: this.#owners[id] };
  }

  /**
   * Runs the callbacks of the timers `fired` (taken in firing order): a node timer's exception
   * goes to its node's `onError`, a network timer's is reported. A timer cancelled by an earlier
   * callback of the same batch does not run, nor one whose node was crashed or removed meanwhile.
   */
  fire(fired: readonly FiredTimer[]): void {
    for (let i = 0; i < fired.length; i++) {
      const { id, generation, callback, owner } = fired[i];
      if (this.#generations[id] === generation) {
        if (this.#callbacks[id] === undefined) continue; // cancelled since it fired
        this.#forget(id);
      }
      if (owner !== undefined && (!owner.alive || this.use().isCrashed(owner.slot))) continue;
      try {
        callback();
      } catch (error) {
        if (owner === undefined) report(error);
        else {
          owner.handlerThrew(error);
          flush();
        }
      }
    }
  }

  /** Forgets every pending timer (the network was freed). */
  clear(): void {
    this.#callbacks.length = 0;
    this.#owners.length = 0;
  }
}
