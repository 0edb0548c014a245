// Every bad input of the API throws a typed error naming the field, and the network keeps working.
import { check, equal, spy, throwsCode } from './check.mjs';

const MAX = Number.MAX_SAFE_INTEGER;
const config = (over) => ({ nodeId: 'n', seed: 7, phaseResetInterval: 100, ...over });

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const badInputCases = [
  [
    'attackLab: messages beyond 100 000 are refused, not silently clamped',
    ({ attackLab }) => {
      throwsCode(() => attackLab(100_001), RangeError, 'ERR_OUT_OF_RANGE', 'messages');
      throwsCode(() => attackLab(2 ** 53 - 1), RangeError, 'ERR_OUT_OF_RANGE', 'messages');
      throwsCode(() => attackLab(0), RangeError, 'ERR_NOT_POSITIVE', 'messages');
      equal(attackLab(1).length > 0, true, 'one attack per cell still runs');
    },
  ],
  [
    'seed: negative, fractional, NaN, Infinity, above 2^53-1 or not a number',
    ({ MeshNetwork, MeshNode, MeshObserver, PatternGenerator }) => {
      const network = new MeshNetwork();
      const cases = [
        [-1, RangeError, 'ERR_NEGATIVE'],
        [1.5, RangeError, 'ERR_NOT_INTEGER'],
        [NaN, RangeError, 'ERR_NOT_FINITE'],
        [Infinity, RangeError, 'ERR_NOT_FINITE'],
        [-Infinity, RangeError, 'ERR_NOT_FINITE'],
        [MAX + 1, RangeError, 'ERR_UNSAFE_INTEGER'],
        ['7', TypeError, 'ERR_INVALID_TYPE'],
        [undefined, TypeError, 'ERR_INVALID_TYPE'],
        [null, TypeError, 'ERR_INVALID_TYPE'],
        [7n, TypeError, 'ERR_INVALID_TYPE'],
      ];
      for (const [seed, Class, code] of cases) {
        throwsCode(() => network.createNode(config({ seed })), Class, code, 'seed');
        throwsCode(() => new MeshNode(config({ seed })), Class, code, 'seed');
        throwsCode(() => new MeshObserver({ seed, phaseResetInterval: 100 }), Class, code, 'seed');
        throwsCode(() => new PatternGenerator({ seed, phaseResetInterval: 100 }), Class, code, 'seed');
      }
      const error = throwsCode(() => network.createNode(config({ seed: -1 })), RangeError, 'ERR_NEGATIVE');
      check(error.message.includes('seed') && error.message.includes('negative'), 'message names field and rule');
      equal(network.createNode(config({ seed: MAX })).patternValue, MAX, 'the largest safe seed works');
      equal(network.size, 1, 'nothing half-created');
    },
  ],
  [
    'phaseResetInterval: 0, negative, fractional or not a number',
    ({ MeshNetwork, MeshNode, MeshObserver, PatternGenerator }) => {
      const network = new MeshNetwork();
      for (const [interval, Class, code] of [
        [0, RangeError, 'ERR_NOT_POSITIVE'],
        [-5, RangeError, 'ERR_NOT_POSITIVE'],
        [2.5, RangeError, 'ERR_NOT_INTEGER'],
        [NaN, RangeError, 'ERR_NOT_FINITE'],
        ['100', TypeError, 'ERR_INVALID_TYPE'],
      ]) {
        throwsCode(() => network.createNode(config({ phaseResetInterval: interval })), Class, code, 'phaseResetInterval');
        throwsCode(() => new MeshNode(config({ phaseResetInterval: interval })), Class, code, 'phaseResetInterval');
        throwsCode(() => new MeshObserver({ seed: 7, phaseResetInterval: interval }), Class, code, 'phaseResetInterval');
        throwsCode(() => new PatternGenerator({ seed: 7, phaseResetInterval: interval }), Class, code, 'phaseResetInterval');
      }
      const node = network.createNode(config());
      equal([network.size, node.patternValue], [1, 7], 'the network keeps working after every refusal');
    },
  ],
  [
    'nodeId: empty, not a string, or a duplicate in the network',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      throwsCode(() => network.createNode(config({ nodeId: '' })), RangeError, 'ERR_EMPTY', 'nodeId');
      for (const nodeId of [42, undefined, null, {}, ['a']]) {
        throwsCode(() => network.createNode(config({ nodeId })), TypeError, 'ERR_INVALID_TYPE', 'nodeId');
      }
      throwsCode(() => network.createNode(config({ nodeId: '\uD800' })), RangeError, 'ERR_NOT_WELL_FORMED', 'nodeId');
      network.createNode(config({ nodeId: 'a' }));
      network.createNode(config({ nodeId: '\uFFFD' }));
      equal(network.getNode('\uD800'), undefined, 'a lone surrogate never matches U+FFFD');
      const dup = throwsCode(() => network.createNode(config({ nodeId: 'a' })), RangeError, 'ERR_DUPLICATE_NODE_ID', 'nodeId');
      check(dup.message.includes('"a"'), 'names the id');
      throwsCode(() => network.getNode(5), TypeError, 'ERR_INVALID_TYPE', 'nodeId');
      throwsCode(() => network.createNode(null), TypeError, 'ERR_INVALID_TYPE', 'config');
      throwsCode(() => network.createNode('a'), TypeError, 'ERR_INVALID_TYPE', 'config');
      equal(network.size, 2, 'only the valid nodes exist');
    },
  ],
  [
    'steps: negative, fractional or unsafe in sync and computeValue',
    ({ MeshNetwork, PatternGenerator }) => {
      const network = new MeshNetwork();
      const node = network.createNode(config());
      const pattern = new PatternGenerator({ seed: 7, phaseResetInterval: 100 });
      for (const [step, Class, code] of [
        [-1, RangeError, 'ERR_NEGATIVE'],
        [0.5, RangeError, 'ERR_NOT_INTEGER'],
        [MAX + 1, RangeError, 'ERR_UNSAFE_INTEGER'],
        [NaN, RangeError, 'ERR_NOT_FINITE'],
        ['3', TypeError, 'ERR_INVALID_TYPE'],
      ]) {
        throwsCode(() => node.sync(step), Class, code, 'targetStep');
        throwsCode(() => pattern.computeValue(step), Class, code, 'step');
      }
      equal(node.globalStep, 0, 'a refused sync changes nothing');
      node.sync(MAX);
      equal(node.globalStep, MAX, 'the largest safe step works');
      equal(pattern.computeValue(MAX), pattern.computeValue(MAX % 100), 'O(1) at the largest step');
      throwsCode(() => pattern.computeValues(MAX, 2), RangeError, 'ERR_UNSAFE_INTEGER');
      throwsCode(() => pattern.computeValues(0, -1), RangeError, 'ERR_NEGATIVE', 'count');
      throwsCode(() => pattern.computeValues(0, 2 ** 40), RangeError, 'ERR_TOO_LARGE', 'count');
      equal(pattern.computeValues(0, 3).length, 3, 'the instance survives a refused allocation');
    },
  ],
  [
    'any use of a node after removeNode',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const node = network.createNode(config({ nodeId: 'gone' }));
      const other = network.createNode(config({ nodeId: 'stays' }));
      equal(network.removeNode('gone'), true, 'removed');
      equal(network.removeNode('gone'), false, 'removing an unknown id is not an error');
      check(!node.isValid(), 'isValid() is false');
      const uses = [
        () => node.broadcast(1),
        () => node.sync(1),
        () => node.receive({ senderId: 'x', globalStep: 0, patternValue: 7, data: 1 }),
        () => node.globalStep,
        () => node.patternValue,
        () => node.getStats(),
        () => node.onMessage(() => {}),
        () => node.onError(() => {}),
      ];
      for (const use of uses) throwsCode(use, TypeError, 'ERR_NODE_REMOVED', 'nodeId');
      equal(node.nodeId, 'gone', 'the id stays readable');
      equal(network.getNode('gone'), undefined, 'gone from the network');
      const again = network.createNode(config({ nodeId: 'gone' }));
      check(again !== node && again.isValid(), 'the id can be used again by a new node');
      equal(network.getNodes().map((n) => n.nodeId), ['stays', 'gone'], 'getNodes: live nodes in creation order');
      check(network.getNodes()[1] === again && network.size === 2, 'getNodes returns the handles');
      const got = spy();
      again.onMessage(got);
      other.broadcast('still works');
      equal(got.calls.length, 1, 'the network keeps working');
    },
  ],
  [
    'a method called on a freed object',
    ({ MeshNetwork, MeshNode, MeshObserver, PatternGenerator, PerformanceMonitor }) => {
      const network = new MeshNetwork();
      const node = network.createNode(config());
      network.free();
      throwsCode(() => network.createNode(config({ nodeId: 'z' })), TypeError, 'ERR_OBJECT_FREED');
      throwsCode(() => node.broadcast(1), TypeError, 'ERR_OBJECT_FREED');
      check(!node.isValid(), 'nodes of a freed network are invalid');
      const standalone = new MeshNode(config());
      standalone.free();
      throwsCode(() => standalone.sync(1), TypeError, 'ERR_OBJECT_FREED');
      const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      observer.free();
      throwsCode(() => observer.observe({ senderId: 'a', globalStep: 0, patternValue: 7, data: 0 }), TypeError, 'ERR_OBJECT_FREED');
      const pattern = new PatternGenerator({ seed: 7, phaseResetInterval: 100 });
      pattern.free();
      throwsCode(() => pattern.computeValue(1), TypeError, 'ERR_OBJECT_FREED');
      const monitor = new PerformanceMonitor();
      monitor.free();
      throwsCode(() => monitor.startTimer('x'), TypeError, 'ERR_OBJECT_FREED');
      pattern.free();
    },
  ],
  [
    'malformed messages go to onError as invalid-message, and the node keeps working',
    ({ MeshNode }) => {
      const node = new MeshNode(config());
      const errors = spy();
      const messages = spy();
      node.onError(errors);
      node.onMessage(messages);
      const throwing = { senderId: 'a', get globalStep() { throw new Error('getter'); }, patternValue: 7 };
      const malformed = [
        [undefined, 'message'],
        [throwing, 'globalStep must be a readable field'],
        [{ globalStep: 0, patternValue: 7, data: 1 }, 'senderId'],
        [{ senderId: 1, globalStep: 0, patternValue: 7, data: 1 }, 'senderId'],
        [{ senderId: 'a', patternValue: 7, data: 1 }, 'globalStep'],
        [{ senderId: 'a', globalStep: '0', patternValue: 7, data: 1 }, 'globalStep'],
        [{ senderId: 'a', globalStep: -1, patternValue: 7, data: 1 }, 'globalStep'],
        [{ senderId: 'a', globalStep: 1.5, patternValue: 7, data: 1 }, 'globalStep'],
        [{ senderId: 'a', globalStep: MAX + 1, patternValue: 7, data: 1 }, 'globalStep'],
        [{ senderId: 'a', globalStep: 0, data: 1 }, 'patternValue'],
      ];
      for (const [message] of malformed) node.receive(message);
      equal(errors.calls.length, malformed.length, 'one invalid-message each');
      errors.calls.forEach(([event], i) => {
        equal(event.type, 'invalid-message', `case ${i}`);
        check(event.reason.startsWith(malformed[i][1]), `case ${i} reason "${event.reason}" names ${malformed[i][1]}`);
      });
      node.receive({ senderId: 'a', globalStep: 0, patternValue: 7, data: 'ok' });
      equal(messages.calls.length, 1, 'still accepts a good message');
      equal(node.getStats().messagesRejected, malformed.length, 'rejections counted');
    },
  ],
  [
    'handlers must be functions; timers must be started; observers flag malformed messages',
    ({ MeshNode, MeshObserver, PerformanceMonitor }) => {
      const node = new MeshNode(config());
      throwsCode(() => node.onMessage('nope'), TypeError, 'ERR_INVALID_TYPE', 'callback');
      const monitor = new PerformanceMonitor();
      throwsCode(() => monitor.endTimer('never'), RangeError, 'ERR_TIMER_NOT_STARTED', 'name');
      throwsCode(() => monitor.startTimer(3), TypeError, 'ERR_INVALID_TYPE', 'name');
      const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      throwsCode(() => observer.watch(null), TypeError, 'ERR_INVALID_TYPE', 'network');
      throwsCode(() => observer.watch({}), TypeError, 'ERR_INVALID_TYPE', 'network');
      observer.observe({ senderId: '__proto__', globalStep: 0, patternValue: 7 });
      observer.observe({ senderId: 'constructor', globalStep: 0, patternValue: 7 });
      const byProtoName = observer.getStatistics().bySender;
      equal(Object.keys(byProtoName), ['__proto__', 'constructor'], 'prototype names are ordinary sender ids');
      equal(byProtoName.__proto__.total, 1, '__proto__ counted');
      check(byProtoName.toString === undefined, 'no inherited keys');
      observer.free();
      const observer2 = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      const anomalies = spy();
      observer2.onAnomaly(anomalies);
      const result = observer2.observe({ senderId: 'a', globalStep: -3, patternValue: 7 });
      equal([result.valid, result.expected, result.received], [false, null, null], 'result');
      check(result.reason.includes('globalStep'), result.reason);
      observer2.observe(null);
      equal(anomalies.calls.map(([a]) => a.type), ['invalid-message', 'invalid-message'], 'anomalies');
      const stats = observer2.getStatistics();
      equal([stats.total, stats.anomalies, stats.bySender.a.anomalies], [2, 2, 1], 'counted');
    },
  ],
  [
    'partition options, pause and resume, and the new scenario fields: typed errors naming the field',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      for (const id of ['a', 'b']) network.createNode(config({ nodeId: id }));
      for (const [options, field] of [[7, 'options'], ['oneWay', 'options'], [{ oneWay: 1 }, 'options.oneWay'], [{ oneWay: 'yes' }, 'options.oneWay'], [{ oneway: true }, 'options.oneway']]) {
        throwsCode(() => network.partition(['a'], ['b'], options), TypeError, 'ERR_INVALID_TYPE', field);
      }
      equal(network.isInstant, true, 'a refused partition changes nothing');
      network.partition(['a'], undefined, { oneWay: false });
      network.partition(['a'], ['b'], null);
      network.heal();
      for (const bad of [3, undefined, null]) throwsCode(() => network.pause(bad), TypeError, 'ERR_INVALID_TYPE', 'nodeId');
      throwsCode(() => network.resume({}), TypeError, 'ERR_INVALID_TYPE', 'nodeId');
      throwsCode(() => network.resume('a'), RangeError, 'ERR_NODE_NOT_PAUSED', 'nodeId');
      const scenario = (event) => JSON.stringify({ version: 1, nodes: { count: 2 }, events: [{ at: 1, ...event }] });
      const cases = [
        [{ heal: true, oneWay: true }, RangeError, 'ERR_INVALID_SCENARIO', 'events[0].oneWay'],
        [{ partition: [['node-0'], ['node-1']], oneWay: 'true' }, TypeError, 'ERR_INVALID_TYPE', 'events[0].oneWay'],
        [{ pause: 'node-7' }, RangeError, 'ERR_UNKNOWN_NODE', 'events[0].pause'],
        [{ resume: ['node-0'] }, TypeError, 'ERR_INVALID_TYPE', 'events[0].resume'],
        [{ pause: 'node-0', crash: 'node-1' }, RangeError, 'ERR_INVALID_SCENARIO', 'events[0]'],
      ];
      for (const [event, Class, code, field] of cases) {
        throwsCode(() => MeshNetwork.fromScenario(scenario(event)), Class, code, field);
      }
      const a = network.getNode('a');
      a.broadcast('still works');
      equal(a.getStats().messagesSent, 1, 'the network keeps working');
      network.free();
    },
  ],
  [
    'bandwidth and message size: out of range or of the wrong type, typed errors naming the field',
    ({ MeshNetwork }) => {
      for (const [bandwidth, Class, code] of [[-1, RangeError, 'ERR_OUT_OF_RANGE'], [NaN, TypeError, 'ERR_INVALID_TYPE'], [Infinity, TypeError, 'ERR_INVALID_TYPE'], ['fast', TypeError, 'ERR_INVALID_TYPE']]) {
        throwsCode(() => new MeshNetwork({ links: { bandwidth } }), Class, code, 'links.bandwidth');
      }
      const network = new MeshNetwork({ links: { latency: 1 } });
      const a = network.createNode(config({ nodeId: 'a' }));
      network.createNode(config({ nodeId: 'b' }));
      throwsCode(() => network.setLinks({ bandwidth: -5 }), RangeError, 'ERR_OUT_OF_RANGE', 'links.bandwidth');
      throwsCode(() => network.setLink('a', 'b', { bandwidth: -5 }), RangeError, 'ERR_OUT_OF_RANGE', 'link.bandwidth');
      const sizes = [
        [{ size: -1 }, RangeError, 'ERR_NEGATIVE', 'options.size'],
        [{ size: 1.5 }, RangeError, 'ERR_NOT_INTEGER', 'options.size'],
        [{ size: NaN }, TypeError, 'ERR_INVALID_TYPE', 'options.size'],
        [{ size: 2 ** 32 }, RangeError, 'ERR_OUT_OF_RANGE', 'options.size'],
        [{ size: '10' }, TypeError, 'ERR_INVALID_TYPE', 'options.size'],
        [{ bytes: 10 }, TypeError, 'ERR_INVALID_TYPE', 'options.bytes'],
        [7, TypeError, 'ERR_INVALID_TYPE', 'options'],
        ['big', TypeError, 'ERR_INVALID_TYPE', 'options'],
      ];
      for (const [options, Class, code, field] of sizes) {
        throwsCode(() => a.broadcast('x', options), Class, code, field);
        throwsCode(() => a.send('b', 'x', options), Class, code, field);
      }
      equal(network.getSimulationStats().sent, 0, 'nothing was sent');
      a.broadcast('x', { size: 0 });
      a.broadcast('x', null);
      network.run(1);
      equal(network.getSimulationStats().bytesSent, 0 + 3 + 32, 'a size of 0, then the payload-and-header size');
      network.free();
    },
  ],
];
