// Generated from src/boundary/ by `npm run gen` (cargo run --bin gen-boundary): do not edit.
// The records of the arrays the bindings hand out: drawing, trace, statistics, attack lab.

import { ANOMALY_KINDS, type AnomalyKind } from './codes.js';

/** One node of `nodeStates()`, by slot. */
export interface NodeStateRecord {
  /** Its status code (`NODE_STATUSES`). */
  status: number;
  /** Its global step (0 when removed). */
  globalStep: number;
  /** Messages it sent. */
  sent: number;
  /** Messages it accepted. */
  received: number;
  /** Messages it rejected. */
  rejected: number;
}
/** Where each field of a `NodeStateRecord` record sits, and how many numbers it takes. */
export const NODE_STATE_RECORD = { status: 0, globalStep: 1, sent: 2, received: 3, rejected: 4, length: 5 } as const;
/** Reads the `NodeStateRecord` record that starts at `at`. */
export function readNodeStateRecord(numbers: ArrayLike<number>, at: number): NodeStateRecord {
  return { status: numbers[at + NODE_STATE_RECORD.status], globalStep: numbers[at + NODE_STATE_RECORD.globalStep], sent: numbers[at + NODE_STATE_RECORD.sent], received: numbers[at + NODE_STATE_RECORD.received], rejected: numbers[at + NODE_STATE_RECORD.rejected] };
}

/** One transfer in flight in `transfers()`. */
export interface TransferRecord {
  /** The slot it left. */
  from: number;
  /** The slot it travels to. */
  to: number;
  /** How far along the link it is, 0 to 1. */
  progress: number;
  /** How it ends if nothing changes before it arrives (`OUTLOOKS`). */
  outlook: number;
  /** The message's id (for `dropMessage`). */
  messageId: number;
}
/** Where each field of a `TransferRecord` record sits, and how many numbers it takes. */
export const TRANSFER_RECORD = { from: 0, to: 1, progress: 2, outlook: 3, messageId: 4, length: 5 } as const;
/** Reads the `TransferRecord` record that starts at `at`. */
export function readTransferRecord(numbers: ArrayLike<number>, at: number): TransferRecord {
  return { from: numbers[at + TRANSFER_RECORD.from], to: numbers[at + TRANSFER_RECORD.to], progress: numbers[at + TRANSFER_RECORD.progress], outlook: numbers[at + TRANSFER_RECORD.outlook], messageId: numbers[at + TRANSFER_RECORD.messageId] };
}

/** One event of `drainTrace()`. */
export interface TraceRecord {
  /** Virtual time in microseconds. */
  timeUs: number;
  /** What happened (`TRACE_KINDS`). */
  kind: number;
  /** The message's id (0 for a tick). */
  messageId: number;
  /** The slot the message came from (the sender for a send). */
  from: number;
  /** The slot it went to (the sender for a send). */
  to: number;
}
/** Where each field of a `TraceRecord` record sits, and how many numbers it takes. */
export const TRACE_RECORD = { timeUs: 0, kind: 1, messageId: 2, from: 3, to: 4, length: 5 } as const;
/** Reads the `TraceRecord` record that starts at `at`. */
export function readTraceRecord(numbers: ArrayLike<number>, at: number): TraceRecord {
  return { timeUs: numbers[at + TRACE_RECORD.timeUs], kind: numbers[at + TRACE_RECORD.kind], messageId: numbers[at + TRACE_RECORD.messageId], from: numbers[at + TRACE_RECORD.from], to: numbers[at + TRACE_RECORD.to] };
}

/** One attack of `attackLab()`: the share (0..1) of its deliveries receivers turned away. */
export interface AttackLabRecord {
  /** With the pattern only. */
  none: number;
  /** With HMAC-SHA256 tags. */
  hmac: number;
  /** With ed25519 signatures. */
  ed25519: number;
}
/** Where each field of a `AttackLabRecord` record sits, and how many numbers it takes. */
export const ATTACK_LAB_RECORD = { none: 0, hmac: 1, ed25519: 2, length: 3 } as const;
/** Reads the `AttackLabRecord` record that starts at `at`. */
export function readAttackLabRecord(numbers: ArrayLike<number>, at: number): AttackLabRecord {
  return { none: numbers[at + ATTACK_LAB_RECORD.none], hmac: numbers[at + ATTACK_LAB_RECORD.hmac], ed25519: numbers[at + ATTACK_LAB_RECORD.ed25519] };
}

