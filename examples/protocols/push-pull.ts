/**
 * Push-pull anti-entropy: every period each node sends its whole set of values to one random
 * neighbour (push); the neighbour learns what it lacked and answers with what the sender lacks
 * (pull). Slow but sure: any two nodes that can talk again end up with the same values.
 */
import type { Protocol } from 'data-mesh';
import { Nodes, learn, randomPeer, type Known, type OnLearn } from './values.js';

/** A push (the sender's values) or a pull (the values the pusher lacked). */
export interface PushPullMessage {
  readonly kind: 'push' | 'pull';
  readonly values: readonly number[];
}

/** How often each node pushes, and who hears of new values. */
export interface PushPullOptions {
  /** Milliseconds between a node's pushes (its first comes at a random point of the first period). */
  readonly periodMs: number;
  /** Told of every value a node learns. */
  readonly onLearn?: OnLearn;
}

/** The push-pull protocol, and `offer` to hand a node a new value. */
export function pushPull(options: PushPullOptions): { protocol: Protocol<PushPullMessage, Known<PushPullMessage>>; offer(nodeId: string, value: number): void } {
  const nodes = new Nodes<Known<PushPullMessage>>();
  const protocol: Protocol<PushPullMessage, Known<PushPullMessage>> = {
    name: 'push-pull',
    init: (ctx) => nodes.add({ values: new Set(), ctx }),
    onStart(state, ctx) {
      const push = (): void => {
        const peer = randomPeer(ctx);
        if (peer !== undefined) ctx.send(peer, { kind: 'push', values: [...state.values] });
        ctx.setTimer(options.periodMs, push);
      };
      ctx.setTimer(ctx.random() * options.periodMs, push);
    },
    onMessage(state, ctx, message, delivery) {
      const { kind, values } = message.data;
      for (const value of values) learn(state, value, options.onLearn);
      if (kind === 'pull' || delivery === undefined) return;
      const theirs = new Set(values);
      const missing = [...state.values].filter((value) => !theirs.has(value));
      if (missing.length > 0) ctx.send(delivery.from, { kind: 'pull', values: missing });
    },
  };
  return { protocol, offer: (nodeId, value) => void learn(nodes.get(nodeId), value, options.onLearn) };
}
