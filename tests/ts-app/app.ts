// A small TypeScript app over the package's types: `tsc --noEmit` must accept it, and the
// `@ts-expect-error` lines prove the types reject misuse (tsc fails if one of them compiles).
import init, {
  MeshNetwork,
  MeshNode,
  MeshObserver,
  PatternGenerator,
  PerformanceMonitor,
  canonicalBytes,
  payloadBytes,
  runExperiment,
  workloadReportsToCsv,
  type Experiment,
  type ExperimentResult,
  type RunRecord,
  type WorkloadReport,
  type Anomaly,
  type ByzantineBehaviour,
  type CancelTimer,
  type Delivery,
  type Message,
  type SenderStatistics,
  type MeshError,
  type Metrics,
  type NodeConfig,
  type NetworkOptions,
  type NodeError,
  type NodeSetup,
  type Protocol,
  type ProtocolContext,
  type SimulationStats,
  type TimerCallback,
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

  const stop = gateway.onMessage((message: Message<Reading>, delivery?: Delivery) => {
    const celsius: number = message.data.temperature;
    const hops: number | undefined = delivery?.hops;
    const toThisNodeAlone: true | undefined = delivery?.unicast;
    console.log(celsius, message.senderId, message.globalStep, message.patternValue, hops, delivery?.from, toThisNodeAlone);
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
  const unicast: Message<Reading> = sensor.send('gateway-001', { temperature: 22, unit: 'celsius' });
  // @ts-expect-error a unicast's payload type is enforced too
  sensor.send('gateway-001', { temperature: 'warm' });
  // @ts-expect-error the target is a node id, not a handle
  sensor.send(gateway, { temperature: 22, unit: 'celsius' });
  stop();
  // @ts-expect-error the payload type is enforced
  sensor.broadcast({ temperature: 'hot' });
  // @ts-expect-error config fields are required
  network.createNode({ nodeId: 'x', seed: 7 });
  network.broadcastBatch([sensor, 'gateway-001', sensor], { temperature: 21, unit: 'celsius' });
  // @ts-expect-error a batch's payload type is enforced, and its senders are handles or ids
  network.broadcastBatch([sensor, 7], { temperature: 'cold' });

  const found: MeshNode<Reading> | undefined = network.getNode('gateway-001');
  const removed: boolean = network.removeNode('gateway-001');
  console.log(found?.isValid(), removed, network.size, network.getNodes().length, sent.data.unit, unicast.senderId);

  const observer = new MeshObserver<Reading>({ seed: 7, phaseResetInterval: 100 });
  observer.watch(network);
  observer.onAnomaly((anomaly: Anomaly<Reading>) => {
    switch (anomaly.type) {
      case 'pattern-mismatch':
      case 'step-skew':
        console.log(anomaly.expected - anomaly.received, anomaly.message.data);
        break;
      case 'invalid-message':
        console.log(anomaly.reason, anomaly.expected === null);
        break;
      default:
        console.log(anomaly.type, anomaly.message.senderId, anomaly.expected === null);
    }
  });
  const result: ValidationResult = observer.observe(sent);
  const stats: Statistics = observer.getStatistics();
  const replays: number | undefined = stats.anomaliesByKind.replay;
  console.log(replays);

  const options: NetworkOptions = {
    seed: 42,
    globalTick: true,
    autoSync: true,
    links: { latency: { kind: 'normal', mean: 20, std: 5 }, loss: 0.01 },
    topology: { kind: 'small-world', degree: 6, beta: 0.1 },
    ttl: 4,
  };
  const simulated = new MeshNetwork<Reading>(options);
  simulated.createNode({ nodeId: 'a', seed: 7, phaseResetInterval: 100 });
  simulated.createNode({ nodeId: 'b', seed: 7, phaseResetInterval: 100 });
  const behaviour: ByzantineBehaviour = { kind: 'step-skew', skew: 50 };
  simulated.setByzantine('b', behaviour);
  simulated.setLink('a', 'b', { latency: 5, jitter: 1 });
  simulated.run(10);
  const simStats: SimulationStats = simulated.getSimulationStats();
  const states: Float64Array = simulated.nodeStates();
  // @ts-expect-error: an unknown topology kind is rejected by the types too.
  simulated.setTopology('hypercube');
  console.log(simStats.delivered, states.length, simulated.now, simulated.traceHash().length, simulated.neighbours('a'));
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

  // Authentication: a mesh key shared with the app, and a tag made with WebCrypto.
  const secured = new MeshNetwork<{ temp: number }>({ auth: 'hmac' });
  const key = new Uint8Array(32);
  secured.setMeshKey(key);
  const receiver = secured.createNode({ nodeId: 'gateway', seed: 7, phaseResetInterval: 100 });
  receiver.onError((e) => {
    if (e.type === 'bad-signature' || e.type === 'replay') console.log(e.nodeId, e.message.sequence);
  });
  const unsigned: Message<{ temp: number }> = { senderId: 'app', globalStep: 0, patternValue: 7, data: { temp: 20 }, sequence: 1 };
  const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, canonicalBytes(unsigned)));
  receiver.receive({ ...unsigned, signature });
  const sender: SenderStatistics | undefined = stats.bySender['sensor-001'];
  const byKind: number | undefined = sender?.anomaliesByKind['bad-signature'];
  console.log(sender?.trust, byKind, payloadBytes({ temp: 1 }).length);

  // Virtual timers: a heartbeat every 50 ms of virtual time, stopped by a network timer.
  const timed = new MeshNetwork<string>({ links: { latency: 5 } });
  const beat = timed.createNode({ nodeId: 'beat', seed: 7, phaseResetInterval: 100 });
  let stopBeat: CancelTimer = () => false;
  const heartbeat: TimerCallback = () => {
    beat.broadcast('beat');
    stopBeat = beat.setTimer(50, heartbeat);
  };
  stopBeat = beat.setTimer(0, heartbeat);
  timed.at(200, () => console.log('stopped a pending timer:', stopBeat()));
  timed.runUntil(300);

  // A protocol with typed state and payload, on every node, and another on one node.
  interface Seen { values: Set<number> }
  const flooding: Protocol<number, Seen> = {
    name: 'flooding',
    init: () => ({ values: new Set() }),
    onMessage(state, ctx: ProtocolContext<number>, message, delivery) {
      if (state.values.has(message.data)) return;
      state.values.add(message.data);
      for (const peer of ctx.neighbours()) if (peer !== delivery?.from) ctx.send(peer, message.data);
      if (ctx.random() < 0.01) ctx.setTimer(5, () => ctx.broadcast(message.data + 1));
    },
  };
  const flooded = new MeshNetwork<number>({ links: { latency: 10 }, topology: 'ring', protocol: flooding });
  const own: NodeSetup<number> = { nodeId: 'quiet', seed: 7, phaseResetInterval: 100, protocol: { onMessage: () => undefined } };
  flooded.createNode(own);
  flooded.createNode({ nodeId: 'loud', seed: 7, phaseResetInterval: 100 }).broadcast(1);
  // @ts-expect-error a protocol needs onMessage
  new MeshNetwork<number>({ protocol: { name: 'empty' } });
  flooded.runUntil(100);

  // The README's example (Programming nodes).
  const readmeFlooding: Protocol<number, Set<number>> = {
    init: () => new Set(),
    onMessage(seen, ctx, message, delivery) {
      if (seen.has(message.data)) return;
      seen.add(message.data);
      for (const peer of ctx.neighbours()) if (peer !== delivery?.from) ctx.send(peer, message.data);
    },
  };
  const ring = new MeshNetwork<number>({ links: { latency: 10 }, topology: 'ring', protocol: readmeFlooding });
  for (let i = 0; i < 8; i++) ring.createNode({ nodeId: `n${i}`, seed: 7, phaseResetInterval: 100 });
  ring.getNode('n0')!.setTimer(50, () => ring.getNode('n0')!.broadcast(1));
  ring.runUntil(200);

  // Workloads and checkers: typed reports.
  ring.startWorkload({ kind: 'broadcast', rate: 10, duration: 100, from: ['n0'] });
  ring.runUntil(400);
  const report: WorkloadReport = ring.workloadReport();
  const perValue: number | undefined = report.broadcast?.summary.messagesPerValue;
  const p99: number | undefined = report.broadcast?.latency?.p99;
  const csv: string = workloadReportsToCsv([report]);
  // @ts-expect-error a workload needs a known kind
  ring.startWorkload({ kind: 'flood' });
  void [perValue, p99, csv];

  // Experiments: a typed document, typed records and summaries.
  const experiment: Experiment = { scenario: { version: 1, nodes: { count: 4 } }, seeds: 2, until: 100, measure: ['stats.delivered'] };
  const swept: ExperimentResult = await runExperiment(experiment, { workers: 1, onProgress: (p) => void p.secondsLeft });
  const mean: number | null | undefined = swept.summary[0]?.measures['stats.delivered']?.mean;
  const record: RunRecord | undefined = swept.records[0];
  void [mean, record?.traceHash];
}

void main();
