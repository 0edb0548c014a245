// Generated from src/boundary/ by `npm run gen` (cargo run --bin gen-boundary): do not edit.
// Every layout and code table that crosses the wasm/JS boundary, declared once in Rust.

/** The head of a broadcast's report, followed by `rejectedCount` `Rejection`s, then one `WatcherAnomalyRecord` per watcher anomaly up to the report's end. */
export interface BroadcastStamp {
  /** The step the message carries. */
  globalStep: number;
  /** The pattern value it carries. */
  patternValue: number;
  /** Its id (0: a scheduled message from a crashed sender, which sent nothing). */
  messageId: number;
  /** 1 when every live node not listed as rejecting accepted it at once; 0 when it is scheduled. */
  instant: number;
  /** The slot of the node it claims to be from, or -1 for an id no node has (`claimedName`). */
  claimedSlot: number;
  /** How many rejections follow. */
  rejectedCount: number;
}
/** Where each field of a `BroadcastStamp` record sits, and how many numbers it takes. */
export const BROADCAST_STAMP = { globalStep: 0, patternValue: 1, messageId: 2, instant: 3, claimedSlot: 4, rejectedCount: 5, length: 6 } as const;
/** Reads the `BroadcastStamp` record that starts at `at`. */
export function readBroadcastStamp(numbers: ArrayLike<number>, at: number): BroadcastStamp {
  return { globalStep: numbers[at + BROADCAST_STAMP.globalStep], patternValue: numbers[at + BROADCAST_STAMP.patternValue], messageId: numbers[at + BROADCAST_STAMP.messageId], instant: numbers[at + BROADCAST_STAMP.instant], claimedSlot: numbers[at + BROADCAST_STAMP.claimedSlot], rejectedCount: numbers[at + BROADCAST_STAMP.rejectedCount] };
}

/** A receiver that rejected a message: the value its own pattern expected. */
export interface Rejection {
  /** The receiver's slot. */
  slot: number;
  /** The pattern value it expected. */
  expected: number;
}
/** Where each field of a `Rejection` record sits, and how many numbers it takes. */
export const REJECTION = { slot: 0, expected: 1, length: 2 } as const;
/** Reads the `Rejection` record that starts at `at`. */
export function readRejection(numbers: ArrayLike<number>, at: number): Rejection {
  return { slot: numbers[at + REJECTION.slot], expected: numbers[at + REJECTION.expected] };
}

/** An anomaly a watching observer flagged in a message. */
export interface WatcherAnomalyRecord {
  /** The observer's index in the network's watch order. */
  watcher: number;
  /** The anomaly's code (`ANOMALY_KINDS`). */
  kind: number;
  /** The value it expected (the pattern value, or the tick count for a step skew). */
  expected: number;
}
/** Where each field of a `WatcherAnomalyRecord` record sits, and how many numbers it takes. */
export const WATCHER_ANOMALY_RECORD = { watcher: 0, kind: 1, expected: 2, length: 3 } as const;
/** Reads the `WatcherAnomalyRecord` record that starts at `at`. */
export function readWatcherAnomalyRecord(numbers: ArrayLike<number>, at: number): WatcherAnomalyRecord {
  return { watcher: numbers[at + WATCHER_ANOMALY_RECORD.watcher], kind: numbers[at + WATCHER_ANOMALY_RECORD.kind], expected: numbers[at + WATCHER_ANOMALY_RECORD.expected] };
}

/** The head of a batch's report, followed by `groupCount` `BatchGroup`s. */
export interface BatchHead {
  /** The id of the batch's first message; message `i` has id `firstMessageId + i`. */
  firstMessageId: number;
  /** How many groups follow. */
  groupCount: number;
}
/** Where each field of a `BatchHead` record sits, and how many numbers it takes. */
export const BATCH_HEAD = { firstMessageId: 0, groupCount: 1, length: 2 } as const;
/** Reads the `BatchHead` record that starts at `at`. */
export function readBatchHead(numbers: ArrayLike<number>, at: number): BatchHead {
  return { firstMessageId: numbers[at + BATCH_HEAD.firstMessageId], groupCount: numbers[at + BATCH_HEAD.groupCount] };
}

