/**
 * The workload of Gossip Glomers' challenge 3d in the simulator: the library's broadcast workload
 * hands values to random nodes at a steady rate, optionally with partitions that come and go, then
 * there is time to settle; its checker measures messages per operation, latency from a value's
 * hand-out to each node's learning it, and completeness.
 */
import { MeshNetwork, type Protocol } from 'data-mesh';

/** The setup of one run. */
export interface Setup {
  /** Nodes in a full mesh. */
  readonly nodes: number;
  /** Link latency in ms. */
  readonly latencyMs: number;
  /** Operations (values handed out) per second of virtual time. */
  readonly opsPerSecond: number;
  /** Seconds of virtual time during which values are handed out. */
  readonly seconds: number;
  /** Seconds of virtual time after the last value before the check. */
  readonly settleSeconds: number;
  /** Whether a random half of the nodes is cut off for 1 s in every 3 s while values are handed out. */
  readonly partitions: boolean;
  /** The network's seed. */
  readonly seed: number;
}

/** What a run measured, read from the broadcast checker's report. */
export interface Figures {
  /** Values handed out. */
  readonly operations: number;
  /** Messages put on links per operation (every copy, including those lost to partitions). */
  readonly messagesPerOperation: number;
  /** Median (to 3 significant digits) and maximum ms from a value's hand-out to a node learning it, over every node and value. */
  readonly medianLatencyMs: number;
  readonly maxLatencyMs: number;
  /** (value, node) pairs never learned. */
  readonly missing: number;
  /** Milliseconds from the last heal until every value handed out before it was everywhere (`NaN`: no heal, or never). */
  readonly convergedAfterHealMs: number;
}

/**
 * Runs `setup` with every node running `protocol`, or, without one, the built-in broadcast: the
 * node handed a value broadcasts it, and in a full mesh it reaches every other node over one link
 * (the engine relays nothing further).
 */
export function runBroadcast(setup: Setup, protocol?: Protocol<never, unknown>): Figures {
  const network = new MeshNetwork<unknown>({ seed: setup.seed, links: { latency: setup.latencyMs }, protocol: protocol as Protocol<unknown, unknown> | undefined });
  const ids = Array.from({ length: setup.nodes }, (_, i) => network.createNode({ nodeId: `n${i}`, seed: 7, phaseResetInterval: 100 }).nodeId);
  network.startWorkload({ kind: 'broadcast', rate: setup.opsPerSecond, duration: setup.seconds * 1000 });
  if (setup.partitions) {
    let pick = setup.seed;
    const coin = (): boolean => {
      pick = (pick * 1103515245 + 12345) % 2147483648;
      return ((pick >>> 8) & 1) === 0;
    };
    for (let start = 1000; start + 1000 <= setup.seconds * 1000; start += 3000) {
      const half = ids.filter(coin);
      network.at(start, () => network.partition(half));
      network.at(start + 1000, () => network.heal());
    }
  }
  network.runUntil((setup.seconds + setup.settleSeconds) * 1000);
  const { broadcast } = network.workloadReport();
  network.free();
  if (broadcast === null) throw new Error('the broadcast workload is running');
  return {
    operations: broadcast.summary.values,
    messagesPerOperation: broadcast.summary.messagesPerValue,
    medianLatencyMs: broadcast.latency?.p50 ?? NaN,
    maxLatencyMs: broadcast.latency?.max ?? NaN,
    missing: broadcast.summary.missing,
    convergedAfterHealMs: broadcast.summary.convergedAfterHealMs,
  };
}
