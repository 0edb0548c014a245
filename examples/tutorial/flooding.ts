import { MeshNetwork, type Protocol } from 'data-mesh';

interface Seen { values: Set<number> }

const flooding: Protocol<number, Seen> = {
  name: 'flooding',
  init: () => ({ values: new Set() }),
  onMessage(state, ctx, message, delivery) {
    if (state.values.has(message.data)) return;
    state.values.add(message.data);
    for (const peer of ctx.neighbours()) if (peer !== delivery?.from) ctx.send(peer, message.data);
  },
};

const network = new MeshNetwork<number>({
  links: { latency: 10 },
  topology: { kind: 'random-regular', degree: 4 },
  protocol: flooding, // every node runs it
});
for (let i = 0; i < 50; i++) network.createNode({ nodeId: `n${i}`, seed: 7, phaseResetInterval: 100 });
network.getNodes()[0].broadcast(42);
network.runUntil(1000);
console.log(network.getSimulationStats()); // sent, delivered, duplicates, bytes...
