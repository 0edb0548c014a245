// broadcastBatch, against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { batchCases } from '../shared/batch.mjs';

for (const [name, run] of batchCases) {
  test(name, () => run(api));
}
