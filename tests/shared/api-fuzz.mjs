// A seeded random-API fuzzer: random calls with hostile arguments against the built package, run
// in Node (tests/js/api-fuzz.test.mjs) and in Chromium (tests/e2e/api-fuzz.spec.mjs). After every
// call it checks the error contract (a refusal is a TypeError or RangeError with a string `code`
// and `field`, never a wasm trap), that a fresh MeshNetwork still works, and the invariants: size
// and getNodes() agree with the nodes created and removed, statistics are never negative or NaN,
// rates stay within 0..1, and a seed replays to the same trace hash. A failure names its seed.

/** Calls per seed: each seed's run is fixed, so that it replays exactly. */
export const CALLS_PER_SEED = 150;

/** The node ids calls draw from: few, so that calls often hit an existing node. */
const IDS = ['a', 'b', 'c', 'd', 'e', '__proto__', '\uFFFD'];
/** The seeds and intervals nodes and observers draw from: few, so that some agree and some do not. */
const SEEDS = [7, 7, 7, 3, 0];
const INTERVALS = [100, 100, 10, 1];
/** Refusal codes look like this; a trap's message looks like the other. */
const CODE = /^ERR_[A-Z_]+$/;
const TRAP = /unreachable|memory access out of bounds|recursive use of an object|already (mutably )?borrowed|null pointer|RuntimeError/;
/** What the fuzzer's own getters, traps and handlers throw, to tell it from the API's errors. */
class Planted extends Error {}

/** mulberry32: a small seeded generator, the same in Node and in the browser. */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { int, chance: (p) => next() < p, pick: (list) => list[int(list.length)] };
}

/** Folds a line into the run's trace hash (and logs it). */
function trace(ctx, line) {
  ctx.hash = mix(ctx.hash, line);
  ctx.log?.(`${ctx.call}${' >'.repeat(ctx.depth)} ${line}`);
}

