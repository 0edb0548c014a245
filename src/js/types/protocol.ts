/** Protocols written in TypeScript: per-node state and hooks, acting through a context. */
import type { CancelTimer, TimerCallback } from './handlers.js';
import type { Delivery, Message, NodeConfig } from './messages.js';

/** What a protocol's hooks see of their node and act through. */
export interface ProtocolContext<T = unknown> {
  /** The node's id. */
  readonly nodeId: string;
  /** Virtual time in milliseconds. */
  readonly now: number;
  /** The node's current step. */
  readonly globalStep: number;
  /** The node's pattern value at its current step. */
  readonly patternValue: number;
  /** The ids of the nodes linked to this one, in creation order. */
  neighbours(): string[];
  /** Sends `data` to one node (a neighbour in a topology other than 'full'); see `MeshNode.send`. */
  send(toNodeId: string, data: T): Message<T>;
  /** Sends `data` to every neighbour (every other node in a full mesh); see `MeshNode.broadcast`. */
  broadcast(data: T): Message<T>;
  /** Calls `callback` `delayMs` ms of virtual time from now; see `MeshNode.setTimer`. */
  setTimer(delayMs: number, callback: TimerCallback): CancelTimer;
  /** A number in [0, 1) from the node's own random source, seeded from the network's seed and the node's slot. */
  random(): number;
  /**
   * Tells the broadcast workload's checker that this node has learned `value` (a whole number);
   * returns whether that was news (false for a value not handed out, or without a broadcast workload).
   */
  learn(value: number): boolean;
}

/**
 * A node's behaviour: `init` makes each node's state `S`, and the hooks react with it. Messages
 * the node accepts reach `onMessage` with how they were delivered; rejections go to the node's
 * `onError` as always. Timers are set through the context. The engine never relays for a node
 * that runs a protocol: the protocol decides what to send. What a hook throws goes to the node's
 * `onError` as a 'handler-error'.
 */
export interface Protocol<T = unknown, S = unknown> {
  /** A name for reports. */
  readonly name?: string;
  /** The node's initial state (undefined without `init`). */
  init?(ctx: ProtocolContext<T>): S;
  /** Runs once, at the start of the first `run`, `runUntil` or `step` after the node was created. */
  onStart?(state: S, ctx: ProtocolContext<T>): void;
  /** Runs for every message the node accepts, at its arrival time (`delivery` is undefined for one handed to `receive`). */
  onMessage(state: S, ctx: ProtocolContext<T>, message: Message<T>, delivery: Delivery | undefined): void;
  /**
   * Runs when the broadcast workload hands this node `value` (see `BroadcastWorkload`): the node
   * has learned it, and spreading it is the protocol's job.
   */
  onValue?(state: S, ctx: ProtocolContext<T>, value: number): void;
  /** Runs after the node's step changed by `sync` or `autoSync`. */
  onSync?(state: S, ctx: ProtocolContext<T>, step: number): void;
  /** Runs when the node crashes (`MeshNetwork.crash`, churn, a scenario's event); its timers are dropped. */
  onCrash?(state: S, ctx: ProtocolContext<T>): void;
  /**
   * Runs when the node restarts (`MeshNetwork.restart`, churn, a scenario's event): with its state
   * as it was when `restartKeepsStep` is on (the default), else with a state made anew by `init`.
   */
  onRestart?(state: S, ctx: ProtocolContext<T>): void;
}

/** A node's configuration for `MeshNetwork.createNode`, with the protocol it runs (if any). */
export interface NodeSetup<T = unknown> extends NodeConfig {
  /** The protocol this node runs, instead of the network's. */
  protocol?: Protocol<T, unknown>;
}

/** Options of `MeshNetwork.fromScenario`. */
export interface ScenarioOptions<T = unknown> {
  /** A protocol every node of the scenario runs. */
  protocol?: Protocol<T>;
}
