// A module Web Worker that serves one data-mesh network to its page:
//   const worker = new MeshWorker(new Worker(new URL('data-mesh/worker', import.meta.url), { type: 'module' }));
import init, { serveNetworks } from './web.js';

serveNetworks(self, init());
