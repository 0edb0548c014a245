// The space-time diagram's data (no drawing here): drained trace records become one arrow per
// message copy, from its send to its end, and marks for timers, pauses and faults.
//
// What the trace says: a `send` (message, sender, sender) and a `forward` (message, from, to: the
// receiver `to` relays what came from `from`) start copies to neighbours, whose targets the trace
// does not name; each copy ends in one record (message, from, to): accept, reject or duplicate at
// its arrival, lost, partitioned or queue-full when its link refuses it at the send, crashed or
// partitioned at its arrival. A copy that reaches a paused node is `held` (marked) and ends when
// the node resumes. Copies still in flight come from `transfers()`, matched to the sends above by
// their message id and sender.
import { OUTLOOKS, TRACE_KINDS, TRACE_RECORD } from 'data-mesh';
import { copiesInFlight, sameCopy } from './decode.js';

/**
 * The memory cap: arrows and sends older than `keepUs` before the newest record are dropped, and
 * at most `arrows` arrows (and as many marks) are kept, the oldest going first.
 */
export const SPACE_TIME_CAP = { keepUs: 5_000_000, arrows: 5000 };

/** How each kind of record that ends a copy names the copy's outcome. */
const OUTCOMES = {
  accept: 'accepted',
  reject: 'rejected',
  duplicate: 'duplicate',
  lost: 'dropped',
  partitioned: 'dropped',
  crashed: 'dropped',
  'queue-full': 'dropped',
};

/** The `from` of a network-wide timer (none of the nodes'). */
const NETWORK_TIMER = 4294967295;

/** Scenario events and fault-lab actions that are marked on the diagram (pause and resume come from the trace). */
const FAULTS = ['crash', 'restart', 'remove', 'add', 'byzantine', 'partition', 'heal', 'topology', 'links', 'connect', 'disconnect', 'sync', 'drop'];

/** A run's arrows and marks so far, fed with its drained trace, within `SPACE_TIME_CAP`. */
export class SpaceTimeData {
  /** The ended copies, `{ messageId, from, to, sentUs, endUs, outcome, detail, hops }`, by end time. */
  arrows = [];
  /** Timers, pauses, resumes, holds and sends by crashed nodes: `{ timeUs, slot, kind }` (slot -1: the network's). */
  marks = [];
  /** The newest record's time. */
  latestUs = 0;
  /** The sends and forwards kept, by `messageId:slot`: `{ messageId, slot, timeUs, hops }`. */
  #sends = new Map();
  #cap;

  /** Empty data kept within `cap` (see `SPACE_TIME_CAP`). */
  constructor(cap = SPACE_TIME_CAP) {
    this.#cap = cap;
  }

  /** Adds the records of one `drainTrace()` (`TRACE_RECORD` layout), then drops what the cap lets go. */
  add(records) {
    const { timeUs, kind, messageId, from, to, length } = TRACE_RECORD;
    for (let at = 0; at < records.length; at += length) {
      this.#note(records[at + timeUs], TRACE_KINDS[records[at + kind]], records[at + messageId], records[at + from], records[at + to]);
    }
    this.#trim();
  }

  /**
   * The copies in flight in `transfers` (`transfers()` at `nowUs`) as arrows with outcome
   * 'in-flight', each matched to the send of its message by its sender; `endUs` is when it
   * arrives (from its progress) and `expected` how it will end. A transfer that has not moved yet
   * (when it arrives is unknown), with no such send (its send left the cap), or a second copy of
   * the same send to the same receiver (a duplicating link) is left out.
   */
  inFlight(transfers, nowUs) {
    const taken = new Set();
    const arrows = [];
    for (const { messageId, from, to, progress, outlook } of copiesInFlight(transfers)) {
      const send = progress > 0 ? this.#sends.get(key(messageId, from)) : undefined;
      if (send === undefined || taken.has(copyKey(send, to))) continue;
      taken.add(copyKey(send, to));
      const endUs = send.timeUs + (nowUs - send.timeUs) / progress;
      arrows.push({ ...copyOf(send, to), endUs, outcome: 'in-flight', detail: 'in flight', expected: OUTLOOKS[outlook] });
    }
    return arrows;
  }

