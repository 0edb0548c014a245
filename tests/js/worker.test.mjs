// A network served in a Node worker thread through serveNetworks, driven by MeshWorker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { MeshNetwork, MeshWorker, NODE_STATE_RECORD, NODE_STATUSES, readNodeStateRecord } from 'data-mesh';

test('a worker runs a scenario and returns snapshots equal to a run on the main thread', async () => {
  const worker = new Worker(new URL('./fixtures/node-worker.mjs', import.meta.url));
  try {
    const mesh = new MeshWorker(worker);
    const scenario = {
      version: 1,
      options: { seed: 9, globalTick: true, links: { latency: 5 }, topology: 'ring', traffic: 0.3 },
      nodes: { count: 20 },
    };
    const created = await mesh.create({ scenario });
    assert.equal(created.nodeIds.length, 20);
    await mesh.broadcast('node-3', { hello: 'from the page' });
    const snap = await mesh.run(10);
    assert.ok(snap.nodeStates instanceof Float64Array && snap.nodeStates.length === 20 * NODE_STATE_RECORD.length);
    assert.equal(readNodeStateRecord(snap.nodeStates, 0).globalStep, 10, 'node 0 is at step 10 after 10 ticks');
    assert.equal(snap.now, 1000);

    const local = MeshNetwork.fromScenario(scenario);
    local.getNode('node-3').broadcast({ hello: 'from the page' });
    local.run(10);
    assert.equal(snap.traceHash, local.traceHash(), 'the worker ran the same simulation');
    assert.deepEqual(snap.stats, local.getSimulationStats());

    await mesh.call('crash', 'node-0');
    assert.equal(NODE_STATUSES[readNodeStateRecord((await mesh.run(1)).nodeStates, 0).status], 'crashed');
    await assert.rejects(mesh.call('crash', 'ghost'), (error) => error.code === 'ERR_UNKNOWN_NODE' && error.field === 'nodeId');
    assert.equal((await mesh.run(1)).now, 1200, 'the worker keeps serving after an error');
    await assert.rejects(mesh.broadcast('ghost', 1), (error) => error.code === 'ERR_UNKNOWN_NODE' && error.field === 'nodeId' && error.name === 'RangeError');
    await assert.rejects(mesh.create({ options: { topology: 'no-such-topology' } }), (error) => error.code !== undefined && error.field !== undefined);
    const after = await mesh.run(1);
    assert.equal(after.now, 1300, 'a create that failed left the earlier network serving');
    assert.equal(after.nodeIds.length, 20);
  } finally {
    await worker.terminate();
  }
});
