// Node entry of data-mesh (ES modules): the same instance as the CommonJS entry.
import api from './node.cjs';

// ES modules need their names written out; tests/js/commonjs.test.cjs checks this list against the facade's.
export const {
  MeshNetwork,
  MeshNode,
  MeshObserver,
  PatternGenerator,
  PerformanceMonitor,
  MeshWorker,
  serveNetworks,
  attackLab,
  canonicalBytes,
  payloadBytes,
  workloadReportsToCsv,
  runExperiment,
  serveExperiments,
  DISTURBANCES,
  BYZANTINE_DEFAULTS,
  NETWORK_OPTION_DEFAULTS,
  SCENARIO_NODE_DEFAULTS,
  TOPOLOGY_DEFAULTS,
  MESSAGE_HEADER_BYTES,
  NODE_STATE_RECORD,
  NODE_STATUSES,
  OUTLOOKS,
  TRACE_KINDS,
  TRACE_RECORD,
  TRANSFER_RECORD,
  readNodeStateRecord,
  readTraceRecord,
  readTransferRecord,
  initSync,
} = api;
export default api.init;
