/** The tutorial of docs/protocols.md ("Your first protocol") is `flooding.ts` word for word, and it floods every node. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { SimulationStats } from 'data-mesh';

/** The repository, seen from this test compiled to test-output/examples-js/tutorial/. */
const root = new URL('../../../', import.meta.url);

test('the first code block of "Your first protocol" in docs/protocols.md is flooding.ts', () => {
  const doc = readFileSync(new URL('docs/protocols.md', root), 'utf8');
  const section = doc.split('\n## Your first protocol')[1];
  assert.ok(section !== undefined, 'docs/protocols.md has the section');
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  assert.equal(block, readFileSync(new URL('examples/tutorial/flooding.ts', root), 'utf8'));
});

test('the tutorial\'s flooding reaches all 50 nodes, each but the origin passing its first copy on once', async () => {
  const printed: unknown[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void printed.push(...args);
  try {
    await import('./flooding.js');
  } finally {
    console.log = log;
  }
  assert.equal(printed.length, 1, 'it prints the statistics');
  const stats = printed[0] as SimulationStats;
  // n0's broadcast is one message to its 4 neighbours. A node sends only its first copy on, to its
  // 3 other neighbours, so 49 such sends mean that each of the 49 other nodes got the value (n0
  // never hears it back: its neighbours had it from n0). No copy is lost; the engine relays none.
  assert.deepEqual([stats.sent, stats.delivered, stats.lost, stats.forwarded], [1 + 49 * 3, 4 + 49 * 3, 0, 0]);
});
