/** MeshNetwork: creates nodes, routes their broadcasts, and is watched by observers. */
import { TICK_STATS_ROW, readSimStats, readTickStatsRow } from './generated/arrays.js';
import { TRACE_KINDS } from './generated/codes.js';
import { sendBatch } from './internal/batch.js';
import { bytes, fn, isInstance, num, protocolOption, str } from './internal/checks.js';
import { dispatchEvents } from './internal/drain.js';
import { finishRun } from './internal/run-loop.js';
import { NetworkState } from './internal/network-state.js';
import { scenarioState } from './internal/scenario.js';
import { edgeSlots, otherSlots, slotOf, slotsOf } from './internal/slots.js';
import { registerNetwork } from './internal/registry.js';
import { readRows } from './internal/rows.js';
import { readWorkloadReport } from './workload-report.js';
import { MeshNode, bindHandle, senderSlot } from './mesh-node.js';
import type { BulkProtocol, ByzantineBehaviour, CancelTimer, LinkOptions, NetworkOptions, NodeSetup, PartitionOptions, ScenarioOptions, SimulationStats, TickStats, TimerCallback, TopologyOptions, TraceKind, Workload, WorkloadReport } from './types.js';

/**
 * A network of nodes. With no options a broadcast reaches every other live node at once, in
 * creation order (the seed's behaviour). With options it is a deterministic discrete-event
 * simulation: broadcasts travel over links and arrive while `run`, `runUntil` or `step` advance
 * virtual time. `T` is the payload type of its messages.
 */
export class MeshNetwork<T = unknown> {
  readonly #state: NetworkState<T, MeshNode<T>>;

