// `npm run bench` (memory part): whether long runs keep memory flat. One JSON line per workload
// with the wasm memory and the JS heap (after a GC) once warmed up and at the end, and whether
// each ended within 5 % of its warmed-up size. Needs `node --expose-gc`. Each workload runs in a
// fresh Node process; `node --expose-gc benches/memory.bench.mjs NAME` runs only NAME.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { MeshNetwork, serveExperiments } from 'data-mesh';

const require = createRequire(import.meta.url);
const raw = require('../pkg/raw-node/data_mesh.js');
const gc = globalThis.gc ?? (() => { throw new Error('run with node --expose-gc'); });
const TOLERANCE = 0.05;
let sink = 0;

/** The wasm memory and the JS heap in bytes, after a GC. */
function sample() {
  gc();
  return { wasmBytes: raw.memoryBytes(), jsHeapBytes: process.memoryUsage().heapUsed };
}

/**
 * Runs `chunk()` (which returns, or resolves to, how many units it did) until `total` units are done, sampling
 * memory once `warmUp` units are done and at the end; prints the workload's JSON line.
 */
async function flatness(workload, unit, total, warmUp, chunk) {
  let done = 0;
  while (done < warmUp) done += await chunk();
  const warm = sample();
  const start = performance.now();
  const warmDone = done;
  while (done < total) done += await chunk();
  const seconds = (performance.now() - start) / 1000;
  const end = sample();
  const growth = (key) => (end[key] - warm[key]) / warm[key];
  console.log(JSON.stringify({
    workload,
    unit,
    total: done,
    warmUp: warmDone,
    opsPerSecond: Math.round((done - warmDone) / seconds),
    wasmMB: [warm.wasmBytes, end.wasmBytes].map((b) => +(b / 2 ** 20).toFixed(2)),
    jsHeapMB: [warm.jsHeapBytes, end.jsHeapBytes].map((b) => +(b / 2 ** 20).toFixed(2)),
    wasmGrowth: +growth('wasmBytes').toFixed(4),
    jsHeapGrowth: +growth('jsHeapBytes').toFixed(4),
    withinTolerance: growth('wasmBytes') <= TOLERANCE && growth('jsHeapBytes') <= TOLERANCE,
  }));
}

/** Each workload by name; each prints one JSON line. */
const workloads = {
  'instant-broadcasts': async () => {
    // The seed's network: 10 nodes, one with a message handler, broadcasting in turn.
    const network = new MeshNetwork();
    const nodes = Array.from({ length: 10 }, (_, i) => network.createNode({ nodeId: `n${i}`, seed: 7, phaseResetInterval: 100 }));
    nodes[0].onMessage((m) => (sink += m.patternValue));
    let b = 0;
    await flatness('instant network of 10 nodes, 1M broadcasts', 'broadcasts', 1_000_000, 100_000, () => {
      for (let i = 0; i < 10_000; i++) nodes[b++ % nodes.length].broadcast(b);
      return 10_000;
    });
    network.free();
  },
  'simulated-transfers': async () => {
    // 1000 nodes of degree 8 over 5-15 ms links with 1 % loss, flooding (ttl 64), with churn:
    // each tick a running node crashes with probability 1 % and a crashed one restarts with 20 %.
    // A transfer is a message crossing one link, whatever became of it. The tick statistics are
    // drained after each flood, as a chart does (left undrained, see 'undrained-tick-log').
    const network = MeshNetwork.fromScenario({
      version: 1,
      options: {
        seed: 3,
        globalTick: true,
        links: { latency: { kind: 'uniform', min: 5, max: 15 }, loss: 0.01 },
        ttl: 64,
        topology: { kind: 'random-regular', degree: 8 },
        churn: { crash: 0.01, restart: 0.2 },
      },
      nodes: { count: 1000 },
    });
    const nodes = network.getNodes();
    const transfers = () => {
      const s = network.getSimulationStats();
      return s.delivered + s.duplicates + s.lost + s.partitioned + s.crashed + s.queueFull;
    };
    let probe = 0;
    await flatness('simulated network of 1000 nodes with churn, 10M transfers', 'transfers', 10_000_000, 1_000_000, () => {
      const before = transfers();
      probe = (probe + 7919) % nodes.length;
      nodes[probe].broadcast(probe);
      network.run(2);
      sink += network.drainTickStats().length;
      return transfers() - before;
    });
    network.free();
  },
  'undrained-tick-log': async () => {
    // The engine logs every tick's statistics until drainTickStats() takes them, keeping the last
    // 65 536: a network nobody drains grows until the log is full, then stays there.
    const network = new MeshNetwork({ globalTick: true });
    for (let i = 0; i < 10; i++) network.createNode({ nodeId: `n${i}`, seed: 7, phaseResetInterval: 100 });
    await flatness('10 nodes with the global tick, tick log never drained, 655 360 ticks', 'ticks', 655_360, 65_536, () => {
      network.run(65_536);
      return 65_536;
    });
    network.free();
  },
  'experiment-worker': async () => {
    // What a pool's worker does, here in this process: serveExperiments answering batches of 64 runs
    // of the bundled partition-heal scenario, each built, run, measured and freed.
    const scenario = JSON.parse(readFileSync(new URL('../src/scenarios/partition-heal.json', import.meta.url), 'utf8'));
    const experiment = JSON.stringify({ scenario, seeds: 12_000, measure: ['stats.delivered'] });
    const listeners = [];
    let answered;
    const endpoint = {
      postMessage: (response) => answered?.(response),
      addEventListener: (_type, listener) => listeners.push(listener),
    };
    const ask = (request) => new Promise((resolve) => {
      answered = resolve;
      for (const listener of listeners) listener({ data: request });
    });
    serveExperiments(endpoint);
    await ask({ type: 'init', experiment });
    let next = 0;
    await flatness('a pool worker serving 10 000 runs of partition-heal (60 nodes, 3 s each)', 'runs', 11_000, 1_000, async () => {
      const { count, text } = await ask({ type: 'runs', from: next, to: next + 64 });
      next += count;
      sink += text.length;
      return count;
    });
  },
};

/** Ends the run on a workload name that is not in the table. */
function unknown(name) {
  throw new Error(`unknown workload "${name}"; one of: ${Object.keys(workloads).join(', ')}`);
}

// With no argument, every workload in a Node process of its own; with a name, that one here.
const name = process.argv[2];
if (name) await (workloads[name] ?? unknown(name))();
else for (const w of Object.keys(workloads)) execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), w], { stdio: 'inherit' });
if (sink === 0.5) console.log('unreachable');
