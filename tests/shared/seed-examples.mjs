// Every example of the seed README, run as written against the package's API. Shared by the
// Node tests (tests/js/seed-examples.test.mjs) and the browser tests (tests/e2e).
import { captureLog, check, equal, spy } from './check.mjs';

/** `[name, run(api)]` pairs; `api` is the data-mesh module, already initialised. */
export const seedExamples = [
  [
    'Pattern Generation Process: seed 7 gives 7, 4, 1, 7 and resets at step 100',
    ({ PatternGenerator }) => {
      const pattern = new PatternGenerator({ seed: 7, phaseResetInterval: 100 });
      equal([0, 1, 2, 3].map((s) => pattern.computeValue(s)), [7, 4, 1, 7], 'steps 0..3');
      equal(pattern.computeValue(100), 7, 'phase reset at step 100');
    },
  ],
  [
    'Basic Usage: a broadcast reaches the gateway with its data',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const nodeA = network.createNode({ nodeId: 'sensor-001', seed: 7, phaseResetInterval: 100 });
      const nodeB = network.createNode({ nodeId: 'gateway-001', seed: 7, phaseResetInterval: 100 });
      const printed = captureLog(() => {
        nodeB.onMessage((message) => {
          console.log('Received:', message.data);
        });
        nodeA.broadcast({ temperature: 23.5, unit: 'celsius' });
      });
      equal(printed, ['Received: {"temperature":23.5,"unit":"celsius"}'], 'what the handler printed');
    },
  ],
  [
    'Basic Usage: receivers get the same data value, the sender does not receive its own message',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const nodeA = network.createNode({ nodeId: 'sensor-001', seed: 7, phaseResetInterval: 100 });
      const nodeB = network.createNode({ nodeId: 'gateway-001', seed: 7, phaseResetInterval: 100 });
      const got = spy();
      const own = spy();
      const sent = spy();
      nodeB.onMessage(got);
      nodeA.onMessage(own);
      nodeA.onBroadcast(sent);
      const data = { temperature: 23.5, unit: 'celsius' };
      nodeA.broadcast(data);
      equal(got.calls.length, 1, 'gateway deliveries');
      check(got.calls[0][0].data === data, 'the very same data object arrives');
      equal(got.calls[0][0].senderId, 'sensor-001', 'senderId');
      equal([got.calls[0][0].globalStep, got.calls[0][0].patternValue], [0, 7], 'stamp');
      equal(own.calls.length, 0, 'no self-delivery');
      equal(sent.calls.length, 1, 'onBroadcast fires on the sender');
      check(network.getNode('gateway-001') === nodeB, 'getNode returns the node');
      check(network.getNode('nobody') === undefined, 'getNode of an unknown id');
    },
  ],
  [
    'Example Validation: the observer passes the right pattern and flags the wrong one',
    ({ MeshObserver }) => {
      const observer = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      const anomalies = spy();
      observer.onAnomaly(anomalies);
      const ok = observer.observe({ senderId: 'sensor-001', globalStep: 0, patternValue: 7, data: { temp: 23.5 } });
      equal(ok, { valid: true, expected: 7, received: 7 }, 'valid message');
      const bad = observer.observe({ senderId: 'malicious-node', globalStep: 0, patternValue: 9, data: { temp: 99.9 } });
      equal(bad, { valid: false, expected: 7, received: 9 }, 'invalid message');
      equal(anomalies.calls.length, 1, 'one anomaly');
      const anomaly = anomalies.calls[0][0];
      equal([anomaly.type, anomaly.expected, anomaly.received, anomaly.message.senderId], ['pattern-mismatch', 7, 9, 'malicious-node'], 'anomaly');
      const stats = observer.getStatistics();
      equal([stats.total, stats.valid, stats.anomalies, stats.successRate], [2, 1, 1, 0.5], 'statistics');
      const flagged = { total: 1, valid: 0, anomalies: 1, trust: 0, anomaliesByKind: { 'pattern-mismatch': 1 } };
      equal(stats.bySender['malicious-node'], flagged, 'per-sender counts and trust');
    },
  ],
  [
    'Use case IoT Sensor Networks: a temperature sensor broadcasts with a timestamp',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const sensorA = network.createNode({ nodeId: 'temp-sensor-001', seed: 7, phaseResetInterval: 100 });
      const sink = network.createNode({ nodeId: 'sink', seed: 7, phaseResetInterval: 100 });
      const got = spy();
      sink.onMessage(got);
      const before = Date.now();
      sensorA.broadcast({ type: 'temperature', value: 23.5, unit: 'celsius', timestamp: Date.now() });
      equal(got.calls.length, 1, 'delivered');
      const data = got.calls[0][0].data;
      equal([data.type, data.value, data.unit], ['temperature', 23.5, 'celsius'], 'payload');
      check(data.timestamp >= before, 'timestamp passed through');
    },
  ],
  [
    'Use case Distributed Systems Monitoring: the monitor processes messages from critical systems only',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const monitor = network.createNode({ nodeId: 'health-monitor', seed: 7, phaseResetInterval: 100 });
      const critical = network.createNode({ nodeId: 'critical-system-db', seed: 7, phaseResetInterval: 100 });
      const other = network.createNode({ nodeId: 'batch-job', seed: 7, phaseResetInterval: 100 });
      const processed = [];
      const processHealthData = (data) => processed.push(data);
      monitor.onMessage((message) => {
        if (message.senderId.includes('critical-system')) {
          processHealthData(message.data);
        }
      });
      critical.broadcast({ cpu: 0.93 });
      other.broadcast({ cpu: 0.1 });
      equal(processed, [{ cpu: 0.93 }], 'only the critical system was processed');
    },
  ],
  [
    'Use case Real-time Data Validation: a suspicious transaction raises a security alert',
    ({ MeshObserver }) => {
      const validator = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
      const alerts = [];
      const alertSecurity = (text) => alerts.push(text);
      validator.onAnomaly((anomaly) => {
        alertSecurity(`Suspicious transaction: ${anomaly.message.data}`);
      });
      validator.observe({ senderId: 'bank', globalStep: 1, patternValue: 4, data: 'pay 10' });
      validator.observe({ senderId: 'mallory', globalStep: 1, patternValue: 5, data: 'pay 1000000' });
      equal(alerts, ['Suspicious transaction: pay 1000000'], 'alerts');
    },
  ],
  [
    'Example Test: should detect pattern mismatches',
    ({ MeshNode }) => {
      const node = new MeshNode({ nodeId: 'test-node', seed: 7, phaseResetInterval: 100 });
      const errorSpy = spy();
      node.onError(errorSpy);
      node.receive({ senderId: 'other-node', globalStep: 0, patternValue: 9, data: { test: 'data' } });
      equal(errorSpy.calls.length, 1, 'onError calls');
      const error = errorSpy.calls[0][0];
      equal([error.type, error.nodeId, error.expected, error.received], ['pattern-mismatch', 'test-node', 7, 9], 'error event');
      equal(error.message.data, { test: 'data' }, 'the message rides along');
    },
  ],
  [
    'Performance Monitoring: time pattern computation and read the average',
    ({ PerformanceMonitor, PatternGenerator }) => {
      const monitor = new PerformanceMonitor();
      const pattern = new PatternGenerator({ seed: 7, phaseResetInterval: 100 });
      const step = 5;
      monitor.startTimer('pattern-computation');
      const result = pattern.computeValue(step);
      monitor.endTimer('pattern-computation');
      equal(result, 1, 'value at step 5');
      const stats = monitor.getMetrics('pattern-computation');
      const printed = captureLog(() => console.log(`Average: ${stats.avg}ms`));
      check(/^Average: \d+(\.\d+)?(e-\d+)?ms$/.test(printed[0]), `printed ${printed[0]}`);
      equal(stats.count, 1, 'count');
      check(stats.avg >= 0 && stats.min <= stats.p50 && stats.p99 <= stats.max, 'consistent metrics');
    },
  ],
  [
    'Node Configuration: the config object of the seed creates a node at step 0',
    ({ MeshNode }) => {
      const config = { nodeId: 'unique-identifier', seed: 7, phaseResetInterval: 100 };
      const node = new MeshNode(config);
      equal([node.nodeId, node.globalStep, node.patternValue, node.seed, node.phaseResetInterval], ['unique-identifier', 0, 7, 7, 100], 'node');
    },
  ],
  [
    'Message Flow: node B at step 5 computes the same pattern and accepts',
    ({ MeshNetwork }) => {
      const network = new MeshNetwork();
      const a = network.createNode({ nodeId: 'A', seed: 7, phaseResetInterval: 100 });
      const b = network.createNode({ nodeId: 'B', seed: 7, phaseResetInterval: 100 });
      a.sync(5);
      b.sync(5);
      const got = spy();
      b.onMessage(got);
      a.broadcast('data');
      equal([got.calls[0][0].globalStep, got.calls[0][0].patternValue], [5, 1], 'step 5 stamp');
    },
  ],
];
