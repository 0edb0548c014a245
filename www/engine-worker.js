// The demo page's engine, in a module Web Worker: it owns the run being played and answers the
// page's requests in order (engine-protocol.js), so the page's main thread only draws and handles input.
import init from 'data-mesh';
import { EngineRun } from './engine-run.js';
import { readFrame } from './engine-frame.js';
import { errorReply } from './engine-protocol.js';
import { exportTrace } from './replay.js';
import { playedNetwork } from './example-protocols.js';

const ready = init();

/** The run being played (undefined until a start is accepted). */
let run;

/** Makes the run of `scenario` with `settings` and `actions` the one played, run to `time` ms; a refused one leaves the old. */
function begin(scenario, settings, actions, time) {
  const next = new EngineRun({ scenario, settings, actions, networkFor: (played) => playedNetwork(played, settings) });
  run?.network.free();
  run = next;
  run.runTo(time);
  return readFrame(run, { fresh: true });
}

/** Each request's answer by its type: `{ frame, moved }` or `{ result }`. */
const HANDLERS = {
  start: ({ scenario, settings, actions, time }) => begin(scenario, settings, actions, time),
  advance: ({ to }) => {
    const end = run.scenario.duration ?? Infinity;
    run.runTo(Math.min(to, end));
    return readFrame(run, { ended: run.network.now >= end });
  },
  step: ({ by }) => {
    run.runTo(run.network.now + by);
    return readFrame(run);
  },
  travel: ({ time }) => begin(run.scenario, run.settings, run.actions, time),
  perform: ({ action, argument, receiver }) => {
    run.act(action, argument, receiver);
    return readFrame(run);
  },
  select: ({ slot }) => {
    run.selected = slot;
    return readFrame(run);
  },
  export: ({ kind }) => ({ result: kind === 'trace' ? exportTrace(run) : run.statsCsv() }),
  checker: () => ({ result: run.network.workloadReport() }),
};

self.addEventListener('message', async ({ data: { id, type, ...request } }) => {
  try {
    await ready;
    const { frame, moved = [], result } = HANDLERS[type](request);
    self.postMessage({ id, frame, result }, moved);
  } catch (error) {
    self.postMessage({ id, error: errorReply(error) });
  }
});
