export * from './types/index.js';

/** Where `init` loads the wasm from: a URL, the bytes, a `Response`, or a compiled module. */
export type InitInput = string | ArrayBuffer | ArrayBufferView | object;

/**
 * Loads and instantiates the wasm module once; resolves when every class is usable. Required in
 * browsers and bundlers before the first call; in Node it resolves at once.
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Instantiates the wasm module synchronously from its bytes or a compiled module (a no-op in Node). */
export function initSync(module: ArrayBuffer | ArrayBufferView | object): void;