/** Engine-wide counters (every field is a running total); also the record `stats()` and each row of `drainTickStats()` carry across the boundary. */
export interface SimStats {
  /** Messages sent by nodes (relays not included). */
  sent: number;
  /** Transfers that reached a node that had not seen the message. */
  delivered: number;
  /** Deliveries the receiver's pattern accepted. */
  accepted: number;
  /** Deliveries the receiver's pattern rejected. */
  rejected: number;
  /** Transfers that reached a node that had already seen the message. */
  duplicates: number;
  /** Times a node relayed a message it accepted. */
  forwarded: number;
  /** Transfers the link lost. */
  lost: number;
  /** Transfers cut by a partition. */
  partitioned: number;
  /** Transfers from or to a crashed or removed node. */
  crashed: number;
  /** Transfers refused by a full link queue. */
  queueFull: number;
  /** Messages with nothing left in flight. */
  completed: number;
  /** Nodes reached, summed over completed messages (reach per message = this / completed). */
  reach: number;
  /** Deliveries of copies a byzantine relay tampered with. */
  tampered: number;
  /** Relays a black-hole node swallowed. */
  swallowed: number;
  /** Steps nodes synced to from messages ahead of them (`auto_sync`). */
  synced: number;
  /** Deliveries refused because the tag or signature did not check out. */
  badSignatures: number;
  /** Deliveries refused because the claimed sender has no registered key. */
  unknownSenders: number;
  /** Deliveries refused as replays (a sequence number seen before). */
  replays: number;
  /** Bytes nodes put on links: each copy sent or relayed over a link, its message's size (a copy the link then loses too; none in an instant network, which sizes nothing). */
  bytesSent: number;
  /** Bytes of the transfers counted under `delivered`. */
  bytesDelivered: number;
}
/** Where each field of a `SimStats` record sits, and how many numbers it takes. */
export const SIM_STATS = { sent: 0, delivered: 1, accepted: 2, rejected: 3, duplicates: 4, forwarded: 5, lost: 6, partitioned: 7, crashed: 8, queueFull: 9, completed: 10, reach: 11, tampered: 12, swallowed: 13, synced: 14, badSignatures: 15, unknownSenders: 16, replays: 17, bytesSent: 18, bytesDelivered: 19, length: 20 } as const;
/** Reads the `SimStats` record that starts at `at`. */
export function readSimStats(numbers: ArrayLike<number>, at: number): SimStats {
  return { sent: numbers[at + SIM_STATS.sent], delivered: numbers[at + SIM_STATS.delivered], accepted: numbers[at + SIM_STATS.accepted], rejected: numbers[at + SIM_STATS.rejected], duplicates: numbers[at + SIM_STATS.duplicates], forwarded: numbers[at + SIM_STATS.forwarded], lost: numbers[at + SIM_STATS.lost], partitioned: numbers[at + SIM_STATS.partitioned], crashed: numbers[at + SIM_STATS.crashed], queueFull: numbers[at + SIM_STATS.queueFull], completed: numbers[at + SIM_STATS.completed], reach: numbers[at + SIM_STATS.reach], tampered: numbers[at + SIM_STATS.tampered], swallowed: numbers[at + SIM_STATS.swallowed], synced: numbers[at + SIM_STATS.synced], badSignatures: numbers[at + SIM_STATS.badSignatures], unknownSenders: numbers[at + SIM_STATS.unknownSenders], replays: numbers[at + SIM_STATS.replays], bytesSent: numbers[at + SIM_STATS.bytesSent], bytesDelivered: numbers[at + SIM_STATS.bytesDelivered] };
}

