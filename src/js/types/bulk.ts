/** The bulk protocol: one handler for every node's first arrivals and timers, a batch at a time. */

/**
 * The first arrivals of one look-ahead window, in arrival order: `i` in `0 .. size` names one.
 * Nodes are slots (creation order, as in `nodeStates()`); `nodeId(slot)` gives a node's id.
 * What the handler asks for is done when it returns, each send leaving at its arrival's time.
 */
export interface ArrivalBatch {
  /** How many arrivals the batch holds. */
  readonly size: number;
  /** When arrival `i` arrived, in ms of virtual time. */
  timeMs(i: number): number;
  /** The slot of the node that accepted arrival `i`. */
  node(i: number): number;
  /** The slot it came from over the last link. */
  from(i: number): number;
  /** Links from its sender (1 for a copy straight from it). */
  hops(i: number): number;
  /** The message's id. */
  messageId(i: number): number;
  /** The id of the node in `slot`. */
  nodeId(slot: number): string;
  /** The slots linked to the live node in `slot` (a new array). */
  neighbours(slot: number): Uint32Array;
  /** Sends arrival `i`'s message on to every neighbour of its node but `from(i)`, as the built-in flooding does (ttl, fanout and byzantine behaviour apply). */
  relay(i: number): void;
  /** Sends arrival `i`'s message on to the neighbour in slot `to` alone (the ttl and byzantine behaviour apply). */
  forward(i: number, to: number): void;
}

/** The bulk timers that fired at one moment (`now`), in the order they were set. */
export interface TimerBatch {
  /** How many timers fired. */
  readonly size: number;
  /** The virtual time they fired at, in ms. */
  readonly now: number;
  /** The slot of timer `i`'s node. */
  node(i: number): number;
  /** The number timer `i` was set with. */
  tag(i: number): number;
  /** The id of the node in `slot`. */
  nodeId(slot: number): string;
  /** Sets a bulk timer of the node in `slot`, due `delayMs` from now, that fires with `tag`. */
  setTimer(slot: number, delayMs: number, tag: number): void;
}

/**
 * A protocol that runs every node of a network from one handler per batch (`setBulkProtocol`):
 * the fast path for protocols written in JavaScript that relay, forward and keep timers at scale.
 * A node's first arrivals of accepted messages come in windows as long as the shortest link
 * latency; bulk timers come at the moment they fire. The engine relays nothing itself.
 */
export interface BulkProtocol {
  /** A name for reports. */
  readonly name?: string;
  /** Handles the first arrivals of one window. */
  onArrivals?(batch: ArrivalBatch): void;
  /** Handles the bulk timers that fired at one moment. */
  onTimers?(batch: TimerBatch): void;
  /** Takes what a handler threw or what the network refused of a batch's requests (else it is reported on the console); the run goes on. */
  onError?(error: unknown): void;
}
