// Generated from src/boundary/ by `npm run gen` (cargo run --bin gen-boundary): do not edit.
// The records of the reports a broadcast, a unicast, a batch and a run write.

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
  /** The slot of the node it claims to be from, or `NONE` for an id no node has (`claimedName`). */
  claimedSlot: number;
  /** How many rejections follow. */
  rejectedCount: number;
  /** 1 when no observer watches and every live node accepted it at once: until the next other call into the network, the sender's broadcasts may wait in JavaScript and be sent as one `broadcastBatch`, to the same effect. */
  unanimous: number;
}
/** Where each field of a `BroadcastStamp` record sits, and how many numbers it takes. */
export const BROADCAST_STAMP = { globalStep: 0, patternValue: 1, messageId: 2, instant: 3, claimedSlot: 4, rejectedCount: 5, unanimous: 6, length: 7 } as const;
/** Reads the `BroadcastStamp` record that starts at `at`. */
export function readBroadcastStamp(numbers: ArrayLike<number>, at: number): BroadcastStamp {
  return { globalStep: numbers[at + BROADCAST_STAMP.globalStep], patternValue: numbers[at + BROADCAST_STAMP.patternValue], messageId: numbers[at + BROADCAST_STAMP.messageId], instant: numbers[at + BROADCAST_STAMP.instant], claimedSlot: numbers[at + BROADCAST_STAMP.claimedSlot], rejectedCount: numbers[at + BROADCAST_STAMP.rejectedCount], unanimous: numbers[at + BROADCAST_STAMP.unanimous] };
}

