// What the api fuzzer found: hostile arguments (deep, cyclic or huge objects, proxies, throwing
// getters) are refused with typed errors, and neither the network nor a fresh one breaks.
import { check, equal, throwsCode } from './check.mjs';

const config = (nodeId) => ({ nodeId, seed: 7, phaseResetInterval: 100 });
const deep = (depth, wrap) => {
  let value = {};
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
};
const throwing = () => {
  throw new Error('planted');
};
const trapAll = (target) => new Proxy(target, { get: throwing, ownKeys: throwing, has: throwing, getOwnPropertyDescriptor: throwing, getPrototypeOf: throwing });
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

/** A network of two nodes that still delivers a broadcast. */
function stillWorks(MeshNetwork, network = new MeshNetwork()) {
  const a = network.createNode(config(`a${network.size}`));
  const b = network.createNode(config(`b${network.size}`));
  a.broadcast('after');
  network.run(1);
  equal(b.getStats().messagesReceived, 1, 'a broadcast is still delivered');
}

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const hostileCases = [
  [
    'options nested 100 000 deep are refused by name, and wasm keeps working (was a stack overflow that broke every later network)',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const tooDeep = deep(100_000, (o) => ({ kind: o }));
      for (const [call, field] of [
        [() => new MeshNetwork(tooDeep), 'options'],
        [() => new MeshNetwork({ links: { latency: tooDeep } }), 'options'],
        [() => network.setTopology(tooDeep), 'topology'],
        [() => network.setLinks(deep(100_000, (o) => [o])), 'links'],
      ]) {
        const error = throwsCode(call, TypeError, 'ERR_INVALID_TYPE', field);
        check(error.message.includes('nested deeper than 128 levels'), `says the rule: ${error.message}`);
      }
      network.createNode(config('x'));
      network.createNode(config('y'));
      throwsCode(() => network.setLink('x', 'y', tooDeep), TypeError, 'ERR_INVALID_TYPE', 'link');
      throwsCode(() => network.setByzantine('x', tooDeep), TypeError, 'ERR_INVALID_TYPE', 'behaviour');
      const cyclic = { kind: 'ring' };
      cyclic.self = cyclic;
      throwsCode(() => network.setTopology(cyclic), TypeError, 'ERR_INVALID_TYPE', 'topology');
      network.setTopology({ kind: 'ring' });
      stillWorks(MeshNetwork);
      stillWorks(MeshNetwork, network);
    },
  ],
  [
    'an options object of more than 100 000 values (one object shared down 40 levels) is refused before it is walked to the end',
    ({ MeshNetwork }) => {
      const shared = deep(40, (o) => ({ a: o, b: o })); // 2^40 paths through 40 objects
      const error = throwsCode(() => new MeshNetwork({ topology: shared }), TypeError, 'ERR_INVALID_TYPE', 'options');
      check(error.message.includes('more than 100000 values'), `says the rule: ${error.message}`);
      stillWorks(MeshNetwork);
    },
  ],
  [
    'options whose getters or proxy traps throw are refused as unreadable, and the network is not left borrowed',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      network.createNode(config('x'));
      network.createNode(config('y'));
      const unreadable = [trapAll({}), trapAll([]), revoked(), { get kind() { return throwing(); } }];
      for (const value of unreadable) {
        const error = throwsCode(() => network.setTopology(value), TypeError, 'ERR_INVALID_TYPE', 'topology');
        check(error.message.includes('could not be read') || error.message.includes('must be'), error.message);
        throwsCode(() => network.setLinks({ latency: value }), TypeError, 'ERR_INVALID_TYPE', 'links');
        throwsCode(() => new MeshNetwork(value), TypeError, 'ERR_INVALID_TYPE', 'options');
      }
      network.setTopology('ring');
      stillWorks(MeshNetwork, network);
    },
  ],
  [
    'a scenario object JSON.stringify cannot write (a cycle, a BigInt, a throwing toJSON or trap) or 100 000 levels deep is ERR_INVALID_TYPE',
    ({ MeshNetwork }) => {
      const cyclic = { version: 1 };
      cyclic.self = cyclic;
      for (const scenario of [cyclic, { version: 1, n: 1n }, { toJSON: throwing }, trapAll({})]) {
        throwsCode(() => MeshNetwork.fromScenario(scenario), TypeError, 'ERR_INVALID_TYPE', 'scenario');
      }
      // 100 000 levels overflow JSON.stringify's stack in Node (naming scenario); Chromium's stack
      // holds them, and the reader refuses the parsed document (naming its root, as it names options).
      const error = throwsCode(() => MeshNetwork.fromScenario(deep(100_000, (o) => ({ o }))), TypeError, 'ERR_INVALID_TYPE');
      check(['scenario', 'options'].includes(error.field), `names the scenario: ${error.field}`);
      stillWorks(MeshNetwork);
    },
  ],
  [
    'configs, messages, keys and lists whose getters, traps or prototype lookups throw are typed refusals',
    ({ MeshNetwork, MeshNode, MeshObserver, PatternGenerator, canonicalBytes }) => {
      const network = new MeshNetwork();
      const a = network.createNode(config('a'));
      network.createNode(config('b'));
      const getter = (key) => Object.defineProperty(config('g'), key, { get: throwing });
      throwsCode(() => network.createNode(getter('seed')), TypeError, 'ERR_INVALID_TYPE', 'seed');
      throwsCode(() => network.createNode(getter('nodeId')), TypeError, 'ERR_INVALID_TYPE', 'nodeId');
      throwsCode(() => new MeshObserver(getter('phaseResetInterval')), TypeError, 'ERR_INVALID_TYPE', 'phaseResetInterval');
      throwsCode(() => new PatternGenerator(getter('seed')), TypeError, 'ERR_INVALID_TYPE', 'seed');
      throwsCode(() => new MeshNode(trapAll({})), TypeError, 'ERR_INVALID_TYPE');
      throwsCode(() => new MeshNetwork(trapAll({})), TypeError, 'ERR_INVALID_TYPE', 'options');
      throwsCode(() => network.broadcastBatch([trapAll({})], 1), TypeError, 'ERR_INVALID_TYPE', 'senders[0]');
      throwsCode(() => network.broadcastBatch(trapAll([]), 1), TypeError, 'ERR_INVALID_TYPE', 'senders');
      throwsCode(() => network.partition(revoked()), TypeError, 'ERR_INVALID_TYPE', 'groupA');
      throwsCode(() => network.setEdges([trapAll([])]), TypeError, 'ERR_INVALID_TYPE', 'edges[0]');
      throwsCode(() => network.setMeshKey(trapAll({})), TypeError, 'ERR_INVALID_TYPE', 'key');
      throwsCode(() => new MeshObserver(config('o')).watch(revoked()), TypeError, 'ERR_INVALID_TYPE', 'network');
      throwsCode(() => canonicalBytes(null), TypeError, 'ERR_INVALID_TYPE', 'message');
      const message = Object.defineProperty({ senderId: 'a', globalStep: 0, patternValue: 7 }, 'globalStep', { get: throwing });
      throwsCode(() => canonicalBytes(message), TypeError, 'ERR_INVALID_TYPE', 'globalStep');
      equal(network.size, 2, 'nothing was created');
      a.broadcast('after');
      stillWorks(MeshNetwork, network);
    },
  ],
  [
    'neighbours of a node left without links after a disconnect is empty (was a wasm panic)',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      for (const id of ['a', 'b', 'c']) network.createNode(config(id));
      network.setEdges([['a', 'b']]);
      equal(network.disconnect('a', 'b'), true);
      equal([network.neighbours('a'), network.neighbours('b'), network.neighbours('c')], [[], [], []]);
      equal(network.connect('c', 'a'), true);
      equal(network.neighbours('a'), ['c']);
      equal(network.removeNode('b'), true, 'the network is not left borrowed');
    },
  ],
  [
    'an authenticated node handed a message whose sequence getter throws refuses it as a bad signature',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork({ auth: 'hmac' });
      const a = network.createNode(config('a'));
      const errors = [];
      a.onError((error) => errors.push(error.type));
      const message = { senderId: 'b', globalStep: 0, patternValue: 7, data: 1, get sequence() { return throwing(); } };
      a.receive(message);
      a.receive({ senderId: 'b', globalStep: 0, patternValue: 7, data: trapAll({}), sequence: 1, signature: trapAll(new Uint8Array(32)) });
      equal(errors, ['bad-signature', 'bad-signature']);
      equal(a.getStats().messagesRejected, 2);
    },
  ],
];
