// Hostile arguments the api fuzzer found are typed refusals that break nothing (shared cases, run in Node).
import { test } from 'node:test';
import * as api from 'data-mesh';
import { hostileCases } from '../shared/hostile.mjs';

for (const [name, run] of hostileCases) {
  test(name, () => run(api));
}
