// Node entry of data-mesh (CommonJS): the wasm module loads synchronously, no init() needed.
'use strict';
const rawModule = require('./raw-node/data_mesh.js');
const api = require('./cjs/index.js');
require('./cjs/internal/raw.js').bindRaw(rawModule);
const os = require('node:os');
const path = require('node:path');
const { Worker } = require('node:worker_threads');
require('./cjs/internal/platform.js').bindPlatform({
  createWorker: () => new Worker(path.join(__dirname, 'experiment-worker.mjs')),
  cores: () => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length),
  // A native import(): CommonJS may write one, the facade's CommonJS build may not.
  load: (url) => import(url),
});

/** Resolves at once: in Node the module is ready when required. Kept so browser code runs unchanged. */
async function init() {}

/** Does nothing in Node: the module is already instantiated. */
function initSync() {}

// Every export of the facade (src/js/index.ts), then init and initSync.
Object.assign(exports, api);
exports.init = init;
exports.initSync = initSync;
exports.default = init;
