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
  /** The expected value at each phase, from wasm; undefined for intervals over 4096 steps. */
  readonly #phases: Float64Array | undefined;
  /** `[total, valid]` per sender key counted on the JS side since the last `#flushCounts`. */
  #pending = new Float64Array(64);
  #hasPending = false;
  readonly #anomaly = new Listeners<Anomaly<T>>();
  readonly #watching = new Set<NetworkState<T>>();

  /** An observer for `{ seed, phaseResetInterval }`. */
  constructor(config: PatternConfig) {
    const [seed, interval] = patternConfig(config);
    this.#raw = new (raw().RawObserver)(seed, interval);
    this.#phases = this.#raw.phaseTable();
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

  /**
   * Validates one message; an invalid or malformed one is also passed to `onAnomaly`.
   * With an interval of at most 4096 steps a well-formed message is checked against the phase
   * table from wasm and counted on the JS side (no wasm call); the counts join wasm's at
   * `getStatistics()`.
   */
  observe(message: Message<T>): ValidationResult {
    const rawObserver = this.#use();
    if (readMessage(message)) {
      const received = fields.patternValue;
      const step = fields.globalStep;
      const key = this.#senderKey(rawObserver, fields.senderId);
      const phases = this.#phases;
      if (phases !== undefined && step >= 0 && Number.isSafeInteger(step)) {
        const expected = phases[step % phases.length];
        const valid = expected === received;
        this.#count(key, valid);
        if (valid) return { valid, expected, received };
        this.#queueAnomaly({ type: 'pattern-mismatch', message, expected, received });
        return { valid, expected, received };
      }
      const verdict = rawObserver.observe(key, step, received);
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

  /** Counts one message of sender `key` on the JS side. */
  #count(key: number, valid: boolean): void {
    if (2 * key + 1 >= this.#pending.length) {
      const grown = new Float64Array(Math.max(2 * this.#pending.length, 2 * key + 2));
      grown.set(this.#pending);
      this.#pending = grown;
    }
    this.#pending[2 * key] += 1;
    if (valid) this.#pending[2 * key + 1] += 1;
    this.#hasPending = true;
  }

  /** Hands the JS-side counts to wasm, which owns the statistics. */
  #flushCounts(rawObserver: RawObserver): void {
    if (!this.#hasPending) return;
    rawObserver.addCounts(this.#pending);
    this.#pending.fill(0);
    this.#hasPending = false;
  }

  #queueAnomaly(anomaly: Anomaly<T>): void {
    enqueue(() => this._emitAnomaly(anomaly));
    flush();
  }

  /** @internal Calls the `onAnomaly` handlers (used by watched networks). */
  _emitAnomaly(anomaly: Anomaly<T>): void {
    if (this.#raw !== undefined) callAll(this.#anomaly.list, anomaly);
  }

  /** @internal Whether an `onAnomaly` handler would hear of an anomaly now. */
  _hearsAnomalies(): boolean {
    return this.#raw !== undefined && this.#anomaly.list.length > 0;
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

  /** `{ total, valid, anomalies, successRate, bySender, anomaliesByKind }`. */
  getStatistics(): Statistics {
    const rawObserver = this.#use();
    this.#flushCounts(rawObserver);
    const { bySender, anomaliesByKind, ...totals } = rawObserver.statistics();
    const senders = new Map([...bySender].map(([id, sender]) => [id, { ...sender, anomaliesByKind: toRecord(sender.anomaliesByKind) }]));
    return { ...totals, bySender: toRecord(senders), anomaliesByKind: toRecord(anomaliesByKind) };
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
