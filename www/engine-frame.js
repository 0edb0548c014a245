// A frame of the run the engine worker plays: everything the page draws, read from the run now
// (the fields are described in engine-protocol.js), and the buffers it moves instead of copying.

/** The frame of `run` now, marked `fresh` for a new run and `ended` at its duration: `{ frame, moved }`. */
export function readFrame(run, { fresh = false, ended = false } = {}) {
  const { network } = run;
  const frame = {
    fresh,
    ended,
    time: network.now,
    traceHash: network.traceHash(),
    stats: network.getSimulationStats(),
    anomalies: { ...run.anomalies },
    selected: run.selected,
    inspected: run.inspected(),
    states: network.nodeStates(),
    transfers: network.transfers(),
    trace: network.drainTrace(),
    ticks: run.takeTicks(),
    log: run.takeLog(),
    nodes: run.takeShape(),
    byzantine: run.takeByzantine(),
    actions: run.actions,
    applied: run.applied,
  };
  const moved = [frame.states.buffer, frame.transfers.buffer, frame.trace.buffer];
  if (frame.nodes !== undefined) moved.push(frame.nodes.links.buffer, frame.nodes.positions.buffer);
  return { frame, moved };
}
