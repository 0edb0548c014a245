// The soak run behind `npm run soak` (scripts/soak.sh builds and validates the arguments; run
// directly: `node --expose-gc scripts/soak.mjs --minutes N --seed S`). Until the time is up it
// builds networks of about 200 nodes, one after another, each running a push-pull anti-entropy
// protocol written in JS under churn, loss, uniform latency, partitions (sometimes one way),
// pauses and byzantine nodes, watched by an observer, for a few seconds of virtual time; then it
// frees it, or drops it (one in five) and has the GC reclaim it at once.
// It checks invariants after every slice of virtual time, the same seed's trace hash once per
// minute, and that wasm memory and the JS heap end within 25 % of where the first minute left
// them. One line per minute, a summary; exit 1 with the failing network's seed when anything breaks.
import { createRequire } from 'node:module';
import { MeshNetwork, MeshObserver } from 'data-mesh';

const require = createRequire(import.meta.url);
const raw = require('../pkg/raw-node/data_mesh.js');
const gc = globalThis.gc ?? (() => { throw new Error('run with node --expose-gc'); });

const PATTERN = { seed: 7, phaseResetInterval: 100 };
const PUSH_MS = 250;
const SLICE_MS = 500;
const MEMORY_TOLERANCE = 0.25;
const TOPOLOGIES = [
  { kind: 'random-regular', degree: 4 },
  { kind: 'small-world', degree: 4, beta: 0.2 },
  { kind: 'scale-free', m: 2 },
];
const BYZANTINE = ['wrong-pattern', 'replay', 'forged-sender', { kind: 'step-skew', skew: 50 }, 'tamper', 'black-hole'];
const MIB = 2 ** 20;

/** A broken invariant. */
class SoakFailure extends Error {}

