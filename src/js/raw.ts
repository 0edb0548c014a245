/** The compiled wasm module the facade runs on, bound once by the package's entry point. */
import type * as RawModule from '../../pkg/raw-web/data_mesh.js';

export type { RawNetwork, RawObserver, RawPatternGenerator, RawPerformanceMonitor } from '../../pkg/raw-web/data_mesh.js';

/** What the raw `receive`/`observe` return for an accepted message (else the expected value). */
export const ACCEPTED = -1;
/** What the raw `receive`/`observe` return for a malformed message. */
export const MALFORMED = -2;
/** What the raw `receiveSigned` returns for a bad tag or signature (-4 unknown sender, -5 replay). */
export const BAD_SIGNATURE = -3;

let bound: typeof RawModule | undefined;

let memory: WebAssembly.Memory | undefined;

/** Makes `module` (initialised) the one the facade calls. */
export function bindRaw(module: typeof RawModule): void {
  bound = module;
  memory = module.wasmMemory();
}

/** The module's memory (its `buffer` is replaced whenever it grows). */
export function wasmMemory(): WebAssembly.Memory {
  return memory ?? raw().wasmMemory();
}

/** The bound module; throws `ERR_NOT_INITIALIZED` before `init()` has finished in a browser. */
export function raw(): typeof RawModule {
  if (bound === undefined) {
    const error = new TypeError('data-mesh is not initialised: call `await init()` before using it') as TypeError & {
      code: string;
      field: string;
    };
    error.code = 'ERR_NOT_INITIALIZED';
    error.field = 'init';
    throw error;
  }
  return bound;
}
