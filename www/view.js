// What the player shows of the run: the network view and its colour key, the counters, the
// inspector, the log, the charts, the pattern view, the space-time diagram and the checker's report.
import { NETWORK_OPTION_DEFAULTS, OUTLOOKS } from 'data-mesh';
import { draw } from './draw.js';
import { Charts } from './charts.js';
import { drawPattern } from './pattern-view.js';
import { nodeCount, nodeStatus, nodeStep } from './decode.js';
import { $, legendEntry, prependCapped } from './dom.js';
import { SpaceTimeView } from './space-time.js';
import { CheckerView } from './checker-view.js';

const MAX_LOG_LINES = 300;

/** The simulation statistics shown as counters, each in the element `stat-<name>`. */
const COUNTERS = ['sent', 'delivered', 'rejected', 'lost', 'partitioned', 'synced'];

/** The player's page: every element that shows the run (the charts keep the run's ticks). */
export class View {
  #charts = new Charts($('charts'));
  #spaceTime = new SpaceTimeView();
  #checker = new CheckerView();

  /** Takes over the page's player elements and draws the colour key. */
  constructor() {
    drawLegend();
  }

  /** Draws the charts again in the theme's new colours. */
  retheme() {
    this.#charts.retheme();
  }

  /**
   * Shows a new run from its start: the Nodes input in the scale mode only, an empty log, empty
   * charts and space-time diagram, the nodes to inspect, the scenario's description, and a time
   * slider over its duration in steps of its tick.
   */
  showRun(run) {
    $('nodes-control').hidden = run.key !== 'scale';
    $('log').replaceChildren();
    this.#charts.reset();
    this.#spaceTime.reset(run);
    this.refreshInspectList(run);
    $('scenario-description').textContent = run.scenario.description ?? '';
    $('time-slider').max = String(run.scenario.duration ?? 10_000);
    $('time-slider').step = String(run.scenario.options.tickInterval ?? NETWORK_OPTION_DEFAULTS.tickInterval);
  }

  /** The error shown for refused settings ('' for none). */
  get error() {
    return $('player-error').textContent;
  }

  /** Shows `text` as the error for refused settings ('' clears it). */
  showError(text) {
    $('player-error').textContent = text;
  }

  /** Shows whether the run plays on the Play/Pause button. */
  showPlaying(playing) {
    $('play').textContent = playing ? 'Pause' : 'Play';
    $('play').setAttribute('aria-pressed', String(playing));
  }

  /** Logs `text` at virtual time `time` ms, of `kind` (for the filter) about node `nodeId`. */
  log(time, text, kind, nodeId) {
    const item = document.createElement('li');
    item.textContent = `${(time / 1000).toFixed(2)} s  ${text}`;
    item.className = kind;
    item.dataset.kind = kind;
    item.dataset.node = nodeId;
    item.hidden = !visible(item);
    prependCapped($('log'), item, MAX_LOG_LINES);
  }

  /** Shows the log lines the kind and node filters let through, and hides the others. */
  filterLog() {
    for (const item of $('log').children) item.hidden = !visible(item);
  }

  /** Lists `run`'s live nodes in the inspector's select, with its selection. */
  refreshInspectList(run) {
    const options = run.nodes.flatMap((node, slot) => (node.isValid() ? [new Option(node.nodeId, String(slot))] : []));
    $('inspect').replaceChildren(new Option('no node', '-1'), ...options);
    this.showSelection(run);
  }

  /** Selects `run`'s selected node in the inspector's select. */
  showSelection(run) {
    $('inspect').value = String(run.selected);
  }

  /** Draws `run` as it is now: the network, the charts, the pattern view, the counters, the inspectors, the space-time diagram, the checker's report. */
  render(run) {
    const { network } = run;
    const states = network.nodeStates();
    draw($('network-view'), {
      positions: run.positions,
      links: run.links,
      states,
      transfers: network.transfers(),
      byzantine: run.byzantine,
      selected: run.selected,
      labels: run.labels,
      zoom: run.zoom,
      pan: run.pan,
    });
    const ticks = network.drainTickStats();
    this.#charts.add(ticks, run.anomalies);
    if (ticks.length > 0 || run.patternKey === undefined) drawPatternOnce(run, states);
    const stats = network.getSimulationStats();
    $('time').textContent = `${(network.now / 1000).toFixed(2)} s`;
    $('time-slider').value = String(network.now);
    $('trace-hash').textContent = network.traceHash();
    for (const name of COUNTERS) $(`stat-${name}`).textContent = String(stats[name]);
    const anomalies = Object.entries(run.anomalies).map(([kind, n]) => `${kind}: ${n}`);
    $('stat-anomalies').textContent = anomalies.length === 0 ? '0' : anomalies.join(', ');
    inspect(run);
    this.#spaceTime.render(run);
    this.#checker.render(run);
  }

  /** The ticks charted since the run started, as CSV. */
  statsCsv() {
    return this.#charts.csv();
  }
}

/** Whether the log filters let the log line `item` through. */
function visible(item) {
  const kind = $('log-kind').value;
  const node = $('log-node').value.trim();
  return (kind === 'all' || item.dataset.kind === kind) && (node === '' || item.dataset.node === node);
}

/** Redraws the pattern view when the set of node steps in `states` changed (not on every frame). */
function drawPatternOnce(run, states) {
  const steps = new Set();
  for (let slot = 0; slot < nodeCount(states); slot++) if (nodeStatus(states, slot) !== 'removed') steps.add(nodeStep(states, slot));
  const key = [...steps].sort((a, b) => a - b).join(',');
  if (key === run.patternKey || run.nodes.length === 0) return;
  run.patternKey = key;
  drawPattern($('pattern-view'), run.settings.pattern, [...steps]);
}

/** Shows the selected node's state and counts in the inspector. */
function inspect(run) {
  const node = run.nodes[run.selected];
  if (node === undefined || !node.isValid()) {
    $('inspector').textContent = 'Click a node to inspect it.';
    return;
  }
  const s = node.getStats();
  const role = run.byzantine.has(run.selected) ? `, byzantine (${JSON.stringify(run.byzantine.get(run.selected))})` : '';
  $('inspector').textContent =
    `${node.nodeId}: ${node.status}${role}; step ${node.globalStep}, pattern value ${node.patternValue}; ` +
    `sent ${s.messagesSent}, accepted ${s.messagesReceived}, rejected ${s.messagesRejected}`;
}

/** The colour key on the network view, in the theme's colours the drawing uses (`--node-<state>`, `--pulse-<outlook>`). */
function drawLegend() {
  const nodes = [['online', 'online node'], ['behind', 'behind (3+ steps)'], ['crashed', 'crashed'], ['byzantine', 'byzantine']];
  const messages = { accepted: 'message to be accepted', rejected: 'to be rejected', dropped: 'to be dropped (duplicate, down or cut)' };
  $('legend').replaceChildren(
    ...nodes.map(([state, text]) => legendEntry(`var(--node-${state})`, text)),
    ...OUTLOOKS.map((outlook) => legendEntry(`var(--pulse-${outlook})`, messages[outlook])),
  );
}
