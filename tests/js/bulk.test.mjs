// The bulk protocol (setBulkProtocol, setBulkTimer), against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { bulkCases } from '../shared/bulk.mjs';

for (const [name, run] of bulkCases) {
  test(name, () => run(api));
}
