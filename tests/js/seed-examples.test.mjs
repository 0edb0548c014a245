// The seed README's examples against the built package, imported as ES modules.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { seedExamples } from '../shared/seed-examples.mjs';

for (const [name, run] of seedExamples) {
  test(name, () => run(api));
}
