/** MeshNode: a network participant that broadcasts, receives, validates and syncs. */
import { enqueue, flush } from './dispatcher.js';
import { ACCEPTED, BAD_SIGNATURE, MALFORMED, raw, type RawNetwork } from './raw.js';
import { fields, freedError, readMessage, nodeConfig, num, fn } from './checks.js';
import { NetworkState, NodeRecord, REFUSALS, deliver, pairs } from './network-state.js';
import { payloadBytes } from './canonical.js';
import type { Handler, Message, MessageHandler, NodeConfig, NodeError, NodeStats, Unsubscribe } from './types.js';
import { watcherAnomalies } from './anomalies.js';

/** Set by `MeshNetwork.createNode` so that the constructor joins that network. */
let joining: { state: NetworkState<unknown>; record: NodeRecord<unknown> } | undefined;

/** @internal Creates the handle for `record` inside `state` (used by `MeshNetwork.createNode`). */
export function nodeHandle<T>(state: NetworkState<T>, record: NodeRecord<T>): MeshNode<T> {
  joining = { state: state as NetworkState<unknown>, record: record as NodeRecord<unknown> };
  try {
    return new MeshNode<T>(undefined as unknown as NodeConfig);
  } finally {
    joining = undefined;
  }
}

/** @internal Adds a node to `state`'s raw network and returns its record (validation happens in wasm). */
export function addNode<T>(state: NetworkState<T>, config: NodeConfig, node?: MeshNode<T>): NodeRecord<T> {
  const [nodeId, seed, interval] = nodeConfig(config);
  const slot = state.use().createNode(nodeId, seed, interval);
  const record = new NodeRecord<T>(slot, nodeId, node);
  state.addRecord(record);
  return record;
}

/**
 * A node of a mesh. Get one from `MeshNetwork.createNode`, or construct one on its own
 * (`new MeshNode(config)`): a standalone node can receive, validate and sync, and its broadcasts
 * reach no one.
 */
export class MeshNode<T = unknown> {
  readonly #state: NetworkState<T>;
  readonly #record: NodeRecord<T>;
  #freed = false;

  /** A standalone node outside any network. */
  constructor(config: NodeConfig) {
    if (joining) {
      this.#state = joining.state as NetworkState<T>;
      this.#record = joining.record as NodeRecord<T>;
      return;
    }
    this.#state = new NetworkState<T>('MeshNode');
    this.#record = addNode(this.#state, config, this);
  }

