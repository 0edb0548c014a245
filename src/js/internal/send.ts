/** Sending one message from a node and queueing the callbacks it causes. */
import { BROADCAST_STAMP, REJECTION } from '../generated/reports.js';
import { NONE } from '../generated/codes.js';
import { watcherAnomalies, type WatcherAnomaly } from './anomalies.js';
import { encodePayload, sized } from './payload.js';
import { deliver, rejections } from './deliver.js';
import { enqueue, finishFlush, flush, report as reportError, startFlush } from './dispatcher.js';
import type { NetworkState } from './network-state.js';
import type { NodeRecord } from './node-record.js';
import type { RawNetwork } from './raw.js';
import type { Message } from '../types.js';

/**
 * Sends `data` from the live node `record` in a message of `size` bytes (`NONE`: sized by its
 * payload, when needed) and runs the callbacks it causes (see `MeshNode.broadcast`): at once when
 * no flush is running, else in their turn. Returns the message.
 */
export function sendNow<T, H>(state: NetworkState<T, H>, record: NodeRecord<T, H>, data: T, size: number): Message<T> {
  return send(state, record, data, size, true);
}

/** Sends `data` from the live node `record` and queues the callbacks it causes, without flushing. */
export function sendQueued<T, H>(state: NetworkState<T, H>, record: NodeRecord<T, H>, data: T): Message<T> {
  return send(state, record, data, NONE, false);
}

/** Sends `data` from `record`; runs its callbacks now (`now`, when no flush runs) or queues them. */
function send<T, H>(state: NetworkState<T, H>, record: NodeRecord<T, H>, data: T, size: number, now: boolean): Message<T> {
  if (state.mayWait(record)) {
    // Its last broadcast was unanimous and nothing changed since: wasm counts this one with the next batch.
    const message: Message<T> = { senderId: record.nodeId, globalStep: state.waitStep(record), patternValue: state.waitValue(record), data };
    state.wait(record);
    runCallbacks(record, message, state.holdLive(), undefined, undefined, now);
    return message;
  }
  const slot = record.slot;
  const rawNetwork = state.useForBroadcast();
  const count = state.authenticated
    ? rawNetwork.broadcastCarrying(slot, encodePayload(data), size)
    : sized(data, size, (given) => rawNetwork.broadcast(slot, given), state);
  if (count === 0) throw rawNetwork.takeError();
  const report = state.report(count);
  const globalStep = report[BROADCAST_STAMP.globalStep];
  const patternValue = report[BROADCAST_STAMP.patternValue];
  const id = report[BROADCAST_STAMP.messageId];
  const instant = report[BROADCAST_STAMP.instant] === 1;
  const unanimous = report[BROADCAST_STAMP.unanimous] === 1;
  const claimed = report[BROADCAST_STAMP.claimedSlot];
  const rejectedEnd = BROADCAST_STAMP.length + REJECTION.length * report[BROADCAST_STAMP.rejectedCount];
  const rejected = rejectedEnd > BROADCAST_STAMP.length ? rejections(report, BROADCAST_STAMP.length, rejectedEnd) : undefined;
  const anomalies = count > rejectedEnd ? watcherAnomalies(state.watchers, report, rejectedEnd, count) : undefined;
  const message = sentMessage(state, rawNetwork, claimed, globalStep, patternValue, data);
  if (!instant && id !== 0) state.envelopes.set(id, message);
  if (unanimous) state.letWait(record, globalStep, patternValue);
  runCallbacks(record, message, instant ? state.holdLive() : [], rejected, anomalies, now);
  return message;
}

/**
 * The message a send report describes, claiming the node in slot `claimed` (or `claimedName()`, for
 * an id no node has) and carrying its proof in an authenticated network. Read everything else from
 * the report first: this may call into wasm, which may move its memory.
 */
export function sentMessage<T, H>(
  state: NetworkState<T, H>,
  rawNetwork: RawNetwork,
  claimed: number,
  globalStep: number,
  patternValue: number,
  data: T,
): Message<T> {
  const senderId = claimed >= 0 ? state.records[claimed].nodeId : rawNetwork.claimedName();
  return state.authenticated
    ? { senderId, globalStep, patternValue, data, sequence: rawNetwork.lastSequence(), signature: rawNetwork.lastProof() }
    : { senderId, globalStep, patternValue, data };
}

/** Runs the callbacks of a broadcast (see `deliver`): at once when `now` and no flush runs, else in their turn. */
function runCallbacks<T, H>(
  record: NodeRecord<T, H>,
  message: Message<T>,
  receivers: readonly NodeRecord<T, H>[],
  rejected: Map<number, number> | undefined,
  anomalies: readonly WatcherAnomaly<T>[] | undefined,
  now: boolean,
): void {
  if (now && startFlush()) {
    try {
      deliver(record, message, receivers, rejected, anomalies);
    } catch (error) {
      reportError(error);
    } finally {
      finishFlush();
    }
  } else {
    enqueue(() => deliver(record, message, receivers, rejected, anomalies));
    if (now) flush();
  }
}
