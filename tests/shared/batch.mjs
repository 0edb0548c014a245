// broadcastBatch: many broadcasts in one call, with the callbacks and counts of one-by-one broadcasts.
import { check, equal, throwsCode } from './check.mjs';
import { build, cfg } from './configs.mjs';

/** A network of the nodes `ids` (seed 7, but `liar` seed 3) watched by a seed-7 observer. */
function watchedNetwork({ MeshNetwork, MeshObserver }, ids = ['a', 'b', 'liar']) {
  const network = new MeshNetwork();
  const nodes = ids.map((id) => network.createNode(cfg(id, id === 'liar' ? 3 : 7)));
  const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
  observer.watch(network);
  return { network, nodes, observer };
}

/**
 * The network of `watchedNetwork` with every handler recording into a log, the observer's
 * anomalies included.
 */
function loggedNetwork(api) {
  const { network, nodes, observer } = watchedNetwork(api);
  const log = [];
  for (const node of nodes) {
    const id = node.nodeId;
    node.onMessage((m) => log.push(['message', id, m.senderId, m.globalStep, m.patternValue, m.data]));
    node.onError((e) => log.push(['error', id, e.type, e.message.senderId, e.expected]));
    node.onBroadcast((m) => log.push(['broadcast', id, m.globalStep, m.patternValue]));
  }
  observer.onAnomaly((anomaly) => log.push(['anomaly', anomaly.type, anomaly.message.senderId, anomaly.expected]));
  nodes[1].sync(3);
  log.length = 0;
  return { network, nodes, observer, log };
}

