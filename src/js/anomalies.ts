/** The anomalies watching observers report from wasm, as the facade hands them to `onAnomaly`. */
import type { MeshObserver } from './mesh-observer.js';
import type { Anomaly, Message } from './types.js';

/** Anomaly kinds by the code wasm reports them with (`AnomalyKind::ALL` order). */
const ANOMALY_KINDS = ['pattern-mismatch', 'invalid-message', 'step-skew', 'replay', 'unknown-sender', 'bad-signature'] as const;

/** A watcher's anomaly: its observer, its kind code and its expected value. */
export type WatcherAnomaly<T> = [observer: MeshObserver<T>, kind: number, expected: number];

/** The anomaly a watcher reported about `message`. */
export function watcherAnomaly<T>(kind: number, expected: number, message: Message<T>): Anomaly<T> {
  switch (ANOMALY_KINDS[kind]) {
    case 'step-skew':
      return { type: 'step-skew', message, expected, received: message.globalStep };
    case 'replay':
    case 'unknown-sender':
    case 'bad-signature':
      return { type: ANOMALY_KINDS[kind], message, expected: null, received: null };
    default:
      return { type: 'pattern-mismatch', message, expected, received: message.patternValue };
  }
}


/** The watcher anomalies in `report[start..end]`, bound to their observers now (a handler may unwatch). */
export function watcherAnomalies<T>(
  watchers: readonly MeshObserver<T>[],
  report: Float64Array,
  start: number,
  end: number,
): WatcherAnomaly<T>[] {
  const anomalies: WatcherAnomaly<T>[] = [];
  for (let i = start; i < end; i += 3) anomalies.push([watchers[report[i]], report[i + 1], report[i + 2]]);
  return anomalies;
}
