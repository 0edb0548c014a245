/** Running a bulk protocol: its batch taken from a run's report, its handlers, and its requests sent back in one list. */
import { BULK_ARRIVAL_RECORD as ARRIVAL, BULK_OP_RECORD as OP, BULK_TIMER_RECORD as TIMER } from '../generated/bulk.js';
import { DRAIN_HEAD } from '../generated/reports.js';
import { BULK_OP } from '../generated/codes.js';
import { report } from './dispatcher.js';
import { hook, object } from './checks.js';
import type { RawNetwork } from './raw.js';
import type { ArrivalBatch, BulkProtocol, TimerBatch } from '../types.js';

/** `buffer` if it holds `length` numbers, else a copy of it at least twice as long. */
function roomFor(buffer: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  if (length <= buffer.length) return buffer;
  const grown = new Float64Array(Math.max(length, 2 * buffer.length));
  grown.set(buffer);
  return grown;
}

/** The requests of one batch, as `BULK_OP_RECORD`s in a buffer that grows. */
class Ops {
  #buffer = new Float64Array(1024 * OP.length);
  #length = 0;

  /** Adds one request. */
  push(kind: number, arrival: number, node: number, delayMs: number, tag: number): void {
    if (this.#length + OP.length > this.#buffer.length) this.#buffer = roomFor(this.#buffer, this.#length + OP.length);
    const at = this.#length;
    this.#buffer[at + OP.kind] = kind;
    this.#buffer[at + OP.arrival] = arrival;
    this.#buffer[at + OP.node] = node;
    this.#buffer[at + OP.delayMs] = delayMs;
    this.#buffer[at + OP.tag] = tag;
    this.#length = at + OP.length;
  }

  /** The requests so far (a view, valid until the next `push`), and a fresh start. */
  take(): Float64Array {
    const taken = this.#buffer.subarray(0, this.#length);
    this.#length = 0;
    return taken;
  }

  /** Forgets the requests so far. */
  clear(): void {
    this.#length = 0;
  }
}

/** What the batches need of their network. */
interface BulkNetwork {
  /** The raw network (throws once freed). */
  use(): RawNetwork;
  /** Whether the network was freed. */
  readonly freed: boolean;
  /** The id of the node in `slot`. */
  nodeId(slot: number): string;
}

/** A batch: a copy of its records, read by position, and where its requests go. */
abstract class Batch {
  /** How many records it holds. */
  size = 0;
  /** The records, from the start (the buffer is reused: it may be longer). */
  records: Float64Array<ArrayBuffer> = new Float64Array(0);

  constructor(
    readonly ops: Ops,
    readonly network: BulkNetwork,
  ) {}

  /** Takes `size` records, `report[start..end]`, into the buffer (grown when too small). */
  take(size: number, report: Float64Array, start: number, end: number): void {
    this.records = roomFor(this.records, end - start);
    this.records.set(report.subarray(start, end));
    this.size = size;
  }

  /** The id of the node in `slot`. */
  nodeId(slot: number): string {
    return this.network.nodeId(slot);
  }
}

/** The arrivals of one window. */
class Arrivals extends Batch implements ArrivalBatch {
  timeMs(i: number): number {
    return this.records[i * ARRIVAL.length + ARRIVAL.timeMs];
  }

  node(i: number): number {
    return this.records[i * ARRIVAL.length + ARRIVAL.node];
  }

  from(i: number): number {
    return this.records[i * ARRIVAL.length + ARRIVAL.from];
  }

  hops(i: number): number {
    return this.records[i * ARRIVAL.length + ARRIVAL.hops];
  }

  messageId(i: number): number {
    return this.records[i * ARRIVAL.length + ARRIVAL.messageId];
  }

  neighbours(slot: number): Uint32Array {
    return this.network.use().neighbours(slot);
  }

  relay(i: number): void {
    this.ops.push(BULK_OP.relay, i, 0, 0, 0);
  }

  forward(i: number, to: number): void {
    this.ops.push(BULK_OP.forward, i, to, 0, 0);
  }
}

/** The bulk timers that fired at one moment. */
class Timers extends Batch implements TimerBatch {
  now = 0;

  node(i: number): number {
    return this.records[i * TIMER.length + TIMER.node];
  }

  tag(i: number): number {
    return this.records[i * TIMER.length + TIMER.tag];
  }

  setTimer(slot: number, delayMs: number, tag: number): void {
    this.ops.push(BULK_OP.timer, 0, slot, delayMs, tag);
  }
}

/** A bulk protocol's hooks, read once (a getter is never read again), each called with the protocol as `this`. */
type Hooks = Omit<BulkProtocol, 'name'>;

/** A network's bulk protocol: takes each batch from a report, runs the handlers, and sends their requests back as the run goes on. */
export class BulkRuntime {
  readonly #ops = new Ops();
  readonly #arrivals: Arrivals;
  readonly #timers: Timers;
  readonly #protocol: object;
  readonly #hooks: Hooks;

  /**
   * The runtime of `value`, a bulk protocol given as `field`: an object whose hooks are
   * functions when present. Throws `ERR_INVALID_TYPE` naming `field` or `field.hook`.
   */
  constructor(
    field: string,
    value: unknown,
    readonly network: BulkNetwork,
  ) {
    const protocol = object(field, value);
    this.#protocol = protocol;
    this.#hooks = {
      onArrivals: hook(field, protocol, 'onArrivals', false),
      onTimers: hook(field, protocol, 'onTimers', false),
      onError: hook(field, protocol, 'onError', false),
    } as Hooks;
    this.#arrivals = new Arrivals(this.#ops, network);
    this.#timers = new Timers(this.#ops, network);
  }

  /**
   * Copies the batch at the end of `report` (`length` numbers, as the last run wrote it) before
   * any handler may overwrite the report; returns whether there is one.
   */
  take(report: Float64Array, length: number, now: number): boolean {
    const arrivals = report[DRAIN_HEAD.bulkArrivals];
    const timers = report[DRAIN_HEAD.bulkTimers];
    const timersStart = length - timers * TIMER.length;
    const arrivalsStart = timersStart - arrivals * ARRIVAL.length;
    this.#arrivals.take(arrivals, report, arrivalsStart, timersStart);
    this.#timers.take(timers, report, timersStart, length);
    this.#timers.now = now;
    return arrivals + timers > 0;
  }

  /**
   * Runs the handlers on the batch taken last, then does what they asked and runs on to
   * `pausedUntil` (µs); returns the length of the report that wrote. A handler that throws, or
   * requests the network refuses, go to `onError` (or the console); the batch is then dropped.
   */
  resume(pausedUntil: number): number {
    const { onArrivals, onTimers } = this.#hooks;
    try {
      if (this.#arrivals.size > 0) onArrivals?.call(this.#protocol, this.#arrivals);
      if (this.#timers.size > 0) onTimers?.call(this.#protocol, this.#timers);
    } catch (error) {
      this.#ops.clear();
      this.#failed(error);
    }
    if (this.network.freed) return 0;
    try {
      return this.network.use().resumeBulk(this.#ops.take(), pausedUntil);
    } catch (error) {
      this.#failed(error);
      return this.network.use().resumeUntil(pausedUntil);
    }
  }

  /** Hands `error` to `onError`, or reports it. */
  #failed(error: unknown): void {
    const onError = this.#hooks.onError;
    if (onError === undefined) return report(error);
    try {
      onError.call(this.#protocol, error);
    } catch (thrown) {
      report(thrown);
    }
  }
}
