// What the facade keeps between calls answers what wasm would, against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { cacheCases } from '../shared/caches.mjs';

for (const [name, run] of cacheCases) {
  test(name, () => run(api));
}
