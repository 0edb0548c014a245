/**
 * Gossip Glomers' challenge 3d in the simulator: 25 nodes, 100 ms links, 100 operations/s for
 * 20 s. The efficient broadcast must stay under 30 messages per operation, a median latency
 * under 400 ms and a maximum under 600 ms, and with partitions coming and going every value must
 * still reach every node. The built-in broadcast runs beside it for comparison. The figures come
 * from the library's broadcast workload and checker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EfficientBroadcast } from './efficient-broadcast.js';
import { runBroadcast, type Setup } from './workload.js';

const setup: Setup = { nodes: 25, latencyMs: 100, opsPerSecond: 100, seconds: 20, settleSeconds: 10, partitions: false, seed: 3 };

/** The efficient broadcast: 150 ms batches, a push to a random peer every second. */
const efficient = (): EfficientBroadcast => new EfficientBroadcast(150, 1000);

test('the efficient broadcast meets the 3d targets, and reaches every node when partitions come and go', () => {
  const calm = runBroadcast(setup, efficient());
  const split = runBroadcast({ ...setup, partitions: true }, efficient());
  const builtIn = runBroadcast(setup);
  const builtInSplit = runBroadcast({ ...setup, partitions: true });
  console.log(JSON.stringify({ efficient: calm, efficientWithPartitions: split, builtIn, builtInWithPartitions: builtInSplit }));
  assert.equal(calm.operations, 2000);
  assert.ok(calm.messagesPerOperation < 30, `messages per operation: ${calm.messagesPerOperation}`);
  assert.ok(calm.medianLatencyMs < 400, `median latency: ${calm.medianLatencyMs} ms`);
  assert.ok(calm.maxLatencyMs < 600, `max latency: ${calm.maxLatencyMs} ms`);
  assert.equal(calm.missing, 0, 'every value everywhere');
  assert.equal(split.missing, 0, 'every value everywhere after the partitions healed');
  assert.ok(split.messagesPerOperation < 30, `with partitions: ${split.messagesPerOperation} messages per operation`);
  assert.equal(builtIn.missing, 0, 'the built-in broadcast reaches every node without partitions');
  assert.ok(builtInSplit.missing > 0, 'the built-in broadcast has no repair: partitions lose values');
});

test('the run replays: the same seed gives the same figures', () => {
  const short = { ...setup, seconds: 3, settleSeconds: 3, partitions: true };
  assert.deepEqual(runBroadcast(short, efficient()), runBroadcast(short, efficient()));
});
