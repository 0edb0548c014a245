/**
 * An efficient broadcast in the style of Gossip Glomers' challenge 3d, written as a class: a node
 * collects the values it is offered for `batchMs`, then sends the batch straight to every other
 * node (one hop: one link latency); and every `syncMs` it pushes all it knows to one random peer,
 * which answers with what the pusher lacks, so values lost to a partition arrive after it heals.
 */
import type { Delivery, Message, Protocol, ProtocolContext } from 'data-mesh';
import { Nodes, learn, randomPeer, type Known, type OnLearn } from '../protocols/values.js';

/** A batch of new values, a push of everything a node knows, or the answer to a push. */
export interface BroadcastMessage {
  readonly kind: 'batch' | 'sync' | 'answer';
  readonly values: readonly number[];
}

/** A node's state: its values and the batch it is collecting. */
export interface BroadcastState extends Known<BroadcastMessage> {
  /** Values offered to this node and not sent yet. */
  batch: number[];
}

/** The protocol: every hook typed, the node's state kept per node. */
export class EfficientBroadcast implements Protocol<BroadcastMessage, BroadcastState> {
  readonly name = 'efficient-broadcast';
  readonly #nodes = new Nodes<BroadcastState>();

  constructor(
    /** Milliseconds a batch collects before it is sent. */
    readonly batchMs: number,
    /** Milliseconds between a node's pushes to a random peer. */
    readonly syncMs: number,
    /** Told of every value a node learns. */
    readonly onLearn?: OnLearn,
  ) {}

  init(ctx: ProtocolContext<BroadcastMessage>): BroadcastState {
    return this.#nodes.add({ values: new Set(), batch: [], ctx });
  }

  onStart(state: BroadcastState, ctx: ProtocolContext<BroadcastMessage>): void {
    const sync = (): void => {
      const peer = randomPeer(ctx);
      if (peer !== undefined) ctx.send(peer, { kind: 'sync', values: [...state.values] });
      ctx.setTimer(this.syncMs, sync);
    };
    ctx.setTimer(ctx.random() * this.syncMs, sync);
  }

  onMessage(state: BroadcastState, ctx: ProtocolContext<BroadcastMessage>, message: Message<BroadcastMessage>, delivery: Delivery | undefined): void {
    const { kind, values } = message.data;
    for (const value of values) learn(state, value, this.onLearn);
    if (kind !== 'sync' || delivery === undefined) return;
    const theirs = new Set(values);
    const missing = [...state.values].filter((value) => !theirs.has(value));
    if (missing.length > 0) ctx.send(delivery.from, { kind: 'answer', values: missing });
  }

  /** Hands the node `nodeId` a new value (a client's broadcast request). */
  offer(nodeId: string, value: number): void {
    const state = this.#nodes.get(nodeId);
    if (!learn(state, value, this.onLearn)) return;
    if (state.batch.length === 0) state.ctx.setTimer(this.batchMs, () => this.#flush(state));
    state.batch.push(value);
  }

  /** Sends the node's batch to every other node. */
  #flush(state: BroadcastState): void {
    const values = state.batch;
    state.batch = [];
    for (const peer of state.ctx.neighbours()) state.ctx.send(peer, { kind: 'batch', values });
  }
}