  /** A network; see `NetworkOptions` for every option and its default. */
  constructor(options?: NetworkOptions<T>);
  constructor(options?: NetworkOptions<T> | NetworkState<T, MeshNode<T>>) {
    this.#state = isInstance<NetworkState<T, MeshNode<T>>>(options, NetworkState) ? options : NetworkState.create('MeshNetwork', options);
    registerNetwork(this, this.#state);
  }

  /** A network set up by a scenario document (JSON text or the parsed object; docs/scenarios.md): options, nodes, links, faults, and timed events. Throws a typed error naming the part at fault. */
  static fromScenario<T = unknown>(scenario: string | object, options?: ScenarioOptions<T>): MeshNetwork<T> {
    return new MeshNetwork<T>(scenarioState(scenario, bindHandle<T>, protocolOption(options)) as unknown as NetworkOptions);
  }

  /** Creates a node at step 0. Throws if the config is invalid or the id is taken. */
  createNode(config: NodeSetup<T>): MeshNode<T> {
    return bindHandle(this.#state, this.#state.addNode(config));
  }

  /** The live node with this id, or `undefined`. */
  getNode(nodeId: string): MeshNode<T> | undefined {
    const slot = this.#state.use().findNode(str('nodeId', nodeId));
    return slot === undefined ? undefined : this.#state.records[slot].handle;
  }

  /** Removes the node with this id: its handlers never run again and its handle throws `ERR_NODE_REMOVED`. Returns whether a node was removed (an unknown id is not an error). */
  removeNode(nodeId: string): boolean {
    const rawNetwork = this.#state.use();
    const slot = rawNetwork.findNode(str('nodeId', nodeId));
    if (slot === undefined) return false;
    rawNetwork.removeNode(slot);
    this.#state.removeRecord(this.#state.records[slot]);
    return true;
  }

  /** The live nodes, in creation order. */
  getNodes(): MeshNode<T>[] {
    return this.#state.liveHandles();
  }

  /** How many nodes are live. */
  get size(): number {
    return this.#state.use().nodeCount();
  }

  /** Bytes of wasm heap the network's core state holds: node states, ids and their lookup table, links, messages in flight. */
  get memoryBytes(): number {
    return this.#state.use().heapBytes();
  }

  /** Virtual time in milliseconds. */
  get now(): number {
    return this.#state.use().now();
  }

  /** Whether a broadcast is delivered at once: no delay or loss, a full mesh, no `setLink` override, crash, partition or byzantine node, and `auth` 'none'. */
  get isInstant(): boolean {
    return this.#state.use().isInstant();
  }

  /** Advances virtual time by `ticks` ticks (default 1), delivering what arrives and running timers meanwhile. */
  run(ticks = 1): void {
    finishRun(this.#state, (rawNetwork) => rawNetwork.run(num('ticks', ticks)));
  }

  /** Advances virtual time to `time` ms, delivering what arrives up to then and running timers at their times. */
  runUntil(time: number): void {
    finishRun(this.#state, (rawNetwork) => rawNetwork.runUntil(num('time', time)));
  }

  /** Runs the next moment anything is due (tick, scenario event, timers, arrivals); false when nothing was. */
  step(): boolean {
    return finishRun(this.#state, (rawNetwork) => rawNetwork.step());
  }

  /** Calls `callback` at `timeMs` of virtual time (from now to 1e12) during a run, after the tick, scenario events and earlier timers due then, before arrivals; returns its cancel function. */
  at(timeMs: number, callback: TimerCallback): CancelTimer {
    fn('callback', callback);
    const state = this.#state;
    return state.timers.add(state.use().setTimerAt(num('timeMs', timeMs)), callback, undefined);
  }

  /** Runs every node from now on by the bulk `protocol`, a batch at a time, replacing one set before (see `BulkProtocol`); `ERR_NOT_APPLICABLE` when a node runs a protocol of its own. */
  setBulkProtocol(protocol: BulkProtocol): void {
    this.#state.setBulkProtocol(protocol);
  }

  /** Sets a bulk timer of the live node `nodeId`, due `delayMs` from now (0 to 1e12), that the bulk protocol's `onTimers` gets with `tag` (a finite number). Throws naming the argument. */
  setBulkTimer(nodeId: string, delayMs: number, tag: number): void {
    const slot = slotOf(this.#state, 'nodeId', nodeId);
    this.#state.use().setBulkTimer(slot, num('delayMs', delayMs), num('tag', tag));
  }

  /**
   * Broadcasts `data` from each of `senders` (handles or ids, repeats allowed) in order, as many
   * `broadcast` calls would, but with the callbacks after the last send (in order); an instant
   * network crosses into wasm once. Throws before sending if a sender is no live node of it.
   */
  broadcastBatch(senders: readonly (MeshNode<T> | string)[], data: T): void {
    sendBatch(this.#state, senders, data, (sender, index) => senderSlot(this.#state, sender, index));
  }

  /** Replaces every link with a generated topology over the live nodes. */
  setTopology(topology: TopologyOptions): void {
    this.#state.use().setTopology(topology);
  }

  /** Replaces every link with exactly these `[nodeIdA, nodeIdB]` pairs. */
  setEdges(edges: readonly (readonly [string, string])[]): void {
    this.#state.use().setEdges(...edgeSlots(this.#state, edges));
  }

  /** Links two nodes; returns false when they already were. */
  connect(nodeIdA: string, nodeIdB: string): boolean {
    return this.#state.use().connect(slotOf(this.#state, 'nodeIdA', nodeIdA), slotOf(this.#state, 'nodeIdB', nodeIdB));
  }

  /** Unlinks two nodes; returns false when they were not linked. */
  disconnect(nodeIdA: string, nodeIdB: string): boolean {
    return this.#state.use().disconnect(slotOf(this.#state, 'nodeIdA', nodeIdA), slotOf(this.#state, 'nodeIdB', nodeIdB));
  }

  /** The ids of the nodes linked to `nodeId`. */
  neighbours(nodeId: string): string[] {
    const state = this.#state;
    return state.neighbours.ids(state.use(), slotOf(state, 'nodeId', nodeId));
  }

  /** Changes how every link without a `setLink` override behaves, from now on (messages in flight keep their arrival times); fields left out keep their current values. */
  setLinks(links: LinkOptions): void {
    this.#state.use().setLinks(links);
  }

  /** Sets how the link between two nodes behaves (both directions); fields left out keep the `links` values. */
  setLink(nodeIdA: string, nodeIdB: string, link: LinkOptions): void {
    this.#state.use().setLink(slotOf(this.#state, 'nodeIdA', nodeIdA), slotOf(this.#state, 'nodeIdB', nodeIdB), link);
  }

  /**
   * Cuts every link between the nodes of `groupA` and those of `groupB` (default: every other live node) until `heal()`:
   * both ways, or with `{ oneWay: true }` only from `groupA` to `groupB`. Messages in flight across the cut are dropped.
   */
  partition(groupA: readonly string[], groupB?: readonly string[], options?: PartitionOptions): void {
    const a = slotsOf(this.#state, 'groupA', groupA);
    const b = groupB === undefined ? otherSlots(this.#state, a) : slotsOf(this.#state, 'groupB', groupB);
    this.#state.use().partition(a, b, options);
  }

  /** Ends the partition. */
  heal(): void {
    this.#state.use().heal();
  }

  /**
   * Drops the copies of message `messageId` in flight (ids as in `transfers()` and the trace), to
   * `toNodeId` alone or to every receiver: each is lost when it arrives (traced and counted as
   * `lost`). Returns how many copies it dropped: 0 when none is in flight.
   */
  dropMessage(messageId: number, toNodeId?: string): number {
    const to = toNodeId === undefined ? undefined : slotOf(this.#state, 'toNodeId', toNodeId);
    return this.#state.use().dropMessage(num('messageId', messageId), to);
  }

  /** Crashes a node: it neither sends, receives, relays nor ticks until `restart` (a paused node drops what it held). */
  crash(nodeId: string): void {
    this.#state.crash(slotOf(this.#state, 'nodeId', nodeId));
  }

  /** Restarts a crashed node (its step is kept unless `restartKeepsStep` is false). */
  restart(nodeId: string): void {
    this.#state.restart(slotOf(this.#state, 'nodeId', nodeId));
  }

  /** Pauses a node until `resume`: it neither ticks, relays nor sends (`ERR_NODE_PAUSED`), and holds what arrives, unjudged. */
  pause(nodeId: string): void {
    this.#state.use().pause(slotOf(this.#state, 'nodeId', nodeId));
  }

  /** Resumes a paused node, which handles what it held in arrival order (handlers run before this returns), then runs on. */
  resume(nodeId: string): void {
    dispatchEvents(this.#state, this.#state.use().resume(slotOf(this.#state, 'nodeId', nodeId)));
  }

  /** Makes a node byzantine (see `ByzantineBehaviour`), or honest again with `null`. */
  setByzantine(nodeId: string, behaviour: ByzantineBehaviour | null): void {
    this.#state.use().setByzantine(slotOf(this.#state, 'nodeId', nodeId), behaviour);
  }

  /** Replaces the HMAC mesh key derived from the seed with `key` (exactly 32 bytes; the network's `auth` must be 'hmac'). Apps holding the same key can tag messages that `receive` accepts. */
  setMeshKey(key: Uint8Array): void {
    this.#state.use().setMeshKey(bytes('key', key));
  }

  /** Gives a node the ed25519 key pair of a 32-byte secret key (the network's `auth` must be 'ed25519'); its public key is registered with it. */
  setNodeKey(nodeId: string, secretKey: Uint8Array): void {
    this.#state.use().setNodeSecret(slotOf(this.#state, 'nodeId', nodeId), bytes('secretKey', secretKey));
  }

  /** Registers a node's ed25519 public key (32 bytes) of a key pair kept outside (WebCrypto): the app's signed messages pass `receive`, and the simulator can no longer sign for the node. */
  setPublicKey(nodeId: string, publicKey: Uint8Array): void {
    this.#state.use().setPublicKey(slotOf(this.#state, 'nodeId', nodeId), bytes('publicKey', publicKey));
  }

  /** A node's registered ed25519 public key (32 bytes), or `undefined` without `auth: 'ed25519'`. */
  publicKey(nodeId: string): Uint8Array | undefined {
    return this.#state.use().publicKey(slotOf(this.#state, 'nodeId', nodeId));
  }

  /** Makes a node's clock drift with the global tick: `rate` extra steps per tick, in [-1, 10] (-0.1 loses one tick in ten, 0 is exact). */
  setDrift(nodeId: string, rate: number): void {
    this.#state.use().setDrift(slotOf(this.#state, 'nodeId', nodeId), num('rate', rate));
  }

  /** Running totals of the simulation. */
  getSimulationStats(): SimulationStats {
    return readSimStats(this.#state.use().stats(), 0);
  }

  /**
   * Starts a workload (replacing one of the same kind, with a fresh checker): a broadcast workload
   * hands out values at a rate, a sync workload watches the steps (see `Workload`). Throws a typed
   * error naming the `workload.*` field at fault.
   */
  startWorkload(workload: Workload): void {
    this.#state.use().startWorkload(workload);
  }

  /** What the checkers of the workloads running report now (see `WorkloadReport`; as CSV: `workloadReportsToCsv`). */
  workloadReport(): WorkloadReport {
    return readWorkloadReport(this.#state.use().workloadReport(), this.#state.records);
  }

  /** A hash of every event so far: equal runs give equal hashes, on every platform. */
  traceHash(): string {
    return this.#state.use().traceHash();
  }

  /** The trace as JSON lines, one event each (empty unless `recordTrace` is on). */
  exportTrace(): string {
    return this.#state.use().exportTrace();
  }

  /** The statistics of each tick since the last call (the last 65 536 at most), for charts: running totals, running and crashed node counts, and the spread of steps. */
  drainTickStats(): TickStats[] {
    return readRows(this.#state.use().drainTickStats(), TICK_STATS_ROW.length, readTickStatsRow);
  }

  /**
   * The trace events recorded since the last call (with `recordTrace` on), in batches for
   * analysis at scale: one record per event laid out as `TRACE_RECORD` says (`timeUs, kind,
   * messageId, from, to`), the kind indexing `TRACE_KINDS`. Drained events leave `exportTrace()`.
   */
  drainTrace(): Float64Array {
    return this.#state.use().drainTrace();
  }

  /** The trace kinds in code order (for `drainTrace`). */
  static readonly traceKinds: readonly TraceKind[] = Object.freeze([...TRACE_KINDS]);

  /** Transfers in flight, for drawing (a copy): one `TRANSFER_RECORD` each (`from, to, progress 0..1, outlook`); the outlook indexes `OUTLOOKS`: how it ends if nothing changes before it arrives. */
  transfers(): Float64Array {
    return this.#state.use().transfers();
  }

  /** Every node ever created, by slot (creation order), for drawing (a copy): one `NODE_STATE_RECORD` each (`status, globalStep, sent, received, rejected`), the status indexing `NODE_STATUSES`. */
  nodeStates(): Float64Array {
    return this.#state.use().nodeStates();
  }

  /** Releases the network's wasm memory; it and all its nodes throw `ERR_OBJECT_FREED` afterwards. */
  free(): void {
    this.#state.free();
  }
}
