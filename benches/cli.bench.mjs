// `npm run bench` (native command line part): 1,000 runs of the bundled partition-heal scenario to
// its duration, swept by the release binary with --jobs 1 and with --jobs 2 in one process, taking
// turns REPEAT times (default 5; the median counts: a sweep takes a fraction of a second); one JSON
// line each with runs/s, and one with the speed-up. The two sweeps' records must be identical.
// Expects target/release/data-mesh (scripts/bench.sh builds it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './median.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const binary = join(root, 'target', 'release', 'data-mesh');
const scenario = join(root, 'src', 'scenarios', 'partition-heal.json');
const runs = Number(process.env.BENCH_RUNS ?? 1000);
const repeat = Number(process.env.REPEAT ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'data-mesh-bench-'));

/** Sweeps `runs` seeds with `jobs` threads; returns runs/s and the records written. */
function sweep(jobs) {
  const out = join(dir, `jobs-${jobs}.jsonl`);
  const start = performance.now();
  execFileSync(binary, ['sweep', scenario, '--seeds', `1..${runs}`, '--jobs', String(jobs), '--quiet', '--out', out], { stdio: 'ignore' });
  const seconds = (performance.now() - start) / 1000;
  return { runsPerSecond: runs / seconds, records: readFileSync(out, 'utf8') };
}


try {
  const rates = { 1: [], 2: [] };
  for (let i = 0; i < repeat; i++) {
    const [one, two] = [sweep(1), sweep(2)];
    if (one.records !== two.records) throw new Error('--jobs 1 and --jobs 2 wrote different records');
    rates[1].push(one.runsPerSecond);
    rates[2].push(two.runsPerSecond);
  }
  for (const jobs of [1, 2]) {
    console.log(JSON.stringify({ workload: `cli sweep: ${runs} runs of partition-heal to 3 s, --jobs ${jobs} (median of ${repeat})`, unit: 'runs/s', opsPerSecond: Math.round(median(rates[jobs])) }));
  }
  const speedUp = median(rates[2]) / median(rates[1]);
  console.log(JSON.stringify({ workload: 'cli sweep: speed-up of --jobs 2 over --jobs 1', unit: 'x', speedUp: Number(speedUp.toFixed(2)) }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
