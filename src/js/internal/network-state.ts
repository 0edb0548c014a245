/** The state a MeshNetwork shares with its nodes and watching observers (not part of the public API). */
import { Envelopes } from './envelopes.js';
import { freedError } from './errors.js';
import { raw, wasmMemory, type RawNetwork } from './raw.js';
import { NeighbourCache } from './neighbours.js';
import { NodeRecord } from './node-record.js';
import { TimerTable } from './timers.js';
import { WaitingSends } from './waiting-sends.js';
import { BulkRuntime } from './bulk.js';
import type { ObserverCore } from './observer-core.js';
import type { NodeConfig } from '../types.js';
import { nodeConfig, read, withoutProtocol } from './checks.js';
import { ProtocolRuntime, checkedProtocol, type CheckedProtocol, type ProtocolNode } from './protocol-runtime.js';

/** Numbers per slot in the table of broadcasts that may wait. */
const WAIT_STRIDE = 3;

/** A raw network plus the JS-side records of its nodes and watchers; `H` is the node handle type. */
export class NetworkState<T, H = unknown> {
  /** One record per slot ever created. */
  readonly records: NodeRecord<T, H>[] = [];
  /** The live records in creation order; replaced rather than changed once a broadcast holds it. */
  #live: NodeRecord<T, H>[] = [];
  #liveHeld = false;
  /** The live records by node id, made on first use (`liveRecord`) and kept up to date from then on. */
  #byId: Map<string, NodeRecord<T, H>> | undefined;
  #report: Float64Array | undefined;
  #batchTable = new Int32Array(0);
  /** The neighbours of nodes, kept while the wiring stays the same. */
  readonly neighbours = new NeighbourCache<NodeRecord<T, H>>(this.records);
  /** Watching observers, in the raw network's watch order. */
  readonly watchers: ObserverCore<T>[] = [];
  /** Scheduled messages still in flight, by message id, for the handlers of their arrivals. */
  readonly envelopes = new Envelopes<T>();
  /** The payloads of a scenario's scripted broadcasts, by event index. */
  payloads: readonly unknown[] = [];
  /** The protocol every node created without one of its own runs, with its hooks (none: undefined). */
  defaultProtocol: CheckedProtocol<T> | undefined;
  /** Protocols given to `createNode`, to attach once their node's handle exists, by slot. */
  readonly #toHost = new Map<number, CheckedProtocol<T>>();
  /** Nodes whose protocol has not started yet, in creation order. */
  #unstarted: NodeRecord<T, H>[] = [];
  /** The bulk protocol every node runs, if any. */
  bulk: BulkRuntime | undefined;
  /** The callbacks of the pending virtual timers. */
  readonly timers = new TimerTable(() => this.use());
  /** True once a send needed its size (see `sized`). */
  sizesNumbers = false;
  /** Whether messages carry a sequence number and a tag or signature (auth other than 'none'). */
  readonly authenticated: boolean;
  #raw: RawNetwork | undefined;
  /** Broadcasts not yet sent to wasm; every other call into it sends them first (`use`). */
  readonly #waiting = new WaitingSends();
  /** By slot, `WAIT_STRIDE` numbers: the epoch its broadcasts may wait in (see `letWait`), their step and pattern value. */
  #waits = new Float64Array(0);
  /** Counts the calls into wasm through `use`: each may change what `letWait` was told. */
  #epoch = 0;

  constructor(
    /** The class name used in `ERR_OBJECT_FREED` messages. */
    readonly owner: string,
    /** The raw network. */
    rawNetwork: RawNetwork,
  ) {
    this.#raw = rawNetwork;
    this.authenticated = rawNetwork.authenticated();
  }

  /** A state over a new raw network with `options` (none: the seed's instant full mesh); its `protocol`, if any, runs on every node created without one of its own. */
  static create<T, H>(owner: string, options?: object): NetworkState<T, H> {
    const Raw = raw().RawNetwork;
    const [rest, protocol] = withoutProtocol(options);
    const everywhere = checkedProtocol<T>('protocol', protocol);
    const state = new NetworkState<T, H>(owner, rest === undefined ? new Raw() : Raw.withOptions(rest as object));
    state.defaultProtocol = everywhere;
    return state;
  }

