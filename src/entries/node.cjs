// Node entry of data-mesh (CommonJS): the wasm module loads synchronously, no init() needed.
'use strict';
const rawModule = require('./raw-node/data_mesh.js');
const api = require('./cjs/index.js');
require('./cjs/internal/raw.js').bindRaw(rawModule);

/** Resolves at once: in Node the module is ready when required. Kept so browser code runs unchanged. */
async function init() {}

/** Does nothing in Node: the module is already instantiated. */
function initSync() {}

// Every export of the facade (src/js/index.ts), then init and initSync.
Object.assign(exports, api);
exports.init = init;
exports.initSync = initSync;
exports.default = init;
