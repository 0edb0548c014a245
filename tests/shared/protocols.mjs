// Protocols written in JS: per-node state, hooks at virtual time, a context to act through, a
// seeded random source per node; the engine never relays for them; hooks may run the network and
// crash nodes; bad protocols are typed errors.
import { check, equal, throwsCode } from './check.mjs';
import { cfg } from './configs.mjs';

/** The trace hash of the gossip run below with seed 11: the same in Node and in Chromium. */
export const PINNED_PROTOCOL_HASH = '3cbc5ea30121becb';

/** A protocol that floods each value it has not seen to its neighbours, logging what it does. */
function flooding(log) {
  return {
    name: 'js-flooding',
    init: () => ({ seen: new Set() }),
    onMessage(state, ctx, message, delivery) {
      log?.push(`${ctx.now} ${ctx.nodeId}<-${message.data} from ${delivery.from}`);
      if (state.seen.has(message.data)) return;
      state.seen.add(message.data);
      for (const peer of ctx.neighbours()) if (peer !== delivery.from) ctx.send(peer, message.data);
    },
  };
}

/** A ring of `n` nodes with 10 ms links running `protocol`; returns the network and nodes. */
function ring(MeshNetwork, protocol, n = 4, extra = {}) {
  const network = new MeshNetwork({ links: { latency: 10 }, topology: 'ring', ttl: 8, protocol, ...extra });
  const nodes = Array.from({ length: n }, (_, i) => network.createNode(cfg(`n${i}`)));
  return [network, nodes];
}

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const protocolCases = [
  [
    'a JS protocol reacts at arrival time, its sends leave then, and the engine relays nothing for it',
    ({ MeshNetwork }) => {
      const log = [];
      const [network, [a]] = ring(MeshNetwork, flooding(log), 4);
      a.broadcast('v');
      network.runUntil(100);
      // n2 hears first from n1 and passes it on to n3 alone (its other neighbour than n1).
      equal(log, ['10 n1<-v from n0', '10 n3<-v from n0', '20 n2<-v from n1', '20 n2<-v from n3', '30 n3<-v from n2'], 'each hop 10 ms after the last');
      const stats = network.getSimulationStats();
      equal([stats.forwarded, stats.sent], [0, 4], 'no engine relays: 1 broadcast and 3 protocol sends');
    },
  ],
  [
    'the context: id, time, step, pattern, neighbours, timers, and a seeded random source per node',
    ({ MeshNetwork }) => {
      const seen = [];
      const protocol = {
        init: (ctx) => ({ draws: [ctx.random(), ctx.random()] }),
        onStart(state, ctx) {
          seen.push([ctx.nodeId, ctx.now, ctx.globalStep, ctx.patternValue, ctx.neighbours()]);
          ctx.setTimer(5, () => seen.push([ctx.nodeId, 'timer', ctx.now]));
        },
        onMessage() {},
      };
      const run = (seed) => {
        const network = new MeshNetwork({ seed, links: { latency: 1 }, topology: 'ring', protocol });
        const nodes = [0, 1, 2].map((i) => network.createNode(cfg(`n${i}`)));
        return [network, nodes];
      };
      const [network] = run(7);
      equal(seen, [], 'onStart waits for the first run');
      network.runUntil(10);
      equal(seen, [
        ['n0', 0, 0, 7, ['n1', 'n2']], ['n1', 0, 0, 7, ['n0', 'n2']], ['n2', 0, 0, 7, ['n0', 'n1']],
        ['n0', 'timer', 5], ['n1', 'timer', 5], ['n2', 'timer', 5],
      ], 'in creation order, at the first run');
      const draws = (seed) => {
        const states = [];
        const [net] = [new MeshNetwork({ seed, protocol: { init: (ctx) => states.push([ctx.random(), ctx.random()]), onMessage() {} } })];
        for (let i = 0; i < 3; i++) net.createNode(cfg(`n${i}`));
        return states;
      };
      const first = draws(3);
      equal(draws(3), first, 'the same seed gives the same draws');
      check(JSON.stringify(draws(4)) !== JSON.stringify(first), 'another seed, other draws');
      check(first[0][0] !== first[1][0] && first.flat().every((x) => x >= 0 && x < 1), 'each node its own source, in [0, 1)');
    },
  ],
  [
    'a protocol given to createNode overrides the network\'s; onSync, onCrash and onRestart run with the state',
    ({ MeshNetwork }) => {
      const log = [];
      const tracker = (name) => ({
        init: () => ({ name, messages: 0 }),
        onMessage: (state) => state.messages++,
        onSync: (state, ctx, step) => log.push(`${state.name} ${ctx.nodeId} sync ${step}`),
        onCrash: (state, ctx) => log.push(`${state.name} ${ctx.nodeId} crash after ${state.messages}`),
        onRestart: (state, ctx) => log.push(`${state.name} ${ctx.nodeId} restart with ${state.messages}`),
      });
      for (const restartKeepsStep of [true, false]) {
        log.length = 0;
        const network = new MeshNetwork({ links: { latency: 1 }, restartKeepsStep, protocol: tracker('net') });
        const a = network.createNode(cfg('a'));
        const b = network.createNode({ ...cfg('b'), protocol: tracker('own') });
        a.broadcast(1);
        network.runUntil(5);
        b.sync(3);
        network.crash('b');
        network.restart('b');
        equal(log, ['own b sync 3', 'own b crash after 1', `own b restart with ${restartKeepsStep ? 1 : 0}`], `restartKeepsStep ${restartKeepsStep}`);
      }
    },
  ],
  [
    'crashes and restarts made by churn or a scenario reach onCrash and onRestart at their time',
    ({ MeshNetwork }) => {
      const log = [];
      const protocol = {
        init: () => ({ lives: 1 }),
        onMessage() {},
        onCrash: (state, ctx) => log.push(`${ctx.nodeId} crash ${ctx.now}`),
        onRestart: (state, ctx) => log.push(`${ctx.nodeId} restart ${ctx.now} lives ${++state.lives}`),
      };
      const scenario = {
        version: 1,
        options: { links: { latency: 1 } },
        nodes: { count: 2 },
        events: [
          { at: 20, crash: 'node-1' },
          { at: 35, restart: 'node-1' },
        ],
      };
      const network = MeshNetwork.fromScenario(scenario, { protocol });
      network.runUntil(50);
      equal(log, ['node-1 crash 20', 'node-1 restart 35 lives 2'], 'scripted, at their times');
      log.length = 0;
      const churny = new MeshNetwork({ seed: 4, churn: { crash: 0.3, restart: 0.5 }, protocol });
      for (let i = 0; i < 5; i++) churny.createNode(cfg(`n${i}`));
      churny.run(20);
      const crashes = log.filter((line) => line.includes('crash')).length;
      check(crashes > 0 && log.some((line) => line.includes('restart')), `churn reached the hooks: ${log.join(', ')}`);
      check(log.every((line) => Number(line.split(' ')[2]) % 100 === 0), 'on tick boundaries (100 ms ticks)');
    },
  ],
  [
    'review cases: no hooks for a restart of a running node; engine traffic in an instant network reaches protocols at tick time; a node created during a run starts before its first message',
    ({ MeshNetwork }) => {
      let inits = 0;
      let restarts = 0;
      const counting = { init: () => ++inits, onMessage() {}, onRestart: () => restarts++, onCrash: () => restarts-- };
      const network = new MeshNetwork({ links: { latency: 1 }, restartKeepsStep: false, protocol: counting });
      network.createNode(cfg('a'));
      network.restart('a');
      network.crash('a');
      network.crash('a');
      equal([inits, restarts], [1, -1], 'one init, one onCrash, no onRestart');
      const times = [];
      const instant = new MeshNetwork({ traffic: 0.5, seed: 3, protocol: { onMessage: (s, ctx) => times.push(ctx.now) } });
      instant.createNode(cfg('a'));
      instant.createNode(cfg('b'));
      instant.run(10);
      check(times.length > 0 && times.every((t) => t % 100 === 0) && times[0] < 1000, `at tick times: ${times}`);
      const log = [];
      const late = { onStart: (s, ctx) => log.push(`start ${ctx.now}`), onMessage: (s, ctx) => log.push(`message ${ctx.now}`) };
      const [run, [x]] = [new MeshNetwork({ links: { latency: 1 } }), []];
      const sender = run.createNode(cfg('x'));
      run.at(2, () => {
        run.createNode({ ...cfg('late'), protocol: late });
        sender.send('late', 'hi');
      });
      run.runUntil(10);
      equal(log, ['start 2', 'message 3'], 'onStart first');
      check(x === undefined, 'unused');
    },
  ],
  [
    'what a hook throws goes to the node\'s onError; a hook may remove its node or free the network',
    ({ MeshNetwork }) => {
      const protocol = {
        onMessage(state, ctx, message) {
          if (message.data === 'throw') throw new Error('protocol bug');
          if (message.data === 'remove') network.removeNode(ctx.nodeId);
          if (message.data === 'free') network.free();
        },
      };
      const network = new MeshNetwork({ links: { latency: 1 }, protocol });
      const [a, b, c] = ['a', 'b', 'c'].map((id) => network.createNode(cfg(id)));
      const errors = [];
      b.onError((e) => errors.push([e.type, e.error.message]));
      a.send('b', 'throw');
      network.runUntil(2);
      equal(errors, [['handler-error', 'protocol bug']], 'routed to onError');
      a.send('c', 'remove');
      network.runUntil(4);
      equal([c.isValid(), network.size], [false, 2], 'removed itself; the network goes on');
      a.send('b', 'free');
      a.send('b', 'never handled');
      network.runUntil(6);
      throwsCode(() => network.now, Error, 'ERR_OBJECT_FREED');
    },
  ],
  [
    'hooks that re-enter the network (a ctx timer runs it on, onMessage calls run, step and crash another node) leave it usable and replaying',
    ({ MeshNetwork }) => {
      const play = () => {
        const log = [];
        let network;
        const protocol = {
          onStart(_state, ctx) {
            if (ctx.nodeId !== 'n0') return;
            ctx.setTimer(5, () => {
              network.runUntil(ctx.now + 3);
              log.push(`n0 timer ran the network to ${network.now}`);
              ctx.broadcast('run');
            });
          },
          onMessage(_state, ctx, message, delivery) {
            log.push(`${ctx.nodeId}<-${message.data} from ${delivery.from}`);
            if (message.data === 'run' && ctx.nodeId === 'n1') {
              log.push(`n1 at ${ctx.now} runs one tick`);
              network.run(1);
              log.push(`n1 back at ${network.now}`);
              ctx.send('n2', 'step');
            } else if (message.data === 'step') {
              ctx.setTimer(3, () => log.push(`n2 timer at ${ctx.now}`));
              log.push(`n2 at ${ctx.now} steps: ${network.step()}, to ${network.now}`);
              ctx.send('n3', 'crash');
            } else if (message.data === 'crash') {
              network.crash('n1');
              network.runUntil(ctx.now + 50);
              log.push(`n3 crashed n1 and ran to ${network.now}`);
              ctx.broadcast('after');
            }
          },
        };
        network = new MeshNetwork({ links: { latency: 2 }, tickInterval: 10, protocol });
        const nodes = ['n0', 'n1', 'n2', 'n3'].map((id) => network.createNode(cfg(id)));
        const errors = [];
        for (const node of nodes) node.onError((error) => errors.push(error));
        network.runUntil(200);
        return { log, errors, network, nodes, hash: network.traceHash() };
      };
      const { log, errors, network, nodes, hash } = play();
      equal(errors, [], 'nothing went to onError');
      const chain = log.filter((line) => !/^n[23]<-run/.test(line));
      equal(chain, [
        'n0 timer ran the network to 8', 'n1<-run from n0', 'n1 at 10 runs one tick', 'n1 back at 20',
        'n2<-step from n1', 'n2 timer at 25', 'n2 at 22 steps: true, to 25', 'n3<-crash from n2', 'n3 crashed n1 and ran to 77',
        'n0<-after from n3', 'n2<-after from n3',
      ], 'each nested run went as far as it asked, and the crashed n1 heard nothing after');
      equal(log.filter((line) => /^n[23]<-run/.test(line)).sort(), ['n2<-run from n0', 'n3<-run from n0'], 'the other receivers of the broadcast ran their hooks too');
      equal([network.now, network.getSimulationStats().crashed, nodes[1].status], [200, 1, 'crashed'], 'the outer run ended where it was headed');
      nodes[0].send('n2', 'still usable');
      network.runUntil(210);
      equal(log.at(-1), 'n2<-still usable from n0', 'the network goes on');
      const again = play();
      equal([again.hash, again.log], [hash, log.slice(0, -1)], 'the same calls replay: the same trace hash and hooks');
    },
  ],
  [
    'fromScenario runs a protocol on every node of the scenario',
    ({ MeshNetwork }) => {
      const log = [];
      const scenario = { version: 1, options: { links: { latency: 10 }, topology: 'ring', ttl: 8 }, nodes: { count: 4 } };
      const network = MeshNetwork.fromScenario(scenario, { protocol: flooding(log) });
      network.getNodes()[0].broadcast('x');
      network.runUntil(100);
      equal(log.length, 5, 'as on the ring built by hand');
    },
  ],
  [
    'a run with a JS protocol replays from its seed: the same trace hash',
    ({ MeshNetwork }) => {
      const gossip = {
        init: () => ({ seen: new Set() }),
        onMessage(state, ctx, message) {
          if (state.seen.has(message.data)) return;
          state.seen.add(message.data);
          const peers = ctx.neighbours();
          for (let i = 0; i < 2; i++) ctx.send(peers[Math.floor(ctx.random() * peers.length)], message.data);
        },
      };
      const run = (seed) => {
        const network = new MeshNetwork({ seed, links: { latency: { kind: 'uniform', min: 1, max: 20 } }, topology: { kind: 'random-regular', degree: 4 }, protocol: gossip });
        const nodes = Array.from({ length: 30 }, (_, i) => network.createNode(cfg(`n${i}`)));
        for (let v = 0; v < 5; v++) nodes[v * 3].broadcast(v);
        network.runUntil(500);
        return network.traceHash();
      };
      equal(run(11), PINNED_PROTOCOL_HASH, 'the pinned hash');
      equal(run(11), PINNED_PROTOCOL_HASH, 'again');
      check(run(11) !== run(12), 'another seed, another run');
    },
  ],
  [
    'bad protocols are typed errors naming the protocol or the hook, and nothing is created',
    ({ MeshNetwork }) => {
      throwsCode(() => new MeshNetwork({ protocol: 5 }), TypeError, 'ERR_INVALID_TYPE', 'protocol');
      throwsCode(() => new MeshNetwork({ protocol: {} }), TypeError, 'ERR_INVALID_TYPE', 'protocol.onMessage');
      throwsCode(() => new MeshNetwork({ protocol: { onMessage() {}, onStart: 'soon' } }), TypeError, 'ERR_INVALID_TYPE', 'protocol.onStart');
      const getter = { onMessage() {}, get init() { throw new Error('no'); } };
      throwsCode(() => new MeshNetwork({ protocol: getter }), TypeError, 'ERR_INVALID_TYPE', 'protocol.init');
      const network = new MeshNetwork();
      throwsCode(() => network.createNode({ ...cfg('a'), protocol: { onMessage: 1 } }), TypeError, 'ERR_INVALID_TYPE', 'config.protocol.onMessage');
      equal(network.size, 0, 'no node was created');
      throwsCode(() => MeshNetwork.fromScenario({ version: 1, nodes: { count: 2 } }, { protocol: null }), TypeError, 'ERR_INVALID_TYPE', 'protocol');
      network.createNode(cfg('a'));
      equal(network.size, 1, 'still usable');
    },
  ],
];
