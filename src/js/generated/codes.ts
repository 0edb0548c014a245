// Generated from src/boundary/ by `npm run gen` (cargo run --bin gen-boundary): do not edit.
// The code tables: a code is a name's position.

/** A node's status in `nodeStates()`. Names in code order: a code is its position. */
export const NODE_STATUSES = ['removed', 'online', 'crashed', 'paused'] as const;
/** A node's status in `nodeStates()`. */
export type NodeStatus = (typeof NODE_STATUSES)[number];
/** The code of each name of `NODE_STATUSES`. */
export const NODE_STATUS = { removed: 0, online: 1, crashed: 2, paused: 3 } as const;

/** The kinds of event in the report `run`, `runUntil` and `step` write. Names in code order: a code is its position. */
export const DRAIN_EVENTS = ['arrived', 'sent', 'completed', 'timer', 'lifecycle', 'offered'] as const;
/** The kinds of event in the report `run`, `runUntil` and `step` write. */
export type DrainEvent = (typeof DRAIN_EVENTS)[number];
/** The code of each name of `DRAIN_EVENTS`. */
export const DRAIN_EVENT = { arrived: 0, sent: 1, completed: 2, timer: 3, lifecycle: 4, offered: 5 } as const;

/** What a bulk protocol's handler may ask for (`BulkOpRecord.kind`). Names in code order: a code is its position. */
export const BULK_OPS = ['relay', 'forward', 'timer'] as const;
/** What a bulk protocol's handler may ask for (`BulkOpRecord.kind`). */
export type BulkOpKind = (typeof BULK_OPS)[number];
/** The code of each name of `BULK_OPS`. */
export const BULK_OP = { relay: 0, forward: 1, timer: 2 } as const;

/** How a transfer in flight ends if nothing changes before it arrives. Names in code order: a code is its position. */
export const OUTLOOKS = ['accepted', 'rejected', 'dropped'] as const;
/** How a transfer in flight ends if nothing changes before it arrives. */
export type Outlook = (typeof OUTLOOKS)[number];
/** The code of each name of `OUTLOOKS`. */
export const OUTLOOK = { accepted: 0, rejected: 1, dropped: 2 } as const;

/** Why a receiver refused a message before looking at its pattern. Names in code order: a code is its position. */
export const REFUSALS = ['bad-signature', 'unknown-sender', 'replay'] as const;
/** Why a receiver refused a message before looking at its pattern. */
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
export const TRACE_KINDS = ['send', 'accept', 'reject', 'duplicate', 'forward', 'lost', 'partitioned', 'crashed', 'queue-full', 'tick', 'pause', 'resume', 'held', 'timer'] as const;
/** What happened to a message (or to the clock) at one moment. */
export type TraceKind = (typeof TRACE_KINDS)[number];
/** The code of each name of `TRACE_KINDS`. */
export const TRACE_KIND = { send: 0, accept: 1, reject: 2, duplicate: 3, forward: 4, lost: 5, partitioned: 6, crashed: 7, 'queue-full': 8, tick: 9, pause: 10, resume: 11, held: 12, timer: 13 } as const;

/** The stable machine-readable `code` of every error data-mesh throws. Names in code order: a code is its position. */
export const ERROR_CODES = ['ERR_INVALID_TYPE', 'ERR_NOT_FINITE', 'ERR_NOT_INTEGER', 'ERR_NEGATIVE', 'ERR_UNSAFE_INTEGER', 'ERR_NOT_POSITIVE', 'ERR_EMPTY', 'ERR_NOT_WELL_FORMED', 'ERR_DUPLICATE_NODE_ID', 'ERR_NODE_REMOVED', 'ERR_TOO_LARGE', 'ERR_TIMER_NOT_STARTED', 'ERR_OUT_OF_RANGE', 'ERR_UNKNOWN_NAME', 'ERR_UNKNOWN_NODE', 'ERR_INVALID_SCENARIO', 'ERR_BAD_KEY', 'ERR_OBJECT_FREED', 'ERR_NOT_INITIALIZED', 'ERR_NOT_LINKED', 'ERR_NODE_PAUSED', 'ERR_NODE_CRASHED', 'ERR_NODE_NOT_PAUSED', 'ERR_NOT_APPLICABLE'] as const;
/** The stable machine-readable `code` of every error data-mesh throws. */
export type MeshErrorCode = (typeof ERROR_CODES)[number];
/** The code of each name of `ERROR_CODES`. */
export const ERROR_CODE = { ERR_INVALID_TYPE: 0, ERR_NOT_FINITE: 1, ERR_NOT_INTEGER: 2, ERR_NEGATIVE: 3, ERR_UNSAFE_INTEGER: 4, ERR_NOT_POSITIVE: 5, ERR_EMPTY: 6, ERR_NOT_WELL_FORMED: 7, ERR_DUPLICATE_NODE_ID: 8, ERR_NODE_REMOVED: 9, ERR_TOO_LARGE: 10, ERR_TIMER_NOT_STARTED: 11, ERR_OUT_OF_RANGE: 12, ERR_UNKNOWN_NAME: 13, ERR_UNKNOWN_NODE: 14, ERR_INVALID_SCENARIO: 15, ERR_BAD_KEY: 16, ERR_OBJECT_FREED: 17, ERR_NOT_INITIALIZED: 18, ERR_NOT_LINKED: 19, ERR_NODE_PAUSED: 20, ERR_NODE_CRASHED: 21, ERR_NODE_NOT_PAUSED: 22, ERR_NOT_APPLICABLE: 23 } as const;

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
/** What `broadcast` and `unicast` return, sending nothing, when a scheduled network needs the size of a message sent unsized. */
export const NEEDS_SIZE = 4294967295;
/** The bytes every message counts besides its payload, for link bandwidth and byte statistics. */
export const MESSAGE_HEADER_BYTES = 32;
