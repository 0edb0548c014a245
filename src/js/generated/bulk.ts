// Generated from src/boundary/ by `npm run gen` (cargo run --bin gen-boundary): do not edit.
// The records of a bulk protocol's batch and of the requests its handlers make.

/** A first arrival the bulk protocol handles: its node accepted the message. */
export interface BulkArrivalRecord {
  /** When it arrived, in milliseconds of virtual time. */
  timeMs: number;
  /** The receiver's slot. */
  node: number;
  /** The slot it came from over the last link. */
  from: number;
  /** Links from its sender (1 for a copy straight from it). */
  hops: number;
  /** The message's id. */
  messageId: number;
}
/** Where each field of a `BulkArrivalRecord` record sits, and how many numbers it takes. */
export const BULK_ARRIVAL_RECORD = { timeMs: 0, node: 1, from: 2, hops: 3, messageId: 4, length: 5 } as const;
/** Reads the `BulkArrivalRecord` record that starts at `at`. */
export function readBulkArrivalRecord(numbers: ArrayLike<number>, at: number): BulkArrivalRecord {
  return { timeMs: numbers[at + BULK_ARRIVAL_RECORD.timeMs], node: numbers[at + BULK_ARRIVAL_RECORD.node], from: numbers[at + BULK_ARRIVAL_RECORD.from], hops: numbers[at + BULK_ARRIVAL_RECORD.hops], messageId: numbers[at + BULK_ARRIVAL_RECORD.messageId] };
}

/** A bulk timer that fired (at the time the run stopped). */
export interface BulkTimerRecord {
  /** Its node's slot. */
  node: number;
  /** The number it was set with. */
  tag: number;
}
/** Where each field of a `BulkTimerRecord` record sits, and how many numbers it takes. */
export const BULK_TIMER_RECORD = { node: 0, tag: 1, length: 2 } as const;
/** Reads the `BulkTimerRecord` record that starts at `at`. */
export function readBulkTimerRecord(numbers: ArrayLike<number>, at: number): BulkTimerRecord {
  return { node: numbers[at + BULK_TIMER_RECORD.node], tag: numbers[at + BULK_TIMER_RECORD.tag] };
}

/** One op of the list `resumeBulk` takes: what the bulk protocol's handler asked for. */
export interface BulkOpRecord {
  /** The op's code (`BULK_OPS`). */
  kind: number;
  /** The arrival's position in the batch (`relay`, `forward`). */
  arrival: number;
  /** The node to forward to (`forward`) or whose timer to set (`timer`). */
  node: number;
  /** The timer's delay in milliseconds (`timer`). */
  delayMs: number;
  /** The number the timer fires with (`timer`). */
  tag: number;
}
/** Where each field of a `BulkOpRecord` record sits, and how many numbers it takes. */
export const BULK_OP_RECORD = { kind: 0, arrival: 1, node: 2, delayMs: 3, tag: 4, length: 5 } as const;
/** Reads the `BulkOpRecord` record that starts at `at`. */
export function readBulkOpRecord(numbers: ArrayLike<number>, at: number): BulkOpRecord {
  return { kind: numbers[at + BULK_OP_RECORD.kind], arrival: numbers[at + BULK_OP_RECORD.arrival], node: numbers[at + BULK_OP_RECORD.node], delayMs: numbers[at + BULK_OP_RECORD.delayMs], tag: numbers[at + BULK_OP_RECORD.tag] };
}

