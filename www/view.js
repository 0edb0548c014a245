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
import { MAX_LOG_LINES } from './engine-protocol.js';
import { InspectList } from './inspect-list.js';
import { MessageInspector } from './message-inspector.js';

/** The simulation statistics shown as counters, each in the element `stat-<name>`. */
const COUNTERS = ['sent', 'delivered', 'rejected', 'lost', 'partitioned', 'synced'];

/** The player's page: every element that shows the run (the charts keep the run's ticks). */
export class View {
  #charts = new Charts($('charts'));
  #spaceTime;
  #inspectList = new InspectList();
  #messages = new MessageInspector();
  #checker;

  /**
   * Takes over the page's player elements and draws the colour key; `readReport()` resolves with
   * the run's `workloadReport()`, `pickMessage(copy)` hears of each copy (`{ messageId, from, to }`)
   * picked on the space-time diagram.
   */
  constructor(readReport, pickMessage) {
    this.#checker = new CheckerView(readReport);
    this.#spaceTime = new SpaceTimeView((arrow) => pickMessage(arrow === undefined ? null : { messageId: arrow.messageId, from: arrow.from, to: arrow.to }));
    drawLegend();
  }

  /** Draws the charts again in the theme's new colours. */
  retheme() {
    this.#charts.retheme();
  }

  /**
   * Shows a new run from its start: the Nodes input in the scale mode only, an empty log, empty
   * charts and space-time diagram, the scenario's description, and a time slider over its
   * duration in steps of its tick.
   */
  showRun(run) {
    $('nodes-control').hidden = run.key !== 'scale';
    $('log').replaceChildren();
    this.#charts.reset();
    this.#spaceTime.reset(run);
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

  /** Shows what the engine is busy with (a start, a time travel) over the network view ('' hides it). */
  showBusy(text) {
    $('engine-busy').hidden = text === '';
    $('engine-busy').textContent = text;
  }

  /** Shows whether the run plays on the Play/Pause button. */
  showPlaying(playing) {
    $('play').textContent = playing ? 'Pause' : 'Play';
    $('play').setAttribute('aria-pressed', String(playing));
  }

  /**
   * Takes what `frame` (of `run`, just applied to it) adds: its log lines, ticks and trace
   * records; and the nodes to inspect when they changed, else the selection.
   */
  take(run, frame) {
    for (const line of frame.log) this.#log(...line);
    this.#charts.add(frame.ticks, frame.anomalies);
    this.#spaceTime.add(frame.trace);
    if (frame.nodes !== undefined) this.#inspectList.list(run);
    else this.#inspectList.select(run);
  }

  /** Logs `text` at virtual time `time` ms, of `kind` (for the filter) about node `nodeId`. */
  #log(time, text, kind, nodeId) {
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

  /** Draws `run` as it is now: the network, the pattern view, the counters, the node and message inspectors, the space-time diagram, the checker's report. */
  render(run) {
    draw($('network-view'), run);
    if (run.ticked || run.patternKey === undefined) drawPatternOnce(run);
    $('time').textContent = `${(run.time / 1000).toFixed(2)} s`;
    $('time-slider').value = String(run.time);
    $('trace-hash').textContent = run.traceHash;
    for (const name of COUNTERS) $(`stat-${name}`).textContent = String(run.stats[name]);
    const anomalies = Object.entries(run.anomalies).map(([kind, n]) => `${kind}: ${n}`);
    $('stat-anomalies').textContent = anomalies.length === 0 ? '0' : anomalies.join(', ');
    inspect(run);
    this.#spaceTime.render(run);
    this.#messages.render(run, this.#spaceTime.data);
    this.#checker.render(run);
  }
}

/** Whether the log filters let the log line `item` through. */
function visible(item) {
  const kind = $('log-kind').value;
  const node = $('log-node').value.trim();
  return (kind === 'all' || item.dataset.kind === kind) && (node === '' || item.dataset.node === node);
}

/** Redraws the pattern view when the set of `run`'s node steps changed (not on every frame). */
function drawPatternOnce(run) {
  const { states } = run;
  run.ticked = false;
  const steps = new Set();
  for (let slot = 0; slot < nodeCount(states); slot++) if (nodeStatus(states, slot) !== 'removed') steps.add(nodeStep(states, slot));
  const key = [...steps].sort((a, b) => a - b).join(',');
  if (key === run.patternKey || run.ids.length === 0) return;
  run.patternKey = key;
  drawPattern($('pattern-view'), run.settings.pattern, [...steps]);
}

/** Shows the selected node's state and counts in the inspector. */
function inspect(run) {
  const node = run.inspected;
  if (node === null) {
    $('inspector').textContent = 'Click a node to inspect it.';
    return;
  }
  const s = node.stats;
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
