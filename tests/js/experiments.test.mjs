// Experiments on a pool of worker threads, against the built package; a module with a protocol
// and measures written in JavaScript, and a run whose measure throws.
import { test } from 'node:test';
import * as api from 'data-mesh';
import { equal, check } from '../shared/check.mjs';
import { experimentCases } from '../shared/experiments.mjs';

for (const [name, run] of experimentCases) {
  test(name, () => run(api));
}

test('a module gives the protocol every node runs and measures written in JavaScript; a measure that throws fails its run only', async () => {
  const module = new URL('./fixtures/experiment-module.mjs', import.meta.url).href;
  const experiment = {
    scenario: { version: 1, options: { links: { latency: 100 } }, nodes: { count: 5 }, workload: { kind: 'broadcast', rate: 50, duration: 200 }, duration: 1000 },
    seeds: 4,
    measure: ['broadcast.missing', 'broadcast.messagesPerValue'],
  };
  const { records, summary } = await api.runExperiment(experiment, { workers: 2, module });
  equal(Object.keys(records[0].measures), ['broadcast.missing', 'broadcast.messagesPerValue', 'learnedAtN0', 'unlucky']);
  const ok = records.filter((r) => r.error === undefined);
  check(ok.length === 3 && records[3].error.includes('seed 4 is unlucky'), JSON.stringify(records.map((r) => r.error)));
  equal(ok.map((r) => [r.measures['broadcast.missing'], r.measures['broadcast.messagesPerValue'], r.measures.learnedAtN0]), [[0, 4, 10], [0, 4, 10], [0, 4, 10]], 'the push-to-all protocol ran');
  equal([summary[0].runs, summary[0].errors, summary[0].measures.learnedAtN0.count], [4, 1, 3]);
  equal(records.map((r) => r.measures.unlucky), [1, 2, 3, null], 'each measure sees its run');
  const bad = await api.runExperiment(experiment, { module: new URL('./fixtures/bad-experiment-module.mjs', import.meta.url).href }).catch((e) => e);
  equal([bad.code, bad.field], ['ERR_INVALID_TYPE', 'module.protocol']);
});
