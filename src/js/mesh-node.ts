/** MeshNode: a network participant that broadcasts, receives, validates and syncs. */
import { readNodeStats } from './generated/arrays.js';
import { NONE } from './generated/codes.js';
import { enqueue, flush } from './internal/dispatcher.js';
import { fn, isInstance, num, str } from './internal/checks.js';
import { raw } from './internal/raw.js';
import { freedError } from './internal/errors.js';
import { NetworkState, NodeBinding } from './internal/network-state.js';
import type { NodeRecord } from './internal/node-record.js';
import { receiveAt } from './internal/receive.js';
import { slotOf } from './internal/slots.js';
import { sendNow } from './internal/send.js';
import { unicastNow } from './internal/unicast.js';
import type { CancelTimer, Handler, Message, MessageHandler, NodeConfig, NodeError, NodeStats, NodeStatus, SendOptions, TimerCallback, Unsubscribe } from './types.js';

/** The slot of a node handle in a given network (set up inside the class, which owns its fields). */
let slotIn: <T>(node: MeshNode<T>, state: NetworkState<T, MeshNode<T>>, list: string, index: number) => number;

/**
 * A node of a mesh. Get one from `MeshNetwork.createNode`, or construct one on its own
 * (`new MeshNode(config)`): a standalone node can receive, validate and sync, and its broadcasts
 * reach no one.
 */
export class MeshNode<T = unknown> {
  readonly #state: NetworkState<T, MeshNode<T>>;
  readonly #record: NodeRecord<T, MeshNode<T>>;
  #freed = false;

  /** A standalone node outside any network. */
  constructor(config: NodeConfig);
  constructor(config: NodeConfig | NodeBinding<T, MeshNode<T>>) {
    if (isInstance<NodeBinding<T, MeshNode<T>>>(config, NodeBinding)) {
      this.#state = config.state;
      this.#record = config.record;
    } else {
      this.#state = NetworkState.create('MeshNode');
      this.#record = this.#state.addNode(config);
    }
    this.#record.handle = this;
  }

