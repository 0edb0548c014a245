/** Running the callbacks of one broadcast, and reading who rejected it. */
import { REJECTION } from '../generated/reports.js';
import { emitAnomalies, type WatcherAnomaly } from './anomalies.js';
import type { NodeRecord } from './node-record.js';
import type { Message } from '../types.js';

/** The rejections in `report[start..end]`: the value each rejecting slot expected (copied: the buffer is reused). */
export function rejections(report: Float64Array, start: number, end: number): Map<number, number> {
  const map = new Map<number, number>();
  for (let at = start; at < end; at += REJECTION.length) map.set(report[at + REJECTION.slot], report[at + REJECTION.expected]);
  return map;
}

/**
 * Runs the callbacks of one broadcast: the sender's onBroadcast, then every receiver that was
 * live at broadcast time in creation order (onMessage, or onError for a rejection), then the
 * watching observers' onAnomaly.
 */
export function deliver<T, H>(
  sender: NodeRecord<T, H>,
  message: Message<T>,
  receivers: readonly NodeRecord<T, H>[],
  rejected: Map<number, number> | undefined,
  anomalies: readonly WatcherAnomaly<T>[] | undefined,
): void {
  const received = message.patternValue;
  sender.emit(sender.broadcast, message);
  for (let n = 0; n < receivers.length; n++) {
    const record = receivers[n];
    if (record === sender) continue;
    const expected = rejected?.get(record.slot);
    if (expected !== undefined) {
      if (record.error.list.length === 0) continue;
      record.emitError({ type: 'pattern-mismatch', nodeId: record.nodeId, expected, received, message, delivery: sender.direct() });
    } else if (record.message.list.length > 0) {
      record.emit(record.message, message, sender.direct());
    }
  }
  if (anomalies !== undefined) emitAnomalies(anomalies, message);
}
