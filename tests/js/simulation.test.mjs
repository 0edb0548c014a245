// The simulation API against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { simulationCases } from '../shared/simulation.mjs';

for (const [name, run] of simulationCases) {
  test(name, () => run(api));
}