/** An FNV-1a hash of a string, folded into `hash`. */
function mix(hash, text) {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

let hostileCache;
/** Values no call accepts where an id, number, object or callback belongs (built once: some are big). */
function hostileValues() {
  if (hostileCache) return hostileCache;
  const deep = (depth, wrap) => {
    let value = {};
    for (let i = 0; i < depth; i++) value = wrap(value);
    return value;
  };
  const cyclic = { kind: 'ring' };
  cyclic.self = cyclic;
  // One object shared 3^7 times: quick to walk for JSON.stringify and the options reader alike
  // (tests/shared/hostile.mjs has one too big for the reader).
  const shared = deep(7, (o) => ({ a: o, b: o, c: o }));
  const throwing = () => {
    throw new Planted('a planted getter');
  };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const traps = { get: throwing, ownKeys: throwing, has: throwing, getOwnPropertyDescriptor: throwing, getPrototypeOf: throwing };
  hostileCache = [
    '7', '', '\uD800', 'x'.repeat(1 << 20), true, null, undefined, Symbol('s'), 7n, {}, [], [[]], () => {},
    NaN, Infinity, -Infinity, -0, 2 ** 53, 2 ** 53 - 1, -1, 0.5, 1e308, Number.MIN_VALUE,
    { get kind() { return throwing(); }, get seed() { return throwing(); } },
    { toJSON: throwing }, cyclic, shared, { a: 1n }, new Proxy({}, traps), new Proxy([], traps), revoked.proxy,
    // A chain, not a tree: JSON.stringify of one object shared at every level never ends where the
    // stack is deep enough (Chromium's) not to overflow first.
    deep(100_000, (o) => ({ kind: o })), deep(100_000, (o) => [o]), new Uint8Array(31), new Float64Array(2),
  ];
  return hostileCache;
}

/**
 * Runs one seed's calls against `api`; returns its trace hash and how many calls were refused.
 * `log`, when given, gets each traced line (the call and its outcome, handlers' events).
 */
export function fuzzSeed(api, seed, { calls = CALLS_PER_SEED, log } = {}) {
  const ctx = {
    api,
    seed,
    r: generator(seed),
    hash: 2166136261,
    call: 0,
    refused: 0,
    depth: 0,
    reentries: 0,
    problems: [],
    networks: [],
    observers: [],
    others: [],
    freedHandles: new Set(),
    log,
  };
  const originalError = console.error;
  console.error = (...args) => {
    ctx.log?.(`console.error: ${args.map(String).join(' ').slice(0, 2000)}`);
    trace(ctx, 'console.error');
  };
  try {
    for (ctx.call = 0; ctx.call < calls; ctx.call++) {
      ctx.reentries = 0;
      randomCall(ctx);
      try {
        checkInvariants(ctx);
      } catch (error) {
        ctx.problems.push(`checking the invariants threw ${error?.name}: ${error?.message}`);
      }
      if (ctx.problems.length > 0) fail(ctx, ctx.problems[0]);
    }
  } finally {
    console.error = originalError;
    for (const { network } of ctx.networks) attemptQuietly(() => network.free());
    for (const { observer } of ctx.observers) attemptQuietly(() => observer.free());
    for (const other of ctx.others) attemptQuietly(() => other.free());
  }
  return { hash: ctx.hash.toString(16).padStart(8, '0'), refused: ctx.refused };
}

/**
 * Fuzzes seeds `firstSeed`, `firstSeed + 1`, … until `budgetMs` have passed (one seed at least),
 * replaying every third one to check that it gives the same trace hash. Returns the counts.
 */
export function fuzzFor(api, { firstSeed = 1, budgetMs = 20_000, now = () => Date.now() } = {}) {
  const end = now() + budgetMs;
  let seeds = 0;
  let calls = 0;
  let refused = 0;
  for (let seed = firstSeed; seeds === 0 || now() < end; seed++) {
    const run = fuzzSeed(api, seed);
    if (seed % 3 === 0) {
      const again = fuzzSeed(api, seed);
      if (again.hash !== run.hash) {
        throw new Error(`api fuzz, seed ${seed}: a replay gave trace hash ${again.hash}, the first run ${run.hash} (replay it alone with API_FUZZ_SEED=${seed})`);
      }
    }
    seeds++;
    calls += CALLS_PER_SEED;
    refused += run.refused;
  }
  return { seeds, calls, refused };
}

/** Throws the failure of the current call, naming the seed that replays it. */
function fail(ctx, problem) {
  throw new Error(`api fuzz, seed ${ctx.seed}, call ${ctx.call}: ${problem} (replay it alone with API_FUZZ_SEED=${ctx.seed})`);
}

function attemptQuietly(fn) {
  try {
    fn();
  } catch {
    // Cleanup after a failure: the failure is what matters.
  }
}

/**
 * Runs one API call: a refusal must be typed, a trap never happens and a fresh network still
 * works afterwards. The outcome goes into the trace hash. Returns [ok, result].
 */
function attempt(ctx, label, fn, summary = summarize) {
  let outcome;
  let result;
  let ok = false;
  try {
    result = fn();
    ok = true;
    outcome = `ok ${summary(result)}`;
  } catch (error) {
    outcome = refusal(ctx, label, error);
  }
  trace(ctx, `${label} ${outcome}`);
  return [ok, result];
}

/** Checks a thrown value against the error contract and returns its summary. */
function refusal(ctx, label, error) {
  ctx.refused++;
  const text = String(error?.message ?? '');
  if (error instanceof Planted) {
    ctx.problems.push(`${label} let a planted exception out: ${text}`);
  } else if (!(error instanceof TypeError || error instanceof RangeError) || TRAP.test(text) || TRAP.test(String(error?.name))) {
    ctx.problems.push(`${label} threw ${error?.name ?? typeof error}: ${text.slice(0, 300)}`);
  } else if (typeof error.code !== 'string' || !CODE.test(error.code) || typeof error.field !== 'string') {
    ctx.problems.push(`${label} threw a ${error.name} without a string code and field: ${text.slice(0, 300)}`);
  } else if (!freshNetworkWorks(ctx.api)) {
    ctx.problems.push(`after ${label} refused with ${error.code}, a fresh MeshNetwork no longer works`);
  }
  return `err ${error?.code} ${error?.field}`;
}

/** Whether a new network of two nodes delivers a broadcast (a trapped wasm instance fails here). */
function freshNetworkWorks(api) {
  try {
    const network = new api.MeshNetwork();
    const a = network.createNode({ nodeId: 'a', seed: 7, phaseResetInterval: 100 });
    const b = network.createNode({ nodeId: 'b', seed: 7, phaseResetInterval: 100 });
    a.broadcast({ probe: true });
    const works = b.getStats().messagesReceived === 1 && network.size === 2;
    network.free();
    return works;
  } catch {
    return false;
  }
}

/** A short deterministic text for a call's result. */
function summarize(value) {
  if (typeof value === 'function') return 'function';
  if (value === undefined || value === null || typeof value !== 'object') return String(value);
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${value.length})`;
  if (Array.isArray(value)) return `array(${value.length})`;
  if ('senderId' in value && 'globalStep' in value) return `message ${value.senderId}@${value.globalStep}=${value.patternValue}`;
  return Object.keys(value).join(',');
}

/** An id: usually one of IDS, sometimes hostile. */
function anyId(ctx) {
  return ctx.r.chance(0.85) ? ctx.r.pick(IDS) : ctx.r.pick(hostileValues());
}

/**
 * A number for a field whose valid values `valid` lists, or a hostile value. `bounded` leaves out
 * huge finite numbers, which `run`, `runUntil` and `attackLab` accept and then run for as long as
 * they say (a minute and more: a known limit of the issue this fuzzer belongs to, not a refusal).
 */
function anyNumber(ctx, valid, bounded = false) {
  if (ctx.r.chance(0.7)) return ctx.r.pick(valid);
  const value = ctx.r.pick(hostileValues());
  return bounded && Number.isFinite(value) && Math.abs(value) > 1e6 ? -1 : value;
}

/** A value where an object belongs: one of `valid`, or a hostile value. */
function anyOf(ctx, valid) {
  return ctx.r.chance(0.6) ? ctx.r.pick(valid) : ctx.r.pick(hostileValues());
}

/** A node configuration, sometimes with a hostile field or wholly hostile. */
function anyConfig(ctx) {
  const config = { nodeId: ctx.r.pick(IDS), seed: ctx.r.pick(SEEDS), phaseResetInterval: ctx.r.pick(INTERVALS) };
  if (ctx.r.chance(0.15)) config[ctx.r.pick(['nodeId', 'seed', 'phaseResetInterval'])] = ctx.r.pick(hostileValues());
  return ctx.r.chance(0.05) ? ctx.r.pick(hostileValues()) : config;
}

const NETWORK_OPTIONS = [
  undefined,
  {},
  { seed: 3, links: { latency: 5 } },
  { topology: 'ring', ttl: 3, links: { latency: { kind: 'uniform', min: 1, max: 9 } } },
  { globalTick: true, tickInterval: 10, autoSync: true, maxStepSkew: 3 },
  { auth: 'hmac' },
  { auth: 'ed25519', links: { latency: 1 } },
  { links: { loss: 0.3, duplicate: 0.2, jitter: 5 }, recordTrace: true, fanout: 2, topology: { kind: 'random', p: 0.5 } },
  { traffic: 0.2, churn: { crash: 0.05, restart: 0.3 }, globalTick: true, tickInterval: 5 },
  { topolgy: 'ring' },
  { links: { loss: 1.5 } },
  { topology: { kind: 'small-world', degree: 3 } },
];
const TOPOLOGIES = ['full', 'ring', 'grid', { kind: 'random-regular', degree: 2 }, { kind: 'scale-free', m: 1 }, 'edges', 'hypercube'];
const LINKS = [{}, { latency: 3 }, { loss: 0.5 }, { latency: { kind: 'exponential', mean: 4 }, queueLimit: 2 }, { jitter: -1 }, { lag: 1 }, { bandwidth: 500 }, { bandwidth: -1 }];
const SEND_OPTIONS = [undefined, { size: 100 }, { size: 0 }, { size: -1 }, { size: 2 ** 32 }, { heft: 1 }];
const BEHAVIOURS = [null, 'wrong-pattern', 'replay', 'forged-sender', { kind: 'forged-sender', as: 'ghost' }, { kind: 'step-skew', skew: 20 }, 'tamper', 'black-hole', 'saint'];
const PAYLOADS = [undefined, 1, 'text', { reading: 21.5 }, new Uint8Array([1, 2, 3]), null];

/** A message to hand to `receive` or `observe`: well formed (right or wrong pattern) or not. */
function anyMessage(ctx) {
  const r = ctx.r;
  if (r.chance(0.2)) return r.pick(hostileValues());
  const message = { senderId: r.pick(IDS), globalStep: r.pick([0, 1, 5, 100, 2 ** 53 - 1]), patternValue: r.pick([7, 4, 1, 3, 9]), data: r.pick(PAYLOADS) };
  if (r.chance(0.3)) message[r.pick(['senderId', 'globalStep', 'patternValue'])] = r.pick(hostileValues());
  if (r.chance(0.05)) Object.defineProperty(message, 'globalStep', { get: () => { throw new Planted('a planted getter'); } });
  return message;
}

/** A network the fuzzer made (freed ones included, to use after free), or undefined. */
function someNetwork(ctx) {
  return ctx.networks.length === 0 ? undefined : ctx.r.pick(ctx.networks);
}

/** A node handle of a network the fuzzer made (live, removed or freed), and its network's record. */
function someNode(ctx) {
  const record = someNetwork(ctx);
  if (!record || record.handles.length === 0) return [undefined, record];
  return [ctx.r.pick(record.handles), record];
}

/** Builds a network from options and records it; returns its record. */
function makeNetwork(ctx, options) {
  const [ok, network] = attempt(ctx, 'new MeshNetwork', () => new ctx.api.MeshNetwork(options));
  if (!ok) return undefined;
  const record = { network, ids: [], handles: [], live: new Set(), freed: false };
  if (ctx.networks.length >= 3) {
    const [old] = ctx.networks.splice(0, 1);
    attemptQuietly(() => old.network.free());
  }
  ctx.networks.push(record);
  return record;
}

/** Creates a node in `record`'s network and checks the outcome against the record. */
function createNode(ctx, record, config) {
  const id = peek(config, 'nodeId');
  const taken = record.ids.includes(id);
  const [ok, node] = attempt(ctx, 'createNode', () => record.network.createNode(config));
  if (ok) {
    if (record.freed) ctx.problems.push('createNode succeeded on a freed network');
    if (taken) ctx.problems.push(`createNode accepted the id ${JSON.stringify(id)} of a live node`);
    record.ids.push(id);
    record.handles.push(node);
    record.live.add(node);
    if (ctx.r.chance(0.7)) subscribe(ctx, record, node);
  }
  return node;
}

/** Removes a node by id and checks the outcome against the record. */
function removeNode(ctx, record, id) {
  const [ok, removed] = attempt(ctx, 'removeNode', () => record.network.removeNode(id));
  if (!ok) return;
  if (record.freed) ctx.problems.push('removeNode succeeded on a freed network');
  const index = record.ids.indexOf(id);
  if (removed !== (index >= 0)) ctx.problems.push(`removeNode(${JSON.stringify(id)}) returned ${removed}, but the id is ${index >= 0 ? '' : 'not '}live`);
  if (removed) {
    record.ids.splice(index, 1);
    for (const node of record.live) if (node.nodeId === id) record.live.delete(node);
  }
}

/** `object[key]`, or undefined when reading it throws. */
function peek(object, key) {
  try {
    return object?.[key];
  } catch {
    return undefined;
  }
}

/** Subscribes fuzzing handlers to a node: they record, throw, re-enter, unsubscribe, remove or free. */
function subscribe(ctx, record, node) {
  for (const kind of ['onMessage', 'onBroadcast', 'onError', 'onSync']) {
    if (!ctx.r.chance(0.5)) continue;
    const behaviour = ctx.r.pick(['record', 'record', 'record', 'throw', 'reenter', 'reenter', 'unsubscribe', 'remove', 'free']);
    let unsubscribe;
    const handler = (event) => {
      trace(ctx, `${kind} ${node.nodeId} ${summarize(event)}`);
      if (kind === 'onError' && !['pattern-mismatch', 'invalid-message', 'handler-error', 'bad-signature', 'unknown-sender', 'replay'].includes(event?.type)) {
        ctx.problems.push(`onError got an event of type ${event?.type}`);
      }
      act(ctx, behaviour, record, node, unsubscribe);
    };
    [, unsubscribe] = attempt(ctx, kind, () => node[kind](ctx.r.chance(0.9) ? handler : ctx.r.pick(hostileValues())));
  }
}

/** What a handler does besides recording: `behaviour`, in the network of `record`. */
function act(ctx, behaviour, record, node, unsubscribe) {
  if (behaviour === 'throw') throw new Planted('a planted handler exception');
  if (behaviour === 'unsubscribe' && typeof unsubscribe === 'function') unsubscribe();
  if (behaviour === 'remove') removeNode(ctx, record, node.nodeId);
  if (behaviour === 'free') {
    attempt(ctx, 'free (in a handler)', () => record.network.free());
    record.freed = true;
  }
  if (behaviour === 'reenter' && ctx.depth < 2 && ctx.reentries < 20) {
    ctx.reentries++;
    ctx.depth++;
    try {
      randomCall(ctx);
    } finally {
      ctx.depth--;
    }
  }
}

/** A handler for an observer's anomalies. */
function anomalyHandler(ctx) {
  return (anomaly) => {
    trace(ctx, `onAnomaly ${anomaly?.type}`);
    if (!['pattern-mismatch', 'invalid-message', 'step-skew', 'replay', 'unknown-sender', 'bad-signature'].includes(anomaly?.type)) {
      ctx.problems.push(`onAnomaly got an anomaly of type ${anomaly?.type}`);
    }
    if (ctx.r.chance(0.1)) throw new Planted('a planted anomaly handler exception');
  };
}

/** The calls, by weight. Each takes the context. */
const CALLS = [
  [6, (ctx) => makeNetwork(ctx, anyOf(ctx, NETWORK_OPTIONS))],
  [14, (ctx) => {
    const record = someNetwork(ctx) ?? makeNetwork(ctx, undefined);
    if (record && record.ids.length < 8) createNode(ctx, record, anyConfig(ctx));
  }],
  [4, (ctx) => {
    const record = someNetwork(ctx);
    if (record) removeNode(ctx, record, anyId(ctx));
  }],
  [3, (ctx) => {
    const record = someNetwork(ctx);
    if (!record) return;
    const id = anyId(ctx);
    const [ok, node] = attempt(ctx, 'getNode', () => record.network.getNode(id));
    const index = record.ids.indexOf(id);
    if (ok && index >= 0 && node !== record.handles.findLast((h) => h.nodeId === id)) ctx.problems.push(`getNode(${JSON.stringify(id)}) is not the live handle`);
    if (ok && index < 0 && node !== undefined) ctx.problems.push(`getNode(${JSON.stringify(id)}) found a node that is not live`);
  }],
  [16, (ctx) => {
    const [node, record] = someNode(ctx);
    if (!node) return;
    const usable = !record.freed && record.live.has(node) && !ctx.freedHandles.has(node);
    const data = ctx.r.chance(0.8) ? ctx.r.pick(PAYLOADS) : ctx.r.pick(hostileValues());
    const options = ctx.r.chance(0.8) ? undefined : anyOf(ctx, SEND_OPTIONS);
    const [ok] = ctx.r.chance(0.7)
      ? attempt(ctx, 'broadcast', () => node.broadcast(data, options))
      : attempt(ctx, 'send', () => node.send(anyId(ctx), data, options));
    if (ok && !usable) ctx.problems.push('a removed or freed node sent');
  }],
  [4, (ctx) => {
    const record = someNetwork(ctx);
    if (!record) return;
    const senders = Array.from({ length: ctx.r.int(5) }, () => (ctx.r.chance(0.5) ? ctx.r.pick(IDS) : ctx.r.pick(record.handles) ?? anyId(ctx)));
    attempt(ctx, 'broadcastBatch', () => record.network.broadcastBatch(ctx.r.chance(0.9) ? senders : ctx.r.pick(hostileValues()), ctx.r.pick(PAYLOADS)));
  }],
  [6, (ctx) => {
    const [node] = someNode(ctx);
    if (node) attempt(ctx, 'sync', () => node.sync(anyNumber(ctx, [0, 1, 5, 100, 250, 2 ** 53 - 1])));
  }],
  [8, (ctx) => {
    const [node] = someNode(ctx);
    if (node) attempt(ctx, 'receive', () => node.receive(anyMessage(ctx)));
  }],
  [3, (ctx) => {
    const [node, record] = someNode(ctx);
    if (node) subscribe(ctx, record, node);
  }],
  [2, (ctx) => {
    const [node] = someNode(ctx);
    if (!node) return;
    attempt(ctx, 'node.free', () => node.free());
    ctx.freedHandles.add(node);
  }],
  [4, (ctx) => {
    const record = someNetwork(ctx);
    if (!record) return;
    const network = record.network;
    const which = ctx.r.int(4);
    if (which === 0) attempt(ctx, 'run', () => network.run(anyNumber(ctx, [0, 1, 3, 20], true)));
    if (which === 1) attempt(ctx, 'runUntil', () => network.runUntil(anyNumber(ctx, [0, 10, 55.5, 300], true)));
    if (which === 2) attempt(ctx, 'step', () => network.step());
    if (which === 3) attempt(ctx, 'run()', () => network.run());
  }],
  [6, (ctx) => {
    const record = someNetwork(ctx);
    if (!record) return;
    const network = record.network;
    const a = anyId(ctx);
    const b = anyId(ctx);
    const calls = [
      ['setTopology', () => network.setTopology(anyOf(ctx, TOPOLOGIES))],
      ['setEdges', () => network.setEdges(ctx.r.chance(0.7) ? [[a, b]] : ctx.r.pick(hostileValues()))],
      ['connect', () => network.connect(a, b)],
      ['disconnect', () => network.disconnect(a, b)],
      ['neighbours', () => network.neighbours(a)],
      ['setLinks', () => network.setLinks(anyOf(ctx, LINKS))],
      ['setLink', () => network.setLink(a, b, anyOf(ctx, LINKS))],
      ['partition', () => network.partition(ctx.r.chance(0.7) ? [a] : ctx.r.pick(hostileValues()), ctx.r.chance(0.5) ? undefined : [b])],
      ['partition oneWay', () => network.partition([a], [b], ctx.r.chance(0.8) ? { oneWay: ctx.r.chance(0.5) } : ctx.r.pick(hostileValues()))],
      ['heal', () => network.heal()],
      ['crash', () => network.crash(a)],
      ['restart', () => network.restart(a)],
      ['pause', () => network.pause(a)],
      ['resume', () => network.resume(a)],
      ['setByzantine', () => network.setByzantine(a, anyOf(ctx, BEHAVIOURS))],
      ['setDrift', () => network.setDrift(a, anyNumber(ctx, [-1, -0.5, 0, 0.25, 10, 11]))],
      ['setMeshKey', () => network.setMeshKey(anyOf(ctx, [new Uint8Array(32), new Uint8Array(16)]))],
      ['setNodeKey', () => network.setNodeKey(a, anyOf(ctx, [new Uint8Array(32).fill(5), new Uint8Array(3)]))],
      ['setPublicKey', () => network.setPublicKey(a, anyOf(ctx, [new Uint8Array(32).fill(9), new Uint8Array(64)]))],
      ['publicKey', () => network.publicKey(a)],
    ];
    const [label, fn] = ctx.r.pick(calls);
    attempt(ctx, label, fn);
  }],
  [4, (ctx) => {
    const record = someNetwork(ctx);
    if (!record) return;
    const network = record.network;
    const [label, fn] = ctx.r.pick([
      ['traceHash', () => network.traceHash()],
      ['exportTrace', () => network.exportTrace().length],
      ['drainTickStats', () => network.drainTickStats()],
      ['drainTrace', () => network.drainTrace()],
      ['transfers', () => network.transfers()],
      ['nodeStates', () => network.nodeStates()],
      ['isInstant', () => network.isInstant],
      ['now', () => network.now],
      ['memoryBytes', () => typeof network.memoryBytes],
    ]);
    attempt(ctx, label, fn);
  }],
  [2, (ctx) => {
    const record = someNetwork(ctx);
    if (!record) return;
    attempt(ctx, 'free', () => record.network.free());
    record.freed = true;
  }],
  [3, (ctx) => {
    const config = ctx.r.chance(0.9) ? { seed: ctx.r.pick(SEEDS), phaseResetInterval: ctx.r.pick(INTERVALS) } : ctx.r.pick(hostileValues());
    const [ok, observer] = attempt(ctx, 'new MeshObserver', () => new ctx.api.MeshObserver(config));
    if (!ok) return;
    const record = { observer, freed: false };
    if (ctx.observers.length >= 3) attemptQuietly(() => ctx.observers.shift().observer.free());
    ctx.observers.push(record);
    if (ctx.r.chance(0.8)) attempt(ctx, 'onAnomaly', () => observer.onAnomaly(ctx.r.chance(0.9) ? anomalyHandler(ctx) : ctx.r.pick(hostileValues())));
  }],
  [8, (ctx) => {
    if (ctx.observers.length === 0) return;
    const record = ctx.r.pick(ctx.observers);
    const observer = record.observer;
    const which = ctx.r.int(5);
    if (which === 0) attempt(ctx, 'observe', () => observer.observe(anyMessage(ctx)), (v) => `${v.valid} ${v.expected} ${v.received}`);
    if (which === 1) attempt(ctx, 'watch', () => observer.watch(ctx.r.chance(0.85) ? someNetwork(ctx)?.network : ctx.r.pick(hostileValues())));
    if (which === 2) attempt(ctx, 'unwatch', () => observer.unwatch(ctx.r.chance(0.85) ? someNetwork(ctx)?.network : ctx.r.pick(hostileValues())));
    if (which === 3) attempt(ctx, 'getStatistics', () => observer.getStatistics(), (s) => `${s.total} ${s.valid} ${s.anomalies}`);
    if (which === 4 && ctx.r.chance(0.3)) {
      attempt(ctx, 'observer.free', () => observer.free());
      record.freed = true;
    }
  }],
  [4, (ctx) => {
    const api = ctx.api;
    const name = ctx.r.chance(0.8) ? ctx.r.pick(['t', 'u', '__proto__']) : ctx.r.pick(hostileValues());
    const monitor = ctx.others.find((o) => o instanceof api.PerformanceMonitor);
    const pattern = ctx.others.find((o) => o instanceof api.PatternGenerator);
    const [label, fn, summary] = ctx.r.pick([
      ['new PatternGenerator', () => ctx.others.push(new api.PatternGenerator(ctx.r.chance(0.8) ? { seed: ctx.r.pick(SEEDS), phaseResetInterval: ctx.r.pick(INTERVALS) } : ctx.r.pick(hostileValues())))],
      ['new PerformanceMonitor', () => ctx.others.push(new api.PerformanceMonitor())],
      ['computeValue', () => pattern?.computeValue(anyNumber(ctx, [0, 1, 99, 100, 2 ** 53 - 1]))],
      ['computeValues', () => pattern?.computeValues(anyNumber(ctx, [0, 5, 2 ** 53 - 3]), anyNumber(ctx, [0, 1, 3, 100, 2 ** 40]))],
      ['startTimer', () => monitor?.startTimer(name)],
      ['endTimer', () => monitor?.endTimer(name), (v) => typeof v],
      ['record', () => monitor?.record(name, anyNumber(ctx, [0, 1.5, -3, 1e9]))],
      ['getMetrics', () => monitor?.getMetrics(name), (v) => typeof v],
      ['getAllMetrics', () => monitor && Object.keys(monitor.getAllMetrics()).length],
      ['monitor.reset', () => monitor?.reset()],
      ['other.free', () => ctx.r.pick(ctx.others)?.free()],
      ['canonicalBytes', () => api.canonicalBytes(anyMessage(ctx))],
      ['payloadBytes', () => api.payloadBytes(ctx.r.chance(0.5) ? ctx.r.pick(PAYLOADS) : ctx.r.pick(hostileValues()))],
      ['attackLab', () => api.attackLab(anyNumber(ctx, [1, 2], true))],
      ['fromScenario', () => fromScenario(ctx)],
    ]);
    attempt(ctx, label, fn, summary);
  }],
];
const TOTAL_WEIGHT = CALLS.reduce((sum, [weight]) => sum + weight, 0);

/** One random call (also from a handler that re-enters). */
function randomCall(ctx) {
  let pick = ctx.r.int(TOTAL_WEIGHT);
  for (const [weight, call] of CALLS) {
    pick -= weight;
    if (pick < 0) return call(ctx);
  }
}

/** Builds a network from a scenario (valid, broken or hostile) and records its nodes. */
function fromScenario(ctx) {
  const valid = { version: 1, options: { links: { latency: 2 } }, nodes: [{ nodeId: 'a' }, { nodeId: 'b', seed: 3 }], events: [{ at: 1, broadcast: 'a', data: { n: 1 } }] };
  const document = ctx.r.pick([valid, JSON.stringify(valid), { ...valid, version: 2 }, '{"version":1', ...hostileValues().slice(-12)]);
  const network = ctx.api.MeshNetwork.fromScenario(document);
  const record = { network, ids: ['a', 'b'], handles: network.getNodes(), live: new Set(network.getNodes()), freed: false };
  if (ctx.networks.length >= 3) attemptQuietly(() => ctx.networks.shift().network.free());
  ctx.networks.push(record);
  return network.size;
}

/** Checks every recorded object's invariants (after each top-level call). */
function checkInvariants(ctx) {
  for (const record of ctx.networks) {
    const network = record.network;
    if (record.freed) {
      let freedError;
      try {
        network.size;
      } catch (error) {
        freedError = error;
      }
      if (freedError?.code !== 'ERR_OBJECT_FREED') ctx.problems.push(`a freed network's size gave ${freedError?.code ?? 'a number'}`);
      continue;
    }
    const ids = network.getNodes().map((node) => node.nodeId);
    if (network.size !== record.ids.length || JSON.stringify(ids) !== JSON.stringify(record.ids)) {
      ctx.problems.push(`size ${network.size} and getNodes() ${JSON.stringify(ids)} disagree with the nodes created and removed: ${JSON.stringify(record.ids)}`);
    }
    for (const node of network.getNodes()) {
      if (!ctx.freedHandles.has(node)) counts(ctx, `${node.nodeId}.getStats()`, node.getStats());
    }
    counts(ctx, 'getSimulationStats()', network.getSimulationStats());
  }
  for (const { observer, freed } of ctx.observers) {
    if (freed) continue;
    const stats = observer.getStatistics();
    statistics(ctx, 'getStatistics()', stats, stats.successRate);
    for (const [sender, entry] of Object.entries(stats.bySender)) statistics(ctx, `bySender[${JSON.stringify(sender)}]`, entry, entry.trust);
  }
}

/** Checks that every number of `record` is a whole count: finite, never negative. */
function counts(ctx, label, record) {
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'number' && !(Number.isInteger(value) && value >= 0)) ctx.problems.push(`${label}.${key} is ${value}`);
  }
}

/** Checks an observer's totals (or a sender's): whole counts that add up, and a rate within 0..1. */
function statistics(ctx, label, entry, rate) {
  counts(ctx, label, { total: entry.total, valid: entry.valid, anomalies: entry.anomalies, ...entry.anomaliesByKind });
  if (entry.valid + entry.anomalies !== entry.total) ctx.problems.push(`${label}: valid ${entry.valid} + anomalies ${entry.anomalies} is not total ${entry.total}`);
  if (!(rate >= 0 && rate <= 1)) ctx.problems.push(`${label}: rate ${rate} is not within 0..1`);
}
