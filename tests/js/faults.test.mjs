// One-way partitions, pause and resume, against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { faultCases } from '../shared/faults.mjs';

for (const [name, run] of faultCases) {
  test(name, () => run(api));
}
