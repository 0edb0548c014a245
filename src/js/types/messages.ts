/** Nodes, messages, the errors nodes report and the anomalies observers flag. */
import type { Refusal } from '../generated/codes.js';

/** Configuration of one node. */
export interface NodeConfig {
  /** Unique identifier within the network (a non-empty string). */
  nodeId: string;
  /** Pattern generation seed: a safe integer >= 0. */
  seed: number;
  /** Steps between phase resets: a safe integer >= 1. */
  phaseResetInterval: number;
}

/** Configuration of a pattern (generator or observer). */
export interface PatternConfig {
  /** Pattern generation seed: a safe integer >= 0. */
  seed: number;
  /** Steps between phase resets: a safe integer >= 1. */
  phaseResetInterval: number;
}

/**
 * A message as broadcast by a node and handed to receivers. Every callback of one message gets the
 * same object: read it, never change it (it is not frozen, which would cost a third of a broadcast).
 */
export interface Message<T = unknown> {
  /** Node that sent the message. */
  readonly senderId: string;
  /** The sender's global step when it broadcast. */
  readonly globalStep: number;
  /** The sender's pattern value at that step. */
  readonly patternValue: number;
  /** The payload, passed through unchanged (receivers get the same value). */
  readonly data: T;
  /** Set on the copy a node receives when a byzantine relay tampered with it on the way. */
  readonly tampered?: true;
  /**
   * Authenticated networks: the sender's sequence number (1, 2, ...), covered by `signature`.
   * A receiver accepts each sequence number of a sender once (a 64-wide sliding window).
   */
  readonly sequence?: number;
  /**
   * Authenticated networks: the HMAC-SHA256 tag (32 bytes, `auth: 'hmac'`) or the ed25519
   * signature (64 bytes, `auth: 'ed25519'`) of `canonicalBytes(message)`.
   */
  readonly signature?: Uint8Array;
}

/** A message whose pattern value differs from the receiver's own pattern at its step. */
export interface PatternMismatchError<T = unknown> {
  /** Discriminant. */
  type: 'pattern-mismatch';
  /** The receiving node. */
  nodeId: string;
  /** The value the receiver's pattern gives at the message's step. */
  expected: number;
  /** The value the message carried. */
  received: number;
  /** The rejected message. */
  message: Message<T>;
  /** How the network delivered it (absent for a message handed to `receive`). */
  delivery?: Delivery;
}

/** A message with a missing or wrong-typed field, or a negative, fractional or unsafe step. */
export interface InvalidMessageError {
  /** Discriminant. */
  type: 'invalid-message';
  /** The receiving node. */
  nodeId: string;
  /** Which field broke which rule. */
  reason: string;
  /** The value handed to `receive`, as it was. */
  message: unknown;
}

/** An exception thrown by one of the node's own handlers. */
export interface HandlerError {
  /** Discriminant. */
  type: 'handler-error';
  /** The node whose handler threw. */
  nodeId: string;
  /** What the handler threw. */
  error: unknown;
}

/**
 * A message an authenticated network's receiver refused before its pattern was checked: its tag or
 * signature does not check out, its claimed sender has no registered key, or it is a replay.
 */
export interface RefusedMessageError<T = unknown> {
  /** Discriminant. */
  type: Refusal;
  /** The receiving node. */
  nodeId: string;
  /** The refused message. */
  message: Message<T>;
  /** How the network delivered it (absent for a message handed to `receive`). */
  delivery?: Delivery;
}

/** Everything a node's `onError` handlers receive. */
export type NodeError<T = unknown> = PatternMismatchError<T> | InvalidMessageError | HandlerError | RefusedMessageError<T>;

/** An observed message whose pattern value is wrong for its step. */
export interface PatternAnomaly<T = unknown> {
  /** Discriminant. */
  type: 'pattern-mismatch';
  /** The message. */
  message: Message<T>;
  /** The value the observer's pattern gives at the message's step. */
  expected: number;
  /** The value the message carried. */
  received: number;
}

/** An observed message that is malformed. */
export interface InvalidMessageAnomaly {
  /** Discriminant. */
  type: 'invalid-message';
  /** The value handed to `observe`, as it was. */
  message: unknown;
  /** Which field broke which rule. */
  reason: string;
  /** Always null: nothing can be expected of a malformed message. */
  expected: null;
  /** Always null. */
  received: null;
}

/** A watched message whose step is more than `maxStepSkew` from the network's tick count. */
export interface StepSkewAnomaly<T = unknown> {
  /** Discriminant. */
  type: 'step-skew';
  /** The message. */
  message: Message<T>;
  /** The network's tick count when it was sent. */
  expected: number;
  /** The step the message carried. */
  received: number;
}

/** A watched message flagged as `K`, with nothing to compare: `expected` and `received` are null. */
export interface FlaggedAnomaly<K extends string, T = unknown> {
  /** Discriminant. */
  type: K;
  /** The message. */
  message: Message<T>;
  /** Always null. */
  expected: null;
  /** Always null. */
  received: null;
}

/** A watched message sent again with an id already seen (an old message replayed). */
export type ReplayAnomaly<T = unknown> = FlaggedAnomaly<'replay', T>;

/** A watched message whose sender id is no node of the network (a forged id). */
export type UnknownSenderAnomaly<T = unknown> = FlaggedAnomaly<'unknown-sender', T>;

/** A watched message whose tag or signature does not check out (authenticated networks). */
export type BadSignatureAnomaly<T = unknown> = FlaggedAnomaly<'bad-signature', T>;

/** Everything an observer's `onAnomaly` handlers receive. */
export type Anomaly<T = unknown> =
  | PatternAnomaly<T>
  | InvalidMessageAnomaly
  | StepSkewAnomaly<T>
  | ReplayAnomaly<T>
  | UnknownSenderAnomaly<T>
  | BadSignatureAnomaly<T>;

/** The kinds of anomaly an observer flags. */
export type AnomalyType = Anomaly['type'];

/** How the network delivered a message to a node. */
export interface Delivery {
  /** The node it came from over the last link (its sender, unless a node relayed it). */
  readonly from: string;
  /** Links it travelled: 1 straight from its sender, more when relayed (flooding or gossip). */
  readonly hops: number;
  /**
   * Set when the message was sent to this node alone (`MeshNode.send`), so `from` is its sender and
   * `hops` is 1; absent for a broadcast.
   */
  readonly unicast?: true;
}
