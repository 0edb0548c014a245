/** PatternGenerator: the deterministic pattern value of any step, in O(1). */
import { num, patternConfig } from './internal/checks.js';
import { freedError } from './internal/errors.js';
import { raw, type RawPatternGenerator } from './internal/raw.js';

/**
 * Pattern values for one seed and phase-reset interval: the seed at every reset, otherwise the
 * digit collapse of (previous value x seed).
 */
export class PatternGenerator {
  #raw: RawPatternGenerator | undefined;

  /** A generator for `{ seed, phaseResetInterval }`. */
  constructor(config: { seed: number; phaseResetInterval: number }) {
    const [seed, interval] = patternConfig(config);
    this.#raw = new (raw().RawPatternGenerator)(seed, interval);
  }

  #use(): RawPatternGenerator {
    if (this.#raw === undefined) throw freedError('PatternGenerator');
    return this.#raw;
  }

  /** The pattern value at `step` (a safe integer >= 0). */
  computeValue(step: number): number {
    return this.#use().computeValue(num('step', step));
  }

  /** The values of `count` consecutive steps from `startStep`, in one typed array. */
  computeValues(startStep: number, count: number): Float64Array {
    return this.#use().computeValues(num('startStep', startStep), num('count', count));
  }

  /** The seed. */
  get seed(): number {
    return this.#use().seed;
  }

  /** The phase-reset interval. */
  get phaseResetInterval(): number {
    return this.#use().phaseResetInterval;
  }

  /** The period of the values between resets (1, 2, 3 or 6). */
  get period(): number {
    return this.#use().period;
  }

  /** Releases the wasm memory; later calls throw `ERR_OBJECT_FREED`. */
  free(): void {
    this.#raw?.free();
    this.#raw = undefined;
  }
}
