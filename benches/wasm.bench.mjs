// `npm run bench` (Node part): one JSON line per workload with ops/s, on the built package.
// Each workload runs in a fresh Node process, so one workload's JIT feedback never slows another,
// for about BENCH_SECONDS (default 1) after a warm-up; numbers vary by machine.
// `node benches/wasm.bench.mjs NAME` runs only the workload NAME in this process.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MeshNetwork, MeshObserver, PatternGenerator, runExperiment } from 'data-mesh';
import { readFileSync } from 'node:fs';
import { median } from './median.mjs';

const require = createRequire(import.meta.url);
const raw = require('../pkg/raw-node/data_mesh.js');
const seconds = Number(process.env.BENCH_SECONDS ?? 1);
const cfg = (nodeId, seed = 7) => ({ nodeId, seed, phaseResetInterval: 100 });
let sink = 0;

/** Runs `batch()` (which does `opsPerBatch` operations) repeatedly for `seconds`; returns ops/s. */
function measure(opsPerBatch, batch) {
  let ops = 0;
  return measureCounted(() => ops, () => {
    batch();
    ops += opsPerBatch;
  });
}

/**
 * Runs `batch()` three times to warm up, then repeatedly for `seconds`; returns operations per
 * second, `done()` being the count of operations done so far (for batches that do a varying number).
 */
function measureCounted(done, batch) {
  for (let i = 0; i < 3; i++) batch();
  const before = done();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    batch();
    elapsed = performance.now() - start;
  }
  return ((done() - before) / elapsed) * 1000;
}

function report(workload, unit, opsPerSecond, extra = {}) {
  console.log(JSON.stringify({ workload, unit, opsPerSecond: Math.round(opsPerSecond), ...extra }));
}

const pattern = new PatternGenerator({ seed: 7, phaseResetInterval: 100 });

