// Re-entrant handlers (shared cases, run in Node).
import { test } from 'node:test';
import * as api from 'data-mesh';
import { reentrancyCases } from '../shared/reentrancy.mjs';

for (const [name, run] of reentrancyCases) {
  test(name, () => run(api));
}
