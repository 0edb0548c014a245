/** The state a MeshNetwork shares with its MeshNode handles (not part of the public API). */
import { Listeners, callAll, enqueue, flush, handlerAdditions, type ThrowSink } from './dispatcher.js';
import { freedError } from './checks.js';
import { raw, wasmMemory, type RawNetwork, type RawObserver } from './raw.js';
import type { Delivery, Message, NodeError } from './types.js';
import { watcherAnomalies, watcherAnomaly, type WatcherAnomaly } from './anomalies.js';
import type { MeshNode } from './mesh-node.js';
import type { MeshObserver } from './mesh-observer.js';

/** Why a receiver refused a message, by the code the drain report gives. */
export const REFUSALS = ['bad-signature', 'unknown-sender', 'replay'] as const;

/** Event codes of the drain report (see `RawNetwork::drain` in src/wasm/simulation.rs). */
const ARRIVED = 0;
const SENT = 1;

/** Everything the facade keeps for one node: its handle and its handlers. */
export class NodeRecord<T> implements ThrowSink {
  /** False once the node is removed: its handlers never run again. */
  alive = true;
  /** `onMessage` handlers. */
  readonly message = new Listeners<Message<T>, Delivery | undefined>();
  /** `onBroadcast` handlers. */
  readonly broadcast = new Listeners<Message<T>>();
  /** `onError` handlers. */
  readonly error = new Listeners<NodeError<T>>();
  /** `onSync` handlers. */
  readonly sync = new Listeners<number>();

  constructor(
    /** The node's slot in the raw network. */
    readonly slot: number,
    /** The node's id. */
    readonly nodeId: string,
    /** The node's handle (set right after construction). */
    public node: MeshNode<T> | undefined = undefined,
  ) {}

  /** Calls this node's handlers in `list` with `arg` (and `info`); what they throw goes to its `onError`. */
  emit<A, B>(list: Listeners<A, B | undefined>, arg: A, info?: B): void {
    if (this.alive) callAll(list.list, arg, this, info);
  }

  /** Queues a handler's exception for this node's `onError`. */
  handlerThrew(error: unknown): void {
    enqueue(() => this.emitError({ type: 'handler-error', nodeId: this.nodeId, error }));
  }

  /** Calls this node's `onError` handlers; what they throw is reported, never re-routed. */
  emitError(error: NodeError<T>): void {
    if (error.type === 'handler-error' && (!this.alive || this.error.list.length === 0)) {
      console.error(`data-mesh: a handler of node "${this.nodeId}" threw:`, error.error);
    }
    if (this.alive) callAll(this.error.list, error);
  }
}

/** A raw network plus the JS-side records of its nodes and watchers. */
export class NetworkState<T> {
  /** One record per slot ever created. */
  readonly records: NodeRecord<T>[] = [];
  /** The live records in creation order; replaced rather than changed once a broadcast holds it. */
  #live: NodeRecord<T>[] = [];
  #liveHeld = false;
  #report: Float64Array | undefined;
  #batchTable = new Int32Array(0);
  /** Watching observers, in the raw network's watch order. */
  readonly watchers: MeshObserver<T>[] = [];
  /** Scheduled messages still in flight, by message id, for the handlers of their arrivals. */
  readonly envelopes = new Map<number, Message<T>>();
  /** The payloads of a scenario's scripted broadcasts, by event index. */
  payloads: readonly unknown[] = [];
  /** Whether messages carry a sequence number and a tag or signature (auth other than 'none'). */
  readonly authenticated: boolean;
  #raw: RawNetwork | undefined;

  constructor(
    /** The class name used in `ERR_OBJECT_FREED` messages. */
    readonly owner: string,
    /** The network options (none: the seed's instant full mesh), or a raw network to adopt. */
    options?: object | RawNetwork,
  ) {
    const Raw = raw().RawNetwork;
    this.#raw = options === undefined ? new Raw() : options instanceof Raw ? options : Raw.withOptions(options);
    this.authenticated = this.#raw.authenticated();
  }