  /** Adds a node to the raw network and returns its record (validation happens in wasm); the protocol it runs (its config's, or the network's) is checked first and attached by `host`. */
  addNode(config: NodeConfig): NodeRecord<T, H> {
    const [nodeId, seed, interval] = nodeConfig(config);
    const own = checkedProtocol<T>('config.protocol', read(config as unknown as Record<string, unknown>, 'protocol', 'a protocol object'));
    if ((own ?? this.defaultProtocol) !== undefined) this.use().checkHostable();
    const record = new NodeRecord<T, H>(this.use().createNode(nodeId, seed, interval), nodeId);
    this.addRecord(record);
    if (own !== undefined) this.#toHost.set(record.slot, own);
    return record;
  }

  /** Runs the protocol `addNode` kept for `record`, else the network's (if any), on its node, whose handle `node` now exists. */
  host(record: NodeRecord<T, H>, node: ProtocolNode<T>): void {
    const protocol = this.#toHost.get(record.slot) ?? this.defaultProtocol;
    if (protocol === undefined) return;
    this.#toHost.delete(record.slot);
    const runtime = new ProtocolRuntime<T, H>(protocol[0], protocol[1], this, record, node);
    record.lifecycle = runtime;
    runtime.attach();
    this.#unstarted.push(record);
  }

  /** Runs every node by the bulk protocol `protocol` from now on, replacing the one before (see `MeshNetwork.setBulkProtocol`). */
  setBulkProtocol(protocol: unknown): void {
    const runtime = new BulkRuntime('protocol', protocol, this);
    this.use().setBulkProtocol();
    this.bulk = runtime;
  }

  /** The id of the node in `slot` (removed ones included); throws `ERR_INVALID_TYPE` naming `slot` for a slot no node ever had. */
  nodeId(slot: number): string {
    const record = this.records[slot];
    if (record === undefined) throw raw().invalidTypeError('slot', 'the slot of a node of this network', slot);
    return record.nodeId;
  }

