// A message copy in words, as the space-time diagram's inspector and the message panel show it.
import { OUTLOOKS } from 'data-mesh';

/** What each way a copy ends means. */
const DELIVERIES = {
  accept: "accepted by the receiver's pattern",
  reject: "rejected by the receiver's pattern",
  duplicate: 'a duplicate: the receiver already had it',
  lost: 'lost on the link',
  partitioned: 'cut by a partition',
  crashed: 'the sender or the receiver was crashed',
  'queue-full': "the link's queue was full",
  'in flight': 'on its link',
};

/** `us` microseconds as seconds, to the millisecond. */
const seconds = (us) => `${(us / 1e6).toFixed(3)} s`;

/** The start of a copy's description: its message, sender and receiver (`ids`: node ids by slot). */
const heading = ({ messageId, from, to }, ids) => `Message ${messageId} from ${ids[from] ?? `slot ${from}`} to ${ids[to] ?? `slot ${to}`}`;

/**
 * A copy drawn as an arrow (see space-time-data.js) in words: its message, sender and receiver
 * (`ids`: node ids by slot), when it was sent and arrives or ended, its outcome and its hop.
 */
export function describeArrow(arrow, ids) {
  const ended = arrow.outcome === 'in-flight' ? `arrives at ${seconds(arrow.endUs)}, to be ${arrow.expected}` : `ended at ${seconds(arrow.endUs)}`;
  const hops = arrow.hops === null ? 'hops unknown' : `hop ${arrow.hops}`;
  return `${heading(arrow, ids)}: sent at ${seconds(arrow.sentUs)}, ${ended}; ${arrow.outcome} (${DELIVERIES[arrow.detail]}); ${hops}.`;
}

/**
 * A copy in flight known from `transfers()` alone (its run records no trace) in words: its
 * message, sender and receiver, how far it got and how it will end (`outlook`, an OUTLOOKS index).
 */
export function describeTransfer(copy, progress, outlook, ids) {
  return `${heading(copy, ids)}: in flight, ${Math.round(100 * progress)} % of the way, to be ${OUTLOOKS[outlook]}.`;
}

/** A copy no longer in flight whose end the page did not keep (no trace) in words. */
export function describeGone(copy, ids) {
  return `${heading(copy, ids)}: no longer in flight.`;
}