  static {
    slotIn = (node, state, list, index) => {
      if (node.#state !== state) throw raw().invalidTypeError(`${list}[${index}]`, 'a MeshNode of this network', node);
      return node.#slot();
    };
  }

  #slot(): number {
    if (this.#freed) throw freedError('MeshNode');
    // A freed network marks every record dead, so use() throws for it here.
    if (!this.#record.alive) this.#state.use().assertAlive(this.#record.slot);
    return this.#record.slot;
  }

  /** The node's id. */
  get nodeId(): string {
    return this.#record.nodeId;
  }

  /** The node's current global step (starts at 0). */
  get globalStep(): number {
    return this.#state.use().globalStep(this.#slot());
  }

  /** The node's pattern value at its current step. */
  get patternValue(): number {
    return this.#state.use().patternValue(this.#slot());
  }

  /** The node's seed. */
  get seed(): number {
    return this.#state.use().nodeSeed(this.#slot());
  }

  /** The node's phase-reset interval. */
  get phaseResetInterval(): number {
    return this.#state.use().nodePhaseResetInterval(this.#slot());
  }

  /** `'online'`; `'crashed'` after `MeshNetwork.crash` until `restart`; `'paused'` after `MeshNetwork.pause` until `resume`. */
  get status(): Exclude<NodeStatus, 'removed'> {
    const rawNetwork = this.#state.use();
    const slot = this.#slot();
    return rawNetwork.isCrashed(slot) ? 'crashed' : rawNetwork.isPaused(slot) ? 'paused' : 'online';
  }

  /** Whether the node can still be used (not removed, not freed). */
  isValid(): boolean {
    return !this.#freed && !this.#state.freed && this.#record.alive;
  }

  /** The node's message counters. */
  getStats(): NodeStats {
    return readNodeStats(this.#state.use().counters(this.#slot()), 0);
  }

  /**
   * Stamps `data` with the node's current step and pattern value and sends it to every other
   * live node of the network, in creation order (in a simulated network: to its neighbours, over
   * its links, arriving while the network runs). Does not advance the step. Returns the message;
   * in an authenticated network it carries its `sequence` and `signature`, and `data` must be a
   * `Uint8Array` or a value `JSON.stringify` can write (else `ERR_INVALID_TYPE`). `options.size`
   * sets its size in bytes (see `SendOptions`).
   */
  broadcast(data: T, options?: SendOptions): Message<T> {
    this.#slot(); // throws for a freed handle or a removed node
    return sendNow(this.#state, this.#record, data, sizeOption(options));
  }

  /**
   * Stamps `data` as `broadcast` does and sends it to the node `toNodeId` alone: inside the call in
   * an instant network, else over the link between the two, arriving while the network runs and
   * never relayed. The receiver validates it as a broadcast, and its `onMessage` or `onError` gets a
   * delivery with `unicast: true`; watchers classify it; `onBroadcast` does not run. Returns the
   * message (signed in an authenticated network). Throws `ERR_UNKNOWN_NODE` (no live node has the
   * id) or `ERR_NOT_LINKED` (the node itself, or no neighbour), naming `toNodeId`. `options` as
   * for `broadcast`.
   */
  send(toNodeId: string, data: T, options?: SendOptions): Message<T> {
    this.#slot(); // throws for a freed handle or a removed node
    return unicastNow(this.#state, this.#record, str('toNodeId', toNodeId), data, sizeOption(options));
  }

  /**
   * Validates `message` against this node's own pattern at `message.globalStep`: a match goes to
   * `onMessage`, a mismatch or a malformed message to `onError`. In an authenticated network its
   * `signature` over `canonicalBytes(message)` and its `sequence` are checked first: a bad or
   * missing signature, an unknown sender (ed25519) or a replay goes to `onError` too.
   */
  receive(message: Message<T>): void {
    this.#slot();
    receiveAt(this.#state, this.#record, message);
    flush();
  }

  /**
   * Calls `callback` `delayMs` milliseconds of virtual time from now (at most 1e12), during the
   * network's `run`, `runUntil` or `step`, if the node is running then (a paused node's wait for
   * its resume) and has not crashed or been removed since. Timers due at one time run in the order they were set, after the tick and
   * scenario events due then and before the arrivals. What the callback throws goes to this node's
   * `onError` as a 'handler-error'. Returns a function that cancels the timer.
   */
  setTimer(delayMs: number, callback: TimerCallback): CancelTimer {
    const slot = this.#slot();
    fn('callback', callback);
    const state = this.#state;
    return state.timers.add(state.use().setTimer(num('delayMs', delayMs), slot), callback, this.#record);
  }

  /** Sets the node's global step to `targetStep` and fires `onSync(step)`. */
  sync(targetStep: number): void {
    const step = this.#state.use().sync(this.#slot(), num('targetStep', targetStep));
    const record = this.#record;
    enqueue(() => record.emit(record.sync, step));
    flush();
  }

  /**
   * Calls `callback` with every message this node accepts, and how the network delivered it (the
   * neighbour it came from and the links it travelled; absent for a message handed to `receive`).
   */
  onMessage(callback: MessageHandler<T>): Unsubscribe {
    this.#listen();
    return this.#record.message.add(fn('callback', callback));
  }

  /** Asks the engine to report scheduled deliveries to this node (it has handlers now). */
  #listen(): void {
    this.#state.use().setListening(this.#slot(), true);
  }

  /** Calls `callback` with every message this node broadcasts. */
  onBroadcast(callback: Handler<Message<T>>): Unsubscribe {
    this.#slot();
    return this.#record.broadcast.add(fn('callback', callback));
  }

  /** Calls `callback` with every pattern mismatch, malformed message and handler exception. */
  onError(callback: Handler<NodeError<T>>): Unsubscribe {
    this.#listen();
    return this.#record.error.add(fn('callback', callback));
  }

  /** Calls `callback` with the new step after every `sync` (and every `autoSync` catch-up). */
  onSync(callback: Handler<number>): Unsubscribe {
    this.#listen();
    return this.#record.sync.add(fn('callback', callback));
  }

  /** Releases this handle (and, for a standalone node, its wasm memory); later calls throw. */
  free(): void {
    if (this.#freed) return;
    this.#freed = true;
    if (this.#state.owner === 'MeshNode') this.#state.free();
  }
}

/**
 * @internal The slot of `node`, item `index` of the argument `list`, when it is a live node of
 * `state`'s network; throws `ERR_INVALID_TYPE` naming `list[index]` for a node of another network,
 * `ERR_NODE_REMOVED` or `ERR_OBJECT_FREED`. The name is built only for an error: a batch asks this
 * once per message.
 */
export function handleSlot<T>(state: NetworkState<T, MeshNode<T>>, node: MeshNode<T>, list: string, index: number): number {
  return slotIn(node, state, list, index);
}

/** @internal The slot of `senders[index]`, a node handle of `state`'s network or the id of one of its nodes. */
export function senderSlot<T>(state: NetworkState<T, MeshNode<T>>, sender: unknown, index: number): number {
  if (isInstance<MeshNode<T>>(sender, MeshNode)) return handleSlot(state, sender, 'senders', index);
  if (typeof sender === 'string') return slotOf(state, `senders[${index}]`, sender);
  throw raw().invalidTypeError(`senders[${index}]`, 'a MeshNode of this network or a node id', sender);
}

/** @internal Makes the handle of a node `record` of `state` and returns it. */
export function bindHandle<T>(state: NetworkState<T, MeshNode<T>>, record: NodeRecord<T, MeshNode<T>>): MeshNode<T> {
  const node = new MeshNode<T>(new NodeBinding(state, record) as unknown as NodeConfig);
  state.host(record, node);
  return node;
}

/** The size `options` sets for a message (checked in wasm), or `NONE` when it sets none. */
function sizeOption(options: SendOptions | undefined): number {
  return options === undefined ? NONE : raw().sendSize(options);
}
