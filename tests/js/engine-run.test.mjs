// The demo page's engine side (www/engine-run.js, www/engine-frame.js), as the engine worker runs
// it, here in Node: the same trace hash as the package's own run, fault-lab actions resolved by the
// run and replayed by a new one (time travel, the link), frames that carry each part once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MeshNetwork, NODE_STATE_RECORD, OUTLOOKS, readTransferRecord } from 'data-mesh';
import { EngineRun } from '../../www/engine-run.js';
import { readFrame } from '../../www/engine-frame.js';
import { MAX_LOG_LINES } from '../../www/engine-protocol.js';

const PATTERN = { seed: 7, phaseResetInterval: 100 };
const SETTINGS = { seed: 3, pattern: PATTERN, nodes: 1000, protocol: 'scenario', workload: 'off' };

/** The bundled observer scenario as the page plays it with seed 3. */
function observer() {
  const scenario = JSON.parse(readFileSync('pkg/scenarios/observer.json', 'utf8'));
  scenario.nodes = scenario.nodes.map((node) => ({ ...node, ...PATTERN }));
  scenario.options.seed = 3;
  return scenario;
}

/** A run of the observer scenario replaying `actions`. */
const runOf = (actions = []) => new EngineRun({ scenario: observer(), settings: SETTINGS, actions });

test('a run played to its end has the trace hash of the same scenario run by the package', () => {
  const run = runOf();
  run.runTo(500);
  const network = MeshNetwork.fromScenario(observer());
  network.runUntil(500);
  assert.equal(run.network.traceHash(), network.traceHash());
  network.free();
  run.network.free();
});

test('fault-lab actions act on the selected node, and a new run replaying them reaches the same trace hash', () => {
  const run = runOf();
  run.runTo(200);
  run.act('crash');
  assert.deepEqual(run.actions, [], 'nothing selected: nothing done');
  run.selected = 1;
  run.act('crash');
  run.act('add');
  run.act('partition');
  run.selected = 0;
  run.act('remove');
  assert.equal(run.selected, -1);
  assert.deepEqual(run.actions, [
    [200, 'crash', 'gateway-001', undefined],
    [200, 'add', 'added-3', undefined],
    [200, 'partition', undefined, ['sensor-001', 'gateway-001']],
    [200, 'remove', 'sensor-001', undefined],
  ]);
  run.runTo(500);
  const travelled = runOf(run.actions);
  travelled.runTo(500);
  assert.equal(travelled.network.traceHash(), run.network.traceHash());
  assert.equal(travelled.applied, 4);
  run.network.free();
  travelled.network.free();
});

test('a frame carries the nodes and liars when they changed, the log and ticks once, and moves its arrays', () => {
  const run = runOf();
  run.runTo(500);
  const { frame, moved } = readFrame(run, { fresh: true });
  assert.equal(frame.fresh, true);
  assert.equal(frame.time, 500);
  assert.equal(frame.states.length, 3 * NODE_STATE_RECORD.length);
  assert.deepEqual(frame.nodes.ids, ['sensor-001', 'gateway-001', 'malicious-node']);
  assert.equal(frame.nodes.positions.length, 6);
  assert.ok(frame.nodes.positions.every((x) => x >= 0 && x <= 1));
  assert.deepEqual(frame.byzantine, [[2, 'wrong-pattern']]);
  assert.ok(frame.log.some(([, text]) => text.includes('observer flagged pattern-mismatch from malicious-node')));
  assert.equal(frame.ticks.length, 5);
  assert.ok(moved.includes(frame.states.buffer) && moved.includes(frame.nodes.positions.buffer));
  const next = readFrame(run).frame;
  assert.deepEqual([next.nodes, next.byzantine, next.log, next.ticks], [undefined, undefined, [], []]);
  assert.equal(next.inspected, null);
  run.selected = 2;
  const { inspected } = readFrame(run).frame;
  assert.deepEqual([inspected.nodeId, inspected.status, inspected.stats.messagesRejected], ['malicious-node', 'online', 0]);
  const csv = run.statsCsv().trim().split('\n');
  assert.equal(csv.length, 6);
  assert.equal(csv[0], Object.keys(frame.ticks[0]).join(','));
  run.network.free();
});

test('a run that logs much between two frames hands over only the newest lines the page keeps', () => {
  const run = runOf(Array.from({ length: 2 * MAX_LOG_LINES }, () => [0, 'heal', undefined, undefined]));
  run.runTo(0);
  const { log } = readFrame(run).frame;
  assert.equal(log.length, MAX_LOG_LINES);
  assert.ok(log.every(([, text]) => text === '⚡ heal'));
  run.network.free();
});

test('a run on the network networkFor makes: what its protocol throws is logged as an error of the node, and the run goes on', () => {
  const protocol = {
    onMessage() {},
    onStart(_state, ctx) {
      ctx.setTimer(100, () => {
        throw new Error('boom');
      });
    },
  };
  const run = new EngineRun({ scenario: observer(), settings: SETTINGS, actions: [], networkFor: (scenario) => MeshNetwork.fromScenario(scenario, { protocol }) });
  run.runTo(300);
  const errors = readFrame(run).frame.log.filter(([, , kind]) => kind === 'error');
  assert.deepEqual(
    errors.map(([time, text, , nodeId]) => [time, text, nodeId]),
    run.nodes.map((node) => [100, `⚠ ${node.nodeId}'s protocol threw Error: boom`, node.nodeId]),
  );
  assert.equal(run.network.now, 300);
  run.network.free();
});

test('a drop of a message in flight is recorded with its receiver and replayed to the same trace hash; a drop that finds nothing is not', () => {
  const run = runOf();
  run.runTo(50);
  const { messageId, to } = readTransferRecord(run.network.transfers(), 0);
  const receiver = run.nodes[to].nodeId;
  run.act('drop', messageId, receiver);
  run.act('drop', messageId + 1000, undefined);
  assert.deepEqual(run.actions, [[50, 'drop', receiver, messageId]], 'the drop that dropped nothing is not recorded');
  assert.equal(OUTLOOKS[readTransferRecord(run.network.transfers(), 0).outlook], 'dropped');
  assert.ok(run.takeLog().some(([, text]) => text === `⚡ drop message ${messageId} to ${receiver}: 1 copy`));
  run.runTo(500);
  assert.equal(run.network.getSimulationStats().lost, 1);
  // Replayed from the actions as a link carries them (JSON).
  const replayed = runOf(JSON.parse(JSON.stringify(run.actions)));
  replayed.runTo(500);
  assert.equal(replayed.network.traceHash(), run.network.traceHash());
  const untouched = runOf();
  untouched.runTo(500);
  assert.notEqual(untouched.network.traceHash(), run.network.traceHash(), 'the drop changed the run');
  for (const r of [run, replayed, untouched]) r.network.free();
});

test('an action recorded after travelling back discards the actions recorded for later times, so the link replays what was played', () => {
  const played = runOf();
  played.runTo(100);
  played.selected = 1;
  played.act('crash');
  played.runTo(300);
  played.act('restart');
  const back = runOf(played.actions);
  back.runTo(200);
  back.selected = 0;
  back.act('crash');
  assert.deepEqual(back.actions, [[100, 'crash', 'gateway-001', undefined], [200, 'crash', 'sensor-001', undefined]]);
  back.runTo(500);
  const replayed = runOf(back.actions);
  replayed.runTo(500);
  assert.equal(replayed.network.traceHash(), back.network.traceHash());
  for (const run of [played, back, replayed]) run.network.free();
});