/** Each workload by name; each prints one JSON line. */
const workloads = {
  'pattern-call': () => report('pattern.computeValue (per call)', 'values/s', measure(1e6, () => {
    for (let s = 0; s < 1e6; s++) sink += pattern.computeValue(s);
  })),
  'pattern-bulk': () => report('pattern.computeValues (bulk, 1M per call)', 'values/s', measure(1e6, () => {
    sink += pattern.computeValues(123, 1e6)[7];
  })),
  'broadcast-4': () => broadcastTo(4),
  'broadcast-100': () => broadcastTo(100),
  'broadcast-1000': () => broadcastTo(1000),
  'broadcast-4-interleaved': () => broadcastTo(4, (network) => network.size),
  'observe-call': () => {
    // 1% of messages carry a wrong pattern.
    const messages = Array.from({ length: 10_000 }, (_, i) => ({
      senderId: `sender-${i % 50}`,
      globalStep: i,
      patternValue: i % 100 === 0 ? 0 : pattern.computeValue(i),
      data: i,
    }));
    const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
    observer.onAnomaly(() => sink++);
    report('observer.observe() per call, 1% wrong patterns', 'messages/s', measure(messages.length, () => {
      for (let i = 0; i < messages.length; i++) sink += observer.observe(messages[i]).valid ? 1 : 0;
    }));
  },
  'observe-watching': () => {
    const { senders } = watchedNetwork(1);
    report('observer watching a network (2 nodes, 1% from a liar)', 'messages/s', measure(senders.length, () => {
      for (let i = 0; i < senders.length; i++) senders[i].broadcast(i);
    }));
  },
  'observe-watching-batch': () => {
    // The same traffic sent with broadcastBatch: one crossing into wasm per 10k messages.
    const { network, senders } = watchedNetwork(1);
    report('observer watching a network, broadcastBatch of 10k (2 nodes, 1% from a liar)', 'messages/s', measure(senders.length, () => {
      network.broadcastBatch(senders, sink);
    }));
  },
  'observe-watching-batch-interleaved': () => {
    const { network, senders } = watchedNetwork(2);
    report('the same with two honest nodes taking turns (3 nodes, no two messages in a row from one sender)', 'messages/s', measure(senders.length, () => {
      network.broadcastBatch(senders, sink);
    }));
  },
  'checker-overhead': () => checkerBench(),
  'experiment-pool': () => experimentBench(),
  'flood-100k': () => {
    // As in the native criterion bench.
    floodBench('flooding 100k nodes of degree 8, latency 5-15 ms', 100_000, 'none');
  },
  'flood-100k-js': () => {
    // The same flood relayed by protocols written in JS (each first arrival relayed to every
    // neighbour but the one it came from) beside the built-in one, in this one process, in turns:
    // a bulk protocol (a batch per look-ahead window), then a per-node one (a call per message).
    for (let turn = 0; turn < 2; turn++) {
      floodBench('flooding 100k nodes of degree 8, latency 5-15 ms, built in (same process)', 100_000, 'none');
      floodBench('the same relayed by a JS bulk protocol (onArrivals relays each first arrival)', 100_000, 'none', undefined, bulkFlooding());
    }
    floodBench('the same relayed by a JS per-node protocol (onMessage per message)', 100_000, 'none', jsFlooding());
  },
  'auth-cost': () => {
    // The same flood under each authentication mode: senders tag or sign once per message, the
    // first receiver verifies and every untampered copy shares the result, each receiver checks
    // its replay window.
    for (const auth of ['none', 'hmac', 'ed25519']) floodBench(`flooding 10k nodes of degree 8, auth '${auth}'`, 10_000, auth);
  },
  'million-nodes': () => {
    globalThis.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const start = performance.now();
    const network = MeshNetwork.fromScenario({ version: 1, options: { globalTick: true }, nodes: { count: 1_000_000 } });
    const created = performance.now();
    network.run(10);
    const ran = performance.now();
    globalThis.gc?.();
    const memory = process.memoryUsage();
    console.log(JSON.stringify({
      workload: '1M nodes created from a scenario and run for 10 ticks (global tick on)',
      unit: 'ms',
      createMs: Math.round(created - start),
      run10TicksMs: Math.round(ran - created),
      nodes: network.size,
      stepOfLastNode: network.getNode('node-999999').globalStep,
      rssMB: Math.round(memory.rss / 2 ** 20),
      rssGrowthMB: Math.round((memory.rss - rssBefore) / 2 ** 20),
      wasmMB: Math.round(raw.memoryBytes() / 2 ** 20),
      coreBytesPerNode: Math.round(network.memoryBytes / network.size),
      jsHeapMB: Math.round(memory.heapUsed / 2 ** 20),
    }));
  },
  'timers-1m': () => {
    bulkTimerBench('1M pending bulk timers on 100k nodes, each re-armed by a JS bulk protocol as it fires, whole-ms delays (1-1000 ms)', 1);
    bulkTimerBench('the same with microsecond delays (almost every timer due at its own time)', 0.001);
    timerBench('1M pending timers on 100k nodes, each re-armed by its callback (setTimer) as it fires, whole-ms delays', 1);
    timerBench('the same with microsecond delays', 0.001);
  },
  'watching-engine-traffic': () => {
    // Every node broadcasts on every tick inside wasm (engine traffic) over a ring; the observer
    // validates each message once, as it is sent.
    const network = new MeshNetwork({ globalTick: true, traffic: 1, topology: 'ring' });
    for (let i = 0; i < 10_000; i++) network.createNode(cfg(`n${i}`));
    network.setByzantine('n0', 'wrong-pattern');
    const watcher = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
    watcher.watch(network);
    watcher.onAnomaly(() => sink++);
    report('observer watching engine traffic (10k nodes, ring, 1 liar)', 'messages/s', measure(10 * 10_000, () => network.run(10)));
  },
  'memory-per-node': () => {
    const count = 100_000;
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const wasmBefore = raw.memoryBytes();
    const network = new MeshNetwork();
    for (let i = 0; i < count; i++) network.createNode(cfg(`n${i}`));
    globalThis.gc?.();
    console.log(JSON.stringify({
      workload: `memory per node (${count} nodes)`,
      unit: 'bytes/node',
      coreBytesPerNode: Math.round(network.memoryBytes / count),
      wasmGrowthPerNode: Math.round((raw.memoryBytes() - wasmBefore) / count),
      jsHeapBytesPerNode: Math.round((process.memoryUsage().heapUsed - heapBefore) / count),
      nodes: network.size,
      note: 'core bytes: node state, id text (~6 B here) and lookup at capacity; wasm growth adds the allocator keeping the pre-doubling buffers; JS heap is the facade handle and record',
    }));
  },
};