/** Every node's counters and the observer's statistics. */
function counts({ network, observer }) {
  return { nodes: network.getNodes().map((node) => node.getStats()), observer: observer.getStatistics() };
}

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const batchCases = [
  [
    'broadcastBatch fires the callbacks and counts of the same broadcasts one by one',
    (api) => {
      const order = [0, 2, 1, 0, 0, 2, 1, 1, 0];
      const singly = loggedNetwork(api);
      for (const i of order) singly.nodes[i].broadcast('x');
      const batched = loggedNetwork(api);
      batched.network.broadcastBatch(order.map((i) => (i === 1 ? 'b' : batched.nodes[i])), 'x');
      equal(batched.log, singly.log, 'callbacks, in order');
      equal(counts(batched), counts(singly), 'counters and observer statistics');
      check(batched.log.some(([kind]) => kind === 'anomaly') && batched.log.some(([kind]) => kind === 'error'), 'anomalies and rejections were heard');
      equal(batched.network.traceHash(), singly.network.traceHash(), 'the same trace');
    },
  ],
  [
    'broadcastBatch runs the callbacks after its last message is sent, and a callback may send another batch',
    ({ MeshNetwork }) => {
      const [network, [a, b]] = build(MeshNetwork, undefined, ['a', 'b']);
      const seen = [];
      b.onMessage((m) => {
        seen.push([m.data, a.getStats().messagesSent]);
        if (m.data === 'first') network.broadcastBatch([a], 'again');
      });
      network.broadcastBatch([a, a, a], 'first');
      // Each 'first' callback sends one more message; they run after the batch of three and in turn.
      equal(seen, [['first', 3], ['first', 4], ['first', 5], ['again', 6], ['again', 6], ['again', 6]], 'callbacks ran after each batch');
    },
  ],
  [
    'a handler added by a callback of a batch hears the rest of that batch',
    ({ MeshNetwork }) => {
      const [network, [a, b, c]] = build(MeshNetwork, undefined, ['a', 'b', 'c']);
      const heard = [];
      const stop = a.onBroadcast(() => {
        stop();
        c.onMessage((m) => heard.push(m.senderId));
      });
      network.broadcastBatch([a, b, b], 1);
      equal(heard, ['a', 'b', 'b'], 'c heard every message from the first one on');
    },
  ],
  [
    'when only the anomalies of one sender are heard, a handler added by one of them hears the messages after it',
    (api) => {
      const { network, nodes: [a, b, liar], observer } = watchedNetwork(api);
      const anomalies = [];
      const heardByB = [];
      observer.onAnomaly((anomaly) => {
        anomalies.push(anomaly.message.data);
        if (anomalies.length === 3) b.onMessage((m) => heardByB.push(m.data));
      });
      // The liar sends messages 0, 7, ..., 98: 15 anomalies; the third is message 14.
      const senders = Array.from({ length: 100 }, (_, i) => (i % 7 === 0 ? liar : a));
      network.broadcastBatch(senders, 'x');
      equal(anomalies.length, 15, 'every anomaly of the liar');
      // b then hears a's messages 15..99: 85 messages less the liar's 12 (21, 28, ..., 98), which b rejects.
      equal(heardByB.length, 73, "b hears each of a's later messages");
      equal(observer.getStatistics().anomalies, 15, 'observer totals');
    },
  ],
  [
    'when who listens changes mid-batch, the batch calls back exactly as one-by-one broadcasts do',
    (api) => {
      // a's first broadcast callback unsubscribes itself and subscribes the observer: from then on
      // only the liar's messages are heard. A later anomaly adds an onSync handler, which hears
      // nothing, so after it nobody listens at all.
      const run = (send) => {
        const { network, nodes: [a, liar], observer } = watchedNetwork(api, ['a', 'liar']);
        const log = [];
        const stop = a.onBroadcast((m) => {
          log.push(['broadcast', m.senderId]);
          stop();
          const stopAnomalies = observer.onAnomaly((anomaly) => {
            log.push(['anomaly', anomaly.message.senderId]);
            if (log.length === 4) {
              stopAnomalies();
              a.onSync(() => log.push(['sync']));
            }
          });
        });
        const senders = Array.from({ length: 50 }, (_, i) => (i % 5 === 4 ? liar : a));
        send(network, senders);
        return [log, observer.getStatistics().anomalies, a.getStats()];
      };
      const batched = run((network, senders) => network.broadcastBatch(senders, 0));
      const singly = run((network, senders) => senders.forEach((node) => node.broadcast(0)));
      equal(batched, singly, 'the same callbacks and counts');
      equal(batched[0], [['broadcast', 'a'], ['anomaly', 'liar'], ['anomaly', 'liar'], ['anomaly', 'liar']], 'what was heard');
      equal(batched[1], 10, 'every anomaly is still counted');
    },
  ],
  [
    'a batch nobody listens to is still counted by every node and observer',
    (api) => {
      const { network, nodes, observer } = watchedNetwork(api);
      const senders = Array.from({ length: 1000 }, (_, i) => nodes[i % 100 === 0 ? 2 : i % 2]);
      network.broadcastBatch(senders, null);
      equal(nodes.map((node) => node.getStats()), [
        { messagesSent: 490, messagesReceived: 500, messagesRejected: 10 },
        { messagesSent: 500, messagesReceived: 490, messagesRejected: 10 },
        { messagesSent: 10, messagesReceived: 0, messagesRejected: 990 },
      ], 'counters');
      const stats = observer.getStatistics();
      equal([stats.total, stats.valid, stats.anomalies], [1000, 990, 10], 'observer totals');
      equal([network.getSimulationStats().sent, network.getSimulationStats().rejected], [1000, 1010], 'engine statistics');
    },
  ],
  [
    'in a simulated or authenticated network a batch goes message by message and arrives as the network runs',
    ({ MeshNetwork }) => {
      for (const options of [{ links: { latency: { kind: 'fixed', ms: 5 } } }, { auth: 'hmac' }]) {
        const [network, [a, b, c]] = build(MeshNetwork, options, ['a', 'b', 'c']);
        const heard = [];
        c.onMessage((m) => heard.push([m.senderId, m.data]));
        network.broadcastBatch([a, b, 'a'], { n: 1 });
        network.run(10);
        equal(heard, [['a', { n: 1 }], ['b', { n: 1 }], ['a', { n: 1 }]], `arrivals with ${JSON.stringify(options)}`);
        equal(a.getStats().messagesSent, 2, 'sent');
      }
    },
  ],
  [
    'broadcastBatch refuses bad senders before sending anything, naming the entry',
    ({ MeshNetwork, MeshNode }) => {
      const [network, [a, b]] = build(MeshNetwork, undefined, ['a', 'b']);
      const other = new MeshNetwork().createNode(cfg('a'));
      throwsCode(() => network.broadcastBatch('a', 1), TypeError, 'ERR_INVALID_TYPE', 'senders');
      throwsCode(() => network.broadcastBatch([a, 7], 1), TypeError, 'ERR_INVALID_TYPE', 'senders[1]');
      throwsCode(() => network.broadcastBatch([undefined, undefined], 1), TypeError, 'ERR_INVALID_TYPE', 'senders[0]');
      throwsCode(() => network.broadcastBatch(new Array(2), 1), TypeError, 'ERR_INVALID_TYPE', 'senders[0]');
      throwsCode(() => network.broadcastBatch([a, other], 1), TypeError, 'ERR_INVALID_TYPE', 'senders[1]');
      throwsCode(() => network.broadcastBatch([a, new MeshNode(cfg('x'))], 1), TypeError, 'ERR_INVALID_TYPE', 'senders[1]');
      const unknown = throwsCode(() => network.broadcastBatch([a, 'nobody'], 1), RangeError, 'ERR_UNKNOWN_NODE', 'senders[1]');
      check(unknown.message.includes('nobody'), unknown.message);
      network.removeNode('b');
      const removed = throwsCode(() => network.broadcastBatch([a, b], 1), Error, 'ERR_NODE_REMOVED');
      check(removed.message.includes('"b"'), removed.message);
      equal(a.getStats().messagesSent, 0, 'nothing was sent');
      network.createNode(cfg('c'));
      network.broadcastBatch([a, 'c', a], 1);
      equal(a.getStats(), { messagesSent: 2, messagesReceived: 1, messagesRejected: 0 }, 'the network works after the refusals');
      network.broadcastBatch([], 1);
      equal(a.getStats().messagesSent, 2, 'an empty batch sends nothing');
      const [simulated, [x, y]] = build(MeshNetwork, { links: { latency: { kind: 'fixed', ms: 5 } } }, ['x', 'y']);
      simulated.removeNode('y');
      throwsCode(() => simulated.broadcastBatch([x, y], 1), Error, 'ERR_NODE_REMOVED');
      equal(x.getStats().messagesSent, 0, 'a simulated network sends nothing either');
    },
  ],
];
