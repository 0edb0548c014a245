// Bad input throws typed errors and never breaks the instance (shared cases, run in Node).
import { test } from 'node:test';
import * as api from 'data-mesh';
import { badInputCases } from '../shared/bad-input.mjs';

for (const [name, run] of badInputCases) {
  test(name, () => run(api));
}
