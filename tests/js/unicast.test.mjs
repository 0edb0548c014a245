// MeshNode.send (unicast), against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { unicastCases } from '../shared/unicast.mjs';

for (const [name, run] of unicastCases) {
  test(name, () => run(api));
}
