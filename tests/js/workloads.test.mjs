// Workloads and checkers, against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { workloadCases } from '../shared/workloads.mjs';

for (const [name, run] of workloadCases) {
  test(name, () => run(api));
}
