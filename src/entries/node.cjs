// Node entry of data-mesh (CommonJS): the wasm module loads synchronously, no init() needed.
'use strict';
const rawModule = require('./raw-node/data_mesh.js');
const api = require('./cjs/index.js');
require('./cjs/internal/raw.js').bindRaw(rawModule);

/** Resolves at once: in Node the module is ready when required. Kept so browser code runs unchanged. */
async function init() {}

/** Does nothing in Node: the module is already instantiated. */
function initSync() {}

exports.MeshNetwork = api.MeshNetwork;
exports.MeshNode = api.MeshNode;
exports.MeshObserver = api.MeshObserver;
exports.PatternGenerator = api.PatternGenerator;
exports.PerformanceMonitor = api.PerformanceMonitor;
exports.MeshWorker = api.MeshWorker;
exports.serveNetworks = api.serveNetworks;
exports.attackLab = api.attackLab;
exports.canonicalBytes = api.canonicalBytes;
exports.payloadBytes = api.payloadBytes;
for (const name of ['NODE_STATE_RECORD', 'NODE_STATUSES', 'OUTLOOKS', 'TRACE_KINDS', 'TRACE_RECORD', 'TRANSFER_RECORD', 'readNodeStateRecord', 'readTraceRecord', 'readTransferRecord']) {
  exports[name] = api[name];
}
exports.init = init;
exports.initSync = initSync;
exports.default = init;