/** A small seeded random source (mulberry32): numbers in [0, 1). */
function randomSource(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Whether `error` is one of the package's refusals: a TypeError or RangeError with a string `code`. */
const isRefusal = (error) => (error instanceof TypeError || error instanceof RangeError) && typeof error?.code === 'string';

/**
 * Push-pull anti-entropy: every PUSH_MS each node sends its values to one random neighbour, which
 * learns what it lacked and answers with what the sender lacks. A restart re-arms the push timer
 * (a crashed node's timers never fire). `offer` hands a node a new value.
 */
function pushPull(counts) {
  const states = new Map();
  const sendTo = (ctx, peer, data) => {
    ctx.send(peer, data);
    counts.sends++;
  };
  const startPushing = (state, ctx, firstDelay) => {
    const push = () => {
      counts.timers++;
      const peers = ctx.neighbours();
      if (peers.length > 0) sendTo(ctx, peers[Math.floor(ctx.random() * peers.length)], { kind: 'push', values: [...state.values] });
      ctx.setTimer(PUSH_MS, push);
    };
    ctx.setTimer(firstDelay, push);
  };
  const protocol = {
    name: 'soak-push-pull',
    init(ctx) {
      const state = { values: new Set() };
      states.set(ctx.nodeId, state);
      return state;
    },
    onStart: (state, ctx) => startPushing(state, ctx, ctx.random() * PUSH_MS),
    onRestart: (state, ctx) => startPushing(state, ctx, PUSH_MS),
    onCrash: () => void counts.crashHooks++,
    onMessage(state, ctx, message, delivery) {
      const { kind, values } = message.data;
      for (const value of values) state.values.add(value);
      if (kind === 'pull' || delivery === undefined) return;
      const theirs = new Set(values);
      const missing = [...state.values].filter((value) => !theirs.has(value));
      if (missing.length > 0) sendTo(ctx, delivery.from, { kind: 'pull', values: missing });
    },
  };
  return { protocol, offer: (nodeId, value) => states.get(nodeId).values.add(value) };
}

/** Checks the invariants of a network and its observer; `previous` holds the last statistics seen. */
function checkInvariants(network, observer, expectedSize, previous) {
  const listed = network.getNodes().length;
  if (network.size !== listed || listed !== expectedSize) {
    throw new SoakFailure(`size ${network.size}, getNodes() ${listed}, created minus removed ${expectedSize}`);
  }
  const stats = network.getSimulationStats();
  for (const [field, value] of Object.entries(stats)) {
    if (!Number.isFinite(value) || value < 0) throw new SoakFailure(`getSimulationStats().${field} is ${value}`);
    if (value < (previous.stats?.[field] ?? 0)) throw new SoakFailure(`getSimulationStats().${field} went back from ${previous.stats[field]} to ${value}`);
  }
  previous.stats = stats;
  const { total, valid, anomalies, successRate, bySender } = observer.getStatistics();
  for (const [field, value] of Object.entries({ total, valid, anomalies, successRate })) {
    if (!Number.isFinite(value) || value < 0) throw new SoakFailure(`observer statistics: ${field} is ${value}`);
  }
  if (successRate > 1 || valid + anomalies !== total) throw new SoakFailure(`observer statistics: total ${total}, valid ${valid}, anomalies ${anomalies}, success rate ${successRate}`);
  for (const [sender, entry] of Object.entries(bySender)) {
    if (!(entry.trust >= 0 && entry.trust <= 1) || entry.valid + entry.anomalies !== entry.total) {
      throw new SoakFailure(`observer statistics of ${sender}: ${JSON.stringify(entry)}`);
    }
  }
  if (!Number.isFinite(network.memoryBytes) || network.memoryBytes < 0) throw new SoakFailure(`memoryBytes is ${network.memoryBytes}`);
}

/** Calls that must be refused with a typed error (never a trap or another exception). */
const HOSTILE_CALLS = [
  (network) => network.pause('no-such-node'),
  (network) => network.at(Number.NaN, () => {}),
  (network) => network.partition('not-a-list'),
  (network, id) => network.setByzantine(id, 'no-such-behaviour'),
  (network, id) => network.createNode({ nodeId: id, ...PATTERN }),
  (network) => network.run(-1),
  (network, id) => network.setLink(id, id, { loss: 2 }),
];

/**
 * Builds the network of `seed`, runs it for a few seconds of virtual time with its faults and
 * checks, and frees or drops it. Returns its trace hash and what it counted.
 */
function runNetwork(seed) {
  const random = randomSource(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const counts = { sends: 0, timers: 0, crashHooks: 0, refusals: 0 };
  const escaped = [];
  /** Runs an API call; a typed refusal is counted, anything else is kept to fail the network. */
  const call = (what, fn) => {
    try {
      return fn();
    } catch (error) {
      if (isRefusal(error)) counts.refusals++;
      else escaped.push(`${what} threw ${error?.stack ?? error}`);
      return undefined;
    }
  };
  const { protocol, offer } = pushPull(counts);
  const network = new MeshNetwork({
    seed,
    tickInterval: 100,
    globalTick: random() < 0.5,
    links: { loss: 0.02 + random() * 0.1, latency: { kind: 'uniform', min: 5, max: 20 + random() * 80 }, duplicate: random() * 0.02 },
    topology: pick(TOPOLOGIES),
    churn: { crash: 0.001 + random() * 0.004, restart: 0.05 + random() * 0.2 },
    protocol,
  });
  const observer = new MeshObserver(PATTERN);
  observer.watch(network);

  let created = 0;
  let removed = 0;
  const removedIds = [];
  const addNode = (nodeId) => {
    const node = call('createNode', () => network.createNode({ nodeId, ...PATTERN }));
    if (node === undefined) return;
    created++;
    node.onError((error) => {
      if (error.type === 'handler-error' && !isRefusal(error.error)) escaped.push(`a hook of ${nodeId} threw ${error.error?.stack ?? error.error}`);
    });
  };
  const liveIds = () => network.getNodes().map((node) => node.nodeId);
  const nodeCount = 180 + Math.floor(random() * 41);
  for (let i = 0; i < nodeCount; i++) addNode(`n${i}`);
  let nextId = nodeCount;
  for (let i = 2 + Math.floor(random() * 6); i > 0; i--) {
    const [id, behaviour] = [pick(liveIds()), pick(BYZANTINE)];
    call('setByzantine', () => network.setByzantine(id, behaviour));
  }

  const duration = 3000 + Math.floor(random() * 3000);
  const at = (time, what, fn) => network.at(time, () => call(what, fn));
  for (let i = 0; i < 20; i++) {
    const value = seed * 100 + i;
    at(random() * duration, 'offer', () => offer(pick(liveIds()), value));
  }
  for (let start = random() * 1000; start < duration; start += 800 + random() * 1200) {
    const [oneWay, explicitB] = [random() < 0.3, random() < 0.3];
    at(start, 'partition', () => {
      const ids = liveIds();
      const groupA = ids.filter(() => random() < 0.5);
      const groupB = explicitB ? ids.filter((id) => !groupA.includes(id) && random() < 0.5) : undefined;
      network.partition(groupA, groupB, { oneWay });
    });
    at(start + 300 + random() * 500, 'heal', () => network.heal());
  }
  for (let i = 0; i < 10; i++) {
    const start = random() * duration;
    const held = 100 + random() * 800;
    at(start, 'pause', () => {
      const id = pick(liveIds());
      network.pause(id);
      at(network.now + held, 'resume', () => network.resume(id));
    });
  }

  const previous = {};
  for (let time = SLICE_MS; time < duration + SLICE_MS; time += SLICE_MS) {
    call('runUntil', () => network.runUntil(Math.min(time, duration)));
    const leaving = pick(liveIds());
    if (random() < 0.3 && call('removeNode', () => network.removeNode(leaving))) {
      removed++;
      removedIds.push(leaving);
    }
    // A new node, or one with the id of a removed node (ids can be used again).
    if (random() < 0.3) addNode(removedIds.length > 0 && random() < 0.5 ? removedIds.pop() : `n${nextId++}`);
    if (random() < 0.2) call('crash', () => network.crash(pick(liveIds())));
    if (random() < 0.2) call('restart', () => network.restart(pick(liveIds())));
    const hostile = pick(HOSTILE_CALLS);
    const id = pick(liveIds());
    const before = counts.refusals;
    call('a hostile call', () => hostile(network, id));
    if (counts.refusals === before && escaped.length === 0) escaped.push(`${hostile} was not refused`);
    if (escaped.length > 0) throw new SoakFailure(escaped.join('\n'));
    checkInvariants(network, observer, created - removed, previous);
  }
  const result = { hash: network.traceHash(), stats: network.getSimulationStats(), counts, dropped: random() >= 0.8 };
  if (!result.dropped) {
    network.free();
    observer.free();
  }
  return result;
}

/** Collects garbage `rounds` times, each time letting the finalizers (which free dropped handles' wasm side) run. */
async function collectGarbage(rounds) {
  for (let i = 0; i < rounds; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Runs the network of `seed`; when it was dropped, has it reclaimed before the next one. Dropped
 * handles are reclaimed only when V8 collects them, and V8 does not see the wasm memory behind
 * them: left to its own collections, the wasm high-water mark climbed from 2.6 to 5 MiB in five
 * minutes (docs/reliability.md#soak-run), which says when V8 collected, not whether memory leaks.
 */
async function runAndReclaim(seed) {
  const result = runNetwork(seed);
  if (result.dropped) await collectGarbage(1);
  return result;
}

/** The wasm memory and the JS heap in bytes, after collecting garbage. */
async function sampleMemory() {
  await collectGarbage(3);
  return { wasm: raw.memoryBytes(), heap: process.memoryUsage().heapUsed };
}

/** The value of `--name` in the command line, or `fallback`. */
function argument(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? fallback : Number(process.argv[index + 1]);
  if (!(Number.isFinite(value) && value >= 0)) {
    console.error(`soak: --${name} must be a number, got '${process.argv[index + 1]}'`);
    process.exit(2);
  }
  return value;
}

const minutes = argument('minutes', 1);
const firstSeed = argument('seed', 1);
const started = performance.now();
const elapsedMinutes = () => (performance.now() - started) / 60_000;
const totals = { networks: 0, delivered: 0, sends: 0, timers: 0, crashHooks: 0, refusals: 0, hashChecks: 0 };
const mib = (bytes) => (bytes / MIB).toFixed(2);
const thousands = (n) => n.toLocaleString('en-US');
let seed = firstSeed;
let baseline;
let minute = 0;
console.log(`soak: ${minutes} min from seed ${firstSeed} (Node ${process.version}, ${new Date().toISOString()})`);
try {
  let checkHash = true;
  while (elapsedMinutes() < minutes) {
    const result = await runAndReclaim(seed);
    if (checkHash) {
      const again = (await runAndReclaim(seed)).hash;
      if (again !== result.hash) throw new SoakFailure(`the same seed gave trace hashes ${result.hash} and ${again}`);
      totals.hashChecks++;
      checkHash = false;
    }
    totals.networks++;
    totals.delivered += result.stats.delivered;
    for (const key of ['sends', 'timers', 'crashHooks', 'refusals']) totals[key] += result.counts[key];
    seed++;
    if (elapsedMinutes() >= minute + 1) {
      minute++;
      const memory = await sampleMemory();
      baseline ??= memory;
      console.log(`minute ${minute}: ${totals.networks} networks, ${thousands(totals.delivered)} delivered, ${thousands(totals.sends)} protocol sends, ${thousands(totals.timers)} timers fired, wasm ${mib(memory.wasm)} MiB, heap ${mib(memory.heap)} MiB, ok`);
      checkHash = true;
    }
  }
} catch (error) {
  console.error(`soak: FAILED at the network of seed ${seed}: ${error instanceof SoakFailure ? error.message : error?.stack ?? error}`);
  console.error(`replay it first: npm run soak -- --seed ${seed} --minutes 0.1`);
  process.exit(1);
}
const end = await sampleMemory();
const growth = (key) => (baseline === undefined ? 0 : (end[key] - baseline[key]) / baseline[key]);
const memory = (key) =>
  baseline === undefined ? `${mib(end[key])} MiB` : `${mib(baseline[key])} -> ${mib(end[key])} MiB (${growth(key) >= 0 ? '+' : ''}${(growth(key) * 100).toFixed(1)} %)`;
console.log(
  `soak: ${elapsedMinutes().toFixed(2)} min, ${totals.networks} networks (seeds ${firstSeed}-${seed - 1}), ${thousands(totals.delivered)} delivered, ` +
    `${thousands(totals.sends)} protocol sends, ${thousands(totals.timers)} timers fired, ${thousands(totals.crashHooks)} crashes heard, ` +
    `${thousands(totals.refusals)} typed refusals, ${totals.hashChecks} replays with equal trace hashes; ` +
    `wasm ${memory('wasm')}, heap ${memory('heap')} ${baseline === undefined ? '(under a minute: no baseline)' : 'from the end of minute 1'}`,
);
if (growth('wasm') > MEMORY_TOLERANCE || growth('heap') > MEMORY_TOLERANCE) {
  console.error(`soak: FAILED: memory grew more than ${MEMORY_TOLERANCE * 100} % over the first minute's`);
  process.exit(1);
}
console.log('soak: ok');
