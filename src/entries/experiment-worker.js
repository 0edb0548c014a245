// A module Web Worker that runs experiment runs for runExperiment's pool (started by the package itself).
import init, { serveExperiments } from './web.js';

serveExperiments(self, init());
