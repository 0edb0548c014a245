// Broadcasts that wait to be sent in a batch, against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { waitingCases } from '../shared/waiting.mjs';

for (const [name, run] of waitingCases) {
  test(name, () => run(api));
}
