// The scenarios bundled with the package (data-mesh/scenarios/*.json) load, run and show what
// their descriptions promise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MeshNetwork, MeshObserver } from 'data-mesh';

const require = createRequire(import.meta.url);

/** Runs a bundled scenario to its duration with a watching observer; returns what was seen. */
function play(name) {
  const text = readFileSync(require.resolve(`data-mesh/scenarios/${name}.json`), 'utf8');
  const network = MeshNetwork.fromScenario(text);
  const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
  observer.watch(network);
  const seen = { accepted: 0, rejected: 0, synced: [], anomalies: new Set() };
  observer.onAnomaly((a) => seen.anomalies.add(a.type));
  for (const node of network.getNodes()) {
    node.onMessage(() => seen.accepted++);
    node.onError(() => seen.rejected++);
    node.onSync((step) => seen.synced.push([node.nodeId, step]));
  }
  network.runUntil(JSON.parse(text).duration);
  return { network, seen, stats: network.getSimulationStats() };
}

test('mesh-network: every node accepts every sensor and gateway message', () => {
  const { seen, stats } = play('mesh-network');
  assert.deepEqual([stats.sent, seen.accepted, seen.rejected], [4, 12, 0]);
});

test('synchronization: the slow node catches up by autoSync and stays within maxStepSkew', () => {
  const { network, seen } = play('synchronization');
  assert.ok(seen.synced.some(([id]) => id === 'node-c'), JSON.stringify(seen.synced));
  const steps = network.getNodes().map((n) => n.globalStep);
  assert.ok(Math.max(...steps) - Math.min(...steps) <= 10, JSON.stringify(steps));
});

test('observer: the malicious node is rejected by receivers and flagged by the observer', () => {
  const { seen } = play('observer');
  assert.deepEqual([seen.rejected, [...seen.anomalies]], [4, ['pattern-mismatch']]);
});

test('partition-heal: transfers are cut while the partition lasts, and traffic flows after', () => {
  const { stats } = play('partition-heal');
  assert.ok(stats.partitioned > 0 && stats.delivered > 0, JSON.stringify(stats));
});

test('byzantine-lab: the observer flags every kind a pattern check cannot see', () => {
  const { seen, stats } = play('byzantine-lab');
  for (const kind of ['pattern-mismatch', 'step-skew', 'replay', 'unknown-sender']) assert.ok(seen.anomalies.has(kind), kind);
  assert.ok(stats.tampered > 0 && stats.swallowed > 0, JSON.stringify(stats));
});

test('every bundled scenario replays to the same trace', () => {
  for (const name of ['mesh-network', 'synchronization', 'observer', 'partition-heal', 'byzantine-lab']) {
    assert.equal(play(name).network.traceHash(), play(name).network.traceHash(), name);
  }
});
