// Handles dropped without free() are reclaimed: wasm memory stays bounded (issue 18, memory).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import vm from 'node:vm';
import { MeshNetwork } from 'data-mesh';

const require = createRequire(import.meta.url);
const raw = require('../../pkg/raw-node/data_mesh.js');
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

/** Collects garbage and lets the finalizers (which free the wasm side) run. */
async function settle() {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Creates `count` networks of 100 nodes, each broadcasting once, and drops them (or keeps them in `kept`). */
function churn(count, kept) {
  for (let n = 0; n < count; n++) {
    const network = new MeshNetwork();
    for (let i = 0; i < 100; i++) network.createNode({ nodeId: `n${i}`, seed: 7, phaseResetInterval: 100 });
    network.getNodes()[0].broadcast(n);
    kept?.push(network);
  }
}

const mib = () => raw.wasmMemory().buffer.byteLength / 2 ** 20;

test('10 000 networks of 100 nodes dropped without free() leave wasm memory bounded', async () => {
  // Wasm memory never shrinks, and JS collects the handles only when it runs a GC (it does not see
  // the wasm memory behind them): the high-water mark must stop growing once GCs run between rounds.
  churn(1000);
  await settle();
  const afterFirstRound = mib();
  for (let round = 1; round < 10; round++) {
    churn(1000);
    await settle();
  }
  assert.ok(mib() <= afterFirstRound + 4, `wasm memory grew from ${afterFirstRound} to ${mib()} MiB`);
  const kept = [];
  churn(2000, kept);
  await settle();
  assert.ok(mib() > afterFirstRound + 8, `kept networks do take memory (${mib()} MiB), so the bound above means something`);
  for (const network of kept) network.free();
});