/** The report of a unicast (`send`), followed by one `WatcherAnomalyRecord` per watcher anomaly up to the report's end. */
export interface UnicastReport {
  /** The step the message carries. */
  globalStep: number;
  /** The pattern value it carries. */
  patternValue: number;
  /** Its id (0: a scheduled message from a crashed sender, which sent nothing). */
  messageId: number;
  /** 1 when its receiver judged it at once; 0 when it is scheduled. */
  instant: number;
  /** The slot of the node it claims to be from, or `NONE` for an id no node has (`claimedName`). */
  claimedSlot: number;
  /** The receiver's slot. */
  receiver: number;
  /** The value the receiver expected when it rejected it at once, else `NONE`. */
  expected: number;
}
/** Where each field of a `UnicastReport` record sits, and how many numbers it takes. */
export const UNICAST_REPORT = { globalStep: 0, patternValue: 1, messageId: 2, instant: 3, claimedSlot: 4, receiver: 5, expected: 6, length: 7 } as const;
/** Reads the `UnicastReport` record that starts at `at`. */
export function readUnicastReport(numbers: ArrayLike<number>, at: number): UnicastReport {
  return { globalStep: numbers[at + UNICAST_REPORT.globalStep], patternValue: numbers[at + UNICAST_REPORT.patternValue], messageId: numbers[at + UNICAST_REPORT.messageId], instant: numbers[at + UNICAST_REPORT.instant], claimedSlot: numbers[at + UNICAST_REPORT.claimedSlot], receiver: numbers[at + UNICAST_REPORT.receiver], expected: numbers[at + UNICAST_REPORT.expected] };
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

/** The head of the report `run`, `runUntil` and `step` write, followed by `eventCount` events, each a record chosen by its first number (`DRAIN_EVENTS`), then the bulk protocol's batch: `bulkArrivals` `BulkArrivalRecord`s and `bulkTimers` `BulkTimerRecord`s. */
export interface DrainHead {
  /** How many events follow. */
  eventCount: number;
  /** When timers fired and the run stopped at their time: the time in microseconds it was running to (go on with `resumeUntil` once their callbacks ran), else -1. */
  pausedUntil: number;
  /** How many first arrivals the bulk protocol has to handle. */
  bulkArrivals: number;
  /** How many of its bulk timers fired. */
  bulkTimers: number;
}
/** Where each field of a `DrainHead` record sits, and how many numbers it takes. */
export const DRAIN_HEAD = { eventCount: 0, pausedUntil: 1, bulkArrivals: 2, bulkTimers: 3, length: 4 } as const;
/** Reads the `DrainHead` record that starts at `at`. */
export function readDrainHead(numbers: ArrayLike<number>, at: number): DrainHead {
  return { eventCount: numbers[at + DRAIN_HEAD.eventCount], pausedUntil: numbers[at + DRAIN_HEAD.pausedUntil], bulkArrivals: numbers[at + DRAIN_HEAD.bulkArrivals], bulkTimers: numbers[at + DRAIN_HEAD.bulkTimers] };
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
  /** 1 when it was sent to this node alone (`send`), 0 for a broadcast. */
  unicast: number;
}
/** Where each field of a `ArrivalEvent` record sits, and how many numbers it takes. */
export const ARRIVAL_EVENT = { kind: 0, messageId: 1, from: 2, receiver: 3, expected: 4, syncedTo: 5, tampered: 6, refusal: 7, hops: 8, unicast: 9, length: 10 } as const;
/** Reads the `ArrivalEvent` record that starts at `at`. */
export function readArrivalEvent(numbers: ArrayLike<number>, at: number): ArrivalEvent {
  return { kind: numbers[at + ARRIVAL_EVENT.kind], messageId: numbers[at + ARRIVAL_EVENT.messageId], from: numbers[at + ARRIVAL_EVENT.from], receiver: numbers[at + ARRIVAL_EVENT.receiver], expected: numbers[at + ARRIVAL_EVENT.expected], syncedTo: numbers[at + ARRIVAL_EVENT.syncedTo], tampered: numbers[at + ARRIVAL_EVENT.tampered], refusal: numbers[at + ARRIVAL_EVENT.refusal], hops: numbers[at + ARRIVAL_EVENT.hops], unicast: numbers[at + ARRIVAL_EVENT.unicast] };
}

/** The engine sent a message, followed by `anomalyCount` `WatcherAnomalyRecord`s. */
export interface SentEvent {
  /** The event's code (`sent`). */
  kind: number;
  /** The message's id. */
  messageId: number;
  /** The sender's slot. */
  sender: number;
  /** The slot of the node it claims to be from, or `FIRST_UNKNOWN_CLAIM - i` for the id `claimedNames()[i]` that no node has. */
  claimedSlot: number;
  /** The step it carries. */
  globalStep: number;
  /** The pattern value it carries. */
  patternValue: number;
  /** The index of the scenario event whose payload it carries, or -1 for none. */
  payload: number;
  /** The broadcast workload's value it carries (its `data`), or -1 for none. */
  value: number;
  /** The sender's sequence number (authenticated networks; 0 otherwise). */
  sequence: number;
  /** How many bytes its tag or signature takes in `sentProofs()` (0 without authentication). */
  proofLength: number;
  /** How many watcher anomalies follow. */
  anomalyCount: number;
}
/** Where each field of a `SentEvent` record sits, and how many numbers it takes. */
export const SENT_EVENT = { kind: 0, messageId: 1, sender: 2, claimedSlot: 3, globalStep: 4, patternValue: 5, payload: 6, value: 7, sequence: 8, proofLength: 9, anomalyCount: 10, length: 11 } as const;
/** Reads the `SentEvent` record that starts at `at`. */
export function readSentEvent(numbers: ArrayLike<number>, at: number): SentEvent {
  return { kind: numbers[at + SENT_EVENT.kind], messageId: numbers[at + SENT_EVENT.messageId], sender: numbers[at + SENT_EVENT.sender], claimedSlot: numbers[at + SENT_EVENT.claimedSlot], globalStep: numbers[at + SENT_EVENT.globalStep], patternValue: numbers[at + SENT_EVENT.patternValue], payload: numbers[at + SENT_EVENT.payload], value: numbers[at + SENT_EVENT.value], sequence: numbers[at + SENT_EVENT.sequence], proofLength: numbers[at + SENT_EVENT.proofLength], anomalyCount: numbers[at + SENT_EVENT.anomalyCount] };
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

/** A timer is done with (timer events come last in a report, in order): it fired, and the run stopped at its time for its callback to run; or it was dropped unfired (cancelled, voided by its node's crash or removal, or its node was down). Either way its id may be reused. */
export interface TimerEvent {
  /** The event's code (`timer`). */
  kind: number;
  /** The timer's id (from `setTimer`). */
  timerId: number;
  /** 1 when it fired, 0 when it was dropped. */
  fired: number;
}
/** Where each field of a `TimerEvent` record sits, and how many numbers it takes. */
export const TIMER_EVENT = { kind: 0, timerId: 1, fired: 2, length: 3 } as const;
/** Reads the `TimerEvent` record that starts at `at`. */
export function readTimerEvent(numbers: ArrayLike<number>, at: number): TimerEvent {
  return { kind: numbers[at + TIMER_EVENT.kind], timerId: numbers[at + TIMER_EVENT.timerId], fired: numbers[at + TIMER_EVENT.fired] };
}

/** The engine (churn, a scenario's event) crashed or restarted a node that runs a protocol. */
export interface LifecycleEvent {
  /** The event's code (`lifecycle`). */
  kind: number;
  /** The node's slot. */
  node: number;
  /** 1 when it crashed, 0 when it restarted. */
  crashed: number;
}
/** Where each field of a `LifecycleEvent` record sits, and how many numbers it takes. */
export const LIFECYCLE_EVENT = { kind: 0, node: 1, crashed: 2, length: 3 } as const;
/** Reads the `LifecycleEvent` record that starts at `at`. */
export function readLifecycleEvent(numbers: ArrayLike<number>, at: number): LifecycleEvent {
  return { kind: numbers[at + LIFECYCLE_EVENT.kind], node: numbers[at + LIFECYCLE_EVENT.node], crashed: numbers[at + LIFECYCLE_EVENT.crashed] };
}

/** The broadcast workload handed a value to a node that runs a protocol. */
export interface OfferedEvent {
  /** The event's code (`offered`). */
  kind: number;
  /** The node's slot. */
  node: number;
  /** The value. */
  value: number;
}
/** Where each field of a `OfferedEvent` record sits, and how many numbers it takes. */
export const OFFERED_EVENT = { kind: 0, node: 1, value: 2, length: 3 } as const;
/** Reads the `OfferedEvent` record that starts at `at`. */
export function readOfferedEvent(numbers: ArrayLike<number>, at: number): OfferedEvent {
  return { kind: numbers[at + OFFERED_EVENT.kind], node: numbers[at + OFFERED_EVENT.node], value: numbers[at + OFFERED_EVENT.value] };
}

