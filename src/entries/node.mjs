// Node entry of data-mesh (ES modules): the same instance as the CommonJS entry.
import api from './node.cjs';

export const { MeshNetwork, MeshNode, MeshObserver, PatternGenerator, PerformanceMonitor, MeshWorker, serveNetworks, attackLab, canonicalBytes, payloadBytes, initSync } = api;
export default api.init;
