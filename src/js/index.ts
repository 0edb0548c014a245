/** data-mesh: the public API (the entry points add `init` and bind the wasm module). */
export { MeshNetwork } from './mesh-network.js';
export { MeshNode } from './mesh-node.js';
export { MeshObserver } from './mesh-observer.js';
export { PatternGenerator } from './pattern-generator.js';
export { PerformanceMonitor } from './performance-monitor.js';
export { MeshWorker, serveNetworks } from './mesh-worker.js';
export { attackLab } from './attack-lab.js';
export { canonicalBytes, payloadBytes } from './canonical.js';
export { workloadReportsToCsv } from './workload-report.js';
export { runExperiment } from './experiment.js';
export { serveExperiments } from './experiment-server.js';
export { DISTURBANCES } from './generated/workloads.js';
export { NODE_STATE_RECORD, TRACE_RECORD, TRANSFER_RECORD, readNodeStateRecord, readTraceRecord, readTransferRecord } from './generated/arrays.js';
export { MESSAGE_HEADER_BYTES, NODE_STATUSES, OUTLOOKS, TRACE_KINDS } from './generated/codes.js';
export { BYZANTINE_DEFAULTS, NETWORK_OPTION_DEFAULTS, SCENARIO_NODE_DEFAULTS, TOPOLOGY_DEFAULTS } from './generated/defaults.js';
export type { NodeStateRecord, TraceRecord, TransferRecord } from './generated/arrays.js';
export type { NetworkSnapshot, WorkerMethod, WorkerRequest } from './mesh-worker.js';
export type * from './types.js';
