// Reads the flat arrays a network hands out for drawing, the one place in www/ that knows their
// layout: `nodeStates()` (by slot: status, step, sent, received, rejected) and `transfers()` (by
// message in flight: from slot, to slot, progress 0..1, outlook).

/** How many slots `states` (from `nodeStates()`) describes. */
export const nodeCount = (states) => states.length / 5;

/** The status of slot `slot` in `states`: 0 removed, 1 online, 2 crashed. */
export const nodeStatus = (states, slot) => states[5 * slot];

/** The global step of slot `slot` in `states`. */
export const nodeStep = (states, slot) => states[5 * slot + 1];

/** How many messages are in flight in `transfers` (from `transfers()`). */
export const transferCount = (transfers) => transfers.length / 4;

/**
 * Calls `each(fromSlot, toSlot, progress, outlook)` for every message in flight in `transfers`,
 * in order; the outlook is how it ends: 0 accepted, 1 rejected, 2 dropped.
 */
export function forEachTransfer(transfers, each) {
  for (let i = 0; i < transfers.length; i += 4) each(transfers[i], transfers[i + 1], transfers[i + 2], transfers[i + 3]);
}
