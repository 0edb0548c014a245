// A small TypeScript app over the package's types: `tsc --noEmit` must accept it, and the
// `@ts-expect-error` lines prove the types reject misuse (tsc fails if one of them compiles).
import init, {
  MeshNetwork,
  MeshNode,
  MeshObserver,
  PatternGenerator,
  PerformanceMonitor,
  type Anomaly,
  type Message,
  type MeshError,
  type Metrics,
  type NodeConfig,
  type NodeError,
  type Statistics,
  type ValidationResult,
} from 'data-mesh';

interface Reading {
  temperature: number;
  unit: 'celsius' | 'fahrenheit';
}

async function main(): Promise<void> {
  await init();
  const network = new MeshNetwork<Reading>();
  const config: NodeConfig = { nodeId: 'sensor-001', seed: 7, phaseResetInterval: 100 };
  const sensor: MeshNode<Reading> = network.createNode(config);
  const gateway = network.createNode({ nodeId: 'gateway-001', seed: 7, phaseResetInterval: 100 });

  const stop = gateway.onMessage((message: Message<Reading>) => {
    const celsius: number = message.data.temperature;
    console.log(celsius, message.senderId, message.globalStep, message.patternValue);
  });
  gateway.onError((error: NodeError<Reading>) => {
    switch (error.type) {
      case 'pattern-mismatch':
        console.log(error.expected, error.received, error.message.data.unit);
        break;
      case 'invalid-message':
        console.log(error.reason);
        break;
      case 'handler-error':
        console.log(error.error);
        break;
    }
  });
  gateway.onSync((step: number) => console.log(step));
  const sent: Message<Reading> = sensor.broadcast({ temperature: 23.5, unit: 'celsius' });
  stop();
  // @ts-expect-error the payload type is enforced
  sensor.broadcast({ temperature: 'hot' });
  // @ts-expect-error config fields are required
  network.createNode({ nodeId: 'x', seed: 7 });

  const found: MeshNode<Reading> | undefined = network.getNode('gateway-001');
  const removed: boolean = network.removeNode('gateway-001');
  console.log(found?.isValid(), removed, network.size, network.getNodes().length, sent.data.unit);

  const observer = new MeshObserver<Reading>({ seed: 7, phaseResetInterval: 100 });
  observer.watch(network);
  observer.onAnomaly((anomaly: Anomaly<Reading>) => {
    if (anomaly.type === 'pattern-mismatch') console.log(anomaly.expected - anomaly.received, anomaly.message.data);
    else console.log(anomaly.reason, anomaly.expected === null);
  });
  const result: ValidationResult = observer.observe(sent);
  const stats: Statistics = observer.getStatistics();
  console.log(result.valid, result.expected, stats.successRate, stats.bySender['sensor-001']?.total);

  const pattern = new PatternGenerator({ seed: 7, phaseResetInterval: 100 });
  const values: Float64Array = pattern.computeValues(0, 10);
  const monitor = new PerformanceMonitor();
  monitor.startTimer('pattern-computation');
  pattern.computeValue(5);
  const elapsed: number = monitor.endTimer('pattern-computation');
  const metrics: Metrics | undefined = monitor.getMetrics('pattern-computation');
  console.log(values.length, elapsed, metrics?.p99);

  try {
    network.createNode({ nodeId: '', seed: 7, phaseResetInterval: 100 });
  } catch (e) {
    const error = e as MeshError;
    if (error.code === 'ERR_EMPTY') console.log(error.field);
  }
  const standalone = new MeshNode<string>({ nodeId: 'alone', seed: 7, phaseResetInterval: 100 });
  standalone.receive({ senderId: 'x', globalStep: 0, patternValue: 7, data: 'hello' });
  standalone.free();
}

void main();
