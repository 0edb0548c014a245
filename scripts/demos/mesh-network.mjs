/** Mesh network demo: two sensors broadcast readings for a few rounds; a gateway and an observer node receive them. */
import { MeshNetwork } from 'data-mesh';
import { isMain, table } from './format.mjs';

const PATTERN = { seed: 7, phaseResetInterval: 100 };
const READINGS = [
  { temperature: 23.5, humidity: 45.0 },
  { temperature: 23.8, humidity: 46.5 },
  { temperature: 24.1, humidity: 48.0 },
];

/**
 * Runs the demo.
 * @returns {{rounds: number, gatewayReceived: number, gatewayRejected: number, finalStep: number,
 *   stats: Record<string, {messagesSent: number, messagesReceived: number, messagesRejected: number}>}}
 *   rounds played, messages the gateway accepted and rejected, the step every node ends at, and each node's stats.
 */
export function run() {
  const network = new MeshNetwork();
  const temperature = network.createNode({ nodeId: 'temp-sensor-001', ...PATTERN });
  const humidity = network.createNode({ nodeId: 'humidity-sensor-001', ...PATTERN });
  const gateway = network.createNode({ nodeId: 'gateway-001', ...PATTERN });
  network.createNode({ nodeId: 'observer-node-001', ...PATTERN });
  console.log(`Nodes (seed ${PATTERN.seed}, phase reset every ${PATTERN.phaseResetInterval} steps): ${network.getNodes().map((n) => n.nodeId).join(', ')}`);

  const log = [];
  gateway.onMessage((m) => log.push([m.globalStep, m.patternValue, m.senderId, m.data.type, `${m.data.value.toFixed(1)} ${m.data.unit}`]));

  READINGS.forEach((reading, round) => {
    temperature.broadcast({ type: 'temperature', value: reading.temperature, unit: '°C' });
    humidity.broadcast({ type: 'humidity', value: reading.humidity, unit: '%' });
    for (const node of network.getNodes()) node.sync(round + 1);
  });

  console.log(`\nGateway received (after each round every node syncs to the next step):`);
  table(['step', 'pattern', 'sender', 'type', 'value'], log);

  const stats = Object.fromEntries(network.getNodes().map((n) => [n.nodeId, n.getStats()]));
  console.log('\nNode statistics:');
  table(['node', 'step', 'sent', 'received', 'rejected'],
    network.getNodes().map((n) => [n.nodeId, n.globalStep, stats[n.nodeId].messagesSent, stats[n.nodeId].messagesReceived, stats[n.nodeId].messagesRejected]));

  const summary = {
    rounds: READINGS.length,
    gatewayReceived: stats['gateway-001'].messagesReceived,
    gatewayRejected: stats['gateway-001'].messagesRejected,
    finalStep: gateway.globalStep,
    stats,
  };
  network.free();
  return summary;
}

if (isMain(import.meta.url)) run();
