/** Sending one message from a node to one other node (`MeshNode.send`) and running the callbacks it causes. */
import { UNICAST_REPORT } from '../generated/reports.js';
import { NONE } from '../generated/codes.js';
import { emitAnomalies, watcherAnomalies } from './anomalies.js';
import { enqueue, flush } from './dispatcher.js';
import { encodePayload, sized } from './payload.js';
import { sentMessage } from './send.js';
import type { NetworkState } from './network-state.js';
import type { NodeRecord } from './node-record.js';
import type { Delivery, Message } from '../types.js';

/** What a unicast's tag or signature covers in a network without authentication: nothing. */
const NO_PAYLOAD = new Uint8Array(0);

/**
 * Sends `data` from the live node `record` to the node `toNodeId` alone, in a message of `size`
 * bytes (`NONE`: sized by its payload, when needed; see `MeshNode.send`), and runs the callbacks it
 * causes: in an instant network the receiver's `onMessage` or `onError`, then the watchers'
 * `onAnomaly`; in a scheduled one the watchers' at once and the receiver's as it arrives. Returns
 * the message. Waiting broadcasts go first (`use`).
 */
export function unicastNow<T, H>(state: NetworkState<T, H>, record: NodeRecord<T, H>, toNodeId: string, data: T, size: number): Message<T> {
  const rawNetwork = state.use();
  const payload = state.authenticated ? encodePayload(data) : NO_PAYLOAD;
  // A known id goes as its slot; an unknown one as text, for wasm to name in its error.
  const to = state.neighbours.neighbour(rawNetwork, record.slot, toNodeId) ?? state.liveRecord(toNodeId);
  const send = to === undefined
    ? (given: number) => rawNetwork.unicast(record.slot, toNodeId, payload, given)
    : (given: number) => rawNetwork.unicastSlot(record.slot, to.slot, payload, given);
  const count = sized(data, size, send, state);
  const report = state.report(count);
  const globalStep = report[UNICAST_REPORT.globalStep];
  const patternValue = report[UNICAST_REPORT.patternValue];
  const id = report[UNICAST_REPORT.messageId];
  const instant = report[UNICAST_REPORT.instant] === 1;
  const claimed = report[UNICAST_REPORT.claimedSlot];
  const receiver = state.records[report[UNICAST_REPORT.receiver]];
  const expected = report[UNICAST_REPORT.expected];
  const anomalies = count > UNICAST_REPORT.length ? watcherAnomalies(state.watchers, report, UNICAST_REPORT.length, count) : undefined;
  const message = sentMessage(state, rawNetwork, claimed, globalStep, patternValue, data);
  if (!instant && id !== 0) state.envelopes.set(id, message);
  // A scheduled unicast nobody flagged has no callback now (its receiver's come as it arrives).
  if (instant || anomalies !== undefined) {
    const delivery: Delivery = { from: record.nodeId, hops: 1, unicast: true };
    enqueue(() => {
      if (instant && expected === NONE) {
        receiver.emit(receiver.message, message, delivery);
      } else if (instant) {
        receiver.emitError({ type: 'pattern-mismatch', nodeId: receiver.nodeId, expected, received: patternValue, message, delivery });
      }
      if (anomalies !== undefined) emitAnomalies(anomalies, message);
    });
  }
  flush();
  return message;
}
