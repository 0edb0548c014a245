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

/** The timers that fired in one stop of a run, taken from the table in firing order with what their callbacks need. */
export class FiredTimers {
  /** Their ids. */
  readonly ids: number[] = [];
  /** Their ids' generations when they fired. */
  readonly generations: number[] = [];
  /** Their callbacks. */
  readonly callbacks: TimerCallback[] = [];
  /** Their nodes (undefined for a network timer). */
  readonly owners: (TimerOwner | undefined)[] = [];

  constructor(
    /** The table's count of moments a node may have crashed when the engine fired them. */
    readonly crashes: number,
  ) {}
}

/** Generations wrap here, staying small integers. */
const GENERATIONS = 2 ** 30;

/** Entries per id in the table: callback, owner, generation. */
const STRIDE = 3;
const OWNER = 1;
const GENERATION = 2;

/**
 * The pending timers of one network, by id. The engine reuses an id once its timer fired or was
 * dropped, so each id counts the timers it named: a cancel function remembers the count of its
 * timer, and one of a timer long gone never cancels a later timer that got the same id. Nothing
 * per timer is kept besides its callback and node, so a million pending timers hold no closures of
 * ours for the garbage collector to trace.
 */
export class TimerTable {
  /**
   * By id, `STRIDE` entries side by side (one cache line for a timer that fires at random among a
   * million): the pending timer's callback (or undefined), its node (undefined for a network
   * timer), and how many timers the id named.
   */
  readonly #table: (TimerCallback | TimerOwner | number | undefined)[] = [];
  /** Counts the moments a node may have crashed (see `mayHaveCrashed`). */
  #crashes = 0;

  constructor(
    /** The raw network, for cancelling (throws once it is freed). */
    readonly use: () => RawNetwork,
  ) {}

  /** Keeps `callback` for the timer `id` the engine just set; returns its cancel function. */
  add(id: number, callback: TimerCallback, owner: TimerOwner | undefined): CancelTimer {
    const at = STRIDE * id;
    while (this.#table.length <= at) this.#table.push(undefined, undefined, 0);
    const generation = ((this.#table[at + GENERATION] as number) + 1) % GENERATIONS;
    this.#table[at] = callback;
    this.#table[at + OWNER] = owner;
    this.#table[at + GENERATION] = generation;
    return () => this.#cancel(id, generation);
  }

  /** Cancels the timer `id` of `generation`; true when it was pending. */
  #cancel(id: number, generation: number): boolean {
    const at = STRIDE * id;
    if (this.#table[at + GENERATION] !== generation || this.#table[at] === undefined) return false;
    this.#forget(at);
    this.use().cancelTimer(id);
    return true;
  }

  /** Forgets the timer `id`, which the engine dropped unfired (its id may now name a later one). */
  dropped(id: number): void {
    this.#forget(STRIDE * id);
  }

  /** Forgets the pending timer at `at` in the table. */
  #forget(at: number): void {
    this.#table[at] = undefined;
    this.#table[at + OWNER] = undefined;
  }

  /** An empty list of timers that fired, to `take` them into as the engine reports them. */
  firedNow(): FiredTimers {
    return new FiredTimers(this.#crashes);
  }

  /**
   * Adds the timer `id`, which fired, to `fired` as it is now (taken as soon as the engine reports
   * it: a run started before its callback runs may hand its id to a new timer); nothing when it
   * was cancelled.
   */
  take(id: number, fired: FiredTimers): void {
    const at = STRIDE * id;
    const callback = this.#table[at] as TimerCallback | undefined;
    if (callback === undefined) return;
    fired.ids.push(id);
    fired.generations.push(this.#table[at + GENERATION] as number);
    fired.callbacks.push(callback);
    fired.owners.push(this.#table[at + OWNER] as TimerOwner | undefined);
  }

  /**
   * Notes that a node may have crashed since the engine fired the timers being run (a run, or a
   * call to crash, happened): their callbacks then ask wasm whether their node is down.
   */
  mayHaveCrashed(): void {
    this.#crashes++;
  }

  /**
   * Runs the callbacks of the timers `fired` (taken in firing order): a node timer's exception
   * goes to its node's `onError`, a network timer's is reported. A timer cancelled by an earlier
   * callback of the same batch does not run, nor one whose node was crashed or removed meanwhile
   * (the engine fired them for nodes up then: wasm is asked only when a node may have crashed since).
   */
  fire(fired: FiredTimers): void {
    for (let i = 0; i < fired.ids.length; i++) {
      const at = STRIDE * fired.ids[i];
      if (this.#table[at + GENERATION] === fired.generations[i]) {
        if (this.#table[at] === undefined) continue; // cancelled since it fired
        this.#forget(at);
      }
      const owner = fired.owners[i];
      if (owner !== undefined && (!owner.alive || (this.#crashes !== fired.crashes && this.use().isCrashed(owner.slot)))) continue;
      try {
        fired.callbacks[i]();
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
    this.#table.length = 0;
  }
}
