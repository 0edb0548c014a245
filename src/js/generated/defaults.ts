// Generated from src/boundary/ by `npm run gen` (cargo run --bin gen-boundary): do not edit.
// The value of each setting a caller leaves out (declared in src/sim/defaults.rs).

/** What `new MeshNetwork(options)` takes for each option left out (`NetworkOptions`). */
export const NETWORK_OPTION_DEFAULTS = {
  /** Seed of the one RNG behind every random choice. */
  seed: 0,
  /** Milliseconds per tick (`run(ticks)` and the global tick). */
  tickInterval: 100,
  /** Whether each tick adds 1 to every running node's step. */
  globalTick: false,
  /** The behaviour of every link without a `setLink` override: instant. */
  links: {
    /** Milliseconds on the link (a fixed latency). */
    latency: 0,
    /** Extra delay drawn uniformly from 0 to `jitter` ms. */
    jitter: 0,
    /** Probability that a message is lost. */
    loss: 0,
    /** Probability that a message arrives twice. */
    duplicate: 0,
    /** Messages a link holds in flight before it drops new ones; 0 is unlimited. */
    queueLimit: 0,
    /** Bytes per second a link puts on the wire in each direction; 0 is unlimited. */
    bandwidth: 0,
  },
  /** Who is linked to whom. */
  topology: 'full',
  /** How many links a message may travel. */
  ttl: 1,
  /** Neighbours a node relays to: 0 for all (flooding). */
  fanout: 0,
  /** Whether a restarted node keeps its step. */
  restartKeepsStep: true,
  /** Whether to keep every trace event for `exportTrace()`. */
  recordTrace: false,
  /** Whether a node syncs to a valid message from a step ahead. */
  autoSync: false,
  /** The largest step distance from the tick count that watchers accept and `autoSync` follows. */
  maxStepSkew: 10,
  /** Probability that each running node broadcasts on each tick. */
  traffic: 0,
  /** Per-tick crash and restart probabilities: none. */
  churn: {
    /** Probability that a running node crashes on a tick. */
    crash: 0,
    /** Probability that a crashed node restarts on a tick. */
    restart: 0,
  },
  /** Authentication besides the pattern. */
  auth: 'none',
} as const;

/** The parameters of a `TopologyOptions` kind, when left out. */
export const TOPOLOGY_DEFAULTS = {
  /** Grid width; 0 for the ceiling of the square root of the node count. */
  columns: 0,
  /** Erdős–Rényi link probability. */
  p: 0.1,
  /** Links per node (random-regular, small-world). */
  degree: 4,
  /** Small-world rewiring probability. */
  beta: 0.1,
  /** Scale-free links per new node. */
  m: 2,
} as const;

/** The parameters of a `ByzantineBehaviour`, when left out. */
export const BYZANTINE_DEFAULTS = {
  /** How far ahead a `step-skew` node lies about its step. */
  skew: 1000,
} as const;

/** What a scenario's `nodes` take for the settings left out (see docs/scenarios.md). */
export const SCENARIO_NODE_DEFAULTS = {
  /** The id prefix of a scenario's counted nodes (ids `node-0`, `node-1`, ...). */
  prefix: 'node-',
  /** A scenario node's seed. */
  seed: 7,
  /** A scenario node's phase reset interval. */
  phaseResetInterval: 100,
} as const;