/**
 * Honest nodes and a liar (another seed) in a network watched by an observer with an anomaly
 * handler, and 10k senders of which 1% are the liar. With `honestCount` 1 the honest node sends
 * runs of 99 messages; with 2 the honest nodes take turns, so no two messages in a row share a
 * sender (a batch's worst case: every message is its own trace entry and handle lookup).
 */
function watchedNetwork(honestCount) {
  const network = new MeshNetwork();
  const honest = Array.from({ length: honestCount }, (_, i) => network.createNode(cfg(`honest-${i}`)));
  const liar = network.createNode(cfg('liar', 3));
  const watcher = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
  watcher.watch(network);
  watcher.onAnomaly(() => sink++);
  return { network, senders: Array.from({ length: 10_000 }, (_, i) => (i % 100 === 0 ? liar : honest[i % honestCount])) };
}

/** Flooding as a bulk protocol: every first arrival relayed to every neighbour but its sender. */
function bulkFlooding() {
  return {
    name: 'bulk-flooding',
    onArrivals(batch) {
      for (let i = 0; i < batch.size; i++) batch.relay(i);
    },
  };
}

function jsFlooding() {
  return {
    name: 'js-flooding',
    init: () => ({ seen: new Set() }),
    onMessage(state, ctx, message, delivery) {
      if (state.seen.has(message.data)) return;
      state.seen.add(message.data);
      for (const peer of ctx.neighbours()) if (peer !== delivery.from) ctx.send(peer, message.data);
    },
  };
}

/**
 * Reports the transfers/s of one message at a time flooding `count` nodes of degree 8 over 5-15 ms
 * links under `auth` (relayed by the per-node `protocol` or the `bulkProtocol` when given, else by
 * the engine); every transfer counts (first deliveries and duplicates).
 */
function floodBench(workload, count, auth, protocol, bulkProtocol) {
  const network = MeshNetwork.fromScenario({
    version: 1,
    options: { auth, links: { latency: { kind: 'uniform', min: 5, max: 15 } }, ttl: 64, topology: { kind: 'random-regular', degree: 8 } },
    nodes: { count },
  }, protocol === undefined ? undefined : { protocol });
  if (bulkProtocol !== undefined) network.setBulkProtocol(bulkProtocol);
  const nodes = network.getNodes();
  let probe = 0;
  const flood = () => {
    probe = (probe + 7919) % nodes.length;
    const before = network.getSimulationStats();
    nodes[probe].broadcast(probe);
    network.run(10_000);
    const after = network.getSimulationStats();
    return after.delivered + after.duplicates - before.delivered - before.duplicates;
  };
  const perFlood = flood();
  report(workload, 'transfers/s', measure(perFlood, flood), { transfersPerFlood: perFlood });
  network.free();
}

/**
 * The bundled partition-heal scenario (60 nodes, 3 s of virtual time) run to its duration by
 * runExperiment, in this one process: 1,000 runs on 1 worker (runs/s, the per-run cost, worker
 * start included), then five alternating pairs of 4,000 runs on 1 worker and on 2: the medians of
 * the rates and the median of the pairs' speed-ups (the command line's bench divides the medians
 * instead), for the whole call and once the workers run (from the first batch back).
 */