/** The messages of one sender in a batch (all with the same outcome), followed by `rejectedCount` `Rejection`s and `anomalyCount` `WatcherAnomalyRecord`s. */
export interface BatchGroup {
  /** The sender's slot. */
  senderSlot: number;
  /** The step its messages carry. */
  globalStep: number;
  /** The pattern value they carry. */
  patternValue: number;
  /** How many rejections follow. */
  rejectedCount: number;
  /** How many watcher anomalies follow the rejections. */
  anomalyCount: number;
}
/** Where each field of a `BatchGroup` record sits, and how many numbers it takes. */
export const BATCH_GROUP = { senderSlot: 0, globalStep: 1, patternValue: 2, rejectedCount: 3, anomalyCount: 4, length: 5 } as const;
/** Reads the `BatchGroup` record that starts at `at`. */
export function readBatchGroup(numbers: ArrayLike<number>, at: number): BatchGroup {
  return { senderSlot: numbers[at + BATCH_GROUP.senderSlot], globalStep: numbers[at + BATCH_GROUP.globalStep], patternValue: numbers[at + BATCH_GROUP.patternValue], rejectedCount: numbers[at + BATCH_GROUP.rejectedCount], anomalyCount: numbers[at + BATCH_GROUP.anomalyCount] };
}

/** The head of the report `run`, `runUntil` and `step` write, followed by `eventCount` events, each a record chosen by its first number (`DRAIN_EVENTS`). */
export interface DrainHead {
  /** How many events follow. */
  eventCount: number;
}
/** Where each field of a `DrainHead` record sits, and how many numbers it takes. */
export const DRAIN_HEAD = { eventCount: 0, length: 1 } as const;
/** Reads the `DrainHead` record that starts at `at`. */
export function readDrainHead(numbers: ArrayLike<number>, at: number): DrainHead {
  return { eventCount: numbers[at + DRAIN_HEAD.eventCount] };
}

/** A scheduled message arrived at a node that listens. */
export interface ArrivalEvent {
  /** The event's code (`arrived`). */
  kind: number;
  /** The message's id. */
  messageId: number;
  /** The slot it came from over the last link. */
  from: number;
  /** The receiver's slot. */
  receiver: number;
  /** The value the receiver expected when it rejected the pattern, else -1. */
  expected: number;
  /** The step the receiver synced to (`autoSync`), else -1. */
  syncedTo: number;
  /** 1 when a byzantine relay tampered with this copy, else 0. */
  tampered: number;
  /** Why an authenticated receiver refused it (`REFUSALS`), else -1. */
  refusal: number;
  /** How many links it travelled. */
  hops: number;
}
/** Where each field of a `ArrivalEvent` record sits, and how many numbers it takes. */
export const ARRIVAL_EVENT = { kind: 0, messageId: 1, from: 2, receiver: 3, expected: 4, syncedTo: 5, tampered: 6, refusal: 7, hops: 8, length: 9 } as const;
/** Reads the `ArrivalEvent` record that starts at `at`. */
export function readArrivalEvent(numbers: ArrayLike<number>, at: number): ArrivalEvent {
  return { kind: numbers[at + ARRIVAL_EVENT.kind], messageId: numbers[at + ARRIVAL_EVENT.messageId], from: numbers[at + ARRIVAL_EVENT.from], receiver: numbers[at + ARRIVAL_EVENT.receiver], expected: numbers[at + ARRIVAL_EVENT.expected], syncedTo: numbers[at + ARRIVAL_EVENT.syncedTo], tampered: numbers[at + ARRIVAL_EVENT.tampered], refusal: numbers[at + ARRIVAL_EVENT.refusal], hops: numbers[at + ARRIVAL_EVENT.hops] };
}

