// The example protocols of examples/ (written in TypeScript against the public API) as the page
// runs them on every node: wired to the broadcast workload, so that its checker judges them.
import { MeshNetwork } from 'data-mesh';
import { EfficientBroadcast } from '../examples/broadcast-3d/efficient-broadcast.ts';
import { batchedGossip } from '../examples/protocols/batched-gossip.ts';
import { pushPull } from '../examples/protocols/push-pull.ts';

/**
 * A protocol made by `make(onLearn)` (which returns `{ protocol, offer }`, as the examples in
 * examples/protocols/ do) that takes the workload's values (`onValue` offers each to its node)
 * and tells the workload's checker every value a node learns.
 */
function withWorkload(make) {
  const contexts = new Map();
  const { protocol, offer } = make((nodeId, value) => contexts.get(nodeId)?.learn(value));
  return {
    ...protocol,
    init(ctx) {
      contexts.set(ctx.nodeId, ctx);
      return protocol.init(ctx);
    },
    onValue(_state, ctx, value) {
      offer(ctx.nodeId, value);
    },
  };
}

/** The Glomers 3d broadcast's batching and anti-entropy periods, in ms, as its example's test runs it. */
const [BATCH_MS, SYNC_MS] = [150, 1000];

/** Each example protocol, new for each run, by its key in EXAMPLE_PROTOCOLS (run-choices.js; the page's tests play every key there). */
const EXAMPLES = {
  'push-pull': () => withWorkload((onLearn) => pushPull({ periodMs: 500, onLearn })),
  'batched-gossip': () => withWorkload((onLearn) => batchedGossip({ batchMs: 100, fanout: 3, onLearn })),
  'efficient-broadcast': () => new EfficientBroadcast(BATCH_MS, SYNC_MS),
};

/** The example protocol `key` names, new, or undefined for any other key. */
function exampleProtocol(key) {
  return Object.hasOwn(EXAMPLES, key) ? EXAMPLES[key]() : undefined;
}

/** The network the player runs for `scenario` with `settings`: every node runs the example protocol `settings.protocol` names, if it names one. */
export function playedNetwork(scenario, settings) {
  return MeshNetwork.fromScenario(scenario, { protocol: exampleProtocol(settings.protocol) });
}
