// Links with a bandwidth and message sizes, against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { bandwidthCases } from '../shared/bandwidth.mjs';

for (const [name, run] of bandwidthCases) {
  test(name, () => run(api));
}
