// The native command line gives the same trace hash as the wasm runner for the same scenario,
// point and seed: `data-mesh run` and `data-mesh sweep` against MeshNetwork.fromScenario in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MeshNetwork, runExperiment } from 'data-mesh';

const root = fileURLToPath(new URL('../../', import.meta.url));
// `cargo test` (run before this layer by npm test) builds the binary; this only checks it is fresh.
execFileSync('cargo', ['build', '--quiet', '--bin', 'data-mesh'], { cwd: root, stdio: 'inherit' });
const binary = join(root, 'target', 'debug', 'data-mesh');

/** Runs the command line with `args` in `dir`; returns its standard output. */
const cli = (dir, ...args) => execFileSync(binary, args, { cwd: dir, encoding: 'utf8' });

/** The trace hash of `scenario` run to `until` ms by the wasm runner. */
function wasmHash(scenario, until) {
  const network = MeshNetwork.fromScenario(scenario);
  network.runUntil(until);
  const hash = network.traceHash();
  network.free();
  return hash;
}

const ring = {
  version: 1,
  options: { links: { latency: 10, loss: 0.1 }, topology: 'ring' },
  nodes: { count: 8 },
  protocol: 'flood',
  workload: { kind: 'broadcast', rate: 50, duration: 200 },
  duration: 300,
};

test('cli: run gives the trace hash the wasm runner gives for the same scenario and seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'data-mesh-cli-'));
  try {
    const scenario = JSON.parse(readFileSync(join(root, 'src/scenarios/partition-heal.json'), 'utf8'));
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    const report = JSON.parse(cli(dir, 'run', 'scenario.json', '--seed', '17', '--until', '2500'));
    const seeded = { ...scenario, options: { ...scenario.options, seed: 17 } };
    assert.equal(report.traceHash, wasmHash(seeded, 2500));
    assert.notEqual(report.traceHash, wasmHash(scenario, 2500), 'the seed changes the run');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cli: every record of a sweep has the trace hash the wasm runner gives for its point and seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'data-mesh-cli-'));
  try {
    writeFileSync(join(dir, 'ring.json'), JSON.stringify(ring));
    cli(dir, 'sweep', 'ring.json', '--seeds', '3..4', '--vary', 'options.links.loss=0,0.2', '--vary', 'protocol=flood,none', '--out', 'r.jsonl', '--quiet');
    const records = readFileSync(join(dir, 'r.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(records.length, 8);
    for (const record of records) {
      const loss = record.values['options.links.loss'];
      const scenario = { ...ring, protocol: record.values.protocol, options: { ...ring.options, seed: record.seed, links: { ...ring.options.links, loss } } };
      assert.equal(record.traceHash, wasmHash(scenario, 300), `run ${record.run}`);
    }
    assert.equal(new Set(records.map((r) => r.traceHash)).size, 8, 'every run differs');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cli: a sweep and runExperiment on the same document write the same records, CSV and summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'data-mesh-cli-'));
  try {
    const experiment = {
      scenario: ring,
      vary: [{ path: 'options.links.loss', values: [0, 0.2] }, { path: 'protocol', values: ['flood', 'none'] }],
      seeds: { from: 3, to: 5 },
      measure: ['broadcast.missing', 'latency.p50', 'stats.lost'],
    };
    writeFileSync(join(dir, 'experiment.json'), JSON.stringify(experiment));
    cli(dir, 'sweep', 'experiment.json', '--out', 'r.jsonl', '--csv', 'r.csv', '--summary', 's.jsonl', '--quiet');
    const result = await runExperiment(experiment, { workers: 2 });
    const lines = (file) => readFileSync(join(dir, file), 'utf8').trim().split('\n');
    assert.deepEqual(lines('r.jsonl').map((line) => JSON.parse(line)), result.records);
    assert.equal(readFileSync(join(dir, 'r.csv'), 'utf8'), result.csv);
    assert.equal(readFileSync(join(dir, 'r.jsonl'), 'utf8'), result.jsonLines);
    assert.deepEqual(lines('s.jsonl').map((line) => JSON.parse(line)), result.summary);
    assert.match(result.csv, /^run,point,seed,options\.links\.loss,protocol,broadcast\.missing,latency\.p50,stats\.lost,traceHash,error\n0,0,3,0,flood,0,/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