/** The engine sent a message, followed by `anomalyCount` `WatcherAnomalyRecord`s. */
export interface SentEvent {
  /** The event's code (`sent`). */
  kind: number;
  /** The message's id. */
  messageId: number;
  /** The sender's slot. */
  sender: number;
  /** The slot of the node it claims to be from, or -2 - i for the id `claimedNames()[i]`. */
  claimedSlot: number;
  /** The step it carries. */
  globalStep: number;
  /** The pattern value it carries. */
  patternValue: number;
  /** The index of the scenario event whose payload it carries, or -1 for none. */
  payload: number;
  /** The sender's sequence number (authenticated networks; 0 otherwise). */
  sequence: number;
  /** How many bytes its tag or signature takes in `sentProofs()` (0 without authentication). */
  proofLength: number;
  /** How many watcher anomalies follow. */
  anomalyCount: number;
}
/** Where each field of a `SentEvent` record sits, and how many numbers it takes. */
export const SENT_EVENT = { kind: 0, messageId: 1, sender: 2, claimedSlot: 3, globalStep: 4, patternValue: 5, payload: 6, sequence: 7, proofLength: 8, anomalyCount: 9, length: 10 } as const;
/** Reads the `SentEvent` record that starts at `at`. */
export function readSentEvent(numbers: ArrayLike<number>, at: number): SentEvent {
  return { kind: numbers[at + SENT_EVENT.kind], messageId: numbers[at + SENT_EVENT.messageId], sender: numbers[at + SENT_EVENT.sender], claimedSlot: numbers[at + SENT_EVENT.claimedSlot], globalStep: numbers[at + SENT_EVENT.globalStep], patternValue: numbers[at + SENT_EVENT.patternValue], payload: numbers[at + SENT_EVENT.payload], sequence: numbers[at + SENT_EVENT.sequence], proofLength: numbers[at + SENT_EVENT.proofLength], anomalyCount: numbers[at + SENT_EVENT.anomalyCount] };
}

/** A message has nothing left in flight. */
export interface CompletedEvent {
  /** The event's code (`completed`). */
  kind: number;
  /** The message's id. */
  messageId: number;
}
/** Where each field of a `CompletedEvent` record sits, and how many numbers it takes. */
export const COMPLETED_EVENT = { kind: 0, messageId: 1, length: 2 } as const;
/** Reads the `CompletedEvent` record that starts at `at`. */
export function readCompletedEvent(numbers: ArrayLike<number>, at: number): CompletedEvent {
  return { kind: numbers[at + COMPLETED_EVENT.kind], messageId: numbers[at + COMPLETED_EVENT.messageId] };
}

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
}
/** Where each field of a `TransferRecord` record sits, and how many numbers it takes. */
export const TRANSFER_RECORD = { from: 0, to: 1, progress: 2, outlook: 3, length: 4 } as const;
/** Reads the `TransferRecord` record that starts at `at`. */
export function readTransferRecord(numbers: ArrayLike<number>, at: number): TransferRecord {
  return { from: numbers[at + TRANSFER_RECORD.from], to: numbers[at + TRANSFER_RECORD.to], progress: numbers[at + TRANSFER_RECORD.progress], outlook: numbers[at + TRANSFER_RECORD.outlook] };
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

/** Running totals of a simulation. */
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
}
/** Where each field of a `SimStats` record sits, and how many numbers it takes. */
export const SIM_STATS = { sent: 0, delivered: 1, accepted: 2, rejected: 3, duplicates: 4, forwarded: 5, lost: 6, partitioned: 7, crashed: 8, queueFull: 9, completed: 10, reach: 11, tampered: 12, swallowed: 13, synced: 14, badSignatures: 15, unknownSenders: 16, replays: 17, length: 18 } as const;
/** Reads the `SimStats` record that starts at `at`. */
export function readSimStats(numbers: ArrayLike<number>, at: number): SimStats {
  return { sent: numbers[at + SIM_STATS.sent], delivered: numbers[at + SIM_STATS.delivered], accepted: numbers[at + SIM_STATS.accepted], rejected: numbers[at + SIM_STATS.rejected], duplicates: numbers[at + SIM_STATS.duplicates], forwarded: numbers[at + SIM_STATS.forwarded], lost: numbers[at + SIM_STATS.lost], partitioned: numbers[at + SIM_STATS.partitioned], crashed: numbers[at + SIM_STATS.crashed], queueFull: numbers[at + SIM_STATS.queueFull], completed: numbers[at + SIM_STATS.completed], reach: numbers[at + SIM_STATS.reach], tampered: numbers[at + SIM_STATS.tampered], swallowed: numbers[at + SIM_STATS.swallowed], synced: numbers[at + SIM_STATS.synced], badSignatures: numbers[at + SIM_STATS.badSignatures], unknownSenders: numbers[at + SIM_STATS.unknownSenders], replays: numbers[at + SIM_STATS.replays] };
}