  /**
   * A table by slot for a batch's callbacks, at least `length` long and all zero (whoever fills
   * entries clears them again when done; callbacks only queue jobs, so no other batch runs meanwhile).
   */
  batchTable(length: number): Int32Array {
    if (this.#batchTable.length < length) this.#batchTable = new Int32Array(Math.max(length, 2 * this.#batchTable.length));
    return this.#batchTable;
  }

  /** Registers a new node's record (slots grow with creation order). */
  addRecord(record: NodeRecord<T>): void {
    this.records[record.slot] = record;
    this.#writableLive().push(record);
  }

  /** Marks a node's record removed: its handlers never run again. */
  removeRecord(record: NodeRecord<T>): void {
    record.alive = false;
    const live = this.#writableLive();
    live.splice(live.indexOf(record), 1);
  }

  /** The handles of the live nodes, in creation order. */
  liveNodes(): MeshNode<T>[] {
    return this.#live.map((record) => record.node as MeshNode<T>);
  }

  /** The live records as of now, in creation order; the array never changes afterwards. */
  holdLive(): readonly NodeRecord<T>[] {
    this.#liveHeld = true;
    return this.#live;
  }

  #writableLive(): NodeRecord<T>[] {
    if (this.#liveHeld) {
      this.#live = this.#live.slice();
      this.#liveHeld = false;
    }
    return this.#live;
  }

  /** Makes `observer` (backed by `rawObserver`) validate every later broadcast; idempotent. */
  addWatcher(observer: MeshObserver<T>, rawObserver: RawObserver): void {
    this.watchers[this.use().watch(rawObserver)] = observer;
  }

  /** Stops `rawObserver` watching; nothing to do once this network is freed. */
  removeWatcher(rawObserver: RawObserver): void {
    if (this.freed) return;
    const index = this.use().unwatch(rawObserver);
    if (index !== undefined) this.watchers.splice(index, 1);
  }

  /** A view of the raw network's report buffer holding at least `count` numbers. */
  report(count: number): Float64Array {
    const memory = wasmMemory();
    let view = this.#report;
    if (view === undefined || view.buffer !== memory.buffer || view.length < count) {
      const rawNetwork = this.use();
      view = new Float64Array(memory.buffer, rawNetwork.reportPtr(), rawNetwork.reportCapacity());
      this.#report = view;
    }
    return view;
  }

  /**
   * Runs the handlers for the drain report of `length` numbers that `run`, `runUntil` or `step`
   * wrote, in the order things happened, after the wasm call has returned: an engine-made send
   * goes to its sender's `onBroadcast` and to the watchers' `onAnomaly`; an arrival at a
   * listening node to its `onMessage` (or `onError` when rejected, then `onSync` when it synced
   * to the message).
   */
  dispatchEvents(length: number): void {
    if (length === 0) return;
    // Fetched before the report is read: a call into wasm may move its memory.
    const names = this.use().claimedNames();
    const report = this.report(length);
    const jobs: (() => void)[] = [];
    let at = 1;
    for (let n = 0; n < report[0]; n++) {
      const code = report[at];
      if (code === ARRIVED) {
        const job = this.#arrival(report, at);
        if (job !== undefined) jobs.push(job);
        at += 9;
      } else if (code === SENT) {
        jobs.push(this.#engineSend(report, at, names));
        at += 8 + 3 * report[at + 7];
      } else {
        this.envelopes.delete(report[at + 1]);
        at += 2;
      }
    }
    if (jobs.length === 0) return;
    enqueue(() => {
      for (const job of jobs) job();
    });
    flush();
  }

  /** The handlers of the arrival at `report[at..]`, or undefined for a message never heard of. */
  #arrival(report: Float64Array, at: number): (() => void) | undefined {
    const sent = this.envelopes.get(report[at + 1]);
    if (sent === undefined) return undefined;
    const record = this.records[report[at + 3]];
    const [expected, synced, refusal] = [report[at + 4], report[at + 5], report[at + 7]];
    const message = report[at + 6] === 1 ? Object.freeze({ ...sent, tampered: true as const }) : sent;
    const delivery: Delivery = Object.freeze({ from: this.records[report[at + 2]].nodeId, hops: report[at + 8] });
    return () => {
      if (refusal !== -1) {
        record.emitError({ type: REFUSALS[refusal], nodeId: record.nodeId, message, delivery });
      } else if (expected === -1) {
        record.emit(record.message, message, delivery);
      } else {
        record.emitError({ type: 'pattern-mismatch', nodeId: record.nodeId, expected, received: message.patternValue, message, delivery });
      }
      if (synced !== -1) record.emit(record.sync, synced);
    };
  }

