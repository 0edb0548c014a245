// Reads the flat arrays a network hands out for drawing, through the layouts the package
// generates from Rust: `nodeStates()` (NODE_STATE_RECORD, by slot) and `transfers()`
// (TRANSFER_RECORD, one per message in flight).
import { NODE_STATE_RECORD, NODE_STATUSES, TRANSFER_RECORD } from 'data-mesh';

/** How many slots `states` (from `nodeStates()`) describes. */
export const nodeCount = (states) => states.length / NODE_STATE_RECORD.length;

/** The status of slot `slot` in `states`: 'removed', 'online' or 'crashed'. */
export const nodeStatus = (states, slot) => NODE_STATUSES[states[NODE_STATE_RECORD.length * slot + NODE_STATE_RECORD.status]];

/** The global step of slot `slot` in `states`. */
export const nodeStep = (states, slot) => states[NODE_STATE_RECORD.length * slot + NODE_STATE_RECORD.globalStep];

/** How many messages are in flight in `transfers` (from `transfers()`). */
export const transferCount = (transfers) => transfers.length / TRANSFER_RECORD.length;

/** Every copy in flight in `transfers`, in order, as `{ messageId, from, to, progress, outlook }`. */
export function copiesInFlight(transfers) {
  const copies = [];
  forEachTransfer(transfers, (from, to, progress, outlook, messageId) => copies.push({ messageId, from, to, progress, outlook }));
  return copies;
}

/** Whether `a` and `b` (each `{ messageId, from, to }`) name the same copy: one message on one link. */
export const sameCopy = (a, b) => a.messageId === b.messageId && a.from === b.from && a.to === b.to;

/**
 * Calls `each(fromSlot, toSlot, progress, outlook, messageId)` for every message in flight in
 * `transfers`, in order; the outlook is the code of how it ends (an index into `OUTLOOKS`).
 */
export function forEachTransfer(transfers, each) {
  const { from, to, progress, outlook, messageId, length } = TRANSFER_RECORD;
  for (let i = 0; i < transfers.length; i += length) each(transfers[i + from], transfers[i + to], transfers[i + progress], transfers[i + outlook], transfers[i + messageId]);
}
