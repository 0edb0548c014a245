// The demo page's Experiments tab: the worked study (gossip under loss), or the scenario chosen in
// the toolbar run against link loss, on a pool of Web Workers (experiment-runner.js).
import worked from '../examples/experiments/loss-sweep.json';
import { scenarioFor } from './scenarios.js';
import { readSettings } from './controls.js';
import { isExample } from './run-choices.js';
import { bindExperiment } from './experiment-runner.js';
import { $ } from './dom.js';

/** The most nodes the toolbar's scenario may have for a sweep in the page (the scale mode's 100 000 would take minutes a run). */
const MAX_NODES = 1000;

/** The path the studies vary and plot against. */
const LOSS = 'options.links.loss';

/** What the toolbar's scenario is measured by, the first one plotted. */
const MEASURES = ['broadcast.missing', 'broadcast.messagesPerValue', 'latency.p95'];

/** Each study: its description, and what to run (see `bindExperiment`). */
const STUDIES = {
  worked: {
    description: worked.scenario.description,
    study: () => ({ experiment: worked, path: LOSS, measure: 'broadcast.missing' }),
  },
  current: {
    description:
      `The scenario chosen in the toolbar with its seed settings and protocol and a broadcast workload of 10 values/s, ` +
      `at link loss 0, 0.1, 0.2 and 0.3, to the end of its duration (at most ${MAX_NODES} nodes; the fault lab's actions are left out).`,
    study: currentStudy,
  },
};

/** The toolbar's scenario with a broadcast workload, against link loss. */
function currentStudy() {
  const settings = readSettings();
  if (isExample(settings.protocol)) throw new Error('a sweep in the page runs the built-in protocols; an example protocol runs in the player');
  const scenario = scenarioFor($('scenario').value, { ...settings, workload: 'broadcast' });
  const nodes = Array.isArray(scenario.nodes) ? scenario.nodes.length : scenario.nodes.count;
  if (nodes > MAX_NODES) throw new Error(`the scenario has ${nodes} nodes; a sweep in the page takes at most ${MAX_NODES}`);
  const experiment = { scenario, vary: [{ path: LOSS, values: [0, 0.1, 0.2, 0.3] }], measure: MEASURES };
  return { experiment, path: LOSS, measure: MEASURES[0] };
}

/** The plots' size: side by side in their part of the tab, one above the other where it is narrow. */
function plotSize() {
  const width = $('experiment-plots').clientWidth;
  return { width: width < 560 ? width : Math.floor(width / 2) - 12, height: 190 };
}

const describe = () => ($('experiment-study-description').textContent = STUDIES[$('experiment-study').value].description);
$('experiment-study').addEventListener('change', describe);
describe();
bindExperiment('experiment-', () => STUDIES[$('experiment-study').value].study(), plotSize);
