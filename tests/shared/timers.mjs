// Virtual timers: node.setTimer and network.at fire at their virtual time during run, runUntil and
// step (instant networks too), in the order set, after the tick and scenario events and before the
// arrivals due then; a crashed node's timers never fire (whether its restart keeps the step or
// not); cancel works; callbacks may call any API, remove their own node included; bad arguments
// are typed errors.
import { check, equal, throwsCode } from './check.mjs';
import { build } from './configs.mjs';

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const timerCases = [
  [
    'timers fire at their virtual time, in the order set, before the arrivals due then, and what they send leaves then',
    ({ MeshNetwork }) => {
      const [network, [a, b]] = build(MeshNetwork, { links: { latency: 10 } }, ['a', 'b']);
      const log = [];
      b.onMessage((m, delivery) => log.push(`${network.now} b<-${m.data} (${delivery.from})`));
      a.broadcast('first');
      network.at(10, () => log.push(`${network.now} network timer`));
      a.setTimer(10, () => log.push(`${network.now} a timer`));
      b.setTimer(4, () => {
        log.push(`${network.now} b timer sends`);
        b.send('a', 'from-timer');
      });
      a.onMessage((m) => log.push(`${network.now} a<-${m.data}`));
      network.runUntil(50);
      const timers = ['4 b timer sends', '10 network timer', '10 a timer'];
      equal(log, [...timers, '50 b<-first (a)', '50 a<-from-timer'], 'timers at their times in the order set; arrival handlers when the run ends');
      equal(network.getSimulationStats().delivered, 2, 'the timer send arrived (4 + 10 ms)');
      equal(network.now, 50, 'the run went on to its end');
    },
  ],
  [
    'handlers of arrivals before a timer run before it, and its send leaves at its own time',
    ({ MeshNetwork }) => {
      const [network, [a, b]] = build(MeshNetwork, { links: { latency: 10 } }, ['a', 'b']);
      const log = [];
      b.onMessage((m) => log.push(`b<-${m.data}`));
      a.onMessage((m) => log.push(`a<-${m.data} at ${network.now}`));
      a.broadcast('early');
      b.setTimer(15, () => {
        log.push(`timer at ${network.now}`);
        b.send('a', 'late');
      });
      network.runUntil(100);
      equal(log, ['b<-early', 'timer at 15', 'a<-late at 100'], 'arrival handlers first, then the timer');
      const trace = [];
      const [again, [c, d]] = build(MeshNetwork, { links: { latency: 10 }, recordTrace: true }, ['a', 'b']);
      d.setTimer(15, () => d.send('a', 'late'));
      again.runUntil(100);
      for (const line of again.exportTrace().trim().split('\n')) trace.push(JSON.parse(line));
      equal(trace.map((e) => [e.timeUs, e.kind]), [[15000, 'timer'], [15000, 'send'], [25000, 'accept']], 'sent at 15 ms, arrived at 25 ms');
      check(c.nodeId === 'a', 'nodes kept');
    },
  ],
  [
    'an instant network runs its timers during run, runUntil and step; step stops at each timer',
    ({ MeshNetwork }) => {
      const [network, [a, b]] = build(MeshNetwork, undefined, ['a', 'b']);
      const log = [];
      b.onMessage((m) => log.push(`b<-${m.data} at ${network.now}`));
      a.setTimer(5, () => a.broadcast('tick'));
      network.at(7, () => log.push(`at ${network.now}`));
      check(network.isInstant, 'instant');
      check(network.step(), 'step ran the first timer');
      equal([network.now, log], [5, ['b<-tick at 5']], 'delivered inside the timer, at once');
      check(network.step(), 'and the second');
      equal(network.now, 7, 'step stops at the next timer');
      check(!network.step(), 'nothing left');
      a.setTimer(1, () => log.push('run'));
      network.run(1);
      equal(log.at(-1), 'run', 'run fires it');
    },
  ],
  [
    'cancel stops a pending timer, says whether it was pending, and a callback may cancel a timer due at the same time',
    ({ MeshNetwork }) => {
      const [network, [a]] = build(MeshNetwork, undefined, ['a']);
      const log = [];
      const cancelFirst = a.setTimer(3, () => log.push('first'));
      let cancelThird;
      a.setTimer(5, () => {
        log.push('second');
        equal(cancelThird(), true, 'cancelled while due');
      });
      cancelThird = network.at(5, () => log.push('third'));
      equal(cancelFirst(), true, 'was pending');
      equal(cancelFirst(), false, 'no longer pending');
      network.runUntil(10);
      equal(log, ['second'], 'only the second ran');
      equal(network.step(), false, 'nothing left to step to');
    },
  ],
  [
    'a crashed node\'s timers never fire, not even after a restart; removed nodes\' neither; timers set after the restart do',
    ({ MeshNetwork }) => {
      const [network, [a, b, c]] = build(MeshNetwork, { links: { latency: 1 } }, ['a', 'b', 'c']);
      const log = [];
      for (const node of [a, b, c]) node.setTimer(10, () => log.push(`${node.nodeId} before`));
      network.crash('a');
      network.runUntil(5);
      network.restart('a');
      a.setTimer(10, () => log.push('a after restart'));
      network.removeNode('b');
      network.crash('c');
      c.setTimer(1, () => log.push('c while crashed'));
      network.runUntil(100);
      equal(log, ['a after restart'], 'only the timer set after the restart');
      throwsCode(() => b.setTimer(1, () => {}), Error, 'ERR_NODE_REMOVED');
      // The dropped timers' ids are reused; their cancel functions cancel nothing.
      const stale = c.setTimer(1, () => {});
      network.crash('c');
      network.runUntil(200);
      const fresh = [];
      for (let i = 0; i < 3; i++) network.at(300, () => fresh.push(i));
      equal(stale(), false, 'a dropped timer is not pending');
      network.runUntil(400);
      equal(fresh, [0, 1, 2], 'its reused id still fires');
    },
  ],
  [
    'a timer callback that throws goes to its node\'s onError; one that frees the network ends the run quietly',
    ({ MeshNetwork }) => {
      const [network, [a]] = build(MeshNetwork, undefined, ['a']);
      const errors = [];
      a.onError((e) => errors.push([e.type, e.error.message]));
      a.setTimer(1, () => {
        throw new Error('boom');
      });
      let later = false;
      a.setTimer(2, () => {
        later = true;
      });
      network.runUntil(5);
      equal(errors, [['handler-error', 'boom']], 'routed to onError');
      check(later, 'the next timer still ran');
      const [other, [x]] = build(MeshNetwork, undefined, ['x']);
      x.setTimer(1, () => other.free());
      x.setTimer(2, () => {
        throw new Error('never runs');
      });
      other.runUntil(10);
      throwsCode(() => other.now, Error, 'ERR_OBJECT_FREED');
    },
  ],
  [
    'a timer callback may run the network itself; the outer run still ends where it was headed',
    ({ MeshNetwork }) => {
      const [network, [a]] = build(MeshNetwork, undefined, ['a']);
      const log = [];
      a.setTimer(2, () => {
        log.push(`outer at ${network.now}`);
        network.runUntil(4);
        log.push(`inner ran to ${network.now}`);
      });
      a.setTimer(3, () => log.push(`nested timer at ${network.now}`));
      a.setTimer(8, () => log.push(`later at ${network.now}`));
      network.runUntil(10);
      equal(log, ['outer at 2', 'nested timer at 3', 'inner ran to 4', 'later at 8'], 'nested run fires its timers');
      equal(network.now, 10, 'outer run finished');
    },
  ],
  [
    'a paused node holds its timers until it resumes, then they fire at the resume time',
    ({ MeshNetwork }) => {
      const [network, [a]] = build(MeshNetwork, { links: { latency: 1 } }, ['a', 'b']);
      const log = [];
      a.setTimer(10, () => log.push(`a at ${network.now}`));
      network.pause('a');
      network.runUntil(50);
      equal(log, [], 'held');
      network.resume('a');
      network.runUntil(60);
      equal(log, ['a at 50'], 'fired at the resume time');
    },
  ],
  [
    'a timer set from a callback for before the next one due fires at its own time (a look ahead does not delay it)',
    ({ MeshNetwork }) => {
      const [network, [a, b]] = build(MeshNetwork, undefined, ['a', 'b']);
      const log = [];
      b.setTimer(451, () => log.push(`far at ${network.now}`));
      a.setTimer(29677, () => log.push(`farther at ${network.now}`));
      network.at(10, () => a.setTimer(150, () => log.push(`near at ${network.now}`)));
      network.runUntil(30000);
      equal(log, ['near at 160', 'far at 451', 'farther at 29677'], 'in time order');
    },
  ],
  [
    'callbacks of timers due together each run, also when an earlier one sets new timers',
    ({ MeshNetwork }) => {
      const [network, nodes] = build(MeshNetwork, undefined, 3);
      const log = [];
      for (const node of nodes) {
        node.setTimer(5, () => {
          log.push(`${node.nodeId} at ${network.now}`);
          node.setTimer(5, () => log.push(`${node.nodeId} again at ${network.now}`));
        });
      }
      network.runUntil(20);
      equal(log, ['n0 at 5', 'n1 at 5', 'n2 at 5', 'n0 again at 10', 'n1 again at 10', 'n2 again at 10'], 'none lost, none run twice');
    },
  ],
  [
    'review cases: a run inside a callback loses no timer of its batch; a huge run pauses and goes on; a node crashed by an earlier callback of the batch hears nothing; a paused node removed drops its held timers',
    ({ MeshNetwork }) => {
      const [network, [a, b]] = build(MeshNetwork, { links: { latency: 1 } }, ['a', 'b']);
      const log = [];
      a.setTimer(5, () => {
        log.push(`X at ${network.now}`);
        network.runUntil(network.now);
        a.setTimer(100, () => log.push(`Z at ${network.now}`));
      });
      a.setTimer(5, () => log.push(`Y at ${network.now}`));
      network.runUntil(200);
      equal(log, ['X at 5', 'Y at 5', 'Z at 105'], 'Y ran, Z at its time');
      const [other, [c]] = build(MeshNetwork, { links: { latency: 1 } }, ['c', 'd']);
      const ran = [];
      other.at(5, () => other.crash('c'));
      c.setTimer(5, () => ran.push('c ran while crashed'));
      other.runUntil(10);
      equal(ran, [], 'crashed by an earlier callback: dropped');
      const held = [b.setTimer(1, () => ran.push('held')), b.setTimer(2, () => ran.push('held'))];
      network.pause('b');
      network.runUntil(network.now + 10);
      network.removeNode('b');
      network.runUntil(network.now + 10);
      equal([ran, held.map((cancel) => cancel())], [[], [false, false]], 'dropped, and known to be');
      network.at(network.now + 5, () => log.push('in a huge run'));
      network.run(1e11);
      equal(log.at(-1), 'in a huge run', 'the run stopped for the timer and went on');
    },
  ],
  [
    'with the global tick, a timer due at a tick\'s time runs after the tick, and after the scenario events due then',
    ({ MeshNetwork }) => {
      const [network, [a]] = build(MeshNetwork, { links: { latency: 1 }, globalTick: true, tickInterval: 100 }, ['a', 'b']);
      const seen = [];
      for (const delay of [99, 100, 101, 200]) a.setTimer(delay, () => seen.push([network.now, a.globalStep]));
      network.runUntil(250);
      equal(seen, [[99, 0], [100, 1], [101, 1], [200, 2]], 'the tick at 100 ms moved the step before the timer due then, not before the one at 99 ms');
      const scenario = { version: 1, options: { links: { latency: 1 }, globalTick: true }, nodes: { count: 2 }, events: [{ at: 100, crash: 'node-1' }] };
      const scripted = MeshNetwork.fromScenario(scenario);
      const fired = [];
      for (const node of scripted.getNodes()) node.setTimer(100, () => fired.push([node.nodeId, node.status, node.globalStep]));
      scripted.runUntil(150);
      equal(fired, [['node-0', 'online', 1]], 'the crash scripted for 100 ms came first: node-1\'s timer due then never fired');
    },
  ],
  [
    'a crash and a restart with restartKeepsStep off: the pending timer never fires, the step is back at 0, a timer set after the restart fires; with it on the step is kept',
    ({ MeshNetwork }) => {
      for (const restartKeepsStep of [false, true]) {
        const [network, [a, b]] = build(MeshNetwork, { links: { latency: 1 }, globalTick: true, tickInterval: 10, restartKeepsStep }, ['a', 'b']);
        const log = [];
        a.setTimer(50, () => log.push('set before the crash'));
        network.runUntil(35);
        network.crash('a');
        equal(a.globalStep, 3, 'three ticks (10, 20, 30 ms) before the crash');
        network.restart('a');
        equal(a.globalStep, restartKeepsStep ? 3 : 0, `the step after the restart (restartKeepsStep ${restartKeepsStep})`);
        a.setTimer(20, () => log.push(`set after the restart, at ${network.now}, step ${a.globalStep}`));
        network.runUntil(100);
        equal(log, [`set after the restart, at 55, step ${restartKeepsStep ? 5 : 2}`], 'only the new timer, after the ticks at 40 and 50 ms');
        equal([a.globalStep, b.globalStep], [restartKeepsStep ? 10 : 7, 10], 'the restarted node ticks on from where it restarted');
      }
    },
  ],
  [
    'a timer callback that removes its own node: nothing escapes, its other timers (due then or later) never fire, the network runs on',
    ({ MeshNetwork }) => {
      const [network, [a, b]] = build(MeshNetwork, { links: { latency: 1 } }, ['a', 'b']);
      const log = [];
      const errors = [];
      a.onError((e) => errors.push(e));
      a.setTimer(5, () => {
        log.push(`a removes itself at ${network.now}`);
        equal(network.removeNode('a'), true, 'removed');
      });
      a.setTimer(5, () => log.push('a, due at the same moment'));
      const later = a.setTimer(10, () => log.push('a, later'));
      b.setTimer(10, () => log.push(`b at ${network.now}`));
      b.onMessage((m) => log.push(`b<-${m.data}`));
      network.runUntil(20);
      equal(log, ['a removes itself at 5', 'b at 10'], 'a\'s other timers dropped, b\'s fired');
      equal([errors.length, a.isValid(), network.size, later()], [0, false, 1, false], 'no error; a gone; its timer no longer pending');
      b.setTimer(5, () => log.push(`b again at ${network.now}`));
      network.runUntil(40);
      equal([log.at(-1), network.now], ['b again at 25', 40], 'the network keeps running');
    },
  ],
  [
    'timers replay: the same timers and sends give the same trace hash',
    ({ MeshNetwork }) => {
      const run = () => {
        const [network, nodes] = build(MeshNetwork, { seed: 3, links: { latency: { kind: 'uniform', min: 1, max: 9 } }, topology: 'ring', ttl: 3 }, 6);
        nodes.forEach((node, i) => {
          const again = () => {
            node.broadcast(i);
            node.setTimer(7 + i, again);
          };
          node.setTimer(i, again);
        });
        network.runUntil(60);
        return network.traceHash();
      };
      equal(run(), run(), 'deterministic');
    },
  ],
  [
    'bad timer arguments are typed errors naming the argument, and nothing is set',
    ({ MeshNetwork }) => {
      const [network, [a]] = build(MeshNetwork, undefined, ['a']);
      for (const bad of [-1, NaN, Infinity, -Infinity, 2e12]) throwsCode(() => a.setTimer(bad, () => {}), RangeError, 'ERR_OUT_OF_RANGE', 'delayMs');
      throwsCode(() => a.setTimer('5', () => {}), TypeError, 'ERR_INVALID_TYPE', 'delayMs');
      throwsCode(() => a.setTimer(5, 'not a function'), TypeError, 'ERR_INVALID_TYPE', 'callback');
      network.runUntil(3);
      throwsCode(() => network.at(2, () => {}), RangeError, 'ERR_OUT_OF_RANGE', 'timeMs');
      for (const bad of [-0.5, NaN, Infinity, 1e13]) throwsCode(() => network.at(bad, () => {}), RangeError, 'ERR_OUT_OF_RANGE', 'timeMs');
      throwsCode(() => network.at(5, null), TypeError, 'ERR_INVALID_TYPE', 'callback');
      check(!network.step(), 'no timer was set by a refused call');
    },
  ],
];