  /** Records the engine-made send at `report[at..]` and returns the handlers it calls. */
  #engineSend(report: Float64Array, at: number, names: readonly string[]): () => void {
    const sender = this.records[report[at + 2]];
    const claimed = report[at + 3];
    const senderId = claimed >= 0 ? this.records[claimed].nodeId : names[-claimed - 2];
    const payload = report[at + 6];
    const data = (payload === -1 ? undefined : this.payloads[payload]) as T;
    const message: Message<T> = Object.freeze({ senderId, globalStep: report[at + 4], patternValue: report[at + 5], data });
    this.envelopes.set(report[at + 1], message);
    const anomalies = watcherAnomalies(this.watchers, report, at + 8, at + 8 + 3 * report[at + 7]);
    return () => deliver(sender, message, [], undefined, anomalies);
  }

  /** The raw network; throws `ERR_OBJECT_FREED` after `free()`. */
  use(): RawNetwork {
    if (this.#raw === undefined) throw freedError(this.owner);
    return this.#raw;
  }

  /** Whether `free()` was called. */
  get freed(): boolean {
    return this.#raw === undefined;
  }

  /** Frees the raw network: every handle of it stops working. */
  free(): void {
    this.#raw?.free();
    this.#raw = undefined;
    for (const record of this.records) record.alive = false;
  }
}

/**
 * Runs the callbacks of one broadcast: the sender's onBroadcast, then every receiver that was
 * live at broadcast time in creation order (onMessage, or onError for a rejection), then the
 * watching observers' onAnomaly.
 */
export function deliver<T>(
  sender: NodeRecord<T>,
  message: Message<T>,
  receivers: readonly NodeRecord<T>[],
  rejections: Map<number, number> | undefined,
  anomalies: readonly WatcherAnomaly<T>[] | undefined,
): void {
  const received = message.patternValue;
  sender.emit(sender.broadcast, message);
  // An instant broadcast reaches everyone straight from its sender: one delivery record for all,
  // made once somebody hears it.
  let delivery: Delivery | undefined;
  for (let n = 0; n < receivers.length; n++) {
    const record = receivers[n];
    if (record === sender) continue;
    const expected = rejections?.get(record.slot);
    if (expected !== undefined) {
      if (record.error.list.length === 0) continue;
      delivery ??= Object.freeze({ from: sender.nodeId, hops: 1 });
      record.emitError({ type: 'pattern-mismatch', nodeId: record.nodeId, expected, received, message, delivery });
    } else if (record.message.list.length > 0) {
      delivery ??= Object.freeze({ from: sender.nodeId, hops: 1 });
      record.emit(record.message, message, delivery);
    }
  }
  if (anomalies === undefined) return;
  for (const [observer, kind, expected] of anomalies) observer._emitAnomaly(watcherAnomaly(kind, expected, message));
}

/** The pairs `slot, expected` in `report[start..end]` as a map (copied: the buffer is reused). */
export function pairs(report: Float64Array, start: number, end: number): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = start; i < end; i += 2) map.set(report[i], report[i + 1]);
  return map;
}

/** What every message of one sender in a batch had: its stamp and what receivers and watchers made of it. */
interface BatchGroup<T> {
  /** The sender's record. */
  sender: NodeRecord<T>;
  /** The step its messages carry. */
  globalStep: number;
  /** The pattern value its messages carry. */
  patternValue: number;
  /** The receivers that rejected them, with the value each expected. */
  rejections: Map<number, number> | undefined;
  /** What the watchers flagged. */
  anomalies: WatcherAnomaly<T>[] | undefined;
}

/**
 * Queues the callbacks of a batch sent from `slots` carrying `data`, given its report (see
 * `RawNetwork.broadcastBatch`), as one job that does `deliver` for each message in order. That is
 * what one job per message would do: jobs the callbacks queue run after it either way.
 */
