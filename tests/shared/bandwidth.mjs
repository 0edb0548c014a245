// Links with a bandwidth: a message of `size` bytes takes size / bandwidth on the wire, after the
// messages sent before it in that direction, then its latency; statistics count bytes.
import { equal } from './check.mjs';
import { build } from './configs.mjs';

/** Adds an `onMessage` to each of `nodes` that logs `receiver<-data@ms` (the time read from `network.now` after each step). */
function arrivals(network, nodes) {
  const log = [];
  for (const node of nodes) node.onMessage((m) => log.push(`${node.nodeId}<-${m.data}@${network.now}`));
  return log;
}

/** Steps `network` until nothing is left, so that each arrival is logged at its own time. */
function drain(network) {
  while (network.step());
}

/** The byte counters of `network`. */
function bytes(network) {
  const stats = network.getSimulationStats();
  return [stats.bytesSent, stats.bytesDelivered];
}

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const bandwidthCases = [
  [
    'a message takes size / bandwidth on the wire, then the latency; its size is its payload bytes plus the header',
    ({ MeshNetwork, MESSAGE_HEADER_BYTES, payloadBytes }) => {
      equal(MESSAGE_HEADER_BYTES, 32, 'the header, declared once in Rust');
      const [network, [a, b]] = build(MeshNetwork, { links: { latency: 10, bandwidth: 1000 } }, 2);
      const log = arrivals(network, [a, b]);
      equal(network.isInstant, false, 'a bandwidth makes the network scheduled');
      a.broadcast('set', { size: 100 });
      drain(network);
      equal(log, ['n1<-set@110'], '100 bytes at 1000 B/s: 100 ms, then 10 ms of latency');
      const data = { text: 'héllo' };
      const size = payloadBytes(data).length + MESSAGE_HEADER_BYTES;
      equal(size, 49, 'the UTF-8 of JSON.stringify: 17 bytes, plus 32');
      b.broadcast(data);
      drain(network);
      equal(log[1], `n0<-[object Object]@${110 + size + 10}`, 'sized by its payload when the sender sets none');
      equal(bytes(network), [100 + size, 100 + size], 'bytes sent and delivered');
      network.free();
    },
  ],
  [
    'each direction of a link puts one message on the wire at a time, first in first out; the other direction is independent',
    ({ MeshNetwork }) => {
      const [network, [a, b]] = build(MeshNetwork, { links: { latency: 10, bandwidth: 1000 } }, 2);
      const log = arrivals(network, [a, b]);
      a.broadcast('first', { size: 100 });
      a.broadcast('second', { size: 50 });
      a.send('n1', 'third', { size: 10 });
      b.broadcast('back', { size: 20 });
      drain(network);
      equal(log, ['n0<-back@30', 'n1<-first@110', 'n1<-second@160', 'n1<-third@170'], 'queued behind each other one way, at once the other');
      network.runUntil(500);
      a.broadcast('idle', { size: 1 });
      drain(network);
      equal(log.at(-1), 'n1<-idle@511', 'an idle direction starts at once');
      network.free();
    },
  ],
  [
    'a setLink bandwidth slows that link alone, and setLinks changes the default from now on',
    ({ MeshNetwork }) => {
      const [network, nodes] = build(MeshNetwork, { links: { latency: 10 }, topology: 'ring' }, 3);
      network.setLink('n0', 'n1', { bandwidth: 100 });
      const log = arrivals(network, nodes);
      nodes[0].broadcast('x', { size: 50 });
      drain(network);
      equal(log, ['n2<-x@10', 'n1<-x@510'], '500 ms on the slow link only');
      network.setLinks({ bandwidth: 1e6 });
      nodes[1].broadcast('y', { size: 1000 });
      drain(network);
      equal(log.slice(2), ['n2<-y@521', 'n0<-y@10520'], '1 ms on the default link now, 10 s on the override');
      network.free();
    },
  ],
  [
    'statistics count bytes: relays too, engine traffic as its header, an authenticated payload by the same rule, an instant network none',
    ({ MeshNetwork, MESSAGE_HEADER_BYTES }) => {
      const [line, [a]] = build(MeshNetwork, { links: { latency: 1 }, ttl: 2 }, 3);
      line.setEdges([['n0', 'n1'], ['n1', 'n2']]);
      a.broadcast('hi');
      line.run(1);
      const size = 4 + MESSAGE_HEADER_BYTES;
      equal(bytes(line), [2 * size, 2 * size], 'sent to n1 and relayed to n2, delivered twice');
      const hmac = new MeshNetwork({ links: { latency: 1 }, auth: 'hmac' });
      const signer = hmac.createNode({ nodeId: 'a', seed: 7, phaseResetInterval: 100 });
      hmac.createNode({ nodeId: 'b', seed: 7, phaseResetInterval: 100 });
      signer.broadcast('hi');
      hmac.run(1);
      equal(bytes(hmac), [size, size], 'the authenticated path sizes the payload it signs, by the same rule');
      const [busy] = build(MeshNetwork, { links: { latency: 1 }, traffic: 1, tickInterval: 10 }, 2);
      busy.run(1);
      busy.runUntil(15);
      equal(bytes(busy), [2 * MESSAGE_HEADER_BYTES, 2 * MESSAGE_HEADER_BYTES], 'engine traffic carries no payload');
      const [instant, [x]] = build(MeshNetwork, undefined, 3);
      x.broadcast('hi', { size: 1000 });
      equal([instant.getSimulationStats().delivered, ...bytes(instant)], [2, 0, 0], 'an instant network sizes nothing');
      for (const network of [line, hmac, busy, instant]) network.free();
    },
  ],
];
