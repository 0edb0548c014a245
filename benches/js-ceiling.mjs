// `node benches/js-ceiling.mjs`: what `flood-100k-js` and `timers-1m` (benches/wasm.bench.mjs)
// cost in plain JS with no engine at all: the same protocol code and timer callbacks, over a JS
// event heap and timer wheel. One JSON line each; a bound to read the package's figures against
// (docs/performance.md), not a test.
const seconds = Number(process.env.BENCH_SECONDS ?? 1);
let seed = 7;
/** A pseudo-random number in [0, 1). */
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

/** The flood: 100 k nodes of degree 8 (four random rings), a Set per node, a message object per relay. */
function flood() {
  const count = 100_000;
  const links = Array.from({ length: count }, () => []);
  for (let ring = 0; ring < 4; ring++) {
    const order = Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    order.forEach((a, i) => links[a].push(order[(i + 1) % count]) && links[order[(i + 1) % count]].push(a));
  }
  const ids = links.map((_, i) => `node-${i}`);
  const slots = new Map(ids.map((id, i) => [id, i]));
  const states = ids.map(() => ({ seen: new Set() }));
  // A binary heap of arrivals: time, receiver, sender, message.
  const times = new Float64Array(1 << 21);
  const to = new Int32Array(1 << 21);
  const from = new Int32Array(1 << 21);
  const messages = new Array(1 << 21);
  let size = 0;
  let now = 0;
  const push = (time, receiver, sender, message) => {
    let i = size++;
    for (let parent = (i - 1) >> 1; i > 0 && times[parent] > time; i = parent, parent = (i - 1) >> 1) {
      [times[i], to[i], from[i], messages[i]] = [times[parent], to[parent], from[parent], messages[parent]];
    }
    [times[i], to[i], from[i], messages[i]] = [time, receiver, sender, message];
  };
  const popInto = (top) => {
    [top.time, top.to, top.from, top.message] = [times[0], to[0], from[0], messages[0]];
    const [time, receiver, sender, message] = [times[--size], to[size], from[size], messages[size]];
    let i = 0;
    for (let child = 1; child < size; i = child, child = 2 * i + 1) {
      if (child + 1 < size && times[child + 1] < times[child]) child++;
      if (times[child] >= time) break;
      [times[i], to[i], from[i], messages[i]] = [times[child], to[child], from[child], messages[child]];
    }
    [times[i], to[i], from[i], messages[i]] = [time, receiver, sender, message];
  };
  const ctx = {
    slot: 0,
    neighbours: () => links[ctx.slot].map((slot) => ids[slot]),
    send(peer, data) {
      const message = { senderId: ids[ctx.slot], globalStep: 0, patternValue: 7, data };
      push(now + 5 + 10 * random(), slots.get(peer), ctx.slot, message);
      return message;
    },
  };
  // The protocol of `jsFlooding` in benches/wasm.bench.mjs, word for word.
  const onMessage = (state, context, message, delivery) => {
    if (state.seen.has(message.data)) return;
    state.seen.add(message.data);
    for (const peer of context.neighbours()) if (peer !== delivery.from) context.send(peer, message.data);
  };
  let probe = 0;
  const top = { time: 0, to: 0, from: 0, message: undefined };
  const one = () => {
    probe = (probe + 7919) % count;
    states[probe].seen.add(probe);
    for (const peer of links[probe]) push(now + 5 + 10 * random(), peer, probe, { senderId: ids[probe], globalStep: 0, patternValue: 7, data: probe });
    let transfers = 0;
    while (size > 0) {
      popInto(top);
      now = top.time;
      ctx.slot = top.to;
      transfers++;
      onMessage(states[top.to], ctx, top.message, { from: ids[top.from], hops: 1, unicast: true });
    }
    return transfers;
  };
  report('flood-100k-js in plain JS: the same protocol, no engine', 'transfers/s', one);
}

/** The timers: 10 per node on 100 k node handles, each callback re-arming through its node's `setTimer`. */
function timers() {
  const wheel = Array.from({ length: 1024 }, () => []);
  const table = [];
  const free = [];
  let now = 0;
  let fired = 0;
  class Node {
    #record;
    constructor(record) {
      this.#record = record;
    }
    /** Checks the node and the callback, keeps them by id and returns a cancel function, as the facade does. */
    setTimer(delay, callback) {
      if (!this.#record.alive || typeof callback !== 'function') throw new TypeError('bad timer');
      const id = free.length > 0 ? free.pop() : table.length / 3;
      const generation = (table[3 * id + 2] ?? 0) + 1;
      [table[3 * id], table[3 * id + 1], table[3 * id + 2]] = [callback, this.#record, generation];
      wheel[(now + delay) % wheel.length].push(id);
      return () => table[3 * id + 2] === generation;
    }
  }
  const delay = () => 1 + Math.floor(random() * 1000);
  for (let slot = 0; slot < 100_000; slot++) {
    const node = new Node({ slot, alive: true });
    for (let t = 0; t < 10; t++) {
      const again = () => {
        fired++;
        node.setTimer(delay(), again);
      };
      node.setTimer(delay(), again);
    }
  }
  const span = () => {
    const before = fired;
    for (let ms = 0; ms < 100; ms++) {
      const due = wheel[++now % wheel.length];
      wheel[now % wheel.length] = [];
      for (const id of due) {
        const [callback, owner] = [table[3 * id], table[3 * id + 1]];
        [table[3 * id], table[3 * id + 1]] = [undefined, undefined];
        free.push(id);
        if (owner.alive) callback();
      }
    }
    return fired - before;
  };
  report('timers-1m in plain JS: the same callbacks, no engine', 'timers fired/s', span);
}

/** Runs `batch` (returning how many operations it did) three times, then for `seconds`; prints ops/s. */
function report(workload, unit, batch) {
  for (let i = 0; i < 3; i++) batch();
  let ops = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) ops += batch();
  console.log(JSON.stringify({ workload, unit, opsPerSecond: Math.round((ops / (performance.now() - start)) * 1000) }));
}

flood();
timers();
