// The bulk protocol: a JS handler that relays first arrivals floods as the built-in flooding does,
// in windows of the shortest link latency; bulk timers fire with their tags and re-arm; refused
// requests and thrown errors go to onError and the run goes on; bad arguments are typed errors.
import { check, equal, throwsCode } from './check.mjs';
import { build } from './configs.mjs';

/** Options of a random 4-regular graph with 5-15 ms links and ttl 64. */
const graphOptions = { seed: 3, ttl: 64, topology: { kind: 'random-regular', degree: 4 }, links: { latency: { kind: 'uniform', min: 5, max: 15 } } };

/** A flooding bulk protocol that records its batches' arrival times. */
function flooding(batches) {
  return {
    name: 'bulk-flooding',
    onArrivals(batch) {
      const times = [];
      for (let i = 0; i < batch.size; i++) {
        times.push(batch.timeMs(i));
        batch.relay(i);
      }
      batches.push(times);
    },
  };
}

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const bulkCases = [
  [
    'a bulk protocol relaying every first arrival floods as the built-in flooding does, a window of the least latency at a time',
    ({ MeshNetwork }) => {
      const counts = (network) => {
        const s = network.getSimulationStats();
        return [s.delivered, s.duplicates, s.reach, s.completed, s.forwarded];
      };
      const [engine, engineNodes] = build(MeshNetwork, graphOptions, 200);
      engineNodes[0].broadcast('x');
      engine.run(1000);
      const [network, nodes] = build(MeshNetwork, graphOptions, 200);
      const batches = [];
      network.setBulkProtocol(flooding(batches));
      nodes[0].broadcast('x');
      network.run(1000);
      equal(counts(network), counts(engine), 'the same transfers, reach and duplicates');
      equal(network.getSimulationStats().reach, 199, 'every node reached');
      check(batches.length > 3, `${batches.length} batches`);
      for (const times of batches) check(times.every((t) => t >= times[0] && t < times[0] + 5), `one window: ${times}`);
      equal(network.traceHash(), '994a96f8bee360ac', 'the hash pinned natively (src/sim/engine/tests/bulk.rs) and in every runtime');
      equal(network.traceHash(), (() => {
        const [again, againNodes] = build(MeshNetwork, graphOptions, 200);
        again.setBulkProtocol(flooding([]));
        againNodes[0].broadcast('x');
        again.run(1000);
        return again.traceHash();
      })(), 'same seed, same protocol: same trace');
    },
  ],
  [
    'bulk timers fire at their time with their tags, re-arm from onTimers, and the batch names their nodes',
    ({ MeshNetwork }) => {
      const [network] = build(MeshNetwork, { links: { latency: 1 } }, ['a', 'b', 'c']);
      const log = [];
      network.setBulkProtocol({
        onTimers(batch) {
          for (let i = 0; i < batch.size; i++) {
            log.push(`${batch.now} ${batch.nodeId(batch.node(i))} ${batch.tag(i)}`);
            if (batch.tag(i) < 3) batch.setTimer(batch.node(i), 10, batch.tag(i) + 1);
          }
        },
      });
      network.setBulkTimer('c', 5, 1);
      network.setBulkTimer('a', 5, 2);
      network.setBulkTimer('b', 0, 7);
      network.runUntil(100);
      equal(log, ['0 b 7', '5 c 1', '5 a 2', '15 c 2', '15 a 3', '25 c 3'], 'in time, then set order');
      equal(network.now, 100, 'the run went on to its end');
    },
  ],
  [
    'requests the network refuses and handlers that throw go to onError, and the run goes on',
    ({ MeshNetwork }) => {
      const [network, [a]] = build(MeshNetwork, { topology: 'ring', links: { latency: 1 }, ttl: 8 }, 6);
      const errors = [];
      let calls = 0;
      network.setBulkProtocol({
        onArrivals(batch) {
          calls++;
          if (calls === 1) batch.forward(0, 3); // n1 or n5 is no neighbour of n3
          else if (calls === 2) throw new Error('boom');
          else for (let i = 0; i < batch.size; i++) batch.relay(i);
          if (calls === 1) batch.relay(1);
        },
        onError: (error) => errors.push(`${error.code ?? error.message} ${error.field ?? ''}`.trim()),
      });
      a.broadcast(1);
      network.run(100);
      equal(errors, ['ERR_NOT_LINKED ops[0].node'], 'refused whole, naming the op');
      equal(network.getSimulationStats().reach, 2, 'nothing of the refused batch was done');
      a.broadcast(2);
      network.run(100);
      equal(errors.slice(1), ['boom'], 'a throw is handed over too');
      a.broadcast(3);
      network.run(100);
      equal(network.getSimulationStats().reach, 2 + 2 + 5, 'the third flood reached everyone');
    },
  ],
  [
    'a bulk handler may call the API and free its network',
    ({ MeshNetwork }) => {
      const [network, [a]] = build(MeshNetwork, { topology: 'ring', links: { latency: 1 } }, 4);
      const seen = [];
      network.setBulkProtocol({
        onArrivals(batch) {
          seen.push(network.getSimulationStats().delivered, batch.size);
          network.free();
        },
      });
      a.broadcast(1);
      network.run(10);
      equal(seen, [2, 2], 'the handler read the network, then freed it');
      throwsCode(() => network.run(1), Error, 'ERR_OBJECT_FREED');
    },
  ],
  [
    'bad bulk protocols and bulk timers are typed errors naming the argument',
    ({ MeshNetwork }) => {
      const [network] = build(MeshNetwork, { links: { latency: 1 } }, ['a', 'b']);
      throwsCode(() => network.setBulkTimer('a', 1, 0), RangeError, 'ERR_NOT_APPLICABLE', 'protocol');
      throwsCode(() => network.setBulkProtocol(5), TypeError, 'ERR_INVALID_TYPE', 'protocol');
      throwsCode(() => network.setBulkProtocol({ onArrivals: 3 }), TypeError, 'ERR_INVALID_TYPE', 'protocol.onArrivals');
      network.setBulkProtocol({});
      throwsCode(() => network.setBulkTimer('a', -1, 0), RangeError, 'ERR_OUT_OF_RANGE', 'delayMs');
      throwsCode(() => network.setBulkTimer('a', 1, Number.NaN), RangeError, 'ERR_OUT_OF_RANGE', 'tag');
      throwsCode(() => network.setBulkTimer('zz', 1, 0), RangeError, 'ERR_UNKNOWN_NODE', 'nodeId');
      throwsCode(() => network.setBulkTimer('a', '1', 0), TypeError, 'ERR_INVALID_TYPE', 'delayMs');
      throwsCode(() => network.createNode({ nodeId: 'c', seed: 7, phaseResetInterval: 100, protocol: { onMessage() {} } }), RangeError, 'ERR_NOT_APPLICABLE', 'protocol');
      const [hosting] = build(MeshNetwork, { links: { latency: 1 }, protocol: { onMessage() {} } }, ['a']);
      throwsCode(() => hosting.setBulkProtocol({}), RangeError, 'ERR_NOT_APPLICABLE', 'protocol');
      network.runUntil(5);
      equal(network.now, 5, 'the network still runs');
    },
  ],
];
