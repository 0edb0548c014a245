// Protocols written in JS, against the built package.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { protocolCases } from '../shared/protocols.mjs';

for (const [name, run] of protocolCases) {
  test(name, () => run(api));
}
