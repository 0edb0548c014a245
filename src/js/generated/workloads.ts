// Generated from src/boundary/ by `npm run gen` (cargo run --bin gen-boundary): do not edit.
// The records of `workloadReport()`: the checkers' figures and rows.

/** The head of `workloadReport()`: what follows it, in this order: a `BroadcastSummary` (when `broadcast` is 1), a `Metrics` of its latencies (when `latency` is 1), `missingCount` `MissingValue`s, `healCount` `HealRecord`s, then a `SyncSummary` (when `sync` is 1) and `disturbanceCount` `DisturbanceRecord`s. */
export interface WorkloadReportHead {
  /** 1 when a broadcast workload runs. */
  broadcast: number;
  /** 1 when its latencies follow (something was learned). */
  latency: number;
  /** Missing pairs listed. */
  missingCount: number;
  /** Heals listed. */
  healCount: number;
  /** 1 when a sync workload runs. */
  sync: number;
  /** Disturbances listed. */
  disturbanceCount: number;
}
/** Where each field of a `WorkloadReportHead` record sits, and how many numbers it takes. */
export const WORKLOAD_REPORT_HEAD = { broadcast: 0, latency: 1, missingCount: 2, healCount: 3, sync: 4, disturbanceCount: 5, length: 6 } as const;
/** Reads the `WorkloadReportHead` record that starts at `at`. */
export function readWorkloadReportHead(numbers: ArrayLike<number>, at: number): WorkloadReportHead {
  return { broadcast: numbers[at + WORKLOAD_REPORT_HEAD.broadcast], latency: numbers[at + WORKLOAD_REPORT_HEAD.latency], missingCount: numbers[at + WORKLOAD_REPORT_HEAD.missingCount], healCount: numbers[at + WORKLOAD_REPORT_HEAD.healCount], sync: numbers[at + WORKLOAD_REPORT_HEAD.sync], disturbanceCount: numbers[at + WORKLOAD_REPORT_HEAD.disturbanceCount] };
}

/** The broadcast checker's figures (`NaN` for a figure with nothing to measure yet). */
export interface BroadcastSummary {
  /** Values handed out so far. */
  values: number;
  /** Values due when no node could take one (none of the workload's nodes was running). */
  unplaced: number;
  /** Copies of messages put on links since the workload started, whatever became of them (delivered, duplicate, lost, cut, to a crashed node, refused by a full queue). */
  messages: number;
  /** Bytes put on links since the workload started (none in an instant network). */
  bytes: number;
  /** `messages` per value handed out. */
  messagesPerValue: number;
  /** `bytes` per value handed out. */
  bytesPerValue: number;
  /** Nodes checked: running when the first value was handed out, and never crashed or removed since. */
  checkedNodes: number;
  /** (value, node) pairs the checked nodes should have learned: values × checked nodes. */
  expected: number;
  /** Of those, the pairs not learned. */
  missing: number;
  /** 1 when every value reached every checked node, else 0. */
  complete: number;
  /** Heals (ends of a partition) since the workload started. */
  heals: number;
  /** Milliseconds from the last heal until every value handed out before it had reached every checked node (`NaN`: no heal, or not converged). */
  convergedAfterHealMs: number;
}
/** Where each field of a `BroadcastSummary` record sits, and how many numbers it takes. */
export const BROADCAST_SUMMARY = { values: 0, unplaced: 1, messages: 2, bytes: 3, messagesPerValue: 4, bytesPerValue: 5, checkedNodes: 6, expected: 7, missing: 8, complete: 9, heals: 10, convergedAfterHealMs: 11, length: 12 } as const;
/** Reads the `BroadcastSummary` record that starts at `at`. */
export function readBroadcastSummary(numbers: ArrayLike<number>, at: number): BroadcastSummary {
  return { values: numbers[at + BROADCAST_SUMMARY.values], unplaced: numbers[at + BROADCAST_SUMMARY.unplaced], messages: numbers[at + BROADCAST_SUMMARY.messages], bytes: numbers[at + BROADCAST_SUMMARY.bytes], messagesPerValue: numbers[at + BROADCAST_SUMMARY.messagesPerValue], bytesPerValue: numbers[at + BROADCAST_SUMMARY.bytesPerValue], checkedNodes: numbers[at + BROADCAST_SUMMARY.checkedNodes], expected: numbers[at + BROADCAST_SUMMARY.expected], missing: numbers[at + BROADCAST_SUMMARY.missing], complete: numbers[at + BROADCAST_SUMMARY.complete], heals: numbers[at + BROADCAST_SUMMARY.heals], convergedAfterHealMs: numbers[at + BROADCAST_SUMMARY.convergedAfterHealMs] };
}

/** A (value, node) pair a checked node has not learned. */
export interface MissingValue {
  /** The value. */
  value: number;
  /** The node's slot. */
  node: number;
}
/** Where each field of a `MissingValue` record sits, and how many numbers it takes. */
export const MISSING_VALUE = { value: 0, node: 1, length: 2 } as const;
/** Reads the `MissingValue` record that starts at `at`. */
export function readMissingValue(numbers: ArrayLike<number>, at: number): MissingValue {
  return { value: numbers[at + MISSING_VALUE.value], node: numbers[at + MISSING_VALUE.node] };
}