export function queueBatch<T>(state: NetworkState<T>, slots: Uint32Array, data: T, report: Float64Array): void {
  const receivers = state.holdLive();
  const groups: BatchGroup<T>[] = [];
  for (let group = 0, at = 2; group < report[1]; group++) {
    const [slot, globalStep, patternValue, rejected, anomalyCount] = report.subarray(at, at + 5);
    const rejectionsEnd = at + 5 + 2 * rejected;
    const end = rejectionsEnd + 3 * anomalyCount;
    groups.push({
      sender: state.records[slot],
      globalStep,
      patternValue,
      rejections: rejected > 0 ? pairs(report, at + 5, rejectionsEnd) : undefined,
      anomalies: anomalyCount > 0 ? watcherAnomalies(state.watchers, report, rejectionsEnd, end) : undefined,
    });
    at = end;
  }
  enqueue(() => deliverBatch(state, slots, data, groups, receivers));
}

/**
 * Runs `deliver` for each message of a batch, making message objects only for the messages a
 * callback hears of: who listens is checked again whenever a callback added a handler, so a batch
 * nobody listens to costs nothing here, and the messages of unheard senders are skipped in a scan
 * of the slots.
 */
function deliverBatch<T>(
  state: NetworkState<T>,
  slots: Uint32Array,
  data: T,
  groups: readonly BatchGroup<T>[],
  receivers: readonly NodeRecord<T>[],
): void {
  let additions = handlerAdditions();
  let heard = whoHears(groups, receivers);
  if (!heard.includes(true)) return;
  // The heard group of each slot, plus one (0: not heard).
  const table = state.batchTable(state.records.length);
  let only = markHeard(table, groups, heard);
  try {
    for (let i = 0; i < slots.length; i++) {
      if (only >= 0) {
        i = slots.indexOf(only, i);
        if (i < 0) break;
      } else if (table[slots[i]] === 0) {
        continue;
      }
      const { sender, globalStep, patternValue, rejections, anomalies } = groups[table[slots[i]] - 1];
      const message: Message<T> = Object.freeze({ senderId: sender.nodeId, globalStep, patternValue, data });
      deliver(sender, message, receivers, rejections, anomalies);
      if (additions !== handlerAdditions()) {
        additions = handlerAdditions();
        heard = whoHears(groups, receivers);
        if (!heard.includes(true)) break;
        only = markHeard(table, groups, heard);
      }
    }
  } finally {
    for (const group of groups) table[group.sender.slot] = 0;
  }
}

/**
 * Writes each group's index plus one into `table` at its sender's slot when it is `heard`, else 0;
 * returns that slot when exactly one group is heard (its messages can then be found with
 * `indexOf`), else -1.
 */
function markHeard<T>(table: Int32Array, groups: readonly BatchGroup<T>[], heard: readonly boolean[]): number {
  let only = -1;
  let count = 0;
  groups.forEach((group, index) => {
    table[group.sender.slot] = heard[index] ? index + 1 : 0;
    if (heard[index]) {
      count++;
      only = group.sender.slot;
    }
  });
  return count === 1 ? only : -1;
}

/**
 * For each group, whether some handler would hear of a message of it now (see `deliver`): its
 * sender's onBroadcast, an observer flagging it, or a receiver other than the sender with
 * onMessage or onError. The receivers are scanned once, not once per group.
 */
function whoHears<T>(groups: readonly BatchGroup<T>[], receivers: readonly NodeRecord<T>[]): boolean[] {
  let listening = 0;
  let firstListening: NodeRecord<T> | undefined;
  for (let i = 0; i < receivers.length && listening < 2; i++) {
    const record = receivers[i];
    if (record.message.list.length > 0 || record.error.list.length > 0) {
      listening++;
      firstListening ??= record;
    }
  }
  return groups.map(
    ({ sender, anomalies }) =>
      sender.broadcast.list.length > 0 ||
      listening > 1 ||
      (listening === 1 && firstListening !== sender) ||
      (anomalies?.some(([observer]) => observer._hearsAnomalies()) ?? false),
  );
}