/** One row of `drainTickStats()`: the tick, the running totals then, and how the live nodes stood. */
export interface TickStatsRow {
  /** The tick's number (1 for the first). */
  tick: number;
  /** Its virtual time in ms. */
  time: number;
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
  /** Live nodes that are running. */
  online: number;
  /** Live nodes that are crashed. */
  crashedNodes: number;
  /** The smallest step of a running node (0 when none runs). */
  minStep: number;
  /** The largest step of a running node. */
  maxStep: number;
}
/** Where each field of a `TickStatsRow` record sits, and how many numbers it takes. */
export const TICK_STATS_ROW = { tick: 0, time: 1, sent: 2, delivered: 3, accepted: 4, rejected: 5, duplicates: 6, forwarded: 7, lost: 8, partitioned: 9, crashed: 10, queueFull: 11, completed: 12, reach: 13, tampered: 14, swallowed: 15, synced: 16, badSignatures: 17, unknownSenders: 18, replays: 19, online: 20, crashedNodes: 21, minStep: 22, maxStep: 23, length: 24 } as const;
/** Reads the `TickStatsRow` record that starts at `at`. */
export function readTickStatsRow(numbers: ArrayLike<number>, at: number): TickStatsRow {
  return { tick: numbers[at + TICK_STATS_ROW.tick], time: numbers[at + TICK_STATS_ROW.time], sent: numbers[at + TICK_STATS_ROW.sent], delivered: numbers[at + TICK_STATS_ROW.delivered], accepted: numbers[at + TICK_STATS_ROW.accepted], rejected: numbers[at + TICK_STATS_ROW.rejected], duplicates: numbers[at + TICK_STATS_ROW.duplicates], forwarded: numbers[at + TICK_STATS_ROW.forwarded], lost: numbers[at + TICK_STATS_ROW.lost], partitioned: numbers[at + TICK_STATS_ROW.partitioned], crashed: numbers[at + TICK_STATS_ROW.crashed], queueFull: numbers[at + TICK_STATS_ROW.queueFull], completed: numbers[at + TICK_STATS_ROW.completed], reach: numbers[at + TICK_STATS_ROW.reach], tampered: numbers[at + TICK_STATS_ROW.tampered], swallowed: numbers[at + TICK_STATS_ROW.swallowed], synced: numbers[at + TICK_STATS_ROW.synced], badSignatures: numbers[at + TICK_STATS_ROW.badSignatures], unknownSenders: numbers[at + TICK_STATS_ROW.unknownSenders], replays: numbers[at + TICK_STATS_ROW.replays], online: numbers[at + TICK_STATS_ROW.online], crashedNodes: numbers[at + TICK_STATS_ROW.crashedNodes], minStep: numbers[at + TICK_STATS_ROW.minStep], maxStep: numbers[at + TICK_STATS_ROW.maxStep] };
}

/** A node's status in `nodeStates()`. Names in code order: a code is its position. */
export const NODE_STATUSES = ['removed', 'online', 'crashed'] as const;
/** A node's status in `nodeStates()`. */
export type NodeStatus = (typeof NODE_STATUSES)[number];
/** The code of each name of `NODE_STATUSES`. */
export const NODE_STATUS = { removed: 0, online: 1, crashed: 2 } as const;

/** The kinds of event in the report `run`, `runUntil` and `step` write. Names in code order: a code is its position. */
export const DRAIN_EVENTS = ['arrived', 'sent', 'completed'] as const;
/** The kinds of event in the report `run`, `runUntil` and `step` write. */
export type DrainEvent = (typeof DRAIN_EVENTS)[number];
/** The code of each name of `DRAIN_EVENTS`. */
export const DRAIN_EVENT = { arrived: 0, sent: 1, completed: 2 } as const;

/** How a transfer in flight ends if nothing changes before it arrives. Names in code order: a code is its position. */
export const OUTLOOKS = ['accepted', 'rejected', 'dropped'] as const;
/** How a transfer in flight ends if nothing changes before it arrives. */
export type Outlook = (typeof OUTLOOKS)[number];
/** The code of each name of `OUTLOOKS`. */
export const OUTLOOK = { accepted: 0, rejected: 1, dropped: 2 } as const;

