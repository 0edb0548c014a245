/** What a MeshObserver keeps: its raw observer, its handlers and its sender keys. */
import { Listeners, callAll } from './dispatcher.js';
import { freedError } from './errors.js';
import type { RawObserver } from './raw.js';
import type { Anomaly } from '../types.js';

/** An observer's state, shared with the networks it watches (which call `emit`). */
export class ObserverCore<T> {
  #raw: RawObserver | undefined;
  readonly #senderKeys = new Map<string, number>();
  /** `onAnomaly` handlers. */
  readonly anomaly = new Listeners<Anomaly<T>>();

  constructor(rawObserver: RawObserver) {
    this.#raw = rawObserver;
  }

  /** The raw observer; throws `ERR_OBJECT_FREED` after `free()`. */
  use(): RawObserver {
    if (this.#raw === undefined) throw freedError('MeshObserver');
    return this.#raw;
  }

  /** The small number wasm counts `senderId` under (asked of wasm once per id). */
  senderKey(senderId: string): number {
    let key = this.#senderKeys.get(senderId);
    if (key === undefined) {
      key = this.use().senderKey(senderId);
      this.#senderKeys.set(senderId, key);
    }
    return key;
  }

  /** Calls the `onAnomaly` handlers, unless the observer was freed. */
  emit(anomaly: Anomaly<T>): void {
    if (this.#raw !== undefined) callAll(this.anomaly.list, anomaly);
  }

  /** Whether an `onAnomaly` handler would hear of an anomaly now. */
  hearsAnomalies(): boolean {
    return this.#raw !== undefined && this.anomaly.list.length > 0;
  }

  /** Whether `free()` was called. */
  get freed(): boolean {
    return this.#raw === undefined;
  }

  /** Frees the raw observer. */
  free(): void {
    this.#raw?.free();
    this.#raw = undefined;
  }
}
