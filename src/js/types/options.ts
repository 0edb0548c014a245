/** The options of a network: links, topology, byzantine behaviour. */
import type { Protocol } from './protocol.js';

/** A latency distribution in milliseconds (negative normal draws count as 0). */
export type LatencyOptions =
  | number
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; std: number }
  | { kind: 'exponential'; mean: number };

/**
 * How a link treats messages. Every field is optional: left out of `links`, a field takes its
 * `NETWORK_OPTION_DEFAULTS.links` value (an instant link); left out of `setLinks` or `setLink`,
 * it keeps the network's current value.
 */
export interface LinkOptions {
  /** Milliseconds on the link, or a distribution. */
  latency?: LatencyOptions;
  /** Extra delay drawn uniformly from 0..jitter ms. */
  jitter?: number;
  /** Probability in [0, 1] that a message is lost. */
  loss?: number;
  /** Probability in [0, 1] that a message arrives twice. */
  duplicate?: number;
  /** Messages a link holds in flight before it drops new ones; 0 is unlimited. */
  queueLimit?: number;
  /**
   * Bytes per second the link puts on the wire in each direction; 0 is unlimited. A message of
   * `size` bytes takes `size / bandwidth` seconds, after those sent before it that way.
   */
  bandwidth?: number;
}

/** Options of `MeshNode.broadcast` and `MeshNode.send`. */
export interface SendOptions {
  /**
   * The message's size in bytes (a whole number up to 4294967295), instead of its payload's bytes
   * (see `payloadBytes`) plus `MESSAGE_HEADER_BYTES`: what link bandwidth and byte statistics count.
   */
  size?: number;
}

/** Options of `MeshNetwork.partition`. */
export interface PartitionOptions {
  /** `true`: cut only what `groupA` sends to `groupB`, so that `groupB` still reaches `groupA` (default: both ways). */
  oneWay?: boolean;
}

/**
 * Who is linked to whom. Sizes beyond what the node count allows are capped; parameters left out
 * take their `TOPOLOGY_DEFAULTS` value.
 */
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
 * scheduled: they arrive while `run`, `runUntil` or `step` advance virtual time. Every field is
 * optional; `NETWORK_OPTION_DEFAULTS` holds the value of each one left out.
 */
export interface NetworkOptions<T = unknown> {
  /** Seed of the one RNG behind every random choice. */
  seed?: number;
  /** Milliseconds per tick (`run(ticks)` and the global tick). */
  tickInterval?: number;
  /** Whether each tick adds 1 to every running node's step. */
  globalTick?: boolean;
  /** The behaviour of every link (see `setLink` for one pair). */
  links?: LinkOptions;
  /** Topology, drawn over the live nodes and drawn again when nodes come or go. */
  topology?: TopologyOptions;
  /** How many links a message may travel; above 1 nodes relay what they accept (not in a full mesh). */
  ttl?: number;
  /** Neighbours a node relays to: 0 for all (flooding), k for k random ones (gossip). */
  fanout?: number;
  /** Whether a restarted node keeps its step (else it restarts at 0). */
  restartKeepsStep?: boolean;
  /** Whether to keep every trace event for `exportTrace()`. */
  recordTrace?: boolean;
  /** Whether a node syncs to a valid message from a step ahead (by at most `maxStepSkew`). */
  autoSync?: boolean;
  /** With the global tick: the step distance from the tick count that watchers flag as 'step-skew'. */
  maxStepSkew?: number;
  /** Probability in [0, 1] that each running node broadcasts on each tick (payload undefined). */
  traffic?: number;
  /** Per-tick probabilities that a running node crashes and a crashed node restarts. */
  churn?: { crash?: number; restart?: number };
  /**
   * Authentication besides the pattern, keys derived from `seed`: `'hmac'` (HMAC-SHA256 with a
   * shared mesh key: stops outsiders) or `'ed25519'` (a key pair per node: also tells which member
   * signed). Receivers check tags once per message and keep a replay window per sender.
   */
  auth?: 'none' | 'hmac' | 'ed25519';
  /** A protocol every node created without one of its own runs (see `Protocol`). */
  protocol?: Protocol<T, unknown>;
}

/**
 * How a byzantine node misbehaves: stamps a wrong pattern; resends the last message it accepted;
 * claims another id (`as`: a node's id or an unknown one; left out, a random other node); lies
 * about its step (`skew` ahead, left out `BYZANTINE_DEFAULTS.skew`, with the pattern right for
 * it); alters what it relays; or relays nothing.
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
