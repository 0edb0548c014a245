// Bad input throws typed errors and never breaks the instance (shared cases, run in Node); each
// case reports how many refusals it checked (docs/reliability.md counts them by category).
import { test } from 'node:test';
import * as api from 'data-mesh';
import { badInputCases } from '../shared/bad-input.mjs';
import { refusalsChecked } from '../shared/check.mjs';

for (const [name, run] of badInputCases) {
  test(name, (t) => {
    const before = refusalsChecked.count;
    run(api);
    t.diagnostic(`refusals checked: ${refusalsChecked.count - before}`);
  });
}
