// What the facade keeps between calls so as not to ask wasm again (neighbour lists, the receivers of
// sends by id, messages in flight, the sizes of numbers sent unsized) always answers what wasm would.
import { check, equal, throwsCode } from './check.mjs';
import { build, cfg } from './configs.mjs';

/** The bytes put on links by `network` so far. */
const bytesSent = (network) => network.getSimulationStats().bytesSent;

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const cacheCases = [
  [
    'kept neighbour lists follow the wiring: connect, disconnect, removals, new nodes and topologies change what ctx.neighbours() gives and where ctx.send may go',
    ({ MeshNetwork }) => {
      const contexts = new Map();
      const protocol = { onStart: (state, ctx) => contexts.set(ctx.nodeId, ctx), onMessage() {} };
      const network = new MeshNetwork({ links: { latency: 1 }, topology: 'ring', protocol });
      for (let i = 0; i < 4; i++) network.createNode(cfg(`n${i}`));
      network.run(0);
      const ctx = contexts.get('n0');
      const sorted = () => ctx.neighbours().sort();
      equal(sorted(), ['n1', 'n3'], 'a ring');
      ctx.neighbours().push('n2');
      equal([sorted(), network.neighbours('n0').sort()], [['n1', 'n3'], ['n1', 'n3']], 'a list handed out is the caller\'s own');
      network.connect('n0', 'n2');
      equal(sorted(), ['n1', 'n2', 'n3'], 'connect');
      ctx.send('n2', 'linked now');
      network.disconnect('n0', 'n1');
      equal(sorted(), ['n2', 'n3'], 'disconnect');
      throwsCode(() => ctx.send('n1', 'cut'), RangeError, 'ERR_NOT_LINKED', 'toNodeId');
      network.removeNode('n3');
      equal(sorted(), ['n2'], 'a removal');
      throwsCode(() => ctx.send('n3', 'gone'), RangeError, 'ERR_UNKNOWN_NODE', 'toNodeId');
      network.setTopology('ring');
      network.createNode(cfg('n4'));
      equal(sorted(), ['n1', 'n4'], 'drawn again over n0, n1, n2, n4');
      network.setTopology('full');
      equal(sorted(), ['n1', 'n2', 'n4'], 'a full mesh');
      network.createNode(cfg('n5'));
      equal([sorted(), network.neighbours('n5').sort()], [['n1', 'n2', 'n4', 'n5'], ['n0', 'n1', 'n2', 'n4']], 'a node joining it');
      network.run(10);
      equal(network.getSimulationStats().delivered, 1, 'the one send that was allowed arrived');
    },
  ],
  [
    'a hook that rewires the network sends by the new wiring at once',
    ({ MeshNetwork }) => {
      const log = [];
      const protocol = {
        onMessage(state, ctx, message) {
          if (ctx.nodeId !== 'n1' || message.data !== 'go') return;
          ctx.neighbours();
          network.disconnect('n1', 'n2');
          try {
            ctx.send('n2', 'cut');
          } catch (error) {
            log.push(error.code);
          }
          network.connect('n1', 'n3');
          ctx.send('n3', 'new link');
        },
      };
      const network = new MeshNetwork({ links: { latency: 1 }, topology: 'ring', protocol });
      const [n0] = [0, 1, 2, 3, 4].map((i) => network.createNode(cfg(`n${i}`)));
      network.getNode('n3').onMessage((m) => log.push(`n3<-${m.data}`));
      n0.send('n1', 'go');
      network.run(10);
      equal(log, ['ERR_NOT_LINKED', 'n3<-new link'], 'refused over the cut link, sent over the new one');
    },
  ],
  [
    'numbers sent unsized count the bytes of their JSON text, as any other payload',
    ({ MeshNetwork }) => {
      const [network, [a]] = build(MeshNetwork, { links: { latency: 1 } }, ['a', 'b']);
      const sizes = [];
      for (const data of [12345, -0, 0.5, 1e21, -7e-7, NaN, Infinity, 'text', { n: 1 }]) {
        const before = bytesSent(network);
        a.send('b', data);
        a.broadcast(data);
        sizes.push((bytesSent(network) - before) / 2);
      }
      equal(sizes, [5, 1, 3, 5, 5, 4, 4, 6, 7].map((payload) => payload + 32), 'the payload as JSON.stringify writes it, plus the header');
      const [instant, [c]] = build(MeshNetwork, undefined, ['c', 'd']);
      c.send('d', 12345);
      equal(bytesSent(instant), 0, 'an instant network sizes nothing');
    },
  ],
  [
    'every arrival finds its message, however many are in flight and however long one was held',
    ({ MeshNetwork }) => {
      const [network, [a, b, c]] = build(MeshNetwork, { links: { latency: 1 } }, ['a', 'b', 'c']);
      const got = { b: [], c: [] };
      b.onMessage((m) => got.b.push(m.data));
      c.onMessage((m) => got.c.push(m.data));
      network.pause('c');
      a.send('c', 'held');
      network.run(5);
      // Thousands of ids pass while the held message waits, and the table holding them grows.
      const sent = [];
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 3000; i++) sent.push(a.send('b', round * 3000 + i).data);
        network.run(5);
      }
      network.resume('c');
      network.run(5);
      equal([got.b.length, got.c], [sent.length, ['held']], 'each arrival heard once, the held one too');
      check(got.b.every((data, i) => data === sent[i]), 'in order, each with its own message');
    },
  ],
];
