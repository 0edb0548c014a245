// Workloads and checkers: values handed out at a rate to built-in relaying or to a protocol's
// onValue, learned on acceptance or by ctx.learn; the broadcast checker's completeness, cost,
// latency and convergence; the sync checker's disturbances and drags; reports as objects, CSV
// and JSON; scenarios naming a workload and a built-in protocol; bad input.
import { check, equal, throwsCode } from './check.mjs';
import { build, cfg } from './configs.mjs';

/** A protocol that sends each value it is handed straight to every neighbour, which learn it. */
export const pushToAll = {
  name: 'push-to-all',
  onValue(_state, ctx, value) {
    ctx.broadcast(value);
  },
  onMessage(_state, ctx, message) {
    ctx.learn(message.data);
  },
};

/** A ring of `n` nodes with 10 ms links, flooding with ttl `n`. */
const ring = (MeshNetwork, n, options = {}) => build(MeshNetwork, { links: { latency: 10 }, topology: 'ring', ttl: n, ...options }, n);

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const workloadCases = [
  [
    'a broadcast workload on built-in flooding: every value reaches every node, at the flood\'s cost, and handlers see the values',
    ({ MeshNetwork }) => {
      const [network, nodes] = ring(MeshNetwork, 6);
      const seen = [];
      nodes[3].onMessage((message) => seen.push(message.data));
      network.startWorkload({ kind: 'broadcast', rate: 100, duration: 100 });
      network.runUntil(500);
      const { broadcast, sync } = network.workloadReport();
      equal(sync, null, 'no sync workload');
      const s = broadcast.summary;
      equal([s.values, s.checkedNodes, s.expected, s.missing, s.complete], [10, 6, 60, 0, 1]);
      equal(s.messagesPerValue, 7, 'a flood round a ring of 6: 2 + 2 + 2 copies and 1 duplicate');
      equal(s.messages, network.getSimulationStats().delivered + network.getSimulationStats().duplicates);
      equal([broadcast.latency.count, broadcast.latency.max, broadcast.latency.p50], [60, 30, 10]);
      equal(seen.length < 10 ? 'some' : [...seen].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((v) => seen.includes(v)), 'the data of a value\'s message is the value');
      check(seen.every((v) => typeof v === 'number'), 'values are numbers');
      equal(broadcast.missing, []);
      network.free();
    },
  ],
  [
    'a protocol is handed values in onValue and learns with ctx.learn; latency runs from hand-out to learning',
    ({ MeshNetwork }) => {
      const [network] = build(MeshNetwork, { links: { latency: 100 }, protocol: pushToAll, seed: 3 }, 5);
      network.startWorkload({ kind: 'broadcast', rate: 50, duration: 200, from: ['n0', 'n1'] });
      network.runUntil(1000);
      const { broadcast } = network.workloadReport();
      equal([broadcast.summary.values, broadcast.summary.missing, broadcast.summary.messagesPerValue], [10, 0, 4]);
      equal([broadcast.latency.min, broadcast.latency.max, broadcast.latency.count], [0, 100, 50], 'the holder at once, the others one link later');
      check(broadcast.summary.bytesPerValue > 4 * 32, 'each copy counts its header and payload');
      network.free();
    },
  ],
  [
    'values cut off by a partition are listed missing where they did not reach, and the heal never converges without repair',
    ({ MeshNetwork }) => {
      const [network] = ring(MeshNetwork, 4);
      network.startWorkload({ kind: 'broadcast', rate: 100, duration: 50, from: ['n0'] });
      network.partition(['n0', 'n1'], ['n2', 'n3']);
      network.runUntil(200);
      network.heal();
      network.runUntil(300);
      const { broadcast } = network.workloadReport();
      equal([broadcast.summary.missing, broadcast.summary.complete, broadcast.summary.heals], [10, 0, 1]);
      equal(broadcast.missing.slice(0, 2), [{ value: 0, nodeId: 'n2' }, { value: 0, nodeId: 'n3' }]);
      equal(broadcast.heals.length, 1);
      check(Number.isNaN(broadcast.heals[0].convergedAfterMs) && Number.isNaN(broadcast.summary.convergedAfterHealMs), 'not converged');
      const json = JSON.parse(JSON.stringify(network.workloadReport()));
      equal(json.broadcast.heals[0], { atMs: 200, valuesBefore: 5, convergedAfterMs: null }, 'JSON writes NaN as null');
      network.free();
    },
  ],
  [
    'a sync workload reports each disturbance, how long it took to settle, and the liars\' drags',
    ({ MeshNetwork }) => {
      const options = { links: { latency: 1 }, globalTick: true, tickInterval: 10, autoSync: true, maxStepSkew: 2, traffic: 0.5, restartKeepsStep: false };
      const [network] = build(MeshNetwork, options, 8);
      network.startWorkload({ kind: 'sync' });
      network.runUntil(500);
      network.crash('n5');
      network.runUntil(505);
      network.restart('n5');
      network.runUntil(1000);
      let { sync } = network.workloadReport();
      equal(sync.disturbances.map((d) => [d.kind, d.nodeId, d.atMs]), [['crash', 'n5', 500], ['restart', 'n5', 505]]);
      check(Number.isNaN(sync.disturbances[1].settledAfterMs), 'n5 restarted from step 0: too far behind for autoSync');
      equal([sync.summary.unsettled, sync.summary.maxStepSkew, sync.summary.ticks], [1, 2, 100]);
      network.getNode('n5').sync(network.getNode('n0').globalStep);
      network.runUntil(1500);
      ({ sync } = network.workloadReport());
      equal([sync.disturbances[1].settledAfterMs, sync.summary.ticksOutOfSync], [505, 50], 'back in sync at the tick of 1010 ms');
      network.free();
      const [lied] = build(MeshNetwork, { ...options, restartKeepsStep: true }, 8);
      lied.setByzantine('n0', { kind: 'step-skew', skew: 2 });
      lied.startWorkload({ kind: 'sync' });
      lied.runUntil(300);
      const summary = lied.workloadReport().sync.summary;
      check(summary.liarDrags > 0 && summary.draggedNodes > 0 && summary.draggedNodes <= 7, `drags: ${JSON.stringify(summary)}`);
      lied.free();
    },
  ],
  [
    'reports as CSV: a header of every figure, one line per report, empty cells where there is nothing',
    ({ MeshNetwork, workloadReportsToCsv }) => {
      const [network] = ring(MeshNetwork, 4);
      const before = network.workloadReport();
      network.startWorkload({ kind: 'broadcast', rate: 100, duration: 100 });
      network.runUntil(300);
      const csv = workloadReportsToCsv([before, network.workloadReport()]);
      const [header, empty, full, end] = csv.split('\n');
      const columns = header.split(',');
      check(columns.includes('broadcast.messagesPerValue') && columns.includes('latency.p99') && columns.includes('sync.liarDrags'), header);
      equal(empty.split(',').filter((cell) => cell !== '').length, 0, 'no checker: every cell empty');
      const cells = Object.fromEntries(columns.map((name, i) => [name, full.split(',')[i]]));
      equal([cells['broadcast.values'], cells['broadcast.complete'], cells['sync.ticks']], ['10', '1', '']);
      equal(end, '', 'the text ends with a newline');
      network.free();
    },
  ],
  [
    'a scenario names a built-in protocol and a workload; the same seed gives the same report',
    ({ MeshNetwork }) => {
      const scenario = (protocol) => ({
        version: 1,
        options: { seed: 3, links: { latency: { kind: 'uniform', min: 5, max: 15 }, loss: 0.1 }, topology: 'ring', ttl: 8 },
        nodes: { count: 8, prefix: 'n' },
        protocol,
        workload: { kind: 'broadcast', rate: 50, duration: 400 },
      });
      const run = (protocol) => {
        const network = MeshNetwork.fromScenario(scenario(protocol));
        network.runUntil(1000);
        const result = [JSON.stringify(network.workloadReport()), network.traceHash()];
        network.free();
        return result;
      };
      const flood = run('flood');
      equal(run('flood'), flood, 'same seed, same report and trace');
      const none = JSON.parse(run('none')[0]).broadcast.summary;
      check(none.missing > JSON.parse(flood[0]).broadcast.summary.missing, 'without relaying more is missing');
      const gossip = JSON.parse(run({ name: 'gossip', fanout: 1 })[0]).broadcast.summary;
      check(gossip.messagesPerValue < JSON.parse(flood[0]).broadcast.summary.messagesPerValue, 'gossip to 1 costs less');
    },
  ],
  [
    'fromScenario refuses bad protocol and workload fields with a typed error naming the field, builds nothing, and the next document builds',
    ({ MeshNetwork }) => {
      const good = { version: 1, options: { links: { latency: 10 }, topology: 'ring' }, nodes: { count: 3, prefix: 'n' } };
      const cases = [
        [{ protocol: 7 }, TypeError, 'ERR_INVALID_TYPE', 'protocol'],
        [{ protocol: 'epidemic' }, RangeError, 'ERR_UNKNOWN_NAME', 'protocol.name'],
        [{ protocol: { name: 'gossip', fanout: 0 } }, RangeError, 'ERR_OUT_OF_RANGE', 'protocol.fanout'],
        [{ protocol: { name: 'flood', fanout: 2 } }, RangeError, 'ERR_INVALID_SCENARIO', 'protocol.fanout'],
        [{ protocol: { name: 'none', ttl: 3 } }, RangeError, 'ERR_INVALID_SCENARIO', 'protocol.ttl'],
        [{ protocol: 'flood', options: { ...good.options, fanout: 2 } }, RangeError, 'ERR_INVALID_SCENARIO', 'options.fanout'],
        [{ protocol: { name: 'gossip', ttl: 4 }, options: { ...good.options, ttl: 4 } }, RangeError, 'ERR_INVALID_SCENARIO', 'options.ttl'],
        [{ workload: 'broadcast' }, TypeError, 'ERR_INVALID_TYPE', 'workload'],
        [{ workload: { kind: 'flood' } }, RangeError, 'ERR_UNKNOWN_NAME', 'workload.kind'],
        [{ workload: { kind: 'broadcast', rate: -1, duration: 100 } }, RangeError, 'ERR_OUT_OF_RANGE', 'workload.rate'],
        [{ workload: { kind: 'broadcast', rate: 10 } }, TypeError, 'ERR_INVALID_TYPE', 'workload.duration'],
        [{ workload: { kind: 'broadcast', rate: 10, duration: 1000, start: -1 } }, RangeError, 'ERR_OUT_OF_RANGE', 'workload.start'],
        [{ workload: { kind: 'broadcast', rate: 10, duration: 1000, from: [] } }, RangeError, 'ERR_EMPTY', 'workload.from'],
        [{ workload: { kind: 'broadcast', rate: 10, duration: 1000, from: ['x'] } }, RangeError, 'ERR_UNKNOWN_NODE', 'workload.from[0]'],
        [{ workload: { kind: 'sync' } }, RangeError, 'ERR_NOT_APPLICABLE', 'workload.kind'],
        [{ workload: { kind: 'sync', every: 1 }, options: { ...good.options, globalTick: true } }, TypeError, 'ERR_INVALID_TYPE', 'workload.every'],
        [{ workload: { kind: 'sync', rate: 10 }, options: { ...good.options, globalTick: true } }, TypeError, 'ERR_INVALID_TYPE', 'workload.rate'],
      ];
      let inits = 0;
      const protocol = { init: () => ++inits, onMessage() {} };
      for (const [fields, Class, code, field] of cases) {
        throwsCode(() => MeshNetwork.fromScenario({ ...good, ...fields }), Class, code, field);
        throwsCode(() => MeshNetwork.fromScenario(JSON.stringify({ ...good, ...fields }), { protocol }), Class, code, field);
      }
      equal(inits, 0, 'no node was created for a refused document');
      const network = MeshNetwork.fromScenario({ ...good, protocol: 'flood', workload: { kind: 'broadcast', rate: 10, duration: 1000 } });
      network.runUntil(2000);
      const { summary } = network.workloadReport().broadcast;
      equal([network.size, summary.values, summary.missing], [3, 10, 0], 'a good document still builds and runs');
      network.free();
    },
  ],
  [
    'bad workloads and learn calls are typed errors naming the field, and the network keeps working',
    ({ MeshNetwork }) => {
      const [network] = build(MeshNetwork, { links: { latency: 10 }, protocol: pushToAll }, 3);
      throwsCode(() => network.startWorkload({ kind: 'flood' }), RangeError, 'ERR_UNKNOWN_NAME', 'workload.kind');
      throwsCode(() => network.startWorkload({ kind: 'broadcast', rate: -1, duration: 10 }), RangeError, 'ERR_OUT_OF_RANGE', 'workload.rate');
      throwsCode(() => network.startWorkload({ kind: 'broadcast', rate: 1 }), TypeError, 'ERR_INVALID_TYPE', 'workload.duration');
      throwsCode(() => network.startWorkload({ kind: 'broadcast', rate: 1, duration: 1000, from: ['zz'] }), RangeError, 'ERR_UNKNOWN_NODE', 'workload.from[0]');
      throwsCode(() => network.startWorkload({ kind: 'sync' }), RangeError, 'ERR_NOT_APPLICABLE', 'workload.kind');
      throwsCode(() => network.startWorkload('broadcast'), TypeError, 'ERR_INVALID_TYPE', 'workload');
      // Inherited keys are not data: the prototype's bad `from` is never read.
      network.startWorkload({ kind: 'broadcast', rate: 1, duration: 1000, __proto__: { from: 5 } });
      throwsCode(() => network.createNode({ ...cfg('x'), protocol: { onMessage() {}, onValue: 3 } }), TypeError, 'ERR_INVALID_TYPE', 'config.protocol.onValue');
      const errors = [];
      const learner = {
        onMessage() {},
        onValue(_state, ctx) {
          ctx.learn('seven');
        },
      };
      network.createNode({ ...cfg('y'), protocol: learner }).onError((error) => errors.push(error.error?.code));
      network.startWorkload({ kind: 'broadcast', rate: 100, duration: 100, from: ['y'] });
      network.runUntil(200);
      equal(errors.length, 10, 'each hand-out\'s bad learn went to onError');
      equal(errors[0], 'ERR_INVALID_TYPE');
      equal(network.workloadReport().broadcast.summary.values, 10, 'the workload ran on');
      network.free();
    },
  ],
];
