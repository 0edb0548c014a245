/**
 * The workload of Gossip Glomers' challenge 3d in the simulator: values offered at a steady rate
 * to random nodes, optionally with partitions that come and go, then time to settle; and what it
 * measures: messages per operation, latency from offer to each node's learning, completeness.
 */
import { MeshNetwork, type Protocol } from 'data-mesh';
import type { OnLearn } from '../protocols/values.js';

/** The setup of one run. */
export interface Setup {
  /** Nodes in a full mesh. */
  readonly nodes: number;
  /** Link latency in ms. */
  readonly latencyMs: number;
  /** Operations (offered values) per second of virtual time. */
  readonly opsPerSecond: number;
  /** Seconds of virtual time during which values are offered. */
  readonly seconds: number;
  /** Seconds of virtual time after the last offer before the check. */
  readonly settleSeconds: number;
  /** Whether a random half of the nodes is cut off for 1 s in every 3 s while values are offered. */
  readonly partitions: boolean;
  /** The network's seed. */
  readonly seed: number;
}

/** What a run measured. */
export interface Figures {
  /** Values offered. */
  readonly operations: number;
  /** Messages put on links per operation (every copy, including those lost to partitions). */
  readonly messagesPerOperation: number;
  /** Median and maximum ms from a value's offer to a node learning it, over every node and value. */
  readonly medianLatencyMs: number;
  readonly maxLatencyMs: number;
  /** (node, value) pairs never learned. */
  readonly missing: number;
}

/** A way to broadcast: the protocol every node runs (none: the built-in broadcast), and how to offer a value. */
export interface Broadcaster {
  readonly protocol?: Protocol<unknown, unknown>;
  offer(network: MeshNetwork<unknown>, nodeId: string, value: number): void;
}

/** Runs `setup` with the broadcaster `make` builds (it reports learning through `onLearn`). */
export function runBroadcast(setup: Setup, make: (onLearn: OnLearn) => Broadcaster): Figures {
  const offeredAt: number[] = [];
  const latencies: number[] = [];
  const broadcaster = make((_nodeId, value, now) => latencies.push(now - offeredAt[value]));
  const network = new MeshNetwork<unknown>({ seed: setup.seed, links: { latency: setup.latencyMs }, protocol: broadcaster.protocol });
  const ids = Array.from({ length: setup.nodes }, (_, i) => network.createNode({ nodeId: `n${i}`, seed: 7, phaseResetInterval: 100 }).nodeId);
  const operations = setup.opsPerSecond * setup.seconds;
  let pick = setup.seed;
  const next = (n: number): number => {
    pick = (pick * 1103515245 + 12345) % 2147483648;
    return (pick >>> 8) % n;
  };
  for (let value = 0; value < operations; value++) {
    const at = (value * 1000) / setup.opsPerSecond;
    const nodeId = ids[next(ids.length)];
    network.at(at, () => {
      offeredAt[value] = network.now;
      broadcaster.offer(network, nodeId, value);
    });
  }
  if (setup.partitions) {
    for (let start = 1000; start + 1000 <= setup.seconds * 1000; start += 3000) {
      const half = ids.filter(() => next(2) === 0);
      network.at(start, () => network.partition(half));
      network.at(start + 1000, () => network.heal());
    }
  }
  network.runUntil((setup.seconds + setup.settleSeconds) * 1000);
  const s = network.getSimulationStats();
  const copies = s.delivered + s.duplicates + s.lost + s.partitioned + s.crashed + s.queueFull;
  latencies.sort((a, b) => a - b);
  network.free();
  return {
    operations,
    messagesPerOperation: copies / operations,
    medianLatencyMs: latencies[Math.floor(latencies.length / 2)] ?? NaN,
    maxLatencyMs: latencies[latencies.length - 1] ?? NaN,
    missing: setup.nodes * operations - latencies.length,
  };
}

/**
 * The built-in broadcast: the offered node broadcasts the value, which reaches every other node
 * over one link (a full mesh: the engine relays nothing). The nodes run a passive protocol that
 * only notes the arrival time (`onMessage` handlers would run when the run stops, not at arrival).
 */
export function builtInBroadcast(onLearn: OnLearn): Broadcaster {
  const passive: Protocol<number, undefined> = { name: 'passive', onMessage: (_state, ctx, message) => onLearn(ctx.nodeId, message.data, ctx.now) };
  return {
    protocol: passive as Protocol<unknown, unknown>,
    offer(network, nodeId, value) {
      onLearn(nodeId, value, network.now);
      network.getNode(nodeId)?.broadcast(value);
    },
  };
}
