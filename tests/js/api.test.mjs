// API behaviour beyond the seed's examples, against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { apiCases } from '../shared/api.mjs';

for (const [name, run] of apiCases) {
  test(name, () => run(api));
}
