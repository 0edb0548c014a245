/** A small seeded random source (xoshiro128**) for a protocol's node; the engine derives its seed. */

/** Numbers in [0, 1) from four 32-bit words of state. */
export class SeededRandom {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /** A source from four 32-bit words (not all zero). */
  constructor(seed: Uint32Array) {
    [this.#a, this.#b, this.#c, this.#d] = [seed[0] | 0, seed[1] | 0, seed[2] | 0, seed[3] | 1];
  }

  /** The next number in [0, 1), with 32 random bits. */
  next(): number {
    const result = Math.imul(rotate(Math.imul(this.#b, 5), 7), 9) >>> 0;
    const t = this.#b << 9;
    this.#c ^= this.#a;
    this.#d ^= this.#b;
    this.#b ^= this.#c;
    this.#a ^= this.#d;
    this.#c ^= t;
    this.#d = rotate(this.#d, 11);
    return result / 4294967296;
  }
}

/** `x` rotated left by `k` bits, as a 32-bit integer. */
function rotate(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
