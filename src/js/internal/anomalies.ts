/** The anomalies watching observers report from wasm, as the facade hands them to `onAnomaly`. */
import { WATCHER_ANOMALY_RECORD } from '../generated/reports.js';
import { ANOMALY_KINDS, type AnomalyKind } from '../generated/codes.js';
import type { Anomaly, AnomalyType, Message } from '../types.js';
import type { ObserverCore } from './observer-core.js';

/** Compiles only while the anomaly union's kinds are exactly the generated `ANOMALY_KINDS`. */
type SameKinds = [AnomalyType] extends [AnomalyKind] ? ([AnomalyKind] extends [AnomalyType] ? true : never) : never;
const sameKinds: SameKinds = true;
void sameKinds;

/** A watcher's anomaly: its observer, its kind code and its expected value. */
export type WatcherAnomaly<T> = [observer: ObserverCore<T>, kind: number, expected: number];

/** The anomaly a watcher reported about `message`. */
function watcherAnomaly<T>(kind: number, expected: number, message: Message<T>): Anomaly<T> {
  const type = ANOMALY_KINDS[kind];
  switch (type) {
    case 'step-skew':
      return { type, message, expected, received: message.globalStep };
    case 'replay':
    case 'unknown-sender':
    case 'bad-signature':
      return { type, message, expected: null, received: null };
    default:
      return { type: 'pattern-mismatch', message, expected, received: message.patternValue };
  }
}

/** The watcher anomalies in `report[start..end]`, bound to their observers now (a handler may unwatch). */
export function watcherAnomalies<T>(
  watchers: readonly ObserverCore<T>[],
  report: Float64Array,
  start: number,
  end: number,
): WatcherAnomaly<T>[] {
  const anomalies: WatcherAnomaly<T>[] = [];
  for (let at = start; at < end; at += WATCHER_ANOMALY_RECORD.length) {
    anomalies.push([
      watchers[report[at + WATCHER_ANOMALY_RECORD.watcher]],
      report[at + WATCHER_ANOMALY_RECORD.kind],
      report[at + WATCHER_ANOMALY_RECORD.expected],
    ]);
  }
  return anomalies;
}

/** Calls the `onAnomaly` handlers of each watcher anomaly about `message`. */
export function emitAnomalies<T>(anomalies: readonly WatcherAnomaly<T>[], message: Message<T>): void {
  for (const [observer, kind, expected] of anomalies) observer.emit(watcherAnomaly(kind, expected, message));
}
