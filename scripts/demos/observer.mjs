/** Observer demo: an observer watches a network where a rogue node (wrong seed) injects messages, and flags them. */
import { MeshNetwork, MeshObserver, PatternGenerator } from 'data-mesh';
import { isMain, table } from './format.mjs';

const PATTERN = { seed: 7, phaseResetInterval: 100 };
const ROUNDS = 3;

/**
 * Runs the demo.
 * @returns {{observed: number, valid: number, anomalies: number, flagged: number, maliciousMessages: number,
 *   successRate: number, rejectedByHonestNodes: number, bySender: Record<string, import('data-mesh').SenderStatistics>}}
 *   the observer's statistics (successRate in 0..1), the onAnomaly calls, the malicious messages sent
 *   (rogue broadcasts plus one forged message), and the rogue messages the honest nodes rejected.
 */
export function run() {
  const network = new MeshNetwork();
  const honest = ['node-a', 'node-b'].map((nodeId) => network.createNode({ nodeId, ...PATTERN }));
  const rogue = network.createNode({ nodeId: 'rogue-node', seed: 3, phaseResetInterval: PATTERN.phaseResetInterval });
  const observer = new MeshObserver(PATTERN);
  observer.watch(network);

  let flagged = 0;
  observer.onAnomaly((a) => {
    flagged++;
    console.log(`  ✗ anomaly: ${a.message.senderId} at step ${a.message.globalStep}: expected pattern ${a.expected}, received ${a.received}`);
  });
  let rejectedByHonestNodes = 0;
  for (const node of honest) node.onError(() => rejectedByHonestNodes++);

  console.log(`Observer (seed ${PATTERN.seed}) watches node-a, node-b (seed ${PATTERN.seed}) and rogue-node (seed 3):`);
  for (let step = 0; step < ROUNDS; step++) {
    for (const node of [...honest, rogue]) node.broadcast({ reading: step });
    for (const node of network.getNodes()) node.sync(step + 1);
  }
  console.log(`  honest nodes rejected ${rejectedByHonestNodes} rogue messages`);

  console.log('\nDirect observe() calls:');
  const expected = new PatternGenerator(PATTERN);
  const direct = [
    { senderId: 'external-sensor', globalStep: 10, patternValue: expected.computeValue(10), data: 'genuine' },
    { senderId: 'external-sensor', globalStep: 11, patternValue: 5, data: 'forged' },
  ];
  expected.free();
  for (const message of direct) {
    const result = observer.observe(message);
    console.log(`  ${message.data.padEnd(7)} step ${message.globalStep}, pattern ${message.patternValue}: ${result.valid ? '✓ valid' : `✗ invalid (expected ${result.expected})`}`);
  }

  const stats = observer.getStatistics();
  const maliciousMessages = rogue.getStats().messagesSent + direct.filter((m) => m.data === 'forged').length;
  console.log('\nObserver statistics:');
  table(['sender', 'total', 'valid', 'anomalies', 'trust'],
    [
      ...Object.entries(stats.bySender).map(([id, s]) => [id, s.total, s.valid, s.anomalies, `${(s.trust * 100).toFixed(0)}%`]),
      ['(all)', stats.total, stats.valid, stats.anomalies, ''],
    ]);
  console.log(`  success rate: ${(stats.successRate * 100).toFixed(1)}%`);

  observer.free();
  network.free();
  return {
    observed: stats.total,
    valid: stats.valid,
    anomalies: stats.anomalies,
    flagged,
    maliciousMessages,
    successRate: stats.successRate,
    rejectedByHonestNodes,
    bySender: stats.bySender,
  };
}

if (isMain(import.meta.url)) run();