  /**
   * The arrow of the copy `{ messageId, from, to }` (slots): in flight in `transfers` at `nowUs`
   * (see `inFlight`), else the newest ended one kept, else undefined.
   */
  arrowOf(copy, transfers, nowUs) {
    const same = (arrow) => sameCopy(arrow, copy);
    return this.inFlight(transfers, nowUs).find(same) ?? this.arrows.findLast(same);
  }

  /** Takes one record into the arrows, marks and sends. */
  #note(timeUs, kind, messageId, from, to) {
    this.latestUs = Math.max(this.latestUs, timeUs);
    if (kind === 'send') this.#keepSend({ messageId, slot: from, timeUs, hops: 0 });
    else if (kind === 'forward') {
      const hops = this.#sends.get(key(messageId, from))?.hops ?? null;
      this.#keepSend({ messageId, slot: to, timeUs, hops: hops === null ? null : hops + 1 });
    } else if (kind in OUTCOMES && messageId !== 0) this.#end(timeUs, kind, messageId, from, to);
    else if (kind !== 'tick') this.marks.push({ timeUs, slot: from === NETWORK_TIMER ? -1 : to, kind: kind === 'crashed' ? 'send while crashed' : kind });
  }

  /** Keeps `send` (a send or forward) for the copies it starts. */
  #keepSend(send) {
    this.#sends.set(key(send.messageId, send.slot), send);
  }

  /** Ends the copy of `messageId` from `from` to `to` with the record of `kind` at `timeUs`. */
  #end(timeUs, kind, messageId, from, to) {
    const send = this.#sends.get(key(messageId, from));
    if (send === undefined) return;
    this.arrows.push({ ...copyOf(send, to), endUs: timeUs, outcome: OUTCOMES[kind], detail: kind });
  }

  /** Drops the arrows, marks and sends the cap lets go. */
  #trim() {
    const oldest = this.latestUs - this.#cap.keepUs;
    this.arrows = keepNewest(this.arrows.filter((arrow) => arrow.endUs >= oldest), this.#cap.arrows);
    this.marks = keepNewest(this.marks.filter((mark) => mark.timeUs >= oldest), this.#cap.arrows);
    for (const [name, send] of this.#sends) if (send.timeUs < oldest) this.#sends.delete(name);
  }
}

/**
 * The scenario's scripted fault events (`{ at, <action> }`) and the fault-lab `actions`
 * (`[time, action, nodeId, argument]`) due by `nowUs`, as marks `{ timeUs, slot, kind }` on the
 * lane of the node they name (`slotOf`: slot by node id), or -1 for the whole network.
 */
export function faultMarks(events, actions, slotOf, nowUs) {
  const scripted = events.flatMap((event) => {
    const kind = FAULTS.find((name) => name in event);
    return kind === undefined ? [] : [{ timeUs: event.at * 1000, kind, nodeId: typeof event[kind] === 'string' ? event[kind] : event[kind]?.[0] }];
  });
  const recorded = actions.map(([time, kind, nodeId]) => ({ timeUs: time * 1000, kind, nodeId }));
  return [...scripted, ...recorded].filter((mark) => mark.timeUs <= nowUs).map(({ timeUs, kind, nodeId }) => ({ timeUs, slot: slotOf.get(nodeId) ?? -1, kind }));
}

/** Counts `arrows` by outcome (every outcome present, zeros included). */
export function countByOutcome(arrows) {
  const counts = { accepted: 0, rejected: 0, dropped: 0, duplicate: 0, 'in-flight': 0 };
  for (const arrow of arrows) counts[arrow.outcome]++;
  return counts;
}

/** The identity of an arrow's copy (its message, sender, receiver and send time): in flight and ended it keeps it. */
export const arrowKey = (arrow) => `${arrow.messageId}:${arrow.from}>${arrow.to}@${arrow.sentUs}`;

/** The map key of `messageId` sent or forwarded by `slot`. */
const key = (messageId, slot) => `${messageId}:${slot}`;

/** The key of `send`'s copy to `to`. */
const copyKey = (send, to) => `${key(send.messageId, send.slot)}>${to}`;

/** The fields an arrow of `send`'s copy to `to` takes from the send. */
const copyOf = (send, to) => ({ messageId: send.messageId, from: send.slot, to, sentUs: send.timeUs, hops: send.hops === null ? null : send.hops + 1 });

/** The last `max` items of `list` (all of it when shorter). */
const keepNewest = (list, max) => (list.length > max ? list.slice(list.length - max) : list);
