// Broadcasts that every live node accepts and no observer watches wait in JS and reach wasm in
// one batch before the next other call: nothing a user can see may tell them from sends made at once.
import { check, equal } from './check.mjs';
import { cfg } from './configs.mjs';

/** What a network shows after `senders` broadcast in turn, `between(network)` after each one. */
function runTurns({ MeshNetwork, MeshObserver }, { count, watch = false, between = () => {} }) {
  const network = new MeshNetwork({ recordTrace: true });
  const nodes = ['a', 'b', 'c', 'd'].map((id) => network.createNode(cfg(id)));
  const observer = watch ? new MeshObserver({ seed: 7, phaseResetInterval: 100 }) : undefined;
  observer?.watch(network);
  for (let i = 0; i < count; i++) {
    nodes[i % 3 === 0 ? 0 : i % 4].broadcast(i);
    between(network);
  }
  const seen = {
    hash: network.traceHash(),
    trace: network.exportTrace().length,
    stats: network.getSimulationStats(),
    nodes: nodes.map((node) => node.getStats()),
  };
  observer?.free();
  network.free();
  return seen;
}

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const waitingCases = [
  [
    'waiting broadcasts leave the same trace, statistics and counters as broadcasts sent one by one',
    (api) => {
      for (const count of [1, 7, 3000]) {
        const waiting = runTurns(api, { count });
        equal(waiting.stats.sent, count, `${count}: every broadcast counted, past the 1024 that wait at most`);
        equal(runTurns(api, { count, between: (network) => network.size }), waiting, `${count}: sent after each broadcast`);
        equal(runTurns(api, { count, watch: true }), waiting, `${count}: sent at once for a watcher`);
      }
    },
  ],
  [
    'a handler sees its own broadcast counted, and calls made between broadcasts see every one before them',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const [a, b] = ['a', 'b'].map((id) => network.createNode(cfg(id)));
      const seen = [];
      // The first broadcast is sent at once; the handler calls nothing then, so the second waits.
      b.onMessage((m) => m.data === 2 && seen.push([a.getStats().messagesSent, b.getStats().messagesReceived]));
      a.broadcast(1);
      a.broadcast(2);
      equal(seen, [[2, 2]], 'counted before the handler ran');
      a.broadcast(3);
      a.broadcast(4);
      const c = network.createNode(cfg('c'));
      a.broadcast(5);
      a.broadcast(6);
      equal([c.getStats().messagesReceived, network.getSimulationStats().sent], [2, 6], 'a node made between broadcasts hears only the later ones');
      network.removeNode('b');
      a.broadcast(7);
      a.broadcast(8);
      equal(b.isValid(), false, 'b was removed');
      equal([a.getStats().messagesSent, c.getStats().messagesReceived], [8, 4], 'sent to the live nodes only');
    },
  ],
  [
    'a waiting broadcast carries the step and pattern value of its moment; a node of another pattern makes sends go at once',
    ({ MeshNetwork, PatternGenerator }) => {
      const pattern = new PatternGenerator({ seed: 7, phaseResetInterval: 100 });
      const network = new MeshNetwork({ globalTick: true });
      const [a, b] = ['a', 'b'].map((id) => network.createNode(cfg(id)));
      const got = [];
      b.onMessage((m) => got.push([m.globalStep, m.patternValue]));
      // Two broadcasts at each step: the second waits, with the stamp of the first.
      const twice = () => [0, 1].forEach(() => a.broadcast('hello'));
      twice();
      a.sync(5);
      twice();
      network.run(2);
      twice();
      equal(got, [0, 0, 5, 5, 7, 7].map((step) => [step, pattern.computeValue(step)]), 'stamps follow sync and ticks');
      const errors = [];
      const liar = network.createNode(cfg('liar', 3));
      liar.onError((e) => errors.push(e.type));
      a.broadcast('rejected by the liar');
      liar.broadcast('rejected by everyone');
      equal(errors, ['pattern-mismatch'], 'the liar rejected a');
      equal(got.length, 7, 'b accepted a, and rejected the liar');
      equal([b.getStats().messagesRejected, network.getSimulationStats().rejected], [1, 3], 'rejections counted');
      network.removeNode('liar');
      a.broadcast('accepted by everyone again');
      a.broadcast('and waits again');
      equal(got.length, 9, 'back to one pattern');
      check(a.getStats().messagesSent === 9, 'every send of a counted');
      pattern.free();
      network.free();
    },
  ],
];
