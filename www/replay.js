// Recorded fault-lab actions (the engine worker's side): what an action does to a network,
// replaying actions at their own times, and the trace of such a replay.

/**
 * Performs fault-lab `action` on `network` (`nodeId` and `argument` as recorded; a node it adds
 * gets `pattern`); returns the node an `add` created, or how many copies a `drop` dropped (of
 * message `argument` to node `nodeId`, or to every receiver when it is null or undefined).
 */
export function perform(network, pattern, action, nodeId, argument) {
  if (action === 'crash') network.crash(nodeId);
  else if (action === 'restart') network.restart(nodeId);
  else if (action === 'pause') network.pause(nodeId);
  else if (action === 'resume') network.resume(nodeId);
  else if (action === 'byzantine') network.setByzantine(nodeId, argument === 'honest' ? null : argument);
  else if (action === 'partition') network.partition(argument);
  else if (action === 'cut-one-way') network.partition(argument, undefined, { oneWay: true });
  else if (action === 'heal') network.heal();
  else if (action === 'remove') network.removeNode(nodeId);
  else if (action === 'topology') network.setTopology(argument);
  else if (action === 'links') network.setLinks(argument);
  else if (action === 'add') return network.createNode({ nodeId, ...pattern });
  else if (action === 'drop') return network.dropMessage(argument, nodeId ?? undefined);
  return undefined;
}

/**
 * Runs `network` to `time` ms; on the way, at each one's own time, hands `each` the index and
 * the action of every recorded action (`[time, action, nodeId, argument]`) from `from` on that is
 * due by then.
 */
export function replay(network, actions, from, time, each) {
  for (let index = from; index < actions.length && actions[index][0] <= time; index++) {
    const [at, action, nodeId, argument] = actions[index];
    network.runUntil(at);
    each(index, action, nodeId, argument);
  }
  network.runUntil(time);
}

/**
 * The trace of `run` so far as JSON lines. Playing keeps no trace events (a big network makes
 * millions), so this replays the run in a second network that records them.
 */
export function exportTrace(run) {
  const scenario = { ...run.scenario, options: { ...run.scenario.options, recordTrace: true } };
  const network = run.networkFor(scenario);
  replay(network, run.actions.slice(0, run.applied), 0, run.network.now, (_, ...action) => perform(network, run.settings.pattern, ...action));
  const lines = network.exportTrace();
  network.free();
  return lines;
}
