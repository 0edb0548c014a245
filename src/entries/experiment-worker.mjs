// A Node worker thread that runs experiment runs for runExperiment's pool (started by the package itself).
import { parentPort } from 'node:worker_threads';
import { serveExperiments } from './node.mjs';

serveExperiments(parentPort);
