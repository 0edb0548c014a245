/** The example protocols spread every value to every node, through loss and a healed partition, and replay from their seed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MeshNetwork, type Protocol } from 'data-mesh';
import { batchedGossip } from './batched-gossip.js';
import { pushPull } from './push-pull.js';
import type { OnLearn } from './values.js';

/**
 * Runs `protocol` on 40 nodes of degree 4 with 5-20 ms links and 10 % loss (and, with
 * `partition`, half the nodes cut off for the first 300 ms), 20 values offered in the first 200 ms;
 * returns how many (node, value) pairs were learned and the trace hash.
 */
function spread<M>(make: (onLearn: OnLearn) => { protocol: Protocol<M, never>; offer(nodeId: string, value: number): void }, partition: boolean): { learned: number; hash: string } {
  let learned = 0;
  const { protocol, offer } = make(() => learned++);
  const network = new MeshNetwork<M>({
    seed: 9,
    links: { latency: { kind: 'uniform', min: 5, max: 20 }, loss: 0.1 },
    topology: { kind: 'random-regular', degree: 4 },
    protocol: protocol as Protocol<M, unknown>,
  });
  const ids = Array.from({ length: 40 }, (_, i) => network.createNode({ nodeId: `n${i}`, seed: 7, phaseResetInterval: 100 }).nodeId);
  if (partition) {
    network.partition(ids.slice(0, 20));
    network.at(300, () => network.heal());
  }
  for (let value = 0; value < 20; value++) network.at(value * 10, () => offer(ids[(value * 7) % 40], value));
  network.runUntil(5000);
  return { learned, hash: network.traceHash() };
}

test('push-pull anti-entropy reaches every node, also across a partition once it heals', () => {
  const run = () => spread((onLearn) => pushPull({ periodMs: 100, onLearn }) as never, true);
  const first = run();
  assert.equal(first.learned, 40 * 20);
  assert.deepEqual(run(), first, 'replays from its seed');
});

test('batched gossip reaches almost every node through 10 % loss, but, sending each value once, not across a partition', () => {
  const run = (partition: boolean) => spread((onLearn) => batchedGossip({ batchMs: 20, fanout: 3, onLearn }) as never, partition);
  const first = run(false);
  assert.ok(first.learned >= 40 * 20 * 0.95, `learned ${first.learned} of 800`);
  assert.deepEqual(run(false), first, 'replays from its seed');
  assert.ok(run(true).learned < 40 * 20 * 0.6, 'values offered during the partition stay on their side');
});