/** How the mesh converged after one heal. */
export interface HealRecord {
  /** When the partition healed, in ms. */
  atMs: number;
  /** Values handed out before it. */
  valuesBefore: number;
  /** Milliseconds from the heal until every one of those values had reached every checked node (`NaN`: not converged). */
  convergedAfterMs: number;
}
/** Where each field of a `HealRecord` record sits, and how many numbers it takes. */
export const HEAL_RECORD = { atMs: 0, valuesBefore: 1, convergedAfterMs: 2, length: 3 } as const;
/** Reads the `HealRecord` record that starts at `at`. */
export function readHealRecord(numbers: ArrayLike<number>, at: number): HealRecord {
  return { atMs: numbers[at + HEAL_RECORD.atMs], valuesBefore: numbers[at + HEAL_RECORD.valuesBefore], convergedAfterMs: numbers[at + HEAL_RECORD.convergedAfterMs] };
}

/** The sync checker's figures. */
export interface SyncSummary {
  /** Ticks watched. */
  ticks: number;
  /** Of those, ticks at which the running nodes' steps spread over more than `maxStepSkew`. */
  ticksOutOfSync: number;
  /** The widest spread of the running nodes' steps at a tick. */
  maxSpread: number;
  /** The network's `maxStepSkew`. */
  maxStepSkew: number;
  /** Disturbances seen. */
  disturbances: number;
  /** The longest time a disturbance took to settle, in ms (`NaN`: none settled). */
  longestSettleMs: number;
  /** Disturbances still unsettled at the report. */
  unsettled: number;
  /** Times a node synced to the step a liar (a `step-skew` node) stamped. */
  liarDrags: number;
  /** Nodes a liar dragged at least once. */
  draggedNodes: number;
}
/** Where each field of a `SyncSummary` record sits, and how many numbers it takes. */
export const SYNC_SUMMARY = { ticks: 0, ticksOutOfSync: 1, maxSpread: 2, maxStepSkew: 3, disturbances: 4, longestSettleMs: 5, unsettled: 6, liarDrags: 7, draggedNodes: 8, length: 9 } as const;
/** Reads the `SyncSummary` record that starts at `at`. */
export function readSyncSummary(numbers: ArrayLike<number>, at: number): SyncSummary {
  return { ticks: numbers[at + SYNC_SUMMARY.ticks], ticksOutOfSync: numbers[at + SYNC_SUMMARY.ticksOutOfSync], maxSpread: numbers[at + SYNC_SUMMARY.maxSpread], maxStepSkew: numbers[at + SYNC_SUMMARY.maxStepSkew], disturbances: numbers[at + SYNC_SUMMARY.disturbances], longestSettleMs: numbers[at + SYNC_SUMMARY.longestSettleMs], unsettled: numbers[at + SYNC_SUMMARY.unsettled], liarDrags: numbers[at + SYNC_SUMMARY.liarDrags], draggedNodes: numbers[at + SYNC_SUMMARY.draggedNodes] };
}

/** One disturbance and how the steps settled after it. */
export interface DisturbanceRecord {
  /** What happened (a `Disturbance` code). */
  kind: number;
  /** When, in ms. */
  atMs: number;
  /** The node it happened to (`NONE` for a partition or heal). */
  node: number;
  /** The widest spread of the steps from then until the next disturbance. */
  maxSpread: number;
  /** Milliseconds until the spread was within `maxStepSkew` at every later tick up to the next disturbance or the report (0: it never left it; `NaN`: still out of it). */
  settledAfterMs: number;
}
/** Where each field of a `DisturbanceRecord` record sits, and how many numbers it takes. */
export const DISTURBANCE_RECORD = { kind: 0, atMs: 1, node: 2, maxSpread: 3, settledAfterMs: 4, length: 5 } as const;
/** Reads the `DisturbanceRecord` record that starts at `at`. */
export function readDisturbanceRecord(numbers: ArrayLike<number>, at: number): DisturbanceRecord {
  return { kind: numbers[at + DISTURBANCE_RECORD.kind], atMs: numbers[at + DISTURBANCE_RECORD.atMs], node: numbers[at + DISTURBANCE_RECORD.node], maxSpread: numbers[at + DISTURBANCE_RECORD.maxSpread], settledAfterMs: numbers[at + DISTURBANCE_RECORD.settledAfterMs] };
}

/** What disturbed the nodes' steps, for the sync checker. Names in code order: a code is its position. */
export const DISTURBANCES = ['drift', 'partition', 'heal', 'crash', 'restart'] as const;
/** What disturbed the nodes' steps, for the sync checker. */
export type Disturbance = (typeof DISTURBANCES)[number];
/** The code of each name of `DISTURBANCES`. */
export const DISTURBANCE = { drift: 0, partition: 1, heal: 2, crash: 3, restart: 4 } as const;

