/**
 * Batched gossip: a node that learns new values keeps them for a short while, then sends them in
 * one message to `fanout` random neighbours, which do the same with what is new to them. Fewer,
 * larger messages than flooding, at the cost of the batching delay per hop.
 */
import type { Protocol } from 'data-mesh';
import { Nodes, learn, randomPeer, type Known, type OnLearn } from './values.js';

/** A node's state: its values, and the new ones waiting for the next batch. */
export interface BatchState extends Known<readonly number[]> {
  /** New values for the next batch. */
  pending: number[];
}

/** How long a batch collects, how many neighbours get it, and who hears of new values. */
export interface BatchedGossipOptions {
  /** Milliseconds from a batch's first value to its sending. */
  readonly batchMs: number;
  /** Neighbours each batch goes to (drawn at random; at most every neighbour). */
  readonly fanout: number;
  /** Told of every value a node learns. */
  readonly onLearn?: OnLearn;
}

/** The batched gossip protocol, and `offer` to hand a node a new value. */
export function batchedGossip(options: BatchedGossipOptions): { protocol: Protocol<readonly number[], BatchState>; offer(nodeId: string, value: number): void } {
  const nodes = new Nodes<BatchState>();
  /** Learns `value` and, when it is new, queues it for the next batch. */
  const take = (state: BatchState, value: number): void => {
    if (!learn(state, value, options.onLearn)) return;
    if (state.pending.length === 0) state.ctx.setTimer(options.batchMs, () => send(state));
    state.pending.push(value);
  };
  /** Sends the batch to `fanout` distinct random neighbours. */
  const send = (state: BatchState): void => {
    const batch = state.pending;
    state.pending = [];
    const peers = new Set<string>();
    const degree = state.ctx.neighbours().length;
    while (peers.size < Math.min(options.fanout, degree)) {
      const peer = randomPeer(state.ctx);
      if (peer !== undefined) peers.add(peer);
    }
    for (const peer of peers) state.ctx.send(peer, batch);
  };
  const protocol: Protocol<readonly number[], BatchState> = {
    name: 'batched-gossip',
    init: (ctx) => nodes.add({ values: new Set(), pending: [], ctx }),
    onMessage(state, _ctx, message) {
      for (const value of message.data) take(state, value);
    },
  };
  return { protocol, offer: (nodeId, value) => take(nodes.get(nodeId), value) };
}
