// The space-time diagram's data, from real traces of the built package: one arrow per message
// copy with its outcome, marks for pauses, timers and faults, in-flight copies, and the cap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MeshNetwork } from 'data-mesh';
import { SpaceTimeData, countByOutcome, faultMarks } from '../../www/space-time-data.js';

/** Six nodes in a ring over 10 ms links; n1 stamps wrong patterns; the n2-n3 link loses and duplicates. */
function scenario(events = [], recordTrace = true) {
  return {
    version: 1,
    options: {
      seed: 3,
      recordTrace,
      globalTick: true,
      tickInterval: 100,
      ttl: 3,
      links: { latency: 10 },
      topology: { kind: 'ring' },
    },
    nodes: { count: 6, prefix: 'n' },
    links: [{ between: ['n2', 'n3'], loss: 0.5, duplicate: 0.5 }],
    byzantine: { n1: 'wrong-pattern' },
    events: [
      { at: 50, broadcast: 'n0' },
      { at: 150, broadcast: 'n1' },
      ...[250, 350, 450, 550, 650, 750].map((at) => ({ at, broadcast: 'n2' })),
      ...events,
    ],
    duration: 2000,
  };
}

/** Runs `setup` to `time` ms, drains its trace into fresh data, and returns both. */
function played(setup, time) {
  const network = MeshNetwork.fromScenario(setup);
  network.runUntil(time);
  const data = new SpaceTimeData();
  data.add(network.drainTrace());
  return { network, data };
}

test('recording the trace leaves the trace hash as it is', () => {
  const hash = (record) => {
    const network = MeshNetwork.fromScenario(scenario([], record));
    network.runUntil(1500);
    const result = network.traceHash();
    if (record) network.drainTrace();
    assert.equal(network.traceHash(), result, 'draining changes nothing either');
    network.free();
    return result;
  };
  assert.equal(hash(true), hash(false));
});

test('every copy becomes one arrow from its send to its end, coloured by outcome', () => {
  const { network, data } = played(scenario(), 1000);
  const counts = countByOutcome(data.arrows);
  const stats = network.getSimulationStats();
  assert.equal(counts.accepted + counts.rejected, stats.delivered, 'one arrow per first arrival');
  assert.equal(counts.rejected, stats.rejected);
  assert.ok(counts.rejected > 0, 'the wrong-pattern node is rejected');
  assert.ok(counts.duplicate > 0, 'the flood and the duplicating link make duplicates');
  assert.equal(data.arrows.filter((a) => a.detail === 'lost').length, stats.lost);
  assert.ok(stats.lost > 0);
  for (const arrow of data.arrows) {
    assert.ok(arrow.endUs >= arrow.sentUs, 'an arrow never goes back in time');
    assert.notEqual(arrow.from, arrow.to);
  }
  const first = data.arrows.find((a) => a.messageId === 1 && a.to === 1);
  assert.deepEqual(first, { messageId: 1, from: 0, to: 1, sentUs: 50_000, endUs: 60_000, outcome: 'accepted', detail: 'accept', hops: 1 });
  const relayed = data.arrows.find((a) => a.messageId === 1 && a.from === 1 && a.outcome === 'accepted');
  assert.equal(relayed.hops, 2, 'a relayed copy counts its hops');
  assert.equal(relayed.sentUs, 60_000, 'it leaves when the relay accepts');
  const lost = data.arrows.find((a) => a.detail === 'lost');
  assert.equal(lost.endUs, lost.sentUs, 'the link loses a copy as it is sent');
  assert.equal(lost.outcome, 'dropped');
});