async function experimentBench() {
  const scenario = JSON.parse(readFileSync(new URL('../src/scenarios/partition-heal.json', import.meta.url), 'utf8'));
  const rate = async (seeds, workers) => {
    const start = performance.now();
    let first;
    const onProgress = ({ done }) => (first ??= { done, at: performance.now() });
    const { records } = await runExperiment({ scenario, seeds, measure: ['stats.delivered'] }, { workers, onProgress });
    const end = performance.now();
    return { all: records.length / ((end - start) / 1000), running: (records.length - first.done) / ((end - first.at) / 1000) };
  };
  await rate(20, 2);
  const perRun = (await rate(1000, 1)).all;
  const pairs = [];
  for (let i = 0; i < 5; i++) pairs.push([await rate(4000, 1), await rate(4000, 2)]);
  const round = (x) => Math.round(x * 100) / 100;
  const ratios = (key) => pairs.map(([a, b]) => round(b[key] / a[key]));
  report('partition-heal runs (60 nodes, 3 s each) on 2 workers, beside 1 worker (median of 5 alternating pairs of 4,000 runs)', 'runs/s', median(pairs.map(([, b]) => b.all)), {
    oneWorker: Math.round(median(pairs.map(([a]) => a.all))),
    thousandRunsOnOneWorker: Math.round(perRun),
    speedUp: median(ratios('all')),
    speedUps: ratios('all'),
    speedUpOnceRunning: median(ratios('running')),
  });
}

/**
 * The broadcast checker's cost: the same flood (100k nodes of degree 8, 5-15 ms links) carrying
 * 10 values 100 ms apart, handed out by a broadcast workload (its checker on) in one network and
 * broadcast from timers (no checker) in another, measured in turns in this one process.
 */
function checkerBench() {
  const make = () => MeshNetwork.fromScenario({
    version: 1,
    options: { seed: 5, links: { latency: { kind: 'uniform', min: 5, max: 15 } }, ttl: 64, topology: { kind: 'random-regular', degree: 8 } },
    nodes: { count: 100_000 },
  });
  const [checked, plain] = [make(), make()];
  const nodes = plain.getNodes();
  const copies = (network) => {
    const s = network.getSimulationStats();
    return s.delivered + s.duplicates;
  };
  let round = 0;
  const withChecker = () => {
    const before = copies(checked);
    checked.startWorkload({ kind: 'broadcast', rate: 10, duration: 1000 });
    checked.runUntil(checked.now + 2000);
    return copies(checked) - before;
  };
  const withoutChecker = () => {
    const [before, start] = [copies(plain), plain.now];
    round++;
    for (let value = 0; value < 10; value++) {
      const node = nodes[(value * 7919 + round * 104_729) % nodes.length];
      plain.at(start + value * 100, () => node.broadcast(value));
    }
    plain.runUntil(start + 2000);
    return copies(plain) - before;
  };
  const perRound = withChecker();
  const rates = { checked: [], plain: [] };
  for (let turn = 0; turn < 3; turn++) {
    rates.checked.push(measure(perRound, withChecker));
    rates.plain.push(measure(withoutChecker(), withoutChecker));
  }
  const best = (list) => Math.max(...list);
  const { summary } = checked.workloadReport().broadcast;
  report('flooding 100k nodes with a broadcast workload and its checker (10 values per 2 s of virtual time)', 'transfers/s', best(rates.checked), {
    withoutChecker: Math.round(best(rates.plain)),
    overheadPercent: Math.round((best(rates.plain) / best(rates.checked) - 1) * 1000) / 10,
    missing: summary.missing,
    messagesPerValue: summary.messagesPerValue,
  });
  checked.free();
  plain.free();
}

