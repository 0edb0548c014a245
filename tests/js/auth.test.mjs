// Authenticated networks against Node's WebCrypto, on the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { authCases } from '../shared/auth.mjs';

for (const [name, run] of authCases) {
  test(name, () => run(api));
}
