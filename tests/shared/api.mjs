// API behaviour beyond the seed's examples: receiving, observer bookkeeping, timing and network memory accounting.
import { check, equal, spy } from './check.mjs';
import { cfg } from './configs.mjs';

/** `[name, run(api)]` pairs; `api` is the data-mesh module, already initialised. */
export const apiCases = [
  [
    'receive(): a match reaches onMessage only, a mismatch or a malformed message onError only',
    ({ MeshNode }) => {
      const node = new MeshNode(cfg('b'));
      const messages = spy();
      const errors = spy();
      node.onMessage(messages);
      node.onError(errors);
      const good = { senderId: 'a', globalStep: 2, patternValue: 1, data: 'x' };
      const wrong = { ...good, patternValue: 5 };
      const malformed = { senderId: 'a', globalStep: -1, patternValue: 1, data: 'x' };
      node.receive(good);
      node.receive(wrong);
      node.receive(malformed);
      equal(messages.calls.map(([m]) => m), [good], 'onMessage heard the match only');
      equal(errors.calls.map(([e]) => [e.type, e.message]), [['pattern-mismatch', wrong], ['invalid-message', malformed]], 'onError heard the others, each with its message');
      equal(node.getStats(), { messagesSent: 0, messagesReceived: 1, messagesRejected: 2 }, 'counters');
    },
  ],
  [
    'PerformanceMonitor metrics are milliseconds of performance.now(), with ordered percentiles',
    ({ PerformanceMonitor }) => {
      const monitor = new PerformanceMonitor();
      for (const ms of [1, 3]) {
        monitor.startTimer('busy');
        const start = performance.now();
        while (performance.now() - start < ms);
        monitor.endTimer('busy');
      }
      const m = monitor.getMetrics('busy');
      equal(m.count, 2, 'count');
      check(m.min >= 1 && m.max >= 3, `a 1 ms and a 3 ms wait measure at least that long: ${JSON.stringify(m)}`);
      check(m.min <= m.p50 && m.p50 <= m.p95 && m.p95 <= m.p99 && m.p99 <= m.max, `ordered: ${JSON.stringify(m)}`);
      check(Math.abs(m.avg - (m.min + m.max) / 2) < 1e-6, 'avg is the mean of the two');
      monitor.record('__proto__', 5);
      const all = monitor.getAllMetrics();
      equal(Object.keys(all), ['__proto__', 'busy'], 'every timer by name, a prototype key as an ordinary key');
      equal(all.busy, m, 'the same metrics as getMetrics');
      equal(all['__proto__'].count, 1, 'the recorded duration');
    },
  ],
  [
    'observe() results and counts agree for short and long intervals',
    ({ MeshObserver, PatternGenerator }) => {
      for (const interval of [100, 4096, 4097, 1e12]) {
        const observer = new MeshObserver({ seed: 7, phaseResetInterval: interval });
        const pattern = new PatternGenerator({ seed: 7, phaseResetInterval: interval });
        const steps = [0, 1, 2, 3, 99, 100, 101, 4095, 4096, 4097, 1e12, 2 ** 53 - 1];
        let valid = 0;
        for (const [i, step] of steps.entries()) {
          const right = pattern.computeValue(step);
          const received = i % 3 === 0 ? right + 1 : right;
          const result = observer.observe({ senderId: `s${i % 2}`, globalStep: step, patternValue: received });
          equal(result, { valid: received === right, expected: right, received }, `interval ${interval}, step ${step}`);
          if (received === right) valid++;
        }
        observer.observe({ senderId: 's0', globalStep: -1, patternValue: 7 });
        const stats = observer.getStatistics();
        equal([stats.total, stats.valid, stats.anomalies], [steps.length + 1, valid, steps.length + 1 - valid], `totals, interval ${interval}`);
        equal(stats.bySender.s0.total + stats.bySender.s1.total, steps.length + 1, 'per-sender totals');
        equal(observer.getStatistics(), stats, 'reading statistics twice does not count twice');
      }
    },
  ],
  [
    'an observer counts messages it is handed and messages of a watched network together',
    ({ MeshNetwork, MeshObserver }) => {
      const network = new MeshNetwork();
      const node = network.createNode(cfg('a'));
      network.createNode(cfg('b'));
      const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      observer.watch(network);
      observer.observe({ senderId: 'a', globalStep: 1, patternValue: 4 });
      node.broadcast('x');
      observer.observe({ senderId: 'a', globalStep: 2, patternValue: 9 });
      const stats = observer.getStatistics();
      equal(stats.bySender.a, { total: 3, valid: 2, anomalies: 1, trust: 2 / 3, anomaliesByKind: { 'pattern-mismatch': 1 } }, 'sender a');
      equal(stats.successRate, 2 / 3, 'success rate');
    },
  ],
  [
    'getStatistics() of a known sequence: exact counts, sender ids in the order wasm sorts them, objects without prototypes',
    ({ MeshObserver, PatternGenerator }) => {
      const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      const value = (step) => new PatternGenerator({ seed: 7, phaseResetInterval: 100 }).computeValue(step);
      const send = (senderId, globalStep, patternValue = value(globalStep)) => observer.observe({ senderId, globalStep, patternValue });
      send('b', 0);
      send('b', 1, value(1) + 1);
      send('a', 2);
      send('a', 3);
      send('7', -1, 7);
      send('\uD800', 4);
      send('\u00E9', 5, value(5) + 1);
      send('\uFFFD', 6);
      send('\u{1F600}', 1.5, 7);
      observer.observe(null);
      const stats = observer.getStatistics();
      const sender = (total, valid, anomaliesByKind = {}) => ({ total, valid, anomalies: total - valid, trust: valid / total, anomaliesByKind });
      equal(stats, {
        total: 10,
        valid: 5,
        anomalies: 5,
        successRate: 0.5,
        bySender: {
          7: sender(1, 0, { 'invalid-message': 1 }),
          '\\u{D800}': sender(1, 1),
          a: sender(2, 2),
          b: sender(2, 1, { 'pattern-mismatch': 1 }),
          '\u00E9': sender(1, 0, { 'pattern-mismatch': 1 }),
          '\uFFFD': sender(1, 1),
          '\u{1F600}': sender(1, 0, { 'invalid-message': 1 }),
        },
        anomaliesByKind: { 'pattern-mismatch': 2, 'invalid-message': 3 },
      }, 'statistics');
      equal(Object.keys(stats.bySender), ['7', '\\u{D800}', 'a', 'b', '\u00E9', '\uFFFD', '\u{1F600}'], 'an integer-like id first, then by UTF-8 bytes');
      equal(Object.keys(stats.bySender.b), ['total', 'valid', 'anomalies', 'trust', 'anomaliesByKind'], 'sender fields in order');
      const records = [stats.bySender, stats.anomaliesByKind, ...Object.values(stats.bySender).map((s) => s.anomaliesByKind)];
      check(records.every((record) => Object.getPrototypeOf(record) === null), 'per-sender and per-kind records have no prototype');
      check(Object.getPrototypeOf(stats) === Object.prototype, 'the statistics are a plain object');
      equal(new MeshObserver({ seed: 7, phaseResetInterval: 100 }).getStatistics(), { total: 0, valid: 0, anomalies: 0, successRate: 1, bySender: {}, anomaliesByKind: {} }, 'before any message');
    },
  ],
  [
    'memoryBytes counts the core state of a network and grows with its nodes',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const empty = network.memoryBytes;
      for (let i = 0; i < 1000; i++) network.createNode(cfg(`node-${i}`));
      const perNode = (network.memoryBytes - empty) / 1000;
      check(perNode >= 48 + 4 + 5 && perNode < 200, `${perNode} bytes per node`);
    },
  ],
];
