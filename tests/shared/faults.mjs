// More faults: one-way partitions, and paused nodes that hold what arrives and handle it when
// resumed; in the API, in scenarios and in the trace. Bad calls are typed errors naming the node.
import { check, equal, throwsCode } from './check.mjs';
import { build } from './configs.mjs';

/** Adds an `onMessage` to each of `nodes` that logs `sender->receiver:data`; returns the log. */
function listen(nodes) {
  const log = [];
  for (const node of nodes) node.onMessage((m) => log.push(`${m.senderId}->${node.nodeId}:${m.data}`));
  return log;
}

/** The kinds of the events of `network`'s exported trace, each with its `from` and `to` slots. */
function traced(network) {
  return network.exportTrace().trim().split('\n').map((line) => JSON.parse(line)).map((e) => `${e.kind} ${e.from}>${e.to}`);
}

/** `[name, run(api)]` pairs, shared by Node and browser tests. */
export const faultCases = [
  [
    'a one-way partition cuts what groupA sends to groupB while groupB still reaches groupA',
    ({ MeshNetwork, OUTLOOKS, TRANSFER_RECORD, readTransferRecord }) => {
      const [network, nodes] = build(MeshNetwork, { links: { latency: 10 } }, 4);
      const log = listen(nodes);
      network.partition(['n0', 'n1'], ['n2', 'n3'], { oneWay: true });
      equal(network.isInstant, false, 'a partition makes the network scheduled');
      nodes[2].broadcast('up');
      nodes[0].broadcast('down');
      const transfers = network.transfers();
      const outlooks = [];
      for (let i = 0; i < transfers.length / TRANSFER_RECORD.length; i++) {
        const t = readTransferRecord(transfers, i * TRANSFER_RECORD.length);
        outlooks.push(`${t.from}>${t.to} ${OUTLOOKS[t.outlook]}`);
      }
      equal(outlooks.sort(), ['0>1 accepted', '2>0 accepted', '2>1 accepted', '2>3 accepted'], 'nothing goes from n0 to n2 or n3');
      network.runUntil(10);
      equal(log.sort(), ['n0->n1:down', 'n2->n0:up', 'n2->n1:up', 'n2->n3:up'], 'n2 reaches everyone, n0 only its own side');
      const stats = network.getSimulationStats();
      equal([stats.delivered, stats.partitioned], [4, 2], 'two transfers cut, one way');
      network.partition(['n0'], ['n2']);
      log.length = 0;
      nodes[2].broadcast('again');
      network.runUntil(20);
      equal(log.sort(), ['n2->n1:again', 'n2->n3:again'], 'without oneWay a new partition cuts both ways');
      network.free();
    },
  ],
  [
    'a paused node holds what arrives, unjudged, and handles it inside resume in arrival order',
    ({ MeshNetwork, NODE_STATUSES, NODE_STATE_RECORD, readNodeStateRecord }) => {
      const [network, nodes] = build(MeshNetwork, { links: { latency: 5 }, recordTrace: true }, 3);
      const [a, b, c] = nodes;
      const log = listen(nodes);
      network.pause('n2');
      equal([a.status, c.status], ['online', 'paused'], 'status');
      const states = network.nodeStates();
      equal(NODE_STATUSES[readNodeStateRecord(states, 2 * NODE_STATE_RECORD.length).status], 'paused', 'nodeStates says paused');
      a.broadcast('first');
      b.broadcast('second');
      network.runUntil(50);
      equal(log, ['n0->n1:first', 'n1->n0:second'], 'nothing handled at the paused node');
      equal(c.getStats().messagesReceived, 0, 'nor counted');
      equal(network.step(), false, 'held messages wait for resume, not for time');
      const during = [];
      c.onMessage((m) => during.push([m.data, network.now]));
      network.resume('n2');
      equal(during, [['first', 50], ['second', 50]], 'handled inside resume, at the resume time, in arrival order');
      equal(c.status, 'online', 'running again');
      const stats = network.getSimulationStats();
      equal([stats.delivered, stats.completed, stats.crashed, stats.duplicates], [4, 2, 0, 0], 'nothing lost');
      const kinds = traced(network);
      equal(kinds.filter((k) => /^(pause|held|resume)/.test(k)), ['pause 2>2', 'held 0>2', 'held 1>2', 'resume 2>2'], 'pause, held arrivals and resume are traced');
      equal(kinds.slice(-2), ['accept 0>2', 'accept 1>2'], 'the held messages are judged after the resume');
      network.free();
    },
  ],
  [
    'a paused node neither ticks nor sends, and a crash drops what it held',
    ({ MeshNetwork }) => {
      const [network, [a, b, c]] = build(MeshNetwork, { globalTick: true, tickInterval: 10, links: { latency: 1 } }, 3);
      network.pause('n1');
      network.run(4);
      equal([a.globalStep, b.globalStep], [4, 0], 'its step stands still');
      throwsCode(() => b.broadcast('x'), RangeError, 'ERR_NODE_PAUSED', 'nodeId');
      throwsCode(() => b.send('n0', 'x'), RangeError, 'ERR_NODE_PAUSED', 'nodeId');
      throwsCode(() => network.broadcastBatch(['n0', b], 'x'), RangeError, 'ERR_NODE_PAUSED', 'senders[1]');
      equal(network.getSimulationStats().sent, 0, 'a refused batch sends nothing');
      a.broadcast('held');
      c.broadcast('held too');
      network.run(1);
      network.crash('n1');
      equal(b.status, 'crashed', 'a crash ends the pause');
      const stats = network.getSimulationStats();
      equal([stats.crashed, stats.completed], [2, 2], 'what it held is dropped as at a crashed node');
      network.restart('n1');
      network.run(1);
      equal(b.globalStep, 1, 'restarted, it ticks again');
      network.free();
    },
  ],
  [
    'pause and resume in the wrong state are typed errors naming nodeId',
    ({ MeshNetwork }) => {
      const [network] = build(MeshNetwork, undefined, 3);
      network.crash('n0');
      const crashed = throwsCode(() => network.pause('n0'), RangeError, 'ERR_NODE_CRASHED', 'nodeId');
      check(crashed.message.includes('"n0"'), crashed.message);
      network.pause('n1');
      throwsCode(() => network.pause('n1'), RangeError, 'ERR_NODE_PAUSED', 'nodeId');
      throwsCode(() => network.resume('n2'), RangeError, 'ERR_NODE_NOT_PAUSED', 'nodeId');
      throwsCode(() => network.resume('ghost'), RangeError, 'ERR_UNKNOWN_NODE', 'nodeId');
      throwsCode(() => network.pause('ghost'), RangeError, 'ERR_UNKNOWN_NODE', 'nodeId');
      network.resume('n1');
      network.restart('n0');
      equal(network.isInstant, true, 'instant again once every node runs');
      network.free();
    },
  ],
  [
    'a scenario cuts one way, pauses and resumes at its times',
    ({ MeshNetwork }) => {
      const scenario = {
        version: 1,
        options: { links: { latency: 5 }, topology: 'ring', ttl: 3 },
        nodes: { count: 4, prefix: 'n' },
        events: [
          { at: 0, partition: [['n0'], ['n1']], oneWay: true },
          { at: 0, pause: 'n3' },
          { at: 10, broadcast: 'n0', data: 'a' },
          { at: 10, broadcast: 'n1', data: 'b' },
          { at: 50, resume: 'n3' },
        ],
      };
      const network = MeshNetwork.fromScenario(JSON.stringify(scenario));
      const nodes = network.getNodes();
      const log = [];
      for (const node of nodes) node.onMessage((m) => log.push(`${node.nodeId}:${m.data}`));
      network.runUntil(40);
      equal([nodes[3].status, log], ['paused', ['n0:b', 'n2:b']], 'n0 -> n1 cut, n1 -> n0 open, n3 holds');
      network.runUntil(100);
      equal(log.slice(2), ['n3:a', 'n3:b', 'n2:a', 'n1:a'], 'n3 handles both on resuming and relays n0\'s on around the cut');
      equal(nodes[3].status, 'online', 'resumed');
      equal(network.getSimulationStats().delivered, 6, 'delivered');
      network.free();
    },
  ],
  [
    'dropMessage drops a message in flight to one receiver or all: lost on arrival, named by transfers(), bad ids refused',
    ({ MeshNetwork, TRANSFER_RECORD }) => {
      const [network, [a]] = build(MeshNetwork, { topology: 'ring', links: { latency: 10 }, ttl: 1 }, 4);
      a.broadcast('x');
      const flying = network.transfers();
      equal(flying.length / TRANSFER_RECORD.length, 2, 'two copies in flight');
      const id = flying[TRANSFER_RECORD.messageId];
      check(id > 0 && flying[TRANSFER_RECORD.length + TRANSFER_RECORD.messageId] === id, 'both copies name the message');
      equal(network.dropMessage(id, 'n3'), 1, 'one copy dropped');
      equal(network.dropMessage(id + 99), 0, 'no copy of another id');
      network.run(100);
      const s = network.getSimulationStats();
      equal([s.delivered, s.lost, s.completed], [1, 1, 1], 'the dropped copy was lost, the message completed');
      throwsCode(() => network.dropMessage(-1), RangeError, 'ERR_NEGATIVE', 'messageId');
      throwsCode(() => network.dropMessage('7'), TypeError, 'ERR_INVALID_TYPE', 'messageId');
      throwsCode(() => network.dropMessage(id, 'nobody'), RangeError, 'ERR_UNKNOWN_NODE', 'toNodeId');
      network.free();
    },
  ],
];
