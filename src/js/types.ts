/** Public types of data-mesh. `T` is always the user's payload type. */
import type { AttackLabRecord, MeshErrorCode, Refusal, SimStats, TickStatsRow } from './generated/boundary.js';

export type { AnomalyKind, MeshErrorCode, NodeStatus, Outlook, Refusal, TraceKind } from './generated/boundary.js';

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

/** A message as broadcast by a node and handed to receivers. */
export interface Message<T = unknown> {
  /** Node that sent the message. */
  senderId: string;
  /** The sender's global step when it broadcast. */
  globalStep: number;
  /** The sender's pattern value at that step. */
  patternValue: number;
  /** The payload, passed through unchanged (receivers get the same value). */
  data: T;
  /** Set on the copy a node receives when a byzantine relay tampered with it on the way. */
  tampered?: true;
  /**
   * Authenticated networks: the sender's sequence number (1, 2, ...), covered by `signature`.
   * A receiver accepts each sequence number of a sender once (a 64-wide sliding window).
   */
  sequence?: number;
  /**
   * Authenticated networks: the HMAC-SHA256 tag (32 bytes, `auth: 'hmac'`) or the ed25519
   * signature (64 bytes, `auth: 'ed25519'`) of `canonicalBytes(message)`.
   */
  signature?: Uint8Array;
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

/** What `MeshObserver.observe` returns for a well-formed message. */
export interface CheckedResult {
  /** Whether the pattern value matched. */
  valid: boolean;
  /** The observer's pattern value at the message's step. */
  expected: number;
  /** The message's pattern value. */
  received: number;
}

/** What `MeshObserver.observe` returns for a malformed message. */
export interface MalformedResult {
  /** Always false. */
  valid: false;
  /** Always null: nothing can be expected of a malformed message. */
  expected: null;
  /** Always null. */
  received: null;
  /** Which field broke which rule. */
  reason: string;
}

/** What `MeshObserver.observe` returns. */
export type ValidationResult = CheckedResult | MalformedResult;

/** Message counts of all senders. */
export interface MessageCounts {
  /** Messages observed. */
  total: number;
  /** Messages that passed every check. */
  valid: number;
  /** Messages flagged as anomalies. */
  anomalies: number;
}

/** One sender's record with an observer: its counts, how far it can be trusted, what it got wrong. */
export interface SenderStatistics extends MessageCounts {
  /** `valid / total` in 0..1 (1 before any message): the share of its messages that passed. */
  trust: number;
  /** Its anomalies of each kind (kinds with none are absent). */
  anomaliesByKind: Partial<Record<AnomalyType, number>>;
}

/** What `MeshObserver.getStatistics` returns. */
export interface Statistics extends MessageCounts {
  /** `valid / total` in 0..1; 1 before any message. */
  successRate: number;
  /** The counts per sender id. */
  bySender: Record<string, SenderStatistics>;
  /** Anomalies of each kind flagged so far (kinds with none are absent). */
  anomaliesByKind: Partial<Record<AnomalyType, number>>;
}

/** Statistics of one timer of a `PerformanceMonitor`, in milliseconds. */
export interface Metrics {
  /** Durations recorded. */
  count: number;
  /** Mean. */
  avg: number;
  /** Shortest. */
  min: number;
  /** Longest. */
  max: number;
  /** Median (3 significant digits). */
  p50: number;
  /** 95th percentile (3 significant digits). */
  p95: number;
  /** 99th percentile (3 significant digits). */
  p99: number;
}

/** A node's message counters. */
export interface NodeStats {
  /** Messages the node broadcast. */
  messagesSent: number;
  /** Messages the node accepted. */
  messagesReceived: number;
  /** Messages the node rejected (pattern mismatch or malformed). */
  messagesRejected: number;
}

/** A handler registered with `onBroadcast`, `onError`, `onSync` or `onAnomaly`. */
export type Handler<A> = (arg: A) => void;

/** How the network delivered a message to a node. */
export interface Delivery {
  /** The node it came from over the last link (its sender, unless a node relayed it). */
  from: string;
  /** Links it travelled: 1 straight from its sender, more when relayed (flooding or gossip). */
  hops: number;
}

/**
 * A handler registered with `onMessage`: the accepted message, and how the network delivered it
 * (`delivery` is absent for a message handed to `receive`).
 */
export type MessageHandler<T> = (message: Message<T>, delivery?: Delivery) => void;

/** Returned by every `on*` method: call it to remove the handler. */
export type Unsubscribe = () => void;


/** The shape of every error data-mesh throws: a `TypeError` or `RangeError` with these fields. */
export interface MeshError extends Error {
  /** Stable machine-readable code. */
  code: MeshErrorCode;
  /** The field (or argument) the error is about. */
  field: string;
}

/** A latency distribution in milliseconds (negative normal draws count as 0). */
export type LatencyOptions =
  | number
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; std: number }
  | { kind: 'exponential'; mean: number };