  /** Runs `onStart` of every protocol not started yet, in creation order (before a run). */
  startProtocols(): void {
    if (this.#unstarted.length === 0) return;
    const unstarted = this.#unstarted;
    this.#unstarted = [];
    for (const record of unstarted) record.lifecycle?.start();
  }

  /** Crashes the node in `slot`, then tells its protocol (if it was running). */
  crash(slot: number): void {
    const rawNetwork = this.use();
    const wasCrashed = rawNetwork.isCrashed(slot);
    rawNetwork.crash(slot);
    this.timers.mayHaveCrashed();
    if (!wasCrashed) this.records[slot].lifecycle?.crashed();
  }

  /** Restarts the node in `slot`, then tells its protocol (if it was crashed). */
  restart(slot: number): void {
    const rawNetwork = this.use();
    const wasCrashed = rawNetwork.isCrashed(slot);
    rawNetwork.restart(slot);
    if (wasCrashed) this.records[slot].lifecycle?.restarted(rawNetwork.restartKeepsStep());
  }

  /** A table by slot for a batch's callbacks, at least `length` long and all zero (whoever fills entries clears them again when done; callbacks only queue jobs, so no other batch runs meanwhile). */
  batchTable(length: number): Int32Array {
    if (this.#batchTable.length < length) this.#batchTable = new Int32Array(Math.max(length, 2 * this.#batchTable.length));
    return this.#batchTable;
  }

  /** Registers a new node's record (slots grow with creation order). */
  addRecord(record: NodeRecord<T, H>): void {
    this.records[record.slot] = record;
    this.#writableLive().push(record);
    this.#byId?.set(record.nodeId, record);
  }

  /** Marks a node's record removed: its handlers never run again. */
  removeRecord(record: NodeRecord<T, H>): void {
    record.alive = false;
    this.#byId?.delete(record.nodeId);
    const live = this.#writableLive();
    live.splice(live.indexOf(record), 1);
  }

  /** The record of the live node `nodeId`, or undefined (looked up without calling into wasm). */
  liveRecord(nodeId: string): NodeRecord<T, H> | undefined {
    this.#byId ??= new Map(this.#live.map((record) => [record.nodeId, record]));
    return this.#byId.get(nodeId);
  }

  /** The handles of the live nodes, in creation order; throws `ERR_OBJECT_FREED` after `free()`. */
  liveHandles(): H[] {
    this.use();
    return this.#live.map((record) => record.handle as H);
  }

  /** The live records as of now, in creation order; the array never changes afterwards. */
  holdLive(): readonly NodeRecord<T, H>[] {
    this.#liveHeld = true;
    return this.#live;
  }

  #writableLive(): NodeRecord<T, H>[] {
    if (this.#liveHeld) {
      this.#live = this.#live.slice();
      this.#liveHeld = false;
    }
    return this.#live;
  }

  /** Makes `observer` validate every later broadcast; idempotent. */
  addWatcher(observer: ObserverCore<T>): void {
    this.watchers[this.use().watch(observer.use())] = observer;
  }

  /** Stops `observer` watching; nothing to do once this network is freed. */
  removeWatcher(observer: ObserverCore<T>): void {
    if (this.freed) return;
    const index = this.use().unwatch(observer.use());
    if (index !== undefined) this.watchers.splice(index, 1);
  }

  /** A view of the raw network's report buffer holding at least `count` (>= 1) numbers. A view whose memory grew is detached and has length 0, so the length check also catches that. */
  report(count: number): Float64Array {
    let view = this.#report;
    if (view === undefined || view.length < count) {
      const rawNetwork = this.#rawAsIs();
      view = new Float64Array(wasmMemory().buffer, rawNetwork.reportPtr(), rawNetwork.reportCapacity());
      this.#report = view;
    }
    return view;
  }

  /** Whether a broadcast from `record` may wait (see `WaitingSends`): it was let since the last `use`. */
  mayWait(record: NodeRecord<T, H>): boolean {
    // Beyond the table's end the read is undefined, never the epoch.
    return this.#waits[WAIT_STRIDE * record.slot] === this.#epoch;
  }

  /** Lets the next broadcasts from `record` wait, stamped `globalStep` and `patternValue`, until the next `use`: its last one was unanimous (see `BROADCAST_STAMP.unanimous`). */
  letWait(record: NodeRecord<T, H>, globalStep: number, patternValue: number): void {
    const at = WAIT_STRIDE * record.slot;
    if (this.#waits.length <= at) {
      const grown = new Float64Array(Math.max(at + WAIT_STRIDE, 2 * this.#waits.length)).fill(-1);
      grown.set(this.#waits);
      this.#waits = grown;
    }
    this.#waits[at] = this.#epoch;
    this.#waits[at + 1] = globalStep;
    this.#waits[at + 2] = patternValue;
  }

  /** The step a broadcast from `record` carries while it may wait. */
  waitStep(record: NodeRecord<T, H>): number {
    return this.#waits[WAIT_STRIDE * record.slot + 1];
  }

  /** The pattern value a broadcast from `record` carries while it may wait. */
  waitValue(record: NodeRecord<T, H>): number {
    return this.#waits[WAIT_STRIDE * record.slot + 2];
  }

  /** Makes a broadcast from `record` wait; `mayWait(record)` must have said it may. */
  wait(record: NodeRecord<T, H>): void {
    if (this.#waiting.add(record.slot)) this.#waiting.send(this.#rawAsIs());
  }

  /** The raw network, with every waiting broadcast sent; throws `ERR_OBJECT_FREED` after `free()`. */
  use(): RawNetwork {
    const rawNetwork = this.useForBroadcast();
    this.#epoch++;
    return rawNetwork;
  }

  /** `use` for a broadcast, keeping what `letWait` allowed: such a permission exists only in an instant network no observer watches, where a broadcast changes nothing but ids and counters. */
  useForBroadcast(): RawNetwork {
    const rawNetwork = this.#rawAsIs();
    if (this.#waiting.count !== 0) this.#waiting.send(rawNetwork);
    return rawNetwork;
  }

  /** The raw network as it is; throws `ERR_OBJECT_FREED` after `free()`. */
  #rawAsIs(): RawNetwork {
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
    this.#waiting.clear();
    this.timers.clear();
    for (const record of this.records) record.alive = false;
  }
}

/** A node's place in a network: what a `MeshNode` handle is made from. */
export class NodeBinding<T, H> {
  constructor(
    /** The network. */
    readonly state: NetworkState<T, H>,
    /** The node's record. */
    readonly record: NodeRecord<T, H>,
  ) {}
}
