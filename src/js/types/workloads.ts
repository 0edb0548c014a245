/** Workloads and their checkers' reports. */
import type { Metrics } from '../generated/arrays.js';
import type { BroadcastSummary, Disturbance, DisturbanceRecord, HealRecord, SyncSummary } from '../generated/workloads.js';

export type { BroadcastSummary, Disturbance, HealRecord, SyncSummary } from '../generated/workloads.js';

/**
 * A broadcast workload: `rate` values per second of virtual time handed out for `duration` ms
 * from `start` (default: now), each to a running node of `from` (default: any running node)
 * picked with the network's seeded randomness. Values are numbered from 0. A node that relays
 * by the built-in rules broadcasts its value (the message's `data` is the number) and every node
 * that accepts it learns it; a node that runs a protocol gets it in `onValue` and learns what its
 * protocol tells `ctx.learn`.
 */
export interface BroadcastWorkload {
  readonly kind: 'broadcast';
  /** Values per second, in (0, 1e6]. */
  readonly rate: number;
  /** Milliseconds during which values are handed out (at least one value's worth; at most 10 M values). */
  readonly duration: number;
  /** When the first value is handed out, in ms of virtual time (default: now). */
  readonly start?: number;
  /** The nodes values are handed to (default: any running node). */
  readonly from?: readonly string[];
}

/**
 * A sync workload: from `start` (default: now) its checker watches the spread of the running
 * nodes' steps at every tick (the global tick must be on), how long each disturbance (drift, a
 * partition, a heal, a crash, a restart) takes to settle back within `maxStepSkew`, and how often
 * a liar (a 'step-skew' node) dragged a node that synced to its stamps.
 */
export interface SyncWorkload {
  readonly kind: 'sync';
  /** When the checker starts watching, in ms of virtual time (default: now). */
  readonly start?: number;
}

/** A workload for `MeshNetwork.startWorkload` or a scenario's `workload`. */
export type Workload = BroadcastWorkload | SyncWorkload;

/** A value a checked node has not learned. */
export interface MissingValue {
  /** The value. */
  readonly value: number;
  /** The node that lacks it. */
  readonly nodeId: string;
}

/** The broadcast checker's report (figures with nothing to measure yet are `NaN`, which JSON writes as null). */
export interface BroadcastReport {
  /** Values, traffic per value, completeness and convergence after the last heal. */
  readonly summary: BroadcastSummary;
  /** Milliseconds from a value's hand-out to each node learning it (`null` before anything was learned). */
  readonly latency: Metrics | null;
  /** The first 1000 (value, node) pairs missing, by value then node (`summary.missing` counts them all). */
  readonly missing: readonly MissingValue[];
  /** Each heal since the workload started, and how long the mesh took to converge after it. */
  readonly heals: readonly HealRecord[];
}

/** One disturbance the sync checker saw, and how the steps settled after it. */
export interface DisturbanceReport extends Omit<DisturbanceRecord, 'kind' | 'node'> {
  /** What happened. */
  readonly kind: Disturbance;
  /** The node it happened to (`null` for a partition or heal). */
  readonly nodeId: string | null;
}

/** The sync checker's report. */
export interface SyncReport {
  /** Ticks in and out of sync, the widest spread, settle times and the liars' drags. */
  readonly summary: SyncSummary;
  /** Each disturbance, in time order. */
  readonly disturbances: readonly DisturbanceReport[];
}

/** What `MeshNetwork.workloadReport()` returns: the report of each workload running (`null` for none). */
export interface WorkloadReport {
  readonly broadcast: BroadcastReport | null;
  readonly sync: SyncReport | null;
}
