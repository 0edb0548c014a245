/** The compiled wasm module the facade runs on, bound once by the package's entry point. */
import type * as RawModule from '../../../pkg/raw-web/data_mesh.js';
import { notInitializedError } from './errors.js';

export type { RawExperiment, RawNetwork, RawObserver, RawPatternGenerator, RawPerformanceMonitor } from '../../../pkg/raw-web/data_mesh.js';

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
  if (bound === undefined) throw notInitializedError();
  return bound;
}