/** Statistics of a distribution of durations, in milliseconds. */
export interface Metrics {
  /** How many durations were recorded. */
  count: number;
  /** Their mean. */
  avg: number;
  /** The shortest. */
  min: number;
  /** The longest. */
  max: number;
  /** The median (to 3 significant digits). */
  p50: number;
  /** The 95th percentile (to 3 significant digits). */
  p95: number;
  /** The 99th percentile (to 3 significant digits). */
  p99: number;
}
/** Where each field of a `Metrics` record sits, and how many numbers it takes. */
export const METRICS = { count: 0, avg: 1, min: 2, max: 3, p50: 4, p95: 5, p99: 6, length: 7 } as const;
/** Reads the `Metrics` record that starts at `at`. */
export function readMetrics(numbers: ArrayLike<number>, at: number): Metrics {
  return { count: numbers[at + METRICS.count], avg: numbers[at + METRICS.avg], min: numbers[at + METRICS.min], max: numbers[at + METRICS.max], p50: numbers[at + METRICS.p50], p95: numbers[at + METRICS.p95], p99: numbers[at + METRICS.p99] };
}

/** A node's message counters: the record `counters()` returns (`MeshNode.getStats()`). */
export interface NodeStats {
  /** Messages the node broadcast. */
  messagesSent: number;
  /** Messages the node accepted. */
  messagesReceived: number;
  /** Messages the node rejected (pattern mismatch or malformed). */
  messagesRejected: number;
}
/** Where each field of a `NodeStats` record sits, and how many numbers it takes. */
export const NODE_STATS = { messagesSent: 0, messagesReceived: 1, messagesRejected: 2, length: 3 } as const;
/** Reads the `NodeStats` record that starts at `at`. */
export function readNodeStats(numbers: ArrayLike<number>, at: number): NodeStats {
  return { messagesSent: numbers[at + NODE_STATS.messagesSent], messagesReceived: numbers[at + NODE_STATS.messagesReceived], messagesRejected: numbers[at + NODE_STATS.messagesRejected] };
}

/** Reads one count per code of `ANOMALY_KINDS` from `at`: the names with a count, in code order, in an object without a prototype. */
export function readAnomalyKindCounts(numbers: ArrayLike<number>, at: number): Partial<Record<AnomalyKind, number>> {
  const counts: Partial<Record<AnomalyKind, number>> = Object.create(null);
  ANOMALY_KINDS.forEach((name, code) => {
    if (numbers[at + code] !== 0) counts[name] = numbers[at + code];
  });
  return counts;
}

/** What an observer counted over every message (`MeshObserver.getStatistics()` adds `bySender`). */
export interface StatisticsTotals {
  /** Messages observed. */
  total: number;
  /** Messages that passed every check. */
  valid: number;
  /** Messages flagged as anomalies. */
  anomalies: number;
  /** `valid / total` in 0..1; 1 before any message. */
  successRate: number;
  /** Anomalies of each kind (kinds with none are absent). */
  anomaliesByKind: Partial<Record<AnomalyKind, number>>;
}
/** Where each field of a `StatisticsTotals` record sits (`anomaliesByKind`: one count per code of `ANOMALY_KINDS`), and how many numbers it takes. */
export const STATISTICS_TOTALS = { total: 0, valid: 1, anomalies: 2, successRate: 3, anomaliesByKind: 4, length: 10 } as const;
/** Reads the `StatisticsTotals` record that starts at `at`. */
export function readStatisticsTotals(numbers: ArrayLike<number>, at: number): StatisticsTotals {
  return { total: numbers[at + STATISTICS_TOTALS.total], valid: numbers[at + STATISTICS_TOTALS.valid], anomalies: numbers[at + STATISTICS_TOTALS.anomalies], successRate: numbers[at + STATISTICS_TOTALS.successRate], anomaliesByKind: readAnomalyKindCounts(numbers, at + STATISTICS_TOTALS.anomaliesByKind) };
}

