// Experiments: runExperiment sweeps a scenario over varied parameters and seeds on a pool of
// workers; records come back in run order and the summary per point is the same whatever the
// number of workers; a run's trace hash is the scenario's own with that seed; bad documents are
// refused before any worker starts; a failing run is recorded and the rest go on; abort stops it.
import { check, equal } from './check.mjs';

/** A flooding ring of 6 with loss and a broadcast workload, 300 ms long. */
const scenario = {
  version: 1,
  options: { links: { latency: 10, loss: 0.1 }, topology: 'ring' },
  nodes: { count: 6 },
  protocol: 'flood',
  workload: { kind: 'broadcast', rate: 50, duration: 200 },
  duration: 300,
};

/** Two loss rates × two protocols × three seeds. */
const experiment = {
  scenario,
  vary: [
    { path: 'options.links.loss', values: [0, 0.3] },
    { path: 'protocol', values: ['flood', 'none'] },
  ],
  seeds: { from: 10, to: 12 },
  measure: ['broadcast.missing', 'broadcast.messagesPerValue', 'latency.p50', 'stats.lost'],
};

/** `promise`'s rejection (throws if it resolves). */
async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const experimentCases = [
  [
    'an experiment runs every point and seed on a pool, in run order, and the summary does not depend on the pool size',
    async ({ runExperiment }) => {
      const seen = [];
      let last;
      const two = await runExperiment(experiment, { workers: 2, onRun: (record) => seen.push(record.run), onProgress: (p) => (last = p) });
      equal([two.records.length, two.summary.length], [12, 4]);
      equal(two.records.map((r) => r.run), [...Array(12).keys()], 'records in run order');
      equal([...seen].sort((a, b) => a - b), [...Array(12).keys()], 'every run reported as it finished');
      equal([last.done, last.total], [12, 12]);
      check(last.runsPerSecond > 0, 'a rate');
      equal([two.records[4].point, two.records[4].seed, two.records[4].values], [1, 11, { 'options.links.loss': 0, protocol: 'none' }]);
      const one = await runExperiment(JSON.stringify(experiment), { workers: 1 });
      equal(one, two, 'one worker or two: the same records and summary');
      const lossless = two.summary[0].measures['broadcast.missing'];
      equal([lossless.count, lossless.mean, lossless.max], [3, 0, 0], 'a lossless flood misses nothing');
      check(two.summary[3].measures['broadcast.missing'].mean > two.summary[2].measures['broadcast.missing'].mean, 'without relaying, more is missing');
      check(two.summary[2].measures['stats.lost'].ci95Low <= two.summary[2].measures['stats.lost'].mean, 'an interval round the mean');
    },
  ],
  [
    'a run\'s trace hash is the one its scenario gives on its own with that seed',
    async ({ runExperiment, MeshNetwork }) => {
      const { records } = await runExperiment({ ...experiment, seeds: 2 }, { workers: 1 });
      const run = records[5];
      const network = MeshNetwork.fromScenario({ ...scenario, options: { ...scenario.options, loss: undefined, links: { latency: 10, loss: 0.3 }, seed: run.seed }, protocol: 'flood' });
      network.runUntil(300);
      equal([run.point, run.seed], [2, 2]);
      equal(run.traceHash, network.traceHash());
      equal(run.measures['broadcast.missing'], network.workloadReport().broadcast.summary.missing);
      network.free();
    },
  ],
  [
    'bad experiments are refused before any worker starts, naming the field',
    async ({ runExperiment }) => {
      const cases = [
        [{ ...experiment, vary: [{ path: 'nodes.nope.x', values: [1] }] }, {}, 'vary[0].path'],
        [{ ...experiment, vary: [{ path: 'workload.rate', values: [10, -1] }] }, {}, 'point 1 (workload.rate=-1): workload.rate'],
        [{ ...experiment, vary: [{ path: 'workload.rate', range: { from: 5, to: 1 } }] }, {}, 'vary[0].range'],
        [{ ...experiment, seeds: { from: 1, to: 2 ** 60 } }, {}, 'seeds'],
        [{ ...experiment, measure: ['stats.nope'] }, {}, 'measure[0]'],
        [experiment, { workers: 0 }, 'workers'],
        [experiment, { workers: '2' }, 'workers'],
        ['{ not json', {}, 'experiment'],
      ];
      for (const [doc, options, field] of cases) {
        const error = await rejection(runExperiment(doc, options));
        equal(error.field, field, `${JSON.stringify(doc).slice(0, 80)}: ${error.message}`);
        check(typeof error.code === 'string' && error.code.startsWith('ERR_'), error.code);
      }
    },
  ],
  [
    'aborting stops the experiment and its workers',
    async ({ runExperiment }) => {
      const controller = new AbortController();
      const error = await rejection(runExperiment({ ...experiment, seeds: 200 }, { workers: 2, signal: controller.signal, onRun: () => controller.abort() }));
      equal(error.name, 'AbortError');
      const before = new AbortController();
      before.abort();
      equal((await rejection(runExperiment(experiment, { signal: before.signal }))).name, 'AbortError');
    },
  ],
];
