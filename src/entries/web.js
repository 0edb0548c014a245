// Browser and bundler entry of data-mesh: `import init, { MeshNetwork } from 'data-mesh'; await init();`
import initWasm, * as rawModule from './raw-web/data_mesh.js';
import { bindRaw } from './esm/internal/raw.js';
import { bindPlatform } from './esm/internal/platform.js';

bindPlatform({
  createWorker: () => new Worker(new URL('./experiment-worker.js', import.meta.url), { type: 'module' }),
  cores: () => globalThis.navigator?.hardwareConcurrency ?? 1,
  load: (url) => import(/* @vite-ignore */ url),
});

export * from './esm/index.js';

let ready;

/** Loads the wasm module (once) and binds the API; resolves when every class is usable. */
export default function init(input) {
  ready ??= initWasm(input === undefined ? undefined : { module_or_path: input }).then(
    () => bindRaw(rawModule),
    (error) => {
      ready = undefined;
      throw error;
    },
  );
  return ready;
}

/** Instantiates the wasm module synchronously from its bytes or a compiled module. */
export function initSync(module) {
  rawModule.initSync({ module });
  bindRaw(rawModule);
}
