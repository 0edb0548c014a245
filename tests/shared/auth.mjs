// Authenticated networks against WebCrypto: an app tags or signs the README's canonical encoding
// itself and `receive()` accepts it; what the network signs verifies in WebCrypto; bad keys and
// signatures are typed errors or 'bad-signature' refusals. Runs in Node and in Chromium.
import { check, equal, throwsCode } from './check.mjs';
import { cfg } from './configs.mjs';

const subtle = globalThis.crypto.subtle;

/** The README's encoding, written out here independently of the package's `canonicalBytes`. */
function encode(senderId, globalStep, patternValue, sequence, data) {
  const text = new TextEncoder();
  const id = text.encode(senderId);
  const payload = data === undefined ? new Uint8Array(0) : text.encode(JSON.stringify(data));
  const out = new Uint8Array(12 + 4 + id.length + 24 + 4 + payload.length);
  const view = new DataView(out.buffer);
  out.set(text.encode('data-mesh/v1'));
  view.setUint32(12, id.length);
  out.set(id, 16);
  let at = 16 + id.length;
  for (const n of [globalStep, patternValue, sequence]) {
    view.setBigUint64(at, BigInt(n));
    at += 8;
  }
  view.setUint32(at, payload.length);
  out.set(payload, at + 4);
  return out;
}

/** A network in `auth` mode with a listening node 'gateway'; returns it and what the node got. */
function gateway(MeshNetwork, auth) {
  const network = new MeshNetwork({ auth });
  const node = network.createNode(cfg('gateway'));
  const got = [];
  node.onMessage((m) => got.push(['accepted', m.data]));
  node.onError((e) => got.push([e.type, e.message.data]));
  return { network, node, got };
}

