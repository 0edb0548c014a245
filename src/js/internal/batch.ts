/** The callbacks of a `broadcastBatch` in an instant network, read from its report. */
import { BATCH_GROUP, BATCH_HEAD, REJECTION, WATCHER_ANOMALY_RECORD } from '../generated/reports.js';
import { watcherAnomalies, type WatcherAnomaly } from './anomalies.js';
import { items } from './checks.js';
import { deliver, rejections } from './deliver.js';
import { enqueue, flush, handlerAdditions } from './dispatcher.js';
import type { NetworkState } from './network-state.js';
import type { NodeRecord } from './node-record.js';
import { sendQueued } from './send.js';
import type { Message } from '../types.js';

/** What every message of one sender in a batch had: its stamp and what receivers and watchers made of it. */
interface Group<T, H> {
  /** The sender's record. */
  sender: NodeRecord<T, H>;
  /** The step its messages carry. */
  globalStep: number;
  /** The pattern value its messages carry. */
  patternValue: number;
  /** The receivers that rejected them, with the value each expected. */
  rejected: Map<number, number> | undefined;
  /** What the watchers flagged. */
  anomalies: WatcherAnomaly<T>[] | undefined;
}

/**
 * Broadcasts `data` from each of `senders` in order (see `MeshNetwork.broadcastBatch`), then runs
 * the callbacks. `senderSlot` gives the slot of `senders[index]` or throws, so nothing is sent when
 * one is not a live node; a run of one sender is looked up once.
 */
export function sendBatch<T, H>(state: NetworkState<T, H>, given: unknown, data: T, senderSlot: (sender: unknown, index: number) => number): void {
  const rawNetwork = state.use();
  const senders = items('senders', given, 'an array of MeshNode handles or node ids');
  const slots = new Uint32Array(senders.length);
  let previous: unknown;
  let previousSlot = 0;
  for (let i = 0; i < senders.length; i++) {
    const sender: unknown = senders[i];
    if (i === 0 || sender !== previous) {
      previousSlot = senderSlot(sender, i);
      previous = sender;
    }
    slots[i] = previousSlot;
  }
  const length = rawNetwork.broadcastBatch(slots);
  if (length === undefined) {
    for (const slot of slots) sendQueued(state, state.records[slot], data);
  } else {
    queueBatch(state, slots, data, state.report(length));
  }
  flush();
}

/**
 * Queues the callbacks of a batch sent from `slots` carrying `data`, given its report (see
 * `RawNetwork.broadcastBatch`), as one job that does `deliver` for each message in order. That is
 * what one job per message would do: jobs the callbacks queue run after it either way.
 */
function queueBatch<T, H>(state: NetworkState<T, H>, slots: Uint32Array, data: T, report: Float64Array): void {
  const receivers = state.holdLive();
  const groups: Group<T, H>[] = [];
  let at: number = BATCH_HEAD.length;
  for (let group = 0; group < report[BATCH_HEAD.groupCount]; group++) {
    const rejectedCount = report[at + BATCH_GROUP.rejectedCount];
    const anomalyCount = report[at + BATCH_GROUP.anomalyCount];
    const rejectionsStart = at + BATCH_GROUP.length;
    const anomaliesStart = rejectionsStart + REJECTION.length * rejectedCount;
    const end = anomaliesStart + WATCHER_ANOMALY_RECORD.length * anomalyCount;
    groups.push({
      sender: state.records[report[at + BATCH_GROUP.senderSlot]],
      globalStep: report[at + BATCH_GROUP.globalStep],
      patternValue: report[at + BATCH_GROUP.patternValue],
      rejected: rejectedCount > 0 ? rejections(report, rejectionsStart, anomaliesStart) : undefined,
      anomalies: anomalyCount > 0 ? watcherAnomalies(state.watchers, report, anomaliesStart, end) : undefined,
    });
    at = end;
  }
  enqueue(() => deliverBatch(state, slots, data, groups, receivers));
}

/**
 * Runs `deliver` for each message of a batch, making message objects only for the messages a
 * callback hears of: who listens is checked again whenever a callback added a handler, so a batch
 * nobody listens to costs nothing here, and the messages of unheard senders are skipped in a scan
 * of the slots.
 */
function deliverBatch<T, H>(
  state: NetworkState<T, H>,
  slots: Uint32Array,
  data: T,
  groups: readonly Group<T, H>[],
  receivers: readonly NodeRecord<T, H>[],
): void {
  let additions = handlerAdditions();
  let heard = whoHears(groups, receivers);
  if (!heard.includes(true)) return;
  // The heard group of each slot, plus one (0: not heard).
  const table = state.batchTable(state.records.length);
  let only = markHeard(table, groups, heard);
  try {
    for (let i = 0; i < slots.length; i++) {
      if (only >= 0) {
        i = slots.indexOf(only, i);
        if (i < 0) break;
      } else if (table[slots[i]] === 0) {
        continue;
      }
      const { sender, globalStep, patternValue, rejected, anomalies } = groups[table[slots[i]] - 1];
      const message: Message<T> = { senderId: sender.nodeId, globalStep, patternValue, data };
      deliver(sender, message, receivers, rejected, anomalies);
      if (additions !== handlerAdditions()) {
        additions = handlerAdditions();
        heard = whoHears(groups, receivers);
        if (!heard.includes(true)) break;
        only = markHeard(table, groups, heard);
      }
    }
  } finally {
    for (const group of groups) table[group.sender.slot] = 0;
  }
}

/**
 * Writes each group's index plus one into `table` at its sender's slot when it is `heard`, else 0;
 * returns that slot when exactly one group is heard (its messages can then be found with
 * `indexOf`), else -1.
 */
function markHeard<T, H>(table: Int32Array, groups: readonly Group<T, H>[], heard: readonly boolean[]): number {
  let only = -1;
  let count = 0;
  groups.forEach((group, index) => {
    table[group.sender.slot] = heard[index] ? index + 1 : 0;
    if (heard[index]) {
      count++;
      only = group.sender.slot;
    }
  });
  return count === 1 ? only : -1;
}

/**
 * For each group, whether some handler would hear of a message of it now (see `deliver`): its
 * sender's onBroadcast, an observer flagging it, or a receiver other than the sender with
 * onMessage or onError. The receivers are scanned once, not once per group.
 */
function whoHears<T, H>(groups: readonly Group<T, H>[], receivers: readonly NodeRecord<T, H>[]): boolean[] {
  let listening = 0;
  let firstListening: NodeRecord<T, H> | undefined;
  for (let i = 0; i < receivers.length && listening < 2; i++) {
    const record = receivers[i];
    if (record.listens()) {
      listening++;
      firstListening ??= record;
    }
  }
  return groups.map(
    ({ sender, anomalies }) =>
      sender.broadcast.list.length > 0 ||
      listening > 1 ||
      (listening === 1 && firstListening !== sender) ||
      (anomalies?.some(([observer]) => observer.hearsAnomalies()) ?? false),
  );
}
