/** Reading the report `run`, `runUntil` and `step` write, and running its callbacks in order. */
import { ARRIVAL_EVENT, COMPLETED_EVENT, DRAIN_HEAD, LIFECYCLE_EVENT, OFFERED_EVENT, SENT_EVENT, TIMER_EVENT, WATCHER_ANOMALY_RECORD } from '../generated/reports.js';
import { DRAIN_EVENT, FIRST_UNKNOWN_CLAIM, NONE, REFUSALS } from '../generated/codes.js';
import { watcherAnomalies } from './anomalies.js';
import { deliver } from './deliver.js';
import { enqueue, flush } from './dispatcher.js';
import type { NetworkState } from './network-state.js';
import type { FiredTimers } from './timers.js';
import type { Delivery, Message } from '../types.js';

/** A callback job. */
type Job = () => void;

/**
 * Runs the handlers for the drain report of `length` numbers, in the order things happened,
 * after the wasm call has returned: an engine-made send goes to its sender's `onBroadcast` and to
 * the watchers' `onAnomaly`; an arrival at a listening node to its `onMessage` (or `onError` when
 * rejected or refused, then `onSync` when it synced to the message). Timers dropped unfired are
 * forgotten; returns those that fired, taken in order, for the caller to run (`finishRun`).
 */
export function dispatchEvents<T, H>(state: NetworkState<T, H>, length: number): FiredTimers | undefined {
  if (length === 0) return undefined;
  // Fetched only for an engine-made send that needs them; fetching may move wasm memory, so the
  // view of the report is taken again after.
  let names: readonly string[] | undefined;
  let proofs: Uint8Array | undefined;
  let proofAt = 0;
  let report = state.report(length);
  const jobs: Job[] = [];
  let fired: FiredTimers | undefined;
  let at: number = DRAIN_HEAD.length;
  for (let n = 0; n < report[DRAIN_HEAD.eventCount]; n++) {
    const kind = report[at + ARRIVAL_EVENT.kind];
    if (kind === DRAIN_EVENT.arrived) {
      const job = arrival(state, report, at);
      if (job !== undefined) jobs.push(job);
      at += ARRIVAL_EVENT.length;
    } else if (kind === DRAIN_EVENT.sent) {
      if (names === undefined && report[at + SENT_EVENT.claimedSlot] < 0) {
        names = state.use().claimedNames();
        report = state.report(length);
      }
      if (proofs === undefined && state.authenticated) {
        proofs = state.use().sentProofs();
        report = state.report(length);
      }
      const proofLength = report[at + SENT_EVENT.proofLength];
      jobs.push(engineSend(state, report, at, names, proofs?.slice(proofAt, proofAt + proofLength)));
      proofAt += proofLength;
      at += SENT_EVENT.length + WATCHER_ANOMALY_RECORD.length * report[at + SENT_EVENT.anomalyCount];
    } else if (kind === DRAIN_EVENT.offered) {
      jobs.push(offered(state, report[at + OFFERED_EVENT.node], report[at + OFFERED_EVENT.value]));
      at += OFFERED_EVENT.length;
    } else if (kind === DRAIN_EVENT.lifecycle) {
      jobs.push(lifecycle(state, report[at + LIFECYCLE_EVENT.node], report[at + LIFECYCLE_EVENT.crashed] === 1));
      at += LIFECYCLE_EVENT.length;
    } else if (kind === DRAIN_EVENT.completed) {
      state.envelopes.delete(report[at + COMPLETED_EVENT.messageId]);
      at += COMPLETED_EVENT.length;
    } else {
      const id = report[at + TIMER_EVENT.timerId];
      if (report[at + TIMER_EVENT.fired] === 0) state.timers.dropped(id);
      else state.timers.take(id, (fired ??= state.timers.firedNow()));
      at += TIMER_EVENT.length;
    }
  }
  if (jobs.length !== 0) {
    enqueue(() => {
      for (const job of jobs) job();
    });
    flush();
  }
  return fired;
}

