/**
 * An efficient broadcast in the style of Gossip Glomers' challenge 3d, written as a class: a node
 * collects the values the broadcast workload hands it for `batchMs`, then sends the batch straight
 * to every other node (one hop: one link latency); and every `syncMs` it pushes all it knows to
 * one random peer, which answers with what the pusher lacks, so values lost to a partition arrive
 * after it heals. Every value a node learns is reported to the workload's checker (`ctx.learn`).
 */
import type { Delivery, Message, Protocol, ProtocolContext } from 'data-mesh';
import { learn, randomPeer, type Known } from '../protocols/values.js';

/** A batch of new values, a push of everything a node knows, or the answer to a push. */
export interface BroadcastMessage {
  readonly kind: 'batch' | 'sync' | 'answer';
  readonly values: readonly number[];
}

/** A node's state: its values and the batch it is collecting. */
export interface BroadcastState extends Known<BroadcastMessage> {
  /** Values handed to this node and not sent yet. */
  batch: number[];
}

/** The protocol: every hook typed, the node's state kept per node. */
export class EfficientBroadcast implements Protocol<BroadcastMessage, BroadcastState> {
  readonly name = 'efficient-broadcast';

  constructor(
    /** Milliseconds a batch collects before it is sent. */
    readonly batchMs: number,
    /** Milliseconds between a node's pushes to a random peer. */
    readonly syncMs: number,
  ) {}

  init(ctx: ProtocolContext<BroadcastMessage>): BroadcastState {
    return { values: new Set(), batch: [], ctx };
  }

  onStart(state: BroadcastState, ctx: ProtocolContext<BroadcastMessage>): void {
    const sync = (): void => {
      const peer = randomPeer(ctx);
      if (peer !== undefined) ctx.send(peer, { kind: 'sync', values: [...state.values] });
      ctx.setTimer(this.syncMs, sync);
    };
    ctx.setTimer(ctx.random() * this.syncMs, sync);
  }

  /** The workload hands the node a new value (a client's broadcast request): it joins the batch. */
  onValue(state: BroadcastState, ctx: ProtocolContext<BroadcastMessage>, value: number): void {
    if (!this.#learn(state, value)) return;
    if (state.batch.length === 0) ctx.setTimer(this.batchMs, () => this.#flush(state));
    state.batch.push(value);
  }

  onMessage(state: BroadcastState, ctx: ProtocolContext<BroadcastMessage>, message: Message<BroadcastMessage>, delivery: Delivery | undefined): void {
    const { kind, values } = message.data;
    for (const value of values) this.#learn(state, value);
    if (kind !== 'sync' || delivery === undefined) return;
    const theirs = new Set(values);
    const missing = [...state.values].filter((value) => !theirs.has(value));
    if (missing.length > 0) ctx.send(delivery.from, { kind: 'answer', values: missing });
  }

  /** Adds `value` to the node's values and tells the workload's checker; returns false when it was known already. */
  #learn(state: BroadcastState, value: number): boolean {
    if (!learn(state, value, undefined)) return false;
    state.ctx.learn(value);
    return true;
  }

  /** Sends the node's batch to every other node. */
  #flush(state: BroadcastState): void {
    const values = state.batch;
    state.batch = [];
    for (const peer of state.ctx.neighbours()) state.ctx.send(peer, { kind: 'batch', values });
  }
}
