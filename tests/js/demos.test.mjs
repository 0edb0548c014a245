// The console demos of `npm start`: each run() with console.log silenced, asserting its summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run as meshNetwork } from '../../scripts/demos/mesh-network.mjs';
import { run as synchronization } from '../../scripts/demos/synchronization.mjs';
import { run as observer } from '../../scripts/demos/observer.mjs';
import { run as attackLab } from '../../scripts/demos/attack-lab.mjs';

/** Calls `demo` with console.log silenced; returns its summary and how many lines it printed. */
function quietly(demo) {
  const log = console.log;
  let lines = 0;
  console.log = () => lines++;
  try {
    return { summary: demo(), lines };
  } finally {
    console.log = log;
  }
}

test('mesh network demo: the gateway accepts every sensor reading', () => {
  const { summary, lines } = quietly(meshNetwork);
  assert.ok(lines > 0);
  assert.equal(summary.rounds, 3);
  assert.equal(summary.gatewayReceived, 2 * summary.rounds);
  assert.equal(summary.gatewayRejected, 0);
  assert.equal(summary.finalStep, summary.rounds);
  assert.deepEqual(summary.stats, {
    'temp-sensor-001': { messagesSent: 3, messagesReceived: 3, messagesRejected: 0 },
    'humidity-sensor-001': { messagesSent: 3, messagesReceived: 3, messagesRejected: 0 },
    'gateway-001': { messagesSent: 0, messagesReceived: 6, messagesRejected: 0 },
    'observer-node-001': { messagesSent: 0, messagesReceived: 6, messagesRejected: 0 },
  });
});

test('synchronization demo: the lagging node catches up to the leaders', () => {
  const { summary } = quietly(synchronization);
  assert.deepEqual(summary.stepsBefore, { 'leader-a': 5, 'leader-b': 5, 'lagging-node': 0 });
  assert.deepEqual(summary.stepsAfter, { 'leader-a': 5, 'leader-b': 5, 'lagging-node': 5 });
  assert.deepEqual(summary.syncs, [5]);
  assert.equal(summary.laggingAccepted, 1);
  assert.equal(summary.laggingRejected, 0);
  assert.deepEqual(summary.confirmedBy, ['leader-a', 'leader-b']);
});

test('observer demo: every malicious message is flagged', () => {
  const { summary } = quietly(observer);
  assert.equal(summary.maliciousMessages, 4);
  assert.equal(summary.anomalies, summary.maliciousMessages);
  assert.equal(summary.flagged, summary.anomalies);
  assert.equal(summary.observed, 11);
  assert.equal(summary.valid, 7);
  assert.equal(summary.successRate, 7 / 11);
  assert.equal(summary.rejectedByHonestNodes, 6);
  const counts = Object.entries(summary.bySender).map(([id, s]) => [id, s.total, s.valid, s.anomalies, s.trust]);
  assert.deepEqual(counts, [
    ['external-sensor', 2, 1, 1, 0.5],
    ['node-a', 3, 3, 0, 1],
    ['node-b', 3, 3, 0, 1],
    ['rogue-node', 3, 0, 3, 0],
  ]);
  assert.deepEqual({ ...summary.bySender['rogue-node'].anomaliesByKind }, { 'pattern-mismatch': 3 });
});

test('demos are repeatable: a second run returns the same summaries', () => {
  for (const demo of [meshNetwork, synchronization, observer]) {
    assert.deepEqual(quietly(demo).summary, quietly(demo).summary);
  }
});

test('attack lab demo: the matrix has the expected shape', () => {
  const { summary } = quietly(attackLab);
  const byAttack = Object.fromEntries(summary.map((row) => [row.attack, [row.none, row.hmac, row.ed25519]]));
  assert.deepEqual(byAttack['wrong pattern'], [1, 1, 1]);
  assert.deepEqual(byAttack['forged sender (right pattern)'], [0, 1 / 7, 1]);
  assert.deepEqual(byAttack.replay, [0, 1, 1]);
  assert.deepEqual(byAttack['step skew'], [0, 0, 0]);
  assert.deepEqual(byAttack['payload tampering'], [0, 1, 1]);
  assert.deepEqual(byAttack.outsider, [0, 1, 1]);
});
