// MeshNode.send: a message to one node, delivered inside the call in an instant network and over
// one link in a scheduled one, never relayed; bad targets are typed errors naming toNodeId.
import { check, equal, throwsCode } from './check.mjs';
import { build, cfg } from './configs.mjs';

/** The scenario of the native test `the_unicast_trace_hash_is_deterministic_and_the_same_in_wasm`. */
export const PINNED_UNICAST_HASH = 'dce50b94f6821c24';

/** Adds an `onMessage` to each of `nodes` that logs `receiver<-data` and the delivery; returns the log. */
function listen(nodes) {
  const log = [];
  for (const node of nodes) node.onMessage((m, delivery) => log.push([`${node.nodeId}<-${m.data}`, delivery]));
  return log;
}

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const unicastCases = [
  [
    'send in an instant network reaches its one receiver inside the call, validated and counted as a broadcast with one receiver',
    ({ MeshNetwork, MeshObserver }) => {
      const [network, [a, b, c]] = build(MeshNetwork, undefined, ['a', 'b', 'c']);
      const liar = network.createNode(cfg('liar', 3));
      const log = listen([a, b, c]);
      const broadcasts = [];
      a.onBroadcast((m) => broadcasts.push(m));
      const sent = a.send('b', 'hi');
      equal(log, [['b<-hi', { from: 'a', hops: 1, unicast: true }]], 'b alone, at once, told it was a unicast');
      equal(sent, { senderId: 'a', globalStep: 0, patternValue: 7, data: 'hi' }, 'stamped like a broadcast');
      equal(broadcasts.length, 0, 'onBroadcast does not run for a unicast');
      const errors = [];
      liar.onError((e) => errors.push([e.type, e.expected, e.received, e.delivery]));
      a.send('liar', 'x');
      equal(errors, [['pattern-mismatch', 3, 7, { from: 'a', hops: 1, unicast: true }]], 'the receiver validates it with its own pattern');
      equal([a, b, c, liar].map((n) => n.getStats()), [
        { messagesSent: 2, messagesReceived: 0, messagesRejected: 0 },
        { messagesSent: 0, messagesReceived: 1, messagesRejected: 0 },
        { messagesSent: 0, messagesReceived: 0, messagesRejected: 0 },
        { messagesSent: 0, messagesReceived: 0, messagesRejected: 1 },
      ], 'counters');
      const stats = network.getSimulationStats();
      equal([stats.sent, stats.delivered, stats.accepted, stats.rejected, stats.reach], [2, 2, 1, 1, 2], 'statistics');
      const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      const anomalies = [];
      observer.onAnomaly((anomaly) => anomalies.push([anomaly.type, anomaly.message.senderId]));
      observer.watch(network);
      liar.send('a', 'bad');
      b.send('c', 'good');
      equal(anomalies, [['pattern-mismatch', 'liar']], 'watchers classify every unicast');
      equal(observer.getStatistics().total, 2, 'and count it');
      log.length = 0;
      a.broadcast('all');
      equal(log.map(([entry, delivery]) => [entry, JSON.stringify(delivery)]), [
        ['b<-all', '{"from":"a","hops":1}'],
        ['c<-all', '{"from":"a","hops":1}'],
      ], "a broadcast's delivery is unchanged: no unicast field");
      observer.free();
      network.free();
    },
  ],
  [
    'send in a scheduled network goes over the one link and arrives when time reaches its latency',
    ({ MeshNetwork, TRANSFER_RECORD, readTransferRecord }) => {
      const [network, [a, b, c]] = build(MeshNetwork, { links: { latency: 10 } }, 3);
      const log = listen([a, b, c]);
      const handed = [];
      b.onMessage((m) => handed.push(m));
      const sent = a.send('n1', 'hi');
      equal(log.length, 0, 'nothing inside the call');
      const transfers = network.transfers();
      equal(transfers.length, TRANSFER_RECORD.length, 'one transfer in flight');
      const transfer = readTransferRecord(transfers, 0);
      equal([transfer.from, transfer.to], [0, 1], 'on the link from n0 to n1');
      network.runUntil(9.999);
      equal(log.length, 0, 'nothing before 10 ms');
      network.runUntil(10);
      equal(log, [['n1<-hi', { from: 'n0', hops: 1, unicast: true }]], 'at 10 ms, at n1 alone');
      check(handed[0] === sent, 'the receiver gets the message send returned');
      equal(network.step(), false, 'nothing left to run');
      const stats = network.getSimulationStats();
      equal([stats.sent, stats.delivered, stats.completed, stats.reach], [1, 1, 1, 1], 'one message, one receiver');
    },
  ],
  [
    'a unicast is never relayed: on a ring with ttl 5 it reaches only its target, where a broadcast floods',
    ({ MeshNetwork }) => {
      const [network, nodes] = build(MeshNetwork, { topology: 'ring', ttl: 5, links: { latency: 1 } }, 8);
      const log = listen(nodes);
      nodes[0].send('n1', 'one');
      network.run(10);
      equal(log, [['n1<-one', { from: 'n0', hops: 1, unicast: true }]], 'n1 alone');
      equal(network.getSimulationStats().forwarded, 0, 'nothing forwarded');
      log.length = 0;
      nodes[0].broadcast('all');
      network.run(10);
      equal(log.length, 7, 'the same ring floods a broadcast to every other node');
    },
  ],
  [
    'a bad target or argument is a typed error naming the argument, and a failed send changes nothing',
    ({ MeshNetwork, MeshNode }) => {
      const [network, [a, b, c]] = build(MeshNetwork, undefined, ['a', 'b', 'c']);
      const log = listen([a, b, c]);
      network.removeNode('c');
      throwsCode(() => a.send('ghost', 1), RangeError, 'ERR_UNKNOWN_NODE', 'toNodeId');
      const removed = throwsCode(() => a.send('c', 1), RangeError, 'ERR_UNKNOWN_NODE', 'toNodeId');
      equal(removed.message, 'toNodeId names no live node of this network: "c"', 'a removed node is no live node');
      const itself = throwsCode(() => a.send('a', 1), RangeError, 'ERR_NOT_LINKED', 'toNodeId');
      check(itself.message.includes('(the sender itself)'), itself.message);
      for (const bad of [7, undefined, null, {}, b]) throwsCode(() => a.send(bad, 1), TypeError, 'ERR_INVALID_TYPE', 'toNodeId');
      throwsCode(() => a.send('\uD800', 1), RangeError, 'ERR_NOT_WELL_FORMED', 'toNodeId');
      throwsCode(() => c.send('a', 1), TypeError, 'ERR_NODE_REMOVED', 'nodeId');
      const alone = new MeshNode(cfg('alone'));
      throwsCode(() => alone.send('a', 1), RangeError, 'ERR_UNKNOWN_NODE', 'toNodeId');
      alone.free();
      equal([a.getStats().messagesSent, network.getSimulationStats().sent, log.length], [0, 0, 0], 'nothing was sent');
      equal(a.send('b', 'ok').data, 'ok', 'the network still works');

      const [ring, [n0]] = build(MeshNetwork, { topology: 'ring' }, 4);
      const notLinked = throwsCode(() => n0.send('n2', 1), RangeError, 'ERR_NOT_LINKED', 'toNodeId');
      equal(notLinked.message, 'toNodeId must name a neighbour of "n0" (see neighbours()), got "n2"', 'message');
      equal(n0.send('n3', 1).senderId, 'n0', 'a neighbour is fine');
      ring.free();
      throwsCode(() => n0.send('n1', 1), TypeError, 'ERR_OBJECT_FREED');

      const [signed, [x]] = build(MeshNetwork, { auth: 'hmac' }, ['x', 'y']);
      throwsCode(() => x.send('y', 10n), TypeError, 'ERR_INVALID_TYPE', 'data');
      equal(x.getStats().messagesSent, 0, 'data that cannot be signed sends nothing');
      signed.free();
      network.free();
    },
  ],
  [
    "an authenticated unicast carries its sequence and signature, which verify at a twin network's node",
    ({ MeshNetwork }) => {
      for (const [auth, proofBytes] of [['hmac', 32], ['ed25519', 64]]) {
        const [network, [a, b]] = build(MeshNetwork, { seed: 3, auth }, ['a', 'b', 'c']);
        const heard = [];
        b.onMessage((m, delivery) => heard.push([m, delivery]));
        a.broadcast('first');
        const sent = a.send('b', { to: 'b' });
        equal([sent.sequence, sent.signature.length], [2, proofBytes], `${auth}: the sender's next sequence number, and a proof`);
        network.run(1);
        equal(heard.map(([m, d]) => [m.sequence, d.unicast === true]), [[1, false], [2, true]], `${auth}: delivered and accepted`);
        check(heard[1][0] === sent, `${auth}: the message send returned`);
        const [twin, [, twinB]] = build(MeshNetwork, { seed: 3, auth }, ['a', 'b', 'c']);
        const verdicts = [];
        twinB.onMessage(() => verdicts.push('accepted'));
        twinB.onError((e) => verdicts.push(e.type));
        twinB.receive(sent);
        twinB.receive(sent);
        twinB.receive({ ...sent, sequence: 3, data: { to: 'c' } });
        equal(verdicts, ['accepted', 'replay', 'bad-signature'], `${auth}: verifies once at the twin; altered, it does not`);
        const refused = [];
        b.onError((e) => refused.push([e.type, e.delivery.unicast]));
        network.setByzantine('c', 'outsider');
        network.getNode('c').send('b', 'forged');
        network.run(1);
        equal(refused, [['bad-signature', true]], `${auth}: an outsider's unicast is refused by its receiver`);
        twin.free();
        network.free();
      }
    },
  ],
  [
    'a handler may send: its unicast runs after the current delivery, removed receivers hear nothing, and replies flow while a network runs',
    ({ MeshNetwork }) => {
      const [network, [a, b, c]] = build(MeshNetwork, undefined, ['a', 'b', 'c']);
      const log = [];
      for (const node of [a, b, c]) node.onMessage((m) => log.push(`${node.nodeId}<-${m.data}`));
      b.onMessage((m) => {
        if (m.data !== 0) return;
        b.send('c', 1);
        b.send('a', 2);
        log.push('b sent');
      });
      c.onMessage((m) => {
        if (m.data !== 1) return;
        c.send('a', 3);
        network.removeNode('a');
        c.send('a', 4); // throws ERR_UNKNOWN_NODE: a handler error for c
      });
      const errors = [];
      c.onError((e) => errors.push([e.type, e.error.code, e.error.field]));
      a.send('b', 0);
      equal(log, ['b<-0', 'b sent', 'c<-1'], 'breadth first; a was removed before its unicasts were delivered');
      equal(errors, [['handler-error', 'ERR_UNKNOWN_NODE', 'toNodeId']], 'a send that throws in a handler goes to its onError');
      equal(b.send('c', 5).data, 5, 'the network is still usable');

      const [scheduled, [p, q]] = build(MeshNetwork, { links: { latency: 5 } }, ['p', 'q']);
      const replies = [];
      q.onMessage((m, delivery) => q.send(delivery.from, `re: ${m.data}`));
      p.onMessage((m) => replies.push([m.data, scheduled.now]));
      p.send('q', 'ping');
      scheduled.runUntil(5);
      equal(replies, [], 'the ping arrived at 5 ms, and q replied');
      scheduled.runUntil(10);
      equal(replies, [['re: ping', 10]], 'the reply arrives at 10 ms');
      scheduled.free();
      network.free();
    },
  ],
  [
    "broadcasts waiting to be sent go first: another node's unicast after them is sent after them",
    ({ MeshNetwork }) => {
      const network = new MeshNetwork({ recordTrace: true });
      const [a, b] = ['a', 'b'].map((id) => network.createNode(cfg(id)));
      a.broadcast(1);
      a.broadcast(2); // waits in JS (the first was unanimous)
      b.send('a', 3);
      a.broadcast(4);
      const trace = network.exportTrace().trim().split('\n').map((line) => JSON.parse(line));
      equal(trace.map((e) => [e.kind, e.message, e.from]), [['send', 1, 0], ['send', 2, 0], ['send', 3, 1], ['send', 4, 0]], 'sent in call order');
      equal([a, b].map((n) => n.getStats()), [
        { messagesSent: 3, messagesReceived: 1, messagesRejected: 0 },
        { messagesSent: 1, messagesReceived: 3, messagesRejected: 0 },
      ], 'counters');
      network.free();
    },
  ],
  [
    'the same options and seed give the same unicast trace hash as the native core',
    ({ MeshNetwork }) => {
      const options = {
        seed: 9,
        ttl: 5,
        topology: 'ring',
        tickInterval: 10,
        links: { latency: { kind: 'normal', mean: 12, std: 4 }, loss: 0.1, duplicate: 0.1 },
      };
      const run = () => {
        const [network, nodes] = build(MeshNetwork, options, 8);
        for (let round = 0; round < 40; round++) {
          const sender = round % 8;
          nodes[sender].send(`n${(sender + 1) % 8}`, round);
          if (round % 3 === 0) nodes[sender].broadcast(round);
          network.run(1);
        }
        network.run(50);
        const hash = network.traceHash();
        network.free();
        return hash;
      };
      equal(run(), PINNED_UNICAST_HASH, 'the pinned hash');
      equal(run(), PINNED_UNICAST_HASH, 'again');
    },
  ],
];