test('a partition drops the copies that cross it; the fault is marked on every lane', () => {
  const cut = { at: 240, partition: [['n0', 'n1', 'n2'], ['n3', 'n4', 'n5']] };
  const { network, data } = played(scenario([cut]), 1000);
  const partitioned = data.arrows.filter((a) => a.detail === 'partitioned');
  assert.equal(partitioned.length, network.getSimulationStats().partitioned);
  assert.ok(partitioned.length > 0);
  assert.ok(partitioned.every((a) => a.outcome === 'dropped' && a.sentUs >= 240_000));
  const slotOf = new Map(network.getNodes().map((node, slot) => [node.nodeId, slot]));
  const actions = [[300, 'crash', 'n4'], [2000, 'restart', 'n4']];
  assert.deepEqual(faultMarks([...scenario([cut]).events], actions, slotOf, 1_000_000), [
    { timeUs: 240_000, slot: -1, kind: 'partition' },
    { timeUs: 300_000, slot: 4, kind: 'crash' },
  ]);
});

test('pauses, holds, resumes and timers are marks; a held copy ends when its node resumes', () => {
  const { data } = played(scenario([{ at: 40, pause: 'n1' }, { at: 70, resume: 'n1' }]), 200);
  assert.deepEqual(data.marks.map((m) => [m.kind, m.slot, m.timeUs]), [['pause', 1, 40_000], ['held', 1, 60_000], ['resume', 1, 70_000]]);
  const released = data.arrows.find((a) => a.messageId === 1 && a.to === 1);
  assert.deepEqual([released.sentUs, released.endUs, released.outcome], [50_000, 70_000, 'accepted']);

  const network = MeshNetwork.fromScenario(scenario());
  network.at(30, () => {});
  network.runUntil(40);
  const timers = new SpaceTimeData();
  timers.add(network.drainTrace());
  assert.deepEqual(timers.marks, [{ timeUs: 30_000, slot: -1, kind: 'timer' }], "the network's own timer marks no lane");
});

test('copies in flight are matched to their sends and end when they arrive', () => {
  const { network, data } = played(scenario(), 55);
  const flying = data.inFlight(network.transfers(), network.now * 1000);
  assert.deepEqual(
    flying.map((a) => [a.messageId, a.from, a.to, a.sentUs, a.endUs, a.outcome, a.expected]),
    [[1, 0, 1, 50_000, 60_000, 'in-flight', 'accepted'], [1, 0, 5, 50_000, 60_000, 'in-flight', 'accepted']],
  );
  network.runUntil(60);
  data.add(network.drainTrace());
  assert.deepEqual(data.inFlight(network.transfers(), 60_000).filter((a) => a.messageId === 1 && a.from === 0), []);
});

test('the cap keeps the newest arrows within the time kept', () => {
  const network = MeshNetwork.fromScenario(scenario());
  const data = new SpaceTimeData({ keepUs: 300_000, arrows: 5 });
  for (let time = 100; time <= 1000; time += 100) {
    network.runUntil(time);
    data.add(network.drainTrace());
    assert.ok(data.arrows.length <= 5);
    assert.ok(data.arrows.every((a) => a.endUs >= data.latestUs - 300_000));
  }
  assert.ok(data.arrows.length > 0);
});

test('a copy is found by message, sender and receiver: in flight, then as it ended once dropped', () => {
  const { network, data } = played(scenario(), 55);
  const copy = { messageId: 1, from: 0, to: 1 };
  assert.equal(network.dropMessage(1, 'n1'), 1);
  const flying = data.arrowOf(copy, network.transfers(), 55_000);
  assert.deepEqual([flying.outcome, flying.expected, flying.sentUs, flying.endUs, flying.hops], ['in-flight', 'dropped', 50_000, 60_000, 1]);
  assert.equal(data.arrowOf({ ...copy, to: 5 }, network.transfers(), 55_000).expected, 'accepted', 'the other copy flies on');
  assert.equal(data.arrowOf({ ...copy, messageId: 2 }, network.transfers(), 55_000), undefined);
  network.runUntil(60);
  data.add(network.drainTrace());
  const ended = data.arrowOf(copy, network.transfers(), 60_000);
  assert.deepEqual([ended.outcome, ended.detail, ended.endUs], ['dropped', 'lost', 60_000]);
  network.free();
});
