// The checkers' figures worked out by hand (convergence, checked nodes, percentiles, sync settling), against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { checkerCases } from '../shared/checkers.mjs';

for (const [name, run] of checkerCases) {
  test(name, () => run(api));
}
