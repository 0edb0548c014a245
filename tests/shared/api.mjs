// API behaviour beyond the seed's examples: observer bookkeeping and network memory accounting.
import { check, equal } from './check.mjs';

/** `[name, run(api)]` pairs; `api` is the data-mesh module, already initialised. */
export const apiCases = [
  [
    'observe() results and counts agree for short and long intervals (JS phase table and wasm path)',
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
      const node = network.createNode({ nodeId: 'a', seed: 7, phaseResetInterval: 100 });
      network.createNode({ nodeId: 'b', seed: 7, phaseResetInterval: 100 });
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
    'memoryBytes counts the core state of a network and grows with its nodes',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const empty = network.memoryBytes;
      for (let i = 0; i < 1000; i++) network.createNode({ nodeId: `node-${i}`, seed: 7, phaseResetInterval: 100 });
      const perNode = (network.memoryBytes - empty) / 1000;
      check(perNode >= 48 + 4 + 5 && perNode < 200, `${perNode} bytes per node`);
    },
  ],
];