  #slot(): number {
    if (this.#freed) throw freedError('MeshNode');
    const rawNetwork = this.#state.use();
    if (!this.#record.alive) rawNetwork.assertAlive(this.#record.slot);
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
    return this.#state.use().nodePattern(this.#slot())[0];
  }

  /** The node's phase-reset interval. */
  get phaseResetInterval(): number {
    return this.#state.use().nodePattern(this.#slot())[1];
  }

  /** `'online'`, or `'crashed'` after `MeshNetwork.crash` until `restart`. */
  get status(): 'online' | 'crashed' {
    return this.#state.use().isCrashed(this.#slot()) ? 'crashed' : 'online';
  }

  /** Whether the node can still be used (not removed, not freed). */
  isValid(): boolean {
    return !this.#freed && !this.#state.freed && this.#record.alive;
  }

  /** The node's message counters. */
  getStats(): NodeStats {
    const [messagesSent, messagesReceived, messagesRejected] = this.#state.use().counters(this.#slot());
    return { messagesSent, messagesReceived, messagesRejected };
  }

  /**
   * Stamps `data` with the node's current step and pattern value and sends it to every other
   * live node of the network, in creation order (in a simulated network: to its neighbours, over
   * its links, arriving while the network runs). Does not advance the step. Returns the message;
   * in an authenticated network it carries its `sequence` and `signature`, and `data` must be a
   * `Uint8Array` or a value `JSON.stringify` can write (else `ERR_INVALID_TYPE`).
   */
  broadcast(data: T): Message<T> {
    this.#slot(); // throws for a freed handle or a removed node
    const message = sendFrom(this.#state, this.#record, data);
    flush();
    return message;
  }

  /** @internal This node's slot, checked to be a live node of `state` (errors name it `senders[index]`). */
  _senderSlot(state: NetworkState<T>, index: number): number {
    if (this.#state !== state) throw raw().invalidTypeError(`senders[${index}]`, 'a MeshNode of this network', this);
    return this.#slot();
  }

  /**
   * Validates `message` against this node's own pattern at `message.globalStep`: a match goes to
   * `onMessage`, a mismatch or a malformed message to `onError`. In an authenticated network its
   * `signature` over `canonicalBytes(message)` and its `sequence` are checked first: a bad or
   * missing signature, an unknown sender (ed25519) or a replay goes to `onError` too.
   */
  receive(message: Message<T>): void {
    const slot = this.#slot();
    const rawNetwork = this.#state.use();
    const wellFormed = readMessage(message);
    const received = fields.patternValue;
    let verdict: number;
    if (!wellFormed) verdict = rawNetwork.rejectMalformed(slot);
    else if (this.#state.authenticated) verdict = receiveSigned(rawNetwork, slot, message);
    else verdict = rawNetwork.receive(slot, fields.globalStep, received);
    const record = this.#record;
    const nodeId = record.nodeId;
    if (verdict <= BAD_SIGNATURE) {
      const type = REFUSALS[BAD_SIGNATURE - verdict];
      enqueue(() => record.emitError({ type, nodeId, message }));
    } else if (verdict === ACCEPTED) {
      enqueue(() => record.emit(record.message, message));
    } else if (verdict === MALFORMED) {
      const reason = raw().messageProblem(message) ?? 'malformed message';
      enqueue(() => record.emitError({ type: 'invalid-message', nodeId, reason, message }));
    } else {
      enqueue(() => record.emitError({ type: 'pattern-mismatch', nodeId, expected: verdict, received, message }));
    }
    flush();
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
 * @internal Sends `data` from the live node `record` and queues the callbacks it causes, without
 * flushing; returns the message (see `MeshNode.broadcast`).
 */
export function sendFrom<T>(state: NetworkState<T>, record: NodeRecord<T>, data: T): Message<T> {
  const slot = record.slot;
  const count = state.authenticated ? state.use().broadcastCarrying(slot, payloadBytes(data)) : state.use().broadcast(slot);
  const report = state.report(count);
  const [globalStep, patternValue, id, instant, claimed] = [report[0], report[1], report[2], report[3] === 1, report[4]];
  const rejectedEnd = 6 + 2 * report[5];
  const rejections = rejectedEnd > 6 ? pairs(report, 6, rejectedEnd) : undefined;
  const anomalies = count > rejectedEnd ? watcherAnomalies(state.watchers, report, rejectedEnd, count) : undefined;
  // Everything is read from the report now: claimedName() calls into wasm, which may move its memory.
  const senderId = claimed >= 0 ? state.records[claimed].nodeId : state.use().claimedName();
  const message: Message<T> = Object.freeze(
    state.authenticated
      ? { senderId, globalStep, patternValue, data, sequence: state.use().lastSequence(), signature: state.use().lastProof() }
      : { senderId, globalStep, patternValue, data },
  );
  if (!instant && id !== 0) state.envelopes.set(id, message);
  const receivers = instant ? state.holdLive() : [];
  enqueue(() => deliver(record, message, receivers, rejections, anomalies));
  return message;
}

/**
 * Checks a well-formed `message` (its fields already read into `fields`) in an authenticated
 * network. A missing or malformed sequence or signature, data no sender could have signed, and a
 * copy a byzantine relay tampered with (its bytes are not the signed ones) are bad signatures.
 */
function receiveSigned<T>(rawNetwork: RawNetwork, slot: number, message: Message<T>): number {
  // Copied first: encoding the payload runs user code (toJSON) that may reuse `fields`.
  const { senderId, globalStep, patternValue } = fields;
  const { sequence, signature, tampered } = message;
  const refuse = (): number => {
    rawNetwork.rejectMalformed(slot);
    return BAD_SIGNATURE;
  };
  if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 0) return refuse();
  if (!(signature instanceof Uint8Array) || tampered === true) return refuse();
  let payload: Uint8Array;
  try {
    payload = payloadBytes(message.data);
  } catch {
    return refuse();
  }
  return rawNetwork.receiveSigned(slot, globalStep, patternValue, senderId, sequence, payload, signature);
}

