/**
 * Push gossip as a bulk protocol: each node that first hears a message forwards it to `fanout`
 * of its neighbours picked at random. One handler runs every node, a batch of arrivals at a
 * time, so it scales to 100 000 nodes.
 */
import type { ArrivalBatch, BulkProtocol } from 'data-mesh';

/** A bulk push-gossip protocol forwarding each first arrival to `fanout` random neighbours, its choices drawn from `seed`. */
export function pushGossip(fanout: number, seed: number): BulkProtocol {
  let state = seed >>> 0 || 1;
  /** A whole number in [0, n) from a xorshift32 generator (no allocation per draw). */
  const below = (n: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
  return {
    name: 'bulk-push-gossip',
    onArrivals(batch: ArrivalBatch): void {
      for (let i = 0; i < batch.size; i++) {
        const neighbours = batch.neighbours(batch.node(i));
        const count = Math.min(fanout, neighbours.length);
        for (let k = 0; k < count; k++) {
          // A partial Fisher-Yates shuffle: `count` distinct neighbours.
          const j = k + below(neighbours.length - k);
          [neighbours[k], neighbours[j]] = [neighbours[j], neighbours[k]];
          batch.forward(i, neighbours[k]);
        }
      }
    },
  };
}
