// The checkers' figures on runs small enough to work out by hand: a heal that converges (a
// finite time, from repair traffic), the checked nodes (a crashed node leaves them, a paused one
// stays), latency percentiles on a line, and a sync disturbance that settles, as CSV and JSON.
import { check, equal } from './check.mjs';
import { build } from './configs.mjs';

/**
 * Floods each value a node is handed to its neighbours, and every `periodMs` (from the first run)
 * sends all the node knows to them: anti-entropy, so what a partition held back arrives after it
 * heals. Messages carry lists of values; the receiver learns each.
 */
function floodAndRepair(periodMs) {
  return {
    name: 'flood-and-repair',
    init: () => ({ known: new Set() }),
    onStart(state, ctx) {
      const push = () => {
        if (state.known.size > 0) ctx.broadcast([...state.known]);
        ctx.setTimer(periodMs, push);
      };
      ctx.setTimer(periodMs, push);
    },
    onValue(state, ctx, value) {
      state.known.add(value);
      ctx.broadcast([value]);
    },
    onMessage(state, ctx, message) {
      for (const value of message.data) {
        state.known.add(value);
        ctx.learn(value);
      }
    },
  };
}

/** Whether `json` is `report` through JSON: the same keys and values, `null` where the report has `NaN`. */
function sameThroughJson(report, json, path = 'report') {
  if (typeof report === 'number' && Number.isNaN(report)) return check(json === null, `${path}: NaN becomes null, got ${json}`);
  if (report === null || typeof report !== 'object') return check(json === report, `${path}: ${json} !== ${report}`);
  equal(Object.keys(json), Object.keys(report), `${path}: keys`);
  for (const key of Object.keys(report)) sameThroughJson(report[key], json[key], `${path}.${key}`);
}

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const checkerCases = [
  [
    'a heal converges when the protocol repairs: convergedAfterMs is the time from the heal to the last value\'s arrival, and nothing is missing',
    ({ MeshNetwork }) => {
      const [network] = build(MeshNetwork, { links: { latency: 10 }, protocol: floodAndRepair(100) }, 4);
      network.partition(['n0', 'n1'], ['n2', 'n3']);
      // Values 0 to 4, handed to n0 at 0, 10, ... 40 ms: n1 learns them, the cut keeps them from n2 and n3.
      network.startWorkload({ kind: 'broadcast', rate: 100, duration: 50, from: ['n0'] });
      network.runUntil(150);
      network.heal();
      network.runUntil(205);
      let { broadcast } = network.workloadReport();
      equal([broadcast.summary.missing, broadcast.summary.heals], [10, 1], 'healed, but the next push (at 200 ms) has not arrived yet');
      check(Number.isNaN(broadcast.heals[0].convergedAfterMs), 'not converged yet');
      network.runUntil(1000);
      ({ broadcast } = network.workloadReport());
      // The pushes at 200 ms arrive 10 ms later: 60 ms after the heal at 150 ms.
      equal(broadcast.heals, [{ atMs: 150, valuesBefore: 5, convergedAfterMs: 60 }], 'converged 60 ms after the heal');
      const { summary } = broadcast;
      equal([summary.convergedAfterHealMs, summary.missing, summary.complete, summary.checkedNodes], [60, 0, 1, 4]);
      equal([broadcast.latency.max, broadcast.missing], [210 - 0, []], 'value 0 waited from 0 to 210 ms');
      network.free();
    },
  ],
  [
    'a node that crashes during the workload leaves the checked nodes for good (its gaps are not counted, even after a restart); a paused one stays checked',
    ({ MeshNetwork }) => {
      const [network] = build(MeshNetwork, { links: { latency: 10 } }, 4);
      // Values 0 to 9, handed to n0 at 0, 10, ... 90 ms; each reaches the others 10 ms later.
      network.startWorkload({ kind: 'broadcast', rate: 100, duration: 100, from: ['n0'] });
      network.runUntil(35);
      network.crash('n3');
      network.pause('n2');
      network.runUntil(150);
      network.restart('n3');
      network.runUntil(300);
      let { broadcast } = network.workloadReport();
      const { summary } = broadcast;
      equal([summary.values, summary.checkedNodes, summary.expected], [10, 3, 30], 'n3 is not checked');
      equal(summary.missing, 7, 'only n2\'s gaps count: values 3 to 9 wait for its resume');
      equal(broadcast.missing, [3, 4, 5, 6, 7, 8, 9].map((value) => ({ value, nodeId: 'n2' })), 'none of n3\'s');
      equal(broadcast.latency.count, 10 + 10 + 3 + 3, 'latency counts n3\'s learnings (values 0 to 2) all the same');
      network.resume('n2');
      network.runUntil(400);
      ({ broadcast } = network.workloadReport());
      equal([broadcast.summary.missing, broadcast.summary.complete, broadcast.summary.checkedNodes], [0, 1, 3], 'the paused node learned what it held; n3 never counts again');
      network.free();
    },
  ],
  [
    'latency percentiles on a line with 1 ms links: p50, p95 and p99 are the nearest-rank values of the known distances',
    ({ MeshNetwork }) => {
      const n = 120;
      // A grid one column wide is a line: node k is k links (k ms) from n0.
      const [network] = build(MeshNetwork, { links: { latency: 1 }, topology: { kind: 'grid', columns: 1 }, ttl: n }, n);
      network.startWorkload({ kind: 'broadcast', rate: 10, duration: 300, from: ['n0'] });
      network.runUntil(1000);
      const { summary, latency } = network.workloadReport().broadcast;
      equal([summary.values, summary.missing], [3, 0]);
      const sorted = [0, 1, 2].flatMap(() => Array.from({ length: n }, (_, k) => k)).sort((a, b) => a - b);
      // The histogram's quantile: the smallest latency with at least ceil(q × count) latencies at or below it.
      const nearestRank = (q) => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
      equal([nearestRank(0.5), nearestRank(0.95), nearestRank(0.99)], [59, 113, 118], 'worked out by hand');
      equal([latency.count, latency.min, latency.max, latency.avg], [3 * n, 0, n - 1, (n - 1) / 2]);
      equal([latency.p50, latency.p95, latency.p99], [nearestRank(0.5), nearestRank(0.95), nearestRank(0.99)], 'exact: whole milliseconds are exact to 3 digits');
      network.free();
    },
  ],
  [
    'the sync checker: a partition lets a slow node fall behind, the heal settles once a step from the others reaches it; the report as CSV and JSON',
    ({ MeshNetwork, workloadReportsToCsv }) => {
      let network;
      // Every 20 ms (at 15, 35, ... ms) each node broadcasts; a node that hears a step ahead of its own takes it.
      const catchUp = {
        name: 'catch-up',
        onStart(_state, ctx) {
          const beat = () => {
            ctx.broadcast('beat');
            ctx.setTimer(20, beat);
          };
          ctx.setTimer(15, beat);
        },
        onMessage(_state, ctx, message) {
          if (message.globalStep > ctx.globalStep) network.getNode(ctx.nodeId).sync(message.globalStep);
        },
      };
      [network] = build(MeshNetwork, { links: { latency: 1 }, globalTick: true, tickInterval: 10, maxStepSkew: 2, protocol: catchUp }, 4);
      network.setDrift('n3', -0.5);
      network.startWorkload({ kind: 'sync' });
      network.partition(['n3']);
      network.runUntil(200);
      network.heal();
      network.runUntil(500);
      const report = network.workloadReport();
      const { summary, disturbances } = report.sync;
      equal(disturbances.map((d) => [d.kind, d.nodeId, d.atMs]), [['partition', null, 0], ['heal', null, 200]]);
      check(Number.isNaN(disturbances[0].settledAfterMs) && disturbances[0].maxSpread === 10, `cut off at half speed, n3 was 10 steps behind at 200 ms: ${JSON.stringify(disturbances[0])}`);
      // The tick at 210 ms still finds n3 behind; the beat at 215 ms reaches it at 216 ms; the tick at 220 ms finds it within 2.
      equal([disturbances[1].settledAfterMs, disturbances[1].maxSpread], [20, 11], 'settled 20 ms after the heal');
      equal([summary.ticks, summary.disturbances, summary.longestSettleMs, summary.unsettled, summary.maxStepSkew], [50, 2, 20, 1, 2]);
      const [header, row, end] = workloadReportsToCsv([report]).split('\n');
      const cells = Object.fromEntries(header.split(',').map((name, i) => [name, row.split(',')[i]]));
      for (const [key, value] of Object.entries(summary)) equal(cells[`sync.${key}`], String(value), `sync.${key}`);
      check(Object.entries(cells).every(([name, cell]) => name.startsWith('sync.') || cell === ''), 'no broadcast checker: its cells are empty');
      equal(end, '', 'one row');
      const json = JSON.parse(JSON.stringify(report));
      sameThroughJson(report, json);
      equal(json.sync.disturbances[0].settledAfterMs, null, 'the unsettled partition\'s NaN is null in JSON');
      network.free();
    },
  ],
];
