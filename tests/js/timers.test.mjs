// Virtual timers (setTimer, at), against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { timerCases } from '../shared/timers.mjs';

for (const [name, run] of timerCases) {
  test(name, () => run(api));
}