/** Hands the protocol of the node in `slot` the broadcast workload's `value`. */
function offered<T, H>(state: NetworkState<T, H>, slot: number, value: number): Job {
  const record = state.records[slot];
  return () => {
    if (!state.freed) record.lifecycle?.offered(value);
  };
}

/** Tells the protocol of the node in `slot` that the engine crashed (`crashed`) or restarted it. */
function lifecycle<T, H>(state: NetworkState<T, H>, slot: number, crashed: boolean): Job {
  const record = state.records[slot];
  return () => {
    if (record.lifecycle === undefined || state.freed) return;
    if (crashed) record.lifecycle.crashed();
    else record.lifecycle.restarted(state.use().restartKeepsStep());
  };
}

/** The handlers of the arrival at `report[at..]`, or undefined for a message never heard of. */
function arrival<T, H>(state: NetworkState<T, H>, report: Float64Array, at: number): Job | undefined {
  const sent = state.envelopes.get(report[at + ARRIVAL_EVENT.messageId]);
  if (sent === undefined) return undefined;
  const record = state.records[report[at + ARRIVAL_EVENT.receiver]];
  const expected = report[at + ARRIVAL_EVENT.expected];
  const synced = report[at + ARRIVAL_EVENT.syncedTo];
  const refusal = report[at + ARRIVAL_EVENT.refusal];
  const message = report[at + ARRIVAL_EVENT.tampered] === 1 ? { ...sent, tampered: true as const } : sent;
  const from = state.records[report[at + ARRIVAL_EVENT.from]].nodeId;
  const hops = report[at + ARRIVAL_EVENT.hops];
  const delivery: Delivery = report[at + ARRIVAL_EVENT.unicast] === 1 ? { from, hops, unicast: true } : { from, hops };
  return () => {
    if (refusal !== NONE) {
      record.emitError({ type: REFUSALS[refusal], nodeId: record.nodeId, message, delivery });
    } else if (expected === NONE) {
      record.emit(record.message, message, delivery);
    } else {
      record.emitError({ type: 'pattern-mismatch', nodeId: record.nodeId, expected, received: message.patternValue, message, delivery });
    }
    if (synced !== NONE) record.emit(record.sync, synced);
  };
}

/**
 * Records the engine-made send at `report[at..]` and returns the handlers it calls; `names` are
 * the claimed names of the report (fetched when it claims one), `signature` its tag or signature in
 * an authenticated network.
 */
function engineSend<T, H>(
  state: NetworkState<T, H>,
  report: Float64Array,
  at: number,
  names: readonly string[] | undefined,
  signature: Uint8Array | undefined,
): Job {
  const sender = state.records[report[at + SENT_EVENT.sender]];
  const claimed = report[at + SENT_EVENT.claimedSlot];
  const senderId = claimed >= 0 ? state.records[claimed].nodeId : names![FIRST_UNKNOWN_CLAIM - claimed];
  const payload = report[at + SENT_EVENT.payload];
  const value = report[at + SENT_EVENT.value];
  const data = (value !== NONE ? value : payload === NONE ? undefined : state.payloads[payload]) as T;
  const stamp = { senderId, globalStep: report[at + SENT_EVENT.globalStep], patternValue: report[at + SENT_EVENT.patternValue], data };
  const message: Message<T> = signature === undefined ? stamp : { ...stamp, sequence: report[at + SENT_EVENT.sequence], signature };
  state.envelopes.set(report[at + SENT_EVENT.messageId], message);
  const start = at + SENT_EVENT.length;
  const anomalies = watcherAnomalies(state.watchers, report, start, start + WATCHER_ANOMALY_RECORD.length * report[at + SENT_EVENT.anomalyCount]);
  return () => deliver(sender, message, [], undefined, anomalies);
}
