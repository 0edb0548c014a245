/** MeshObserver: validates messages against its own pattern and flags anomalies. */
import { Listeners, callAll, enqueue, flush } from './dispatcher.js';
import { ACCEPTED, MALFORMED, raw, type RawObserver } from './raw.js';
import { fields, fn, freedError, malformedSenderId, patternConfig, readMessage, toRecord } from './checks.js';
import type { NetworkState } from './network-state.js';
import type { MeshNetwork } from './mesh-network.js';
import type { Anomaly, Handler, Message, PatternConfig, Statistics, Unsubscribe, ValidationResult } from './types.js';

/**
 * Validates messages handed to `observe`, and every broadcast of the networks it `watch`es,
 * against its own pattern; counts results per sender and calls `onAnomaly` for each failure.
 */
export class MeshObserver<T = unknown> {
  #raw: RawObserver | undefined;
  readonly #senderKeys = new Map<string, number>();
  readonly #anomaly = new Listeners<Anomaly<T>>();
  readonly #watching = new Set<NetworkState<T>>();

  /** An observer for `{ seed, phaseResetInterval }`. */
  constructor(config: PatternConfig) {
    const [seed, interval] = patternConfig(config);
    this.#raw = new (raw().RawObserver)(seed, interval);
  }

  #use(): RawObserver {
    if (this.#raw === undefined) throw freedError('MeshObserver');
    return this.#raw;
  }

  #senderKey(rawObserver: RawObserver, senderId: string): number {
    let key = this.#senderKeys.get(senderId);
    if (key === undefined) {
      key = rawObserver.senderKey(senderId);
      this.#senderKeys.set(senderId, key);
    }
    return key;
  }

  /** The observer's seed. */
  get seed(): number {
    return this.#use().seed;
  }

  /** The observer's phase-reset interval. */
  get phaseResetInterval(): number {
    return this.#use().phaseResetInterval;
  }

  /** Validates one message; an invalid or malformed one is also passed to `onAnomaly`. */
  observe(message: Message<T>): ValidationResult {
    const rawObserver = this.#use();
    if (readMessage(message)) {
      const received = fields.patternValue;
      const verdict = rawObserver.observe(this.#senderKey(rawObserver, fields.senderId), fields.globalStep, received);
      if (verdict === ACCEPTED) return { valid: true, expected: received, received };
      if (verdict !== MALFORMED) {
        this.#queueAnomaly({ type: 'pattern-mismatch', message, expected: verdict, received });
        return { valid: false, expected: verdict, received };
      }
    } else {
      const senderId = malformedSenderId(message);
      rawObserver.observeMalformed(senderId === undefined ? undefined : this.#senderKey(rawObserver, senderId));
    }
    const reason = raw().messageProblem(message) ?? 'malformed message';
    this.#queueAnomaly({ type: 'invalid-message', message, reason, expected: null, received: null });
    return { valid: false, expected: null, received: null, reason };
  }

  #queueAnomaly(anomaly: Anomaly<T>): void {
    enqueue(() => this._emitAnomaly(anomaly));
    flush();
  }

  /** @internal Calls the `onAnomaly` handlers (used by watched networks). */
  _emitAnomaly(anomaly: Anomaly<T>): void {
    if (this.#raw !== undefined) callAll(this.#anomaly.list, anomaly);
  }

  /** Calls `callback` with every anomaly this observer flags. */
  onAnomaly(callback: Handler<Anomaly<T>>): Unsubscribe {
    this.#use();
    return this.#anomaly.add(fn('callback', callback));
  }

  /** Validates every later broadcast of `network` (once per broadcast, inside wasm). */
  watch(network: MeshNetwork<T>): void {
    const state = networkState(network);
    state.addWatcher(this, this.#use());
    this.#watching.add(state);
  }

  /** Stops watching `network`. */
  unwatch(network: MeshNetwork<T>): void {
    const state = networkState(network);
    state.use(); // unwatching a freed network throws ERR_OBJECT_FREED
    state.removeWatcher(this.#use());
    this.#watching.delete(state);
  }

  /** `{ total, valid, anomalies, successRate, bySender }`. */
  getStatistics(): Statistics {
    const { bySender, ...totals } = this.#use().statistics();
    return { ...totals, bySender: toRecord(bySender) };
  }

  /** Releases the observer's wasm memory; later calls throw `ERR_OBJECT_FREED`. */
  free(): void {
    const rawObserver = this.#raw;
    if (rawObserver === undefined) return;
    for (const state of this.#watching) state.removeWatcher(rawObserver);
    this.#watching.clear();
    rawObserver.free();
    this.#raw = undefined;
  }
}

/** The state of `network`; throws `ERR_INVALID_TYPE` for anything that is not a MeshNetwork. */
function networkState<T>(network: MeshNetwork<T>): NetworkState<T> {
  const candidate = network as { _state?: unknown } | null | undefined;
  if (typeof candidate?._state !== 'function') throw raw().invalidTypeError('network', 'a MeshNetwork', network);
  return network._state();
}