/** Why an authenticated receiver refused a message before checking its pattern. Names in code order: a code is its position. */
export const REFUSALS = ['bad-signature', 'unknown-sender', 'replay'] as const;
/** Why an authenticated receiver refused a message before checking its pattern. */
export type Refusal = (typeof REFUSALS)[number];
/** The code of each name of `REFUSALS`. */
export const REFUSAL = { 'bad-signature': 0, 'unknown-sender': 1, replay: 2 } as const;

/** What a watching observer (or `observe`) found wrong with a message. Names in code order: a code is its position. */
export const ANOMALY_KINDS = ['pattern-mismatch', 'invalid-message', 'step-skew', 'replay', 'unknown-sender', 'bad-signature'] as const;
/** What a watching observer (or `observe`) found wrong with a message. */
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];
/** The code of each name of `ANOMALY_KINDS`. */
export const ANOMALY_KIND = { 'pattern-mismatch': 0, 'invalid-message': 1, 'step-skew': 2, replay: 3, 'unknown-sender': 4, 'bad-signature': 5 } as const;

/** What happened to a message (or to the clock) at one moment. Names in code order: a code is its position. */
export const TRACE_KINDS = ['send', 'accept', 'reject', 'duplicate', 'forward', 'lost', 'partitioned', 'crashed', 'queue-full', 'tick'] as const;
/** What happened to a message (or to the clock) at one moment. */
export type TraceKind = (typeof TRACE_KINDS)[number];
/** The code of each name of `TRACE_KINDS`. */
export const TRACE_KIND = { send: 0, accept: 1, reject: 2, duplicate: 3, forward: 4, lost: 5, partitioned: 6, crashed: 7, 'queue-full': 8, tick: 9 } as const;

/** The stable machine-readable `code` of every error data-mesh throws. Names in code order: a code is its position. */
export const ERROR_CODES = ['ERR_INVALID_TYPE', 'ERR_NOT_FINITE', 'ERR_NOT_INTEGER', 'ERR_NEGATIVE', 'ERR_UNSAFE_INTEGER', 'ERR_NOT_POSITIVE', 'ERR_EMPTY', 'ERR_NOT_WELL_FORMED', 'ERR_DUPLICATE_NODE_ID', 'ERR_NODE_REMOVED', 'ERR_TOO_LARGE', 'ERR_TIMER_NOT_STARTED', 'ERR_OUT_OF_RANGE', 'ERR_UNKNOWN_NAME', 'ERR_UNKNOWN_NODE', 'ERR_INVALID_SCENARIO', 'ERR_BAD_KEY', 'ERR_OBJECT_FREED', 'ERR_NOT_INITIALIZED'] as const;
/** The stable machine-readable `code` of every error data-mesh throws. */
export type MeshErrorCode = (typeof ERROR_CODES)[number];
/** The code of each name of `ERROR_CODES`. */
export const ERROR_CODE = { ERR_INVALID_TYPE: 0, ERR_NOT_FINITE: 1, ERR_NOT_INTEGER: 2, ERR_NEGATIVE: 3, ERR_UNSAFE_INTEGER: 4, ERR_NOT_POSITIVE: 5, ERR_EMPTY: 6, ERR_NOT_WELL_FORMED: 7, ERR_DUPLICATE_NODE_ID: 8, ERR_NODE_REMOVED: 9, ERR_TOO_LARGE: 10, ERR_TIMER_NOT_STARTED: 11, ERR_OUT_OF_RANGE: 12, ERR_UNKNOWN_NAME: 13, ERR_UNKNOWN_NODE: 14, ERR_INVALID_SCENARIO: 15, ERR_BAD_KEY: 16, ERR_OBJECT_FREED: 17, ERR_NOT_INITIALIZED: 18 } as const;

/** What the raw receive and observe calls return besides an expected value (never negative). */
export const VERDICT = {
  /** The message was accepted. */
  accepted: -1,
  /** The message was malformed. */
  malformed: -2,
  /** An authenticated receive refused it: refusal `r` returns `refused - code(r)`. */
  refused: -3,
} as const;

/** The number a report carries for "none" in a field that otherwise holds a code, slot or step. */
export const NONE = -1;

/** An engine-made send's `claimedSlot` for the first claimed id no node has; the i-th is this minus i. */
export const FIRST_UNKNOWN_CLAIM = -2;