/** How a link treats messages. Every field is optional; the defaults make links instant. */
export interface LinkOptions {
  /** Milliseconds on the link, or a distribution. Default 0. */
  latency?: LatencyOptions;
  /** Extra delay drawn uniformly from 0..jitter ms. Default 0. */
  jitter?: number;
  /** Probability in [0, 1] that a message is lost. Default 0. */
  loss?: number;
  /** Probability in [0, 1] that a message arrives twice. Default 0. */
  duplicate?: number;
  /** Messages a link holds in flight before it drops new ones; 0 is unlimited. Default 0. */
  queueLimit?: number;
}

/** Who is linked to whom. Sizes beyond what the node count allows are capped. */
export type TopologyOptions =
  | 'full'
  | 'ring'
  | 'grid'
  | 'random'
  | 'random-regular'
  | 'small-world'
  | 'scale-free'
  | { kind: 'full' }
  | { kind: 'ring' }
  | { kind: 'grid'; columns?: number }
  | { kind: 'random'; p?: number }
  | { kind: 'random-regular'; degree?: number }
  | { kind: 'small-world'; degree?: number; beta?: number }
  | { kind: 'scale-free'; m?: number };

/**
 * Options of `new MeshNetwork(options)`. With none, the network is the seed's: every broadcast
 * reaches every other live node at once. Any link delay or loss, another topology, a `setLink`
 * override, a crash, a partition, a byzantine node or `auth` other than 'none' makes broadcasts
 * scheduled: they arrive while `run`, `runUntil` or `step` advance virtual time.
 */
export interface NetworkOptions {
  /** Seed of the one RNG behind every random choice. Default 0. */
  seed?: number;
  /** Milliseconds per tick (`run(ticks)` and the global tick). Default 100. */
  tickInterval?: number;
  /** Whether each tick adds 1 to every running node's step. Default false. */
  globalTick?: boolean;
  /** The behaviour of every link (see `setLink` for one pair). Default instant. */
  links?: LinkOptions;
  /** Topology, drawn over the live nodes and drawn again when nodes come or go. Default 'full'. */
  topology?: TopologyOptions;
  /** How many links a message may travel; above 1 nodes relay what they accept (not in a full mesh). Default 1. */
  ttl?: number;
  /** Neighbours a node relays to: 0 for all (flooding), k for k random ones (gossip). Default 0. */
  fanout?: number;
  /** Whether a restarted node keeps its step (else it restarts at 0). Default true. */
  restartKeepsStep?: boolean;
  /** Whether to keep every trace event for `exportTrace()`. Default false. */
  recordTrace?: boolean;
  /** Whether a node syncs to a valid message from a step ahead (by at most `maxStepSkew`). Default false. */
  autoSync?: boolean;
  /** With the global tick: the step distance from the tick count that watchers flag as 'step-skew'. Default 10. */
  maxStepSkew?: number;
  /** Probability in [0, 1] that each running node broadcasts on each tick (payload undefined). Default 0. */
  traffic?: number;
  /** Per-tick probabilities that a running node crashes and a crashed node restarts. Default none. */
  churn?: { crash?: number; restart?: number };
  /**
   * Authentication besides the pattern, keys derived from `seed`: `'hmac'` (HMAC-SHA256 with a
   * shared mesh key: stops outsiders) or `'ed25519'` (a key pair per node: also tells which member
   * signed). Receivers check tags once per message and keep a replay window per sender. Default 'none'.
   */
  auth?: 'none' | 'hmac' | 'ed25519';
}

/**
 * How a byzantine node misbehaves: stamps a wrong pattern; resends the last message it accepted;
 * claims another id (`as`: a node's id or an unknown one; default a random other node); lies
 * about its step (`skew` ahead, default 1000, with the pattern right for it); alters what it
 * relays; or relays nothing.
 */
export type ByzantineBehaviour =
  | 'wrong-pattern'
  | 'replay'
  | 'forged-sender'
  | 'step-skew'
  | 'tamper'
  | 'black-hole'
  | 'outsider'
  | { kind: 'forged-sender'; as?: string }
  | { kind: 'step-skew'; skew?: number }
  | { kind: 'wrong-pattern' | 'replay' | 'tamper' | 'black-hole' | 'outsider' };

/** Running totals of a network's simulation. */
export type SimulationStats = SimStats;

/** The state of a simulated network at one tick (see `MeshNetwork.drainTickStats`). */
export type TickStats = TickStatsRow;

/** One row of `attackLab()`: an attack and the share (0..1) of its deliveries each mode turned away. */
export interface AttackLabRow extends AttackLabRecord {
  /** The attack. */
  attack: string;
}
