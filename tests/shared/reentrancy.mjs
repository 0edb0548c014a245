// Handlers may call back into any API mid-delivery; order stays breadth-first and deterministic.
import { check, equal, spy } from './check.mjs';
import { cfg } from './configs.mjs';

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const reentrancyCases = [
  [
    'a handler that broadcasts queues its message after the current delivery (breadth first)',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const [a, b, c] = ['a', 'b', 'c'].map((id) => network.createNode(cfg(id)));
      const log = [];
      for (const node of [a, b, c]) {
        node.onMessage((m) => {
          log.push(`${node.nodeId}<-${m.data}`);
          if (m.data === 'ping' && node === b) b.broadcast('pong');
        });
      }
      a.broadcast('ping');
      equal(log, ['b<-ping', 'c<-ping', 'a<-pong', 'c<-pong'], 'delivery order');
    },
  ],
  [
    'handlers may sync, createNode and removeNode (even their own node) without borrow errors',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const a = network.createNode(cfg('a'));
      const b = network.createNode(cfg('b'));
      const c = network.createNode(cfg('c'));
      const syncs = spy();
      b.onSync(syncs);
      let created;
      b.onMessage((m) => {
        if (m.data === 'bye') {
          network.removeNode('b');
          return;
        }
        b.sync(5);
        created = network.createNode(cfg('late'));
      });
      const cGot = spy();
      c.onMessage(cGot);
      a.broadcast('x');
      equal(syncs.calls, [[5]], 'onSync ran');
      a.broadcast('bye');
      check(!b.isValid(), 'b removed itself');
      check(created.isValid(), 'node created inside a handler');
      equal(cGot.calls.length, 2, 'c still got both messages');
      const lateGot = spy();
      created.onMessage(lateGot);
      a.broadcast('y');
      equal([cGot.calls.length, lateGot.calls.length], [3, 1], 'later broadcasts reach the new node, not the removed one');
    },
  ],
  [
    'a node removed by an earlier receiver does not get the message',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const a = network.createNode(cfg('a'));
      const b = network.createNode(cfg('b'));
      const c = network.createNode(cfg('c'));
      b.onMessage(() => network.removeNode('c'));
      const cGot = spy();
      c.onMessage(cGot);
      a.broadcast('x');
      equal(cGot.calls.length, 0, 'removed before its turn');
    },
  ],
  [
    'a handler that throws does not stop delivery; the error reaches its node as handler-error',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const a = network.createNode(cfg('a'));
      const b = network.createNode(cfg('b'));
      const c = network.createNode(cfg('c'));
      const boom = new Error('boom');
      b.onMessage(() => {
        throw boom;
      });
      const bSecond = spy();
      b.onMessage(bSecond);
      const bErrors = spy();
      b.onError(bErrors);
      const cGot = spy();
      c.onMessage(cGot);
      a.broadcast('x');
      equal([bSecond.calls.length, cGot.calls.length], [1, 1], 'others still called');
      equal(bErrors.calls.length, 1, 'one handler-error');
      equal(bErrors.calls[0][0].type, 'handler-error', 'type');
      check(bErrors.calls[0][0].error === boom, 'the thrown value');
      a.broadcast('again');
      equal(cGot.calls.length, 2, 'network still usable');
    },
  ],
  [
    'an onError handler that throws is reported, not re-routed (no loop)',
    ({ MeshNode }) => {
      const node = new MeshNode(cfg('n'));
      let calls = 0;
      node.onError(() => {
        calls++;
        throw new Error('in onError');
      });
      const original = console.error;
      const reported = [];
      console.error = (...args) => reported.push(args);
      try {
        node.receive({ senderId: 'x', globalStep: 0, patternValue: 1, data: 0 });
      } finally {
        console.error = original;
      }
      equal(calls, 1, 'called once');
      equal(reported.length, 1, 'reported once');
    },
  ],
  [
    'observers may observe and broadcast from onAnomaly; unsubscribing stops a handler',
    ({ MeshNetwork, MeshObserver }) => {
      const network = new MeshNetwork();
      const good = network.createNode(cfg('good'));
      const liar = network.createNode(cfg('liar', 3));
      const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      observer.watch(network);
      const seen = [];
      observer.onAnomaly((anomaly) => {
        seen.push(anomaly.message.senderId);
        if (seen.length === 1) {
          good.broadcast('after-anomaly');
          observer.observe({ senderId: 'direct', globalStep: 0, patternValue: 1, data: 0 });
        }
      });
      const liarErrors = spy();
      const stop = liar.onError(liarErrors);
      liar.broadcast('lie');
      equal(seen, ['liar', 'direct'], 'anomalies in order');
      equal(liarErrors.calls.length, 1, 'liar rejected the good message (different seed)');
      stop();
      good.broadcast('again');
      equal(liarErrors.calls.length, 1, 'unsubscribed');
      const stats = observer.getStatistics();
      equal([stats.total, stats.valid, stats.anomalies], [4, 2, 2], 'observer counted every broadcast and the direct message');
      observer.unwatch(network);
      good.broadcast('unwatched');
      equal(observer.getStatistics().total, 4, 'unwatch stops counting');
    },
  ],
  [
    'anomalies reach the observers that were watching at broadcast time, even after an unwatch in a handler',
    ({ MeshNetwork, MeshObserver }) => {
      const network = new MeshNetwork();
      const a = network.createNode(cfg('a'));
      const b = network.createNode(cfg('b'));
      const seedThree = new MeshObserver({ seed: 3, phaseResetInterval: 100 });
      const seedSeven = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      seedThree.watch(network);
      seedSeven.watch(network);
      const three = spy();
      const seven = spy();
      seedThree.onAnomaly(three);
      seedSeven.onAnomaly(seven);
      b.onMessage(() => seedThree.unwatch(network));
      a.broadcast('x');
      equal(three.calls.length, 1, 'the seed-3 observer flagged the seed-7 message');
      equal(three.calls[0][0].expected, 3, 'with its own expectation');
      equal(seven.calls.length, 0, 'the seed-7 observer got nothing');
      a.broadcast('y');
      equal(three.calls.length, 1, 'unwatched afterwards');
    },
  ],
  [
    'freeing a watching observer detaches it; a message keeps its stamped pattern',
    ({ MeshNetwork, MeshObserver }) => {
      const network = new MeshNetwork();
      const a = network.createNode(cfg('a'));
      const liar = network.createNode(cfg('liar', 3));
      const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      observer.watch(network);
      const anomalies = spy();
      observer.onAnomaly(anomalies);
      observer.free();
      liar.broadcast('after free');
      equal(anomalies.calls.length, 0, 'no handler runs after free');
      const errors = spy();
      a.onError(errors);
      const message = liar.broadcast('lie');
      equal(errors.calls[0][0].received, 3, 'received is the stamped value');
      const watcher = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      watcher.watch(network);
      network.free();
      watcher.free();
    },
  ],
  [
    'the same scenario gives the same event trace every run',
    ({ MeshNetwork }) => {
      const runOnce = () => {
        const network = new MeshNetwork();
        const nodes = Array.from({ length: 5 }, (_, i) => network.createNode(cfg(`n${i}`, i === 4 ? 2 : 7)));
        const trace = [];
        for (const node of nodes) {
          node.onMessage((m) => {
            trace.push(`${node.nodeId}:${m.senderId}:${m.data}`);
            if (m.data < 3) node.broadcast(m.data + 1);
          });
          node.onError((e) => trace.push(`${node.nodeId}!${e.type}`));
        }
        nodes[0].broadcast(0);
        return trace;
      };
      const first = runOnce();
      check(first.length > 20, `a long trace (${first.length})`);
      equal(runOnce(), first, 'identical traces');
    },
  ],
  [
    'when reporting a handler error throws too (console.error replaced), the broadcast throws and later callbacks still run',
    ({ MeshNetwork, MeshObserver }) => {
      const network = new MeshNetwork();
      const [a, b] = ['a', 'b'].map((id) => network.createNode(cfg(id)));
      const observer = new MeshObserver({ seed: 8, phaseResetInterval: 100 });
      observer.watch(network);
      observer.onAnomaly(() => {
        throw new Error('handler');
      });
      const saved = console.error;
      console.error = () => {
        throw new Error('console');
      };
      let threw = false;
      try {
        a.broadcast(1);
      } catch {
        threw = true;
      } finally {
        console.error = saved;
      }
      check(threw, 'the error the report threw reaches the caller');
      observer.unwatch(network);
      const synced = spy();
      b.onSync(synced);
      b.sync(5);
      equal(synced.calls, [[5]], 'onSync still runs: the callback queue is not left running');
    },
  ],
];