/** `[name, run(api)]` pairs; each `run` returns a promise. */
export const authCases = [
  [
    "hmac: an app's WebCrypto tag over the README encoding is accepted once; a changed payload or a replay is refused",
    async ({ MeshNetwork, canonicalBytes }) => {
      const { network, node, got } = gateway(MeshNetwork, 'hmac');
      const raw = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
      network.setMeshKey(raw);
      const key = await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const message = { senderId: 'app-1', globalStep: 2, patternValue: 1, data: { temp: 23.5 }, sequence: 1 };
      const bytes = encode('app-1', 2, 1, 1, { temp: 23.5 });
      equal([...canonicalBytes(message)], [...bytes], 'the package encodes as the README says');
      const signature = new Uint8Array(await subtle.sign('HMAC', key, bytes));
      node.receive({ ...message, signature });
      node.receive({ ...message, signature });
      node.receive({ ...message, sequence: 2, data: { temp: 99 }, signature });
      equal(got, [['accepted', { temp: 23.5 }], ['replay', { temp: 23.5 }], ['bad-signature', { temp: 99 }]], 'outcomes');
      const wrongKey = await subtle.importKey('raw', new Uint8Array(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const forged = new Uint8Array(await subtle.sign('HMAC', wrongKey, encode('app-1', 2, 1, 3, 'x')));
      node.receive({ ...message, sequence: 3, data: 'x', signature: forged });
      equal(got.at(-1), ['bad-signature', 'x'], 'a tag made with another key');
      const fresh = { ...message, sequence: 5, signature: new Uint8Array(await subtle.sign('HMAC', key, encode('app-1', 2, 1, 5, { temp: 23.5 }))) };
      node.receive({ ...fresh, tampered: true });
      equal(got.at(-1), ['bad-signature', { temp: 23.5 }], 'a copy marked tampered is not the signed bytes');
      node.receive(fresh);
      equal(got.at(-1), ['accepted', { temp: 23.5 }], 'the untampered one passes');
      equal(node.getStats().messagesRejected, 4, 'refusals count as rejections');
    },
  ],
  [
    'ed25519: a key pair made with WebCrypto, its public key registered, signs what the network accepts; only its key will do',
    async ({ MeshNetwork }) => {
      const { network, node, got } = gateway(MeshNetwork, 'ed25519');
      network.createNode(cfg('app-2'));
      const pair = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
      network.setPublicKey('app-2', new Uint8Array(await subtle.exportKey('raw', pair.publicKey)));
      const sign = async (sequence, data, key = pair.privateKey) =>
        new Uint8Array(await subtle.sign('Ed25519', key, encode('app-2', 0, 7, sequence, data)));
      node.receive({ senderId: 'app-2', globalStep: 0, patternValue: 7, data: 'hello', sequence: 1, signature: await sign(1, 'hello') });
      const other = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
      node.receive({ senderId: 'app-2', globalStep: 0, patternValue: 7, data: 'forged', sequence: 2, signature: await sign(2, 'forged', other.privateKey) });
      node.receive({ senderId: 'stranger', globalStep: 0, patternValue: 7, data: 'who', sequence: 1, signature: await sign(1, 'who') });
      node.receive({ senderId: 'app-2', globalStep: 0, patternValue: 7, data: 'zeros', sequence: 3, signature: new Uint8Array(64) });
      equal(got, [['accepted', 'hello'], ['bad-signature', 'forged'], ['unknown-sender', 'who'], ['bad-signature', 'zeros']], 'outcomes');
      // Authentic but with a wrong pattern: the signature passes and the pattern check still runs.
      const signedWrongPattern = new Uint8Array(await subtle.sign('Ed25519', pair.privateKey, encode('app-2', 0, 4, 4, 'off')));
      node.receive({ senderId: 'app-2', globalStep: 0, patternValue: 4, data: 'off', sequence: 4, signature: signedWrongPattern });
      equal(got.at(-1), ['pattern-mismatch', 'off'], 'a signed message still needs the right pattern');
    },
  ],
  [
    "what the network signs verifies in WebCrypto: a broadcast carries its sequence and signature",
    async ({ MeshNetwork, canonicalBytes }) => {
      const network = new MeshNetwork({ auth: 'ed25519' });
      const sensor = network.createNode(cfg('sensor'));
      network.createNode(cfg('gateway'));
      const first = sensor.broadcast({ temp: 21 });
      const second = sensor.broadcast([1, 2]);
      equal([first.sequence, second.sequence, first.signature.length], [1, 2, 64], 'sequence numbers and a 64-byte signature');
      const key = await subtle.importKey('raw', network.publicKey('sensor'), { name: 'Ed25519' }, false, ['verify']);
      check(await subtle.verify('Ed25519', key, first.signature, canonicalBytes(first)), 'the signature verifies');
      check(!(await subtle.verify('Ed25519', key, first.signature, canonicalBytes({ ...first, data: { temp: 22 } }))), 'not for other data');
      network.runUntil(1);
      equal(network.getSimulationStats().accepted, 2, 'the gateway accepted both');
      const hmac = new MeshNetwork({ auth: 'hmac' });
      const raw = new Uint8Array(32).fill(5);
      hmac.setMeshKey(raw);
      const tagged = hmac.createNode(cfg('a')).broadcast('hi');
      const hmacKey = await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
      check(await subtle.verify('HMAC', hmacKey, tagged.signature, canonicalBytes(tagged)), 'the tag verifies with the mesh key');
      equal(new MeshNetwork().createNode(cfg('x')).broadcast(1).signature, undefined, 'no signature without auth');
    },
  ],
  [
    'bad keys are typed errors naming the field; missing or malformed signatures are bad-signature refusals; the network goes on',
    async ({ MeshNetwork }) => {
      const { network, node, got } = gateway(MeshNetwork, 'hmac');
      throwsCode(() => network.setMeshKey(new Uint8Array(16)), RangeError, 'ERR_BAD_KEY', 'key');
      throwsCode(() => network.setMeshKey('secret'), TypeError, 'ERR_INVALID_TYPE', 'key');
      throwsCode(() => network.setNodeKey('gateway', new Uint8Array(32)), RangeError, 'ERR_BAD_KEY', 'secretKey');
      throwsCode(() => new MeshNetwork().setMeshKey(new Uint8Array(32)), RangeError, 'ERR_BAD_KEY', 'key');
      const ed = new MeshNetwork({ auth: 'ed25519' });
      ed.createNode(cfg('n'));
      throwsCode(() => ed.setPublicKey('n', new Uint8Array(31)), RangeError, 'ERR_BAD_KEY', 'publicKey');
      throwsCode(() => ed.setNodeKey('n', new Uint8Array(33)), RangeError, 'ERR_BAD_KEY', 'secretKey');
      throwsCode(() => ed.setNodeKey('nobody', new Uint8Array(32)), RangeError, 'ERR_UNKNOWN_NODE', 'nodeId');
      const base = { senderId: 'app', globalStep: 0, patternValue: 7, data: 1 };
      node.receive(base);
      node.receive({ ...base, sequence: 1 });
      node.receive({ ...base, sequence: 1, signature: new Uint8Array(3) });
      node.receive({ ...base, sequence: -1, signature: new Uint8Array(32) });
      node.receive({ ...base, sequence: 1, signature: 'not bytes' });
      node.receive({ ...base, data: 10n, sequence: 1, signature: new Uint8Array(32) });
      equal(got.map(([type]) => type), Array(6).fill('bad-signature'), 'each refused as a bad signature');
      network.createNode(cfg('sensor')).broadcast({ ok: true });
      network.runUntil(1);
      equal(got.at(-1), ['accepted', { ok: true }], 'honest traffic still flows');
    },
  ],
  [
    "a watching observer flags bad signatures and keeps each sender's trust",
    async ({ MeshNetwork, MeshObserver }) => {
      const network = new MeshNetwork({ auth: 'hmac' });
      const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      observer.watch(network);
      const flagged = [];
      observer.onAnomaly((a) => flagged.push([a.type, a.message.senderId]));
      const honest = network.createNode(cfg('honest'));
      const outsider = network.createNode(cfg('outsider'));
      network.setByzantine('outsider', 'outsider');
      honest.broadcast(1);
      honest.broadcast(2);
      outsider.broadcast(3);
      network.runUntil(1);
      equal(flagged, [['bad-signature', 'outsider']], 'the outsider is flagged');
      const { bySender, anomaliesByKind } = observer.getStatistics();
      equal(anomaliesByKind, { 'bad-signature': 1 }, 'by kind');
      equal(bySender.honest, { total: 2, valid: 2, anomalies: 0, trust: 1, anomaliesByKind: {} }, 'the honest sender');
      equal(bySender.outsider, { total: 1, valid: 0, anomalies: 1, trust: 0, anomaliesByKind: { 'bad-signature': 1 } }, 'the outsider');
    },
  ],
  [
    "a message the network delivers verifies at a twin network's node with the same keys, whatever sent it (broadcast, batch, scenario event, engine traffic), with the same data and signature fields",
    async ({ MeshNetwork }) => {
      // Numbers and keys whose JSON text JavaScript writes differently from a plain Rust writer.
      const data = { b: 1, a: [1.0, 1.5, 1e21, 0.000001, 12345678901234567890], 10: 'x', s: 'é\u2028' };
      for (const [auth, proofBytes] of [['hmac', 32], ['ed25519', 64]]) {
        const scenario = {
          version: 1,
          options: { seed: 11, auth, links: { latency: 5 }, tickInterval: 10, traffic: 0.3 },
          nodes: [{ nodeId: 'a' }, { nodeId: 'b' }, { nodeId: 'c' }],
          events: [{ at: 3, broadcast: 'a', data }, { at: 4, broadcast: 'b', data: null }],
        };
        const network = MeshNetwork.fromScenario(JSON.stringify(scenario));
        const heard = [];
        network.getNode('c').onMessage((m) => heard.push(m));
        const sent = [network.getNode('a').broadcast(data)];
        network.getNode('b').onBroadcast((m) => sent.push(m));
        network.broadcastBatch(['b'], data);
        network.runUntil(40);
        const paths = heard.map((m) => (m.data === undefined ? 'traffic' : m.data === null ? 'null' : 'data'));
        check(paths.filter((p) => p === 'traffic').length > 0, `${auth}: engine traffic reached c`);
        equal(paths.filter((p) => p === 'data').length, 3, `${auth}: the broadcast, the batch and the scenario event reached c`);
        equal(paths.filter((p) => p === 'null').length, 1, `${auth}: the scenario event with data null reached c`);
        for (const m of heard) {
          check(Number.isSafeInteger(m.sequence) && m.sequence > 0, `${auth}: a sequence number on every path`);
          check(m.signature instanceof Uint8Array && m.signature.length === proofBytes, `${auth}: a ${proofBytes}-byte proof on every path`);
          if (m.data !== undefined && m.data !== null) equal(JSON.stringify(m.data), JSON.stringify(data), `${auth}: the data as sent`);
        }
        equal([...sent[0].signature], [...heard.find((m) => m.sequence === sent[0].sequence && m.senderId === 'a').signature], `${auth}: the sender's message and the delivered one carry the same proof`);
        const twin = MeshNetwork.fromScenario(scenario);
        const verdicts = [];
        twin.getNode('c').onMessage(() => verdicts.push('accepted'));
        twin.getNode('c').onError((e) => verdicts.push(e.type));
        for (const m of heard) twin.getNode('c').receive(m);
        equal(verdicts, heard.map(() => 'accepted'), `${auth}: every delivered message verifies (${paths.join(', ')})`);
      }
    },
  ],
];
