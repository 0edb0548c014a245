// The package loads synchronously through require(), shares one instance with import, and runs the examples.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const api = require('data-mesh');

test('require() gives every class with no init call', () => {
  for (const name of ['MeshNetwork', 'MeshNode', 'MeshObserver', 'PatternGenerator', 'PerformanceMonitor']) {
    assert.equal(typeof api[name], 'function', name);
  }
  assert.equal(typeof api.default, 'function', 'init is exported for code shared with browsers');
});

test('import() and require() return the same classes', async () => {
  const esm = await import('data-mesh');
  assert.equal(esm.MeshNetwork, api.MeshNetwork);
  await esm.default();
});

test('import() and require() give every export of the facade, the same objects', async () => {
  const esm = await import('data-mesh');
  const facade = await import('../../pkg/esm/index.js');
  const names = Object.keys(facade).sort();
  assert.deepEqual(names.filter((name) => !(name in esm)), [], 'missing from the ES module entry');
  for (const name of names) assert.equal(esm[name], api[name], name);
  assert.deepEqual(Object.keys(api).filter((name) => !['init', 'initSync', 'default'].includes(name)).sort(), names, 'require() gives exactly the facade');
});

test('seed examples run through require()', async () => {
  const { seedExamples } = await import('../shared/seed-examples.mjs');
  for (const [, run] of seedExamples) run(api);
});

test('every bad input is refused the same way through require()', async () => {
  const { badInputCases } = await import('../shared/bad-input.mjs');
  for (const [, run] of badInputCases) run(api);
});
