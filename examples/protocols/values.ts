/** What the example protocols share: each node's known values, and how it tells it learned one. */
import type { ProtocolContext } from 'data-mesh';

/** Called when a node learns a value: the node, the value and the virtual time. */
export type OnLearn = (nodeId: string, value: number, now: number) => void;

/** A node's known values and its context (kept so that a workload can offer it new values). */
export interface Known<T> {
  /** The values the node has. */
  readonly values: Set<number>;
  /** The node's context. */
  readonly ctx: ProtocolContext<T>;
}

/** Per node, by id: its state, so a workload can hand a node a new value. */
export class Nodes<S extends Known<unknown>> {
  readonly #byId = new Map<string, S>();

  /** Keeps `state` as the state of its node. */
  add(state: S): S {
    this.#byId.set(state.ctx.nodeId, state);
    return state;
  }

  /** The state of the node `nodeId`; throws for a node that runs no such protocol. */
  get(nodeId: string): S {
    const state = this.#byId.get(nodeId);
    if (state === undefined) throw new Error(`node ${nodeId} runs no such protocol`);
    return state;
  }
}

/** Adds `value` to `state` and tells `onLearn`; returns false when it was known already. */
export function learn<T>(state: Known<T>, value: number, onLearn: OnLearn | undefined): boolean {
  if (state.values.has(value)) return false;
  state.values.add(value);
  onLearn?.(state.ctx.nodeId, value, state.ctx.now);
  return true;
}

/** A neighbour of `ctx`'s node drawn from its random source, or undefined when it has none. */
export function randomPeer<T>(ctx: ProtocolContext<T>): string | undefined {
  const peers = ctx.neighbours();
  return peers.length === 0 ? undefined : peers[Math.floor(ctx.random() * peers.length)];
}