/**
 * Reports timers fired per second with 10 timers pending on each of 100k nodes (1M in all), each
 * re-armed by its callback with a pseudo-random delay of 1-1000 ms in steps of `resolutionMs`.
 */
/**
 * Delays of 1 to 1000 ms in steps of `resolutionMs`, from a small seeded generator (xorshift32:
 * its state stays a 32-bit integer, so drawing allocates nothing).
 */
function delays(resolutionMs) {
  const steps = 1000 / resolutionMs;
  let random = 1;
  return () => {
    random ^= random << 13;
    random ^= random >>> 17;
    random ^= random << 5;
    return (1 + ((random >>> 0) % steps)) * resolutionMs;
  };
}

/** Ten bulk timers per node on 100k nodes, each re-armed by the bulk protocol's `onTimers` as it fires; reports timers fired/s. */
function bulkTimerBench(workload, resolutionMs) {
  const network = MeshNetwork.fromScenario({ version: 1, nodes: { count: 100_000 } });
  const delay = delays(resolutionMs);
  let fired = 0;
  network.setBulkProtocol({
    onTimers(batch) {
      fired += batch.size;
      for (let i = 0; i < batch.size; i++) batch.setTimer(batch.node(i), delay(), batch.tag(i));
    },
  });
  for (const node of network.getNodes()) {
    for (let t = 0; t < 10; t++) network.setBulkTimer(node.nodeId, delay(), t);
  }
  const span = () => network.runUntil(network.now + 100);
  const rate = measureCounted(() => fired, span);
  report(workload, 'timers fired/s', rate, { firedPer100Ms: Math.round(fired / (network.now / 100)) });
  network.free();
}

/** Ten timers per node on 100k nodes, each re-armed by its callback through the node's `setTimer`; reports timers fired/s. */
function timerBench(workload, resolutionMs) {
  const network = MeshNetwork.fromScenario({ version: 1, nodes: { count: 100_000 } });
  const delay = delays(resolutionMs);
  let fired = 0;
  for (const node of network.getNodes()) {
    for (let t = 0; t < 10; t++) {
      const again = () => {
        fired++;
        node.setTimer(delay(), again);
      };
      node.setTimer(delay(), again);
    }
  }
  // Counted as they fire: a span fires more as the delays drawn on re-arming replace the first
  // ones (about 0.1 M in the first 100 ms, 0.2 M once steady; the figure below is the mean).
  const span = () => network.runUntil(network.now + 100);
  const rate = measureCounted(() => fired, span);
  report(workload, 'timers fired/s', rate, { firedPer100Ms: Math.round(fired / (network.now / 100)) });
  network.free();
}

/** Broadcasts from `size` nodes in turn; `between(network)`, when given, runs after each broadcast. */
function broadcastTo(size, between) {
  const network = new MeshNetwork();
  const nodes = Array.from({ length: size }, (_, i) => network.createNode(cfg(`node-${i}`)));
  for (const node of nodes) node.onMessage((m) => (sink += m.patternValue));
  const broadcasts = Math.max(1, Math.floor(100_000 / size));
  const name = `broadcast to ${size} nodes with onMessage handlers${between ? ', reading network.size after each' : ''}`;
  report(name, 'deliveries/s', measure(broadcasts * (size - 1), () => {
    if (between) {
      for (let b = 0; b < broadcasts; b++) {
        nodes[b % size].broadcast(b);
        sink += between(network);
      }
    } else {
      for (let b = 0; b < broadcasts; b++) nodes[b % size].broadcast(b);
    }
  }));
}

const only = process.argv[2];
if (only === undefined) {
  for (const name of Object.keys(workloads)) {
    execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
  }
} else if (workloads[only] === undefined) {
  throw new Error(`unknown workload "${only}"; one of: ${Object.keys(workloads).join(', ')}`);
} else {
  workloads[only]();
}
if (sink === 0.5) console.log('unreachable');
