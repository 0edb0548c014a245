// The simulation API (MeshNetwork with options): virtual time, topologies, faults, trace.
// Shared by the Node tests (tests/js/simulation.test.mjs) and the browser tests (tests/e2e).
import { check, equal, throwsCode } from './check.mjs';
import { build, cfg } from './configs.mjs';

/** The scenario of the native test `the_trace_hash_is_the_same_natively_and_in_wasm`. */
export const PINNED_TRACE_HASH = '228da17d144285f4';

/** `[name, run(api)]` pairs; `api` is the data-mesh module, already initialised. */
export const simulationCases = [
  [
    'with no options a network is instant; with latency a broadcast arrives when time reaches it',
    ({ MeshNetwork, TRANSFER_RECORD, readTransferRecord, OUTLOOKS }) => {
      const [instant] = build(MeshNetwork, undefined, 2);
      equal([instant.isInstant, instant.now], [true, 0], 'the seed network');
      const [network, [a, b, c]] = build(MeshNetwork, { links: { latency: 10 } }, 3);
      const got = [];
      const handed = [];
      b.onMessage((m) => got.push(['b', m.data, network.now]) && handed.push(m));
      c.onMessage((m) => got.push(['c', m.data, network.now]) && handed.push(m));
      const sent = a.broadcast('hi');
      equal([network.isInstant, got.length], [false, 0], 'scheduled');
      const transfers = () => {
        const numbers = network.transfers();
        return Array.from({ length: numbers.length / TRANSFER_RECORD.length }, (_, i) => readTransferRecord(numbers, i * TRANSFER_RECORD.length));
      };
      equal(
        transfers().map((t) => [t.from, t.to, t.progress, OUTLOOKS[t.outlook]]),
        [[0, 1, 0, 'accepted'], [0, 2, 0, 'accepted']],
        'two transfers in flight from n0, at progress 0, to be accepted',
      );
      network.crash('n2');
      equal(transfers().map((t) => OUTLOOKS[t.outlook]), ['accepted', 'dropped'], 'the one to a crashed node will be dropped');
      network.restart('n2');
      network.runUntil(9.999);
      equal(got.length, 0, 'nothing before 10 ms');
      network.runUntil(10);
      equal(got, [['b', 'hi', 10], ['c', 'hi', 10]], 'both at 10 ms, in scheduling order');
      check(handed.length === 2 && handed.every((m) => m === sent), 'the message handed to handlers is the one broadcast');
      equal(sent.senderId, 'n0', 'sent by n0');
      equal(network.step(), false, 'nothing left to run');
    },
  ],
  [
    'flooding over a ring reaches nodes hop by hop within the ttl',
    ({ MeshNetwork }) => {
      const [network, nodes] = build(MeshNetwork, { topology: 'ring', ttl: 2, links: { latency: 1 } }, 8);
      equal(network.neighbours('n0'), ['n1', 'n7'], 'ring neighbours');
      const reached = new Set();
      const deliveries = [];
      for (const node of nodes) {
        node.onMessage((_, delivery) => {
          reached.add(node.nodeId);
          deliveries.push(`${delivery.from}->${node.nodeId}:${delivery.hops}`);
        });
      }
      nodes[0].broadcast('x');
      network.run(1);
      equal([...reached].sort(), ['n1', 'n2', 'n6', 'n7'], 'two hops each way');
      equal(deliveries.sort(), ['n0->n1:1', 'n0->n7:1', 'n1->n2:2', 'n7->n6:2'], 'each delivery names its last link and its hop count');
      const [instant, [a, b]] = build(MeshNetwork, undefined, 2);
      const direct = [];
      b.onMessage((_, delivery) => direct.push(delivery));
      a.broadcast('y');
      b.receive(a.broadcast('z'));
      equal(direct, [{ from: 'n0', hops: 1 }, { from: 'n0', hops: 1 }, undefined], 'an instant delivery is one hop; a message handed to receive has no delivery');
      instant.free();
      const stats = network.getSimulationStats();
      equal([stats.sent, stats.delivered, stats.forwarded, stats.completed, stats.reach], [1, 4, 2, 1, 4], 'stats');
    },
  ],
  [
    'a partition delivers nothing across it until heal; crashed nodes neither send nor receive',
    ({ MeshNetwork }) => {
      const [network, [a, b, c]] = build(MeshNetwork, { links: { latency: 1 } }, 3);
      const got = [];
      for (const node of [a, b, c]) node.onMessage((m) => got.push(`${m.senderId}->${node.nodeId}`));
      network.partition(['n0']);
      a.broadcast(1);
      b.broadcast(2);
      network.run(1);
      equal(got, ['n1->n2'], 'only inside a side');
      network.heal();
      network.crash('n2');
      equal(c.status, 'crashed', 'status');
      a.broadcast(3);
      c.broadcast(4);
      network.run(1);
      equal(got, ['n1->n2', 'n0->n1'], 'nothing to or from the crashed node');
      network.restart('n2');
      equal([c.status, network.isInstant], ['online', false], 'restarted (links still delayed)');
      equal(network.getSimulationStats().partitioned, 3, 'three transfers cut: n0 to n1 and n2, n1 to n0');
    },
  ],
  [
    'the global tick moves every running node and its pattern with virtual time',
    ({ MeshNetwork }) => {
      const [network, [a, b]] = build(MeshNetwork, { globalTick: true, tickInterval: 50 }, 2);
      network.run(3);
      equal([network.now, a.globalStep, a.patternValue], [150, 3, 7], 'three ticks: step 3 (7, 4, 1, 7)');
      network.crash('n1');
      network.run(2);
      equal([a.globalStep, b.globalStep], [5, 3], 'a crashed node does not tick');
    },
  ],
  [
    'the same options and seed give the same trace hash as the native core',
    ({ MeshNetwork }) => {
      const options = {
        seed: 42,
        tickInterval: 10,
        globalTick: true,
        ttl: 4,
        links: { latency: { kind: 'normal', mean: 20, std: 5 }, jitter: 2, loss: 0.05, duplicate: 0.02 },
        topology: { kind: 'small-world', degree: 6, beta: 0.2 },
      };
      const run = () => {
        const [network, nodes] = build(MeshNetwork, options, 200);
        for (let round = 0; round < 20; round++) {
          nodes[(round * 7) % 200].broadcast(round);
          if (round === 10) network.partition(nodes.slice(0, 100).map((n) => n.nodeId), nodes.slice(100).map((n) => n.nodeId));
          network.run(3);
        }
        network.heal();
        network.run(100);
        return network.traceHash();
      };
      equal(run(), PINNED_TRACE_HASH, 'the pinned hash');
      equal(run(), PINNED_TRACE_HASH, 'again');
    },
  ],
  [
    'a recorded trace exports as JSON lines; connect, disconnect and setEdges change the links',
    ({ MeshNetwork, readNodeStateRecord, NODE_STATUSES }) => {
      const [network, [a]] = build(MeshNetwork, { recordTrace: true, links: { latency: 1 } }, 3);
      a.broadcast('x');
      network.run(1);
      const lines = network.exportTrace().trim().split('\n').map((line) => JSON.parse(line));
      equal(lines.map((e) => e.kind), ['send', 'accept', 'accept'], 'kinds');
      equal(lines[1], { timeUs: 1000, kind: 'accept', message: 1, from: 0, to: 1 }, 'an event');
      check(network.disconnect('n0', 'n1') && !network.disconnect('n0', 'n1'), 'disconnect once');
      equal(network.neighbours('n0'), ['n2'], 'after disconnect');
      network.setEdges([['n1', 'n2']]);
      equal([network.neighbours('n0'), network.neighbours('n1')], [[], ['n2']], 'exact edges');
      check(network.connect('n0', 'n1'), 'connect');
      const node0 = readNodeStateRecord(network.nodeStates(), 0);
      equal([NODE_STATUSES[node0.status], node0.globalStep, node0.sent, node0.received, node0.rejected], ['online', 0, 1, 0, 0], 'node 0: online, step 0, sent 1');
    },
  ],
  [
    'bad simulation input throws typed errors naming the field and leaves the network usable',
    ({ MeshNetwork }) => {
      throwsCode(() => new MeshNetwork({ links: { loss: 1.5 } }), RangeError, 'ERR_OUT_OF_RANGE', 'links.loss');
      throwsCode(() => new MeshNetwork({ links: { latency: -1 } }), RangeError, 'ERR_OUT_OF_RANGE', 'links.latency.ms');
      throwsCode(() => new MeshNetwork({ links: { latency: { kind: 'gamma', mean: 1 } } }), RangeError, 'ERR_UNKNOWN_NAME', 'links.latency.kind');
      throwsCode(() => new MeshNetwork({ topology: 'hypercube' }), RangeError, 'ERR_UNKNOWN_NAME', 'topology.kind');
      throwsCode(() => new MeshNetwork({ seed: 'x' }), TypeError, 'ERR_INVALID_TYPE', 'seed');
      throwsCode(() => new MeshNetwork({ topolgy: 'ring' }), TypeError, 'ERR_INVALID_TYPE', 'topolgy');
      throwsCode(() => new MeshNetwork(5), TypeError, 'ERR_INVALID_TYPE', 'options');
      throwsCode(() => new MeshNetwork({ links: { loss: NaN } }), TypeError, 'ERR_INVALID_TYPE', 'links.loss');
      throwsCode(() => new MeshNetwork({ churn: { crash: 2 } }), RangeError, 'ERR_OUT_OF_RANGE', 'churn.crash');
      const [network, [a, b]] = build(MeshNetwork, { links: { latency: 1 } }, 2);
      throwsCode(() => network.setLink('n0', 'n1', { jitter: -1 }), RangeError, 'ERR_OUT_OF_RANGE', 'link.jitter');
      throwsCode(() => network.setEdges([['n0', 'nope']]), RangeError, 'ERR_UNKNOWN_NODE', 'edges[0]');
      throwsCode(() => network.partition(['n0', 'ghost']), RangeError, 'ERR_UNKNOWN_NODE', 'groupA[1]');
      throwsCode(() => network.crash('ghost'), RangeError, 'ERR_UNKNOWN_NODE', 'nodeId');
      throwsCode(() => network.run(-1), RangeError, 'ERR_NEGATIVE', 'ticks');
      throwsCode(() => network.setTopology({ kind: 'small-world', degree: 3 }), RangeError, 'ERR_OUT_OF_RANGE', 'topology.degree');
      throwsCode(() => new MeshNetwork({ links: { loss: -0.1 } }), RangeError, 'ERR_OUT_OF_RANGE', 'links.loss');
      throwsCode(() => network.connect('n0', 'ghost'), RangeError, 'ERR_UNKNOWN_NODE', 'nodeIdB');
      throwsCode(() => network.disconnect('ghost', 'n1'), RangeError, 'ERR_UNKNOWN_NODE', 'nodeIdA');
      // A refused setLinks changes no setting: the 1 ms links stay (a 7 ms latency came with a bad loss).
      throwsCode(() => network.setLinks({ latency: 7, loss: 2 }), RangeError, 'ERR_OUT_OF_RANGE', 'links.loss');
      const got = [];
      b.onMessage((m) => got.push([m.data, network.now]));
      a.broadcast('still works');
      network.runUntil(1);
      equal([got, network.neighbours('n0')], [[['still works', 1]], ['n1']], 'nothing half-applied');
    },
  ],
  [
    'the grid and scale-free topologies and the exponential latency are built from their option names',
    ({ MeshNetwork }) => {
      const [grid] = build(MeshNetwork, { topology: { kind: 'grid', columns: 3 } }, 9);
      equal([grid.neighbours('n0'), grid.neighbours('n4')], [['n1', 'n3'], ['n1', 'n3', 'n5', 'n7']], 'a 3×3 grid');
      const [hubs] = build(MeshNetwork, { topology: { kind: 'scale-free', m: 2 } }, 50);
      const degrees = Array.from({ length: 50 }, (_, i) => hubs.neighbours(`n${i}`).length);
      check(degrees.every((d) => d >= 2) && Math.max(...degrees) >= 8, `preferential attachment makes hubs: ${degrees}`);
      const [slow, [a, b]] = build(MeshNetwork, { links: { latency: { kind: 'exponential', mean: 20 } } }, 2);
      const times = [];
      b.onMessage(() => times.push(slow.now));
      for (let i = 0; i < 200; i++) a.broadcast(i);
      // One moment at a time, so that each handler runs at its arrival time.
      while (slow.step());
      const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
      check(times.length === 200 && mean > 14 && mean < 26, `200 arrivals averaging about 20 ms: ${mean}`);
      for (const network of [grid, hubs, slow]) network.free();
    },
  ],
  [
    'a watching observer classifies each byzantine sender; receivers only check the pattern',
    ({ MeshNetwork, MeshObserver }) => {
      const [network, nodes] = build(MeshNetwork, { links: { latency: 1 }, globalTick: true, tickInterval: 10 }, 5);
      const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      observer.watch(network);
      const flagged = [];
      observer.onAnomaly((a) => flagged.push([a.type, a.message.senderId]));
      network.setByzantine('n1', 'wrong-pattern');
      network.setByzantine('n2', { kind: 'step-skew', skew: 50 });
      network.setByzantine('n3', { kind: 'forged-sender', as: 'ghost' });
      network.setByzantine('n4', { kind: 'forged-sender', as: 'n0' });
      const errors = [];
      nodes[0].onError((e) => errors.push(e.type));
      for (const node of nodes) node.broadcast('x');
      network.run(1);
      equal(flagged, [['pattern-mismatch', 'n1'], ['step-skew', 'n2'], ['unknown-sender', 'ghost']], 'anomalies');
      equal(errors, ['pattern-mismatch'], 'node n0 rejects only the wrong pattern');
      const stats = observer.getStatistics();
      equal(stats.anomaliesByKind, { 'pattern-mismatch': 1, 'step-skew': 1, 'unknown-sender': 1 }, 'by kind');
      equal(stats.bySender.n0.total, 2, 'n4 impersonated n0 unnoticed');
      network.setByzantine('n1', null);
      nodes[1].broadcast('honest again');
      equal(flagged.length, 3, 'honest again');
      throwsCode(() => network.setByzantine('n1', 'liar'), RangeError, 'ERR_UNKNOWN_NAME', 'behaviour.kind');
    },
  ],
  [
    'a replaying node resends an old message that receivers accept and the observer flags',
    ({ MeshNetwork, MeshObserver }) => {
      const [network, [a, b, replayer]] = build(MeshNetwork, { links: { latency: 1 } }, 3);
      const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      observer.watch(network);
      const flagged = [];
      observer.onAnomaly((anomaly) => flagged.push(anomaly.type));
      network.setByzantine('n2', 'replay');
      const got = [];
      b.onMessage((m) => got.push([m.senderId, m.data]));
      a.broadcast('original');
      network.run(1);
      const replayed = replayer.broadcast('ignored payload');
      network.run(1);
      equal([replayed.senderId, flagged], ['n0', ['replay']], 'it claims n0 and is flagged');
      equal(got, [['n0', 'original'], ['n0', 'ignored payload']], 'b accepts it again');
    },
  ],
  [
    'tampered relays mark the copy; drift spreads clocks and autoSync catches up within maxStepSkew',
    ({ MeshNetwork }) => {
      const [network, nodes] = build(MeshNetwork, { links: { latency: 1 }, ttl: 3 }, 3);
      network.setEdges([['n0', 'n1'], ['n1', 'n2']]);
      network.setByzantine('n1', 'tamper');
      const got = [];
      nodes[2].onMessage((m) => got.push([m.data, m.tampered]));
      nodes[0].broadcast('payload');
      network.run(1);
      equal(got, [['payload', true]], 'marked as tampered');
      equal(network.getSimulationStats().tampered, 1, 'counted');

      const options = { globalTick: true, tickInterval: 10, autoSync: true, maxStepSkew: 5, links: { latency: 1 } };
      const [clocks, [fast, slow, far]] = build(MeshNetwork, options, 3);
      clocks.setDrift('n1', -0.5);
      clocks.setDrift('n2', 1);
      clocks.run(10);
      equal([fast.globalStep, slow.globalStep, far.globalStep], [10, 5, 20], 'drifted');
      const synced = [];
      slow.onSync((step) => synced.push(step));
      fast.broadcast('time');
      clocks.runUntil(clocks.now + 1);
      equal([synced, slow.globalStep], [[10], 10], 'the slow node caught up');
      far.broadcast('too far ahead');
      clocks.runUntil(clocks.now + 1);
      equal([fast.globalStep, synced.length], [10, 1], 'nobody follows a step 10 ahead');
      throwsCode(() => clocks.setDrift('n0', 20), RangeError, 'ERR_OUT_OF_RANGE', 'rate');
    },
  ],
  [
    'engine traffic runs on ticks without the global tick; setLink keeps the network link values it does not set',
    ({ MeshNetwork }) => {
      const [network, nodes] = build(MeshNetwork, { traffic: 1, topology: 'ring', links: { latency: 2 } }, 4);
      network.run(3);
      equal([network.getSimulationStats().sent, nodes[0].globalStep], [12, 0], 'every node sends on every tick; steps stay');
      const [linked, [a, b]] = build(MeshNetwork, { links: { latency: 10 } }, 2);
      linked.setLink('n0', 'n1', { loss: 0 });
      const got = [];
      b.onMessage(() => got.push(linked.now));
      a.broadcast('x');
      linked.runUntil(9);
      equal(got.length, 0, 'still 10 ms of latency');
      const [changing, [c, d]] = build(MeshNetwork, { links: { latency: 10 } }, 2);
      const heard = [];
      d.onMessage((m) => heard.push(m.data));
      c.broadcast('sent before');
      changing.setLinks({ loss: 1 });
      c.broadcast('lost');
      changing.runUntil(100);
      equal([heard, changing.getSimulationStats().lost], [['sent before'], 1], 'setLinks applies to later sends');
      throwsCode(() => changing.setLinks({ loss: 2 }), RangeError, 'ERR_OUT_OF_RANGE', 'links.loss');
    },
  ],
  [
    'drainTickStats gives one row per tick for charts; drainTrace gives recorded events in batches',
    ({ MeshNetwork, TRACE_RECORD, readTraceRecord, TRACE_KINDS }) => {
      const [network, [a]] = build(MeshNetwork, { globalTick: true, tickInterval: 10, recordTrace: true, links: { latency: 1 } }, 3);
      network.setDrift('n2', 1);
      network.crash('n1');
      a.broadcast('x');
      network.run(2);
      const ticks = network.drainTickStats();
      equal(ticks.map((t) => [t.tick, t.time, t.online, t.crashedNodes, t.minStep, t.maxStep]), [[1, 10, 2, 1, 1, 2], [2, 20, 2, 1, 2, 4]], 'rows');
      equal([ticks[1].sent, ticks[1].delivered, ticks[1].crashed], [1, 1, 1], 'totals in each row');
      equal(network.drainTickStats(), [], 'drained');
      const trace = network.drainTrace();
      const kinds = [];
      for (let at = 0; at < trace.length; at += TRACE_RECORD.length) kinds.push(TRACE_KINDS[readTraceRecord(trace, at).kind]);
      equal(MeshNetwork.traceKinds, TRACE_KINDS, 'the static traceKinds are the generated table');
      equal(kinds, ['send', 'crashed', 'accept', 'tick', 'tick'], 'trace kinds in order');
    },
  ],
  [
    'fromScenario builds the network, runs scripted events with their payloads, and refuses bad documents',
    ({ MeshNetwork }) => {
      const scenario = {
        version: 1,
        options: { links: { latency: 5 } },
        nodes: [{ nodeId: 'a' }, { nodeId: 'b', seed: 7, phaseResetInterval: 100 }],
        events: [
          { at: 10, broadcast: 'a', data: { reading: 1 } },
          { at: 20, crash: 'b' },
          { at: 30, broadcast: 'a', data: { reading: 2 } },
        ],
      };
      const network = MeshNetwork.fromScenario(scenario);
      equal(network.getNodes().map((n) => n.nodeId), ['a', 'b'], 'nodes');
      const got = [];
      const sent = [];
      network.getNode('b').onMessage((m) => got.push([m.senderId, m.data]));
      network.getNode('a').onBroadcast((m) => sent.push(m.data.reading));
      network.runUntil(100);
      equal([got, sent], [[['a', { reading: 1 }]], [1, 2]], 'the first arrives; b is crashed for the second');
      equal(network.getNode('b').status, 'crashed', 'status');
      const again = MeshNetwork.fromScenario(JSON.stringify(scenario));
      again.runUntil(100);
      equal(again.traceHash(), network.traceHash(), 'text and object give the same run');
      throwsCode(() => MeshNetwork.fromScenario('{'), RangeError, 'ERR_INVALID_SCENARIO', 'scenario');
      throwsCode(() => MeshNetwork.fromScenario({ version: 9, nodes: [] }), RangeError, 'ERR_INVALID_SCENARIO', 'version');
      throwsCode(() => MeshNetwork.fromScenario({ ...scenario, events: [{ at: 1, crash: 'zz' }] }), RangeError, 'ERR_UNKNOWN_NODE', 'events[0].crash');
      throwsCode(() => MeshNetwork.fromScenario({ ...scenario, nodez: 1 }), TypeError, 'ERR_INVALID_TYPE', 'nodez');
      throwsCode(() => MeshNetwork.fromScenario(42), RangeError, 'ERR_INVALID_SCENARIO', 'version');
      const payloadError = throwsCode(
        () => MeshNetwork.fromScenario({ ...scenario, events: [{ at: 1, broadcast: 'a', data: 10n }] }),
        TypeError,
        'ERR_INVALID_TYPE',
        'scenario',
      );
      check(/JSON/.test(payloadError.message), `a document JSON cannot write names the rule: ${payloadError.message}`);
      equal(MeshNetwork.fromScenario(scenario).getNodes().length, 2, 'and the next document still builds');
    },
  ],
  [
    'authenticated networks: forged, replayed and outsider messages reach onError as refusals',
    ({ MeshNetwork }) => {
      for (const auth of ['hmac', 'ed25519']) {
        const [network, nodes] = build(MeshNetwork, { auth, links: { latency: 1 } }, 4);
        const errors = [];
        const accepted = [];
        nodes[1].onError((e) => errors.push(e.type));
        nodes[1].onMessage((m) => accepted.push(m.senderId));
        nodes[0].broadcast('honest');
        network.run(1);
        network.setByzantine('n2', 'outsider');
        nodes[2].broadcast('from outside');
        network.setByzantine('n3', { kind: 'forged-sender', as: 'n0' });
        nodes[3].broadcast('pretending to be n0');
        network.run(1);
        const expected = auth === 'ed25519' ? ['bad-signature', 'bad-signature'] : ['bad-signature'];
        equal([accepted.length, errors], [auth === 'ed25519' ? 1 : 2, expected], auth);
        const stats = network.getSimulationStats();
        equal(stats.badSignatures, auth === 'ed25519' ? 6 : 3, `${auth}: every receiver refuses`);
      }
      throwsCode(() => new MeshNetwork({ auth: 'rsa' }), RangeError, 'ERR_UNKNOWN_NAME', 'auth');
    },
  ],
];
