/** Synchronization demo: a node misses some steps, accepts a message from ahead, and catches up with sync(). */
import { MeshNetwork } from 'data-mesh';
import { isMain, table } from './format.mjs';

const PATTERN = { seed: 7, phaseResetInterval: 100 };
const LEAD = 5;

/** Prints each node's step and pattern value. */
function showSteps(network) {
  table(['node', 'step', 'pattern'], network.getNodes().map((n) => [n.nodeId, n.globalStep, n.patternValue]));
}

/**
 * Runs the demo.
 * @returns {{stepsBefore: Record<string, number>, stepsAfter: Record<string, number>, syncs: number[],
 *   laggingAccepted: number, laggingRejected: number, confirmedBy: string[]}}
 *   each node's step before and after the catch-up, the steps the lagging node's onSync reported,
 *   the messages the lagging node accepted and rejected, and the leaders that accepted its broadcast afterwards.
 */
export function run() {
  const network = new MeshNetwork();
  const leaders = ['leader-a', 'leader-b'].map((nodeId) => network.createNode({ nodeId, ...PATTERN }));
  const lagging = network.createNode({ nodeId: 'lagging-node', ...PATTERN });

  const syncs = [];
  lagging.onSync((step) => {
    syncs.push(step);
    console.log(`  onSync: ${lagging.nodeId} is now at step ${step}`);
  });
  lagging.onMessage((m) => {
    const behind = m.globalStep - lagging.globalStep;
    console.log(`  onMessage: ${m.senderId} at step ${m.globalStep} (pattern ${m.patternValue}) ✓ valid; ${lagging.nodeId} is ${behind} step(s) behind`);
    if (behind > 0) lagging.sync(m.globalStep);
  });

  const confirmedBy = [];
  for (const leader of leaders) {
    leader.onMessage((m) => {
      if (m.senderId !== lagging.nodeId) return;
      confirmedBy.push(leader.nodeId);
      console.log(`  ${leader.nodeId} accepts it at step ${m.globalStep} (pattern ${m.patternValue}) ✓`);
    });
  }

  for (let step = 1; step <= LEAD; step++) for (const leader of leaders) leader.sync(step);
  const stepsBefore = Object.fromEntries(network.getNodes().map((n) => [n.nodeId, n.globalStep]));
  console.log(`The leaders advance ${LEAD} steps while ${lagging.nodeId} is offline:`);
  showSteps(network);

  console.log(`\n${leaders[0].nodeId} broadcasts a heartbeat:`);
  leaders[0].broadcast({ type: 'heartbeat' });

  console.log('\nAfter catching up:');
  showSteps(network);

  console.log(`\n${lagging.nodeId} broadcasts at its new step:`);
  lagging.broadcast({ type: 'status', online: true });

  const stats = lagging.getStats();
  const summary = {
    stepsBefore,
    stepsAfter: Object.fromEntries(network.getNodes().map((n) => [n.nodeId, n.globalStep])),
    syncs,
    laggingAccepted: stats.messagesReceived,
    laggingRejected: stats.messagesRejected,
    confirmedBy,
  };
  network.free();
  return summary;
}

if (isMain(import.meta.url)) run();
