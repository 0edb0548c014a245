/** The options of a network: links, topology, byzantine behaviour. */

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