/** One sender's record with an observer: its counts, how far it can be trusted, what it got wrong. */
export interface SenderStatistics {
  /** Messages observed. */
  total: number;
  /** Messages that passed every check. */
  valid: number;
  /** Messages flagged as anomalies. */
  anomalies: number;
  /** `valid / total` in 0..1 (1 before any message): the share of its messages that passed. */
  trust: number;
  /** Anomalies of each kind (kinds with none are absent). */
  anomaliesByKind: Partial<Record<AnomalyKind, number>>;
}
/** Where each field of a `SenderStatistics` record sits (`anomaliesByKind`: one count per code of `ANOMALY_KINDS`), and how many numbers it takes. */
export const SENDER_STATISTICS = { total: 0, valid: 1, anomalies: 2, trust: 3, anomaliesByKind: 4, length: 10 } as const;
/** Reads the `SenderStatistics` record that starts at `at`. */
export function readSenderStatistics(numbers: ArrayLike<number>, at: number): SenderStatistics {
  return { total: numbers[at + SENDER_STATISTICS.total], valid: numbers[at + SENDER_STATISTICS.valid], anomalies: numbers[at + SENDER_STATISTICS.anomalies], trust: numbers[at + SENDER_STATISTICS.trust], anomaliesByKind: readAnomalyKindCounts(numbers, at + SENDER_STATISTICS.anomaliesByKind) };
}

/** One row of `drainTickStats()`: the tick, the running totals then, and how the live nodes stood. */
export interface TickStatsRow extends SimStats {
  /** The tick's number (1 for the first). */
  tick: number;
  /** Its virtual time in ms. */
  time: number;
  /** Live nodes that are not crashed (paused ones included). */
  online: number;
  /** Live nodes that are crashed. */
  crashedNodes: number;
  /** The smallest step of a running node (0 when none runs). */
  minStep: number;
  /** The largest step of a running node. */
  maxStep: number;
}
/** Where each field of a `TickStatsRow` record sits, and how many numbers it takes. */
export const TICK_STATS_ROW = { tick: 0, time: 1, sent: 2, delivered: 3, accepted: 4, rejected: 5, duplicates: 6, forwarded: 7, lost: 8, partitioned: 9, crashed: 10, queueFull: 11, completed: 12, reach: 13, tampered: 14, swallowed: 15, synced: 16, badSignatures: 17, unknownSenders: 18, replays: 19, bytesSent: 20, bytesDelivered: 21, online: 22, crashedNodes: 23, minStep: 24, maxStep: 25, length: 26 } as const;
/** Reads the `TickStatsRow` record that starts at `at`. */
export function readTickStatsRow(numbers: ArrayLike<number>, at: number): TickStatsRow {
  return { tick: numbers[at + TICK_STATS_ROW.tick], time: numbers[at + TICK_STATS_ROW.time], sent: numbers[at + TICK_STATS_ROW.sent], delivered: numbers[at + TICK_STATS_ROW.delivered], accepted: numbers[at + TICK_STATS_ROW.accepted], rejected: numbers[at + TICK_STATS_ROW.rejected], duplicates: numbers[at + TICK_STATS_ROW.duplicates], forwarded: numbers[at + TICK_STATS_ROW.forwarded], lost: numbers[at + TICK_STATS_ROW.lost], partitioned: numbers[at + TICK_STATS_ROW.partitioned], crashed: numbers[at + TICK_STATS_ROW.crashed], queueFull: numbers[at + TICK_STATS_ROW.queueFull], completed: numbers[at + TICK_STATS_ROW.completed], reach: numbers[at + TICK_STATS_ROW.reach], tampered: numbers[at + TICK_STATS_ROW.tampered], swallowed: numbers[at + TICK_STATS_ROW.swallowed], synced: numbers[at + TICK_STATS_ROW.synced], badSignatures: numbers[at + TICK_STATS_ROW.badSignatures], unknownSenders: numbers[at + TICK_STATS_ROW.unknownSenders], replays: numbers[at + TICK_STATS_ROW.replays], bytesSent: numbers[at + TICK_STATS_ROW.bytesSent], bytesDelivered: numbers[at + TICK_STATS_ROW.bytesDelivered], online: numbers[at + TICK_STATS_ROW.online], crashedNodes: numbers[at + TICK_STATS_ROW.crashedNodes], minStep: numbers[at + TICK_STATS_ROW.minStep], maxStep: numbers[at + TICK_STATS_ROW.maxStep] };
}

