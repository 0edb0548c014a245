/** MeshObserver: validates messages against its own pattern and flags anomalies. */
import { SENDER_STATISTICS, readSenderStatistics, readStatisticsTotals } from './generated/arrays.js';
import { VERDICT } from './generated/codes.js';
import { fn, malformedSenderId, patternConfig, readMessage, toRecord } from './internal/checks.js';
import { enqueue, flush } from './internal/dispatcher.js';
import type { NetworkState } from './internal/network-state.js';
import { ObserverCore } from './internal/observer-core.js';
import { raw } from './internal/raw.js';
import { networkState } from './internal/registry.js';
import { readRows } from './internal/rows.js';
import type { MeshNetwork } from './mesh-network.js';
import type { Anomaly, Handler, Message, PatternConfig, Statistics, Unsubscribe, ValidationResult } from './types.js';

/**
 * Validates messages handed to `observe`, and every broadcast of the networks it `watch`es,
 * against its own pattern; counts results per sender and calls `onAnomaly` for each failure.
 */
export class MeshObserver<T = unknown> {
  readonly #core: ObserverCore<T>;
  readonly #watching = new Set<NetworkState<T, unknown>>();

  /** An observer for `{ seed, phaseResetInterval }`. */
  constructor(config: PatternConfig) {
    const [seed, interval] = patternConfig(config);
    this.#core = new ObserverCore<T>(new (raw().RawObserver)(seed, interval));
  }

  /** The observer's seed. */
  get seed(): number {
    return this.#core.use().seed;
  }

  /** The observer's phase-reset interval. */
  get phaseResetInterval(): number {
    return this.#core.use().phaseResetInterval;
  }

  /** Validates one message (in wasm, which counts it); an invalid or malformed one is also passed to `onAnomaly`. */
  observe(message: Message<T>): ValidationResult {
    const core = this.#core;
    const rawObserver = core.use();
    const fields = readMessage(message);
    if (fields !== undefined) {
      const received = fields.patternValue;
      const verdict = rawObserver.observe(core.senderKey(fields.senderId), fields.globalStep, received);
      if (verdict === VERDICT.accepted) return { valid: true, expected: received, received };
      if (verdict !== VERDICT.malformed) {
        this.#queueAnomaly({ type: 'pattern-mismatch', message, expected: verdict, received });
        return { valid: false, expected: verdict, received };
      }
    } else {
      const senderId = malformedSenderId(message);
      rawObserver.observeMalformed(senderId === undefined ? undefined : core.senderKey(senderId));
    }
    const reason = raw().messageProblem(message) ?? 'malformed message';
    this.#queueAnomaly({ type: 'invalid-message', message, reason, expected: null, received: null });
    return { valid: false, expected: null, received: null, reason };
  }

  #queueAnomaly(anomaly: Anomaly<T>): void {
    const core = this.#core;
    enqueue(() => core.emit(anomaly));
    flush();
  }

  /** Calls `callback` with every anomaly this observer flags. */
  onAnomaly(callback: Handler<Anomaly<T>>): Unsubscribe {
    this.#core.use();
    return this.#core.anomaly.add(fn('callback', callback));
  }

  /** Validates every later broadcast of `network` (once per broadcast, inside wasm). */
  watch(network: MeshNetwork<T>): void {
    const state = networkState<T, unknown>('network', network);
    state.addWatcher(this.#core);
    this.#watching.add(state);
  }

  /** Stops watching `network`. */
  unwatch(network: MeshNetwork<T>): void {
    const state = networkState<T, unknown>('network', network);
    state.use(); // unwatching a freed network throws ERR_OBJECT_FREED
    state.removeWatcher(this.#core);
    this.#watching.delete(state);
  }

  /** `{ total, valid, anomalies, successRate, bySender, anomaliesByKind }`. */
  getStatistics(): Statistics {
    const rawObserver = this.#core.use();
    const { anomaliesByKind, ...totals } = readStatisticsTotals(rawObserver.statistics(), 0);
    const senders = readRows(rawObserver.senderStatistics(), SENDER_STATISTICS.length, readSenderStatistics);
    const bySender = toRecord(new Map(rawObserver.senderIds().map((id, i) => [id, senders[i]])));
    return { ...totals, bySender, anomaliesByKind };
  }

  /** Releases the observer's wasm memory; later calls throw `ERR_OBJECT_FREED`. */
  free(): void {
    const core = this.#core;
    if (core.freed) return;
    for (const state of this.#watching) state.removeWatcher(core);
    this.#watching.clear();
    core.free();
  }
}
