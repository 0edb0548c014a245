// The scenario player: runs a bundled scenario in the browser, draws it, and logs what happens.
import { MeshNetwork, MeshObserver } from 'data-mesh';
import { layout, spiral } from './layout.js';
import { COLORS, PIXEL_MODE_NODES, PULSE_COLORS, draw, pick } from './draw.js';
import { Charts } from './charts.js';
import { drawPattern } from './pattern-view.js';
import { nodeCount, nodeStatus, nodeStep } from './decode.js';
import { $, prependCapped } from './dom.js';
import { DEFAULT_PATTERN, defaultSeed, scenarioFor } from './scenarios.js';
import { exportTrace, perform, readLink, remember, replay } from './replay.js';

const MAX_LOG_LINES = 300;

/** Everything about the scenario being played. */
let play;
const charts = new Charts($('charts'));

/**
 * Starts scenario `key` from time 0 with `settings` (`{ seed, pattern, nodes }`, see `inputs`).
 * `actions` are the fault-lab actions to replay (`[time, action, nodeId, argument]`), applied at
 * their times as the network runs. Returns false when the settings are refused (the error is
 * shown and the run that was there goes on, with its own settings).
 */
function start(key, settings, actions = []) {
  const { pattern } = settings;
  const scenario = scenarioFor(key, settings);
  let network;
  try {
    network = MeshNetwork.fromScenario(scenario);
  } catch (error) {
    // A bad seed, interval or size: say which rule it broke and keep playing what was there.
    $('player-error').textContent = `${error.code}: ${error.message}`;
    if (play === undefined) startWithDefaults(key);
    return false;
  }
  $('nodes-control').hidden = key !== 'scale';
  play?.network.free();
  const watcher = new MeshObserver(pattern);
  watcher.watch(network);
  // By slot: a scenario creates its nodes in order and never removes them.
  const nodes = network.getNodes();
  const slotOf = new Map(nodes.map((node, slot) => [node.nodeId, slot]));
  play = {
    key,
    scenario,
    network,
    nodes,
    links: [],
    positions: [],
    /** The settings this run started with (the inputs may since hold refused ones). */
    settings,
    /** Byzantine behaviour by slot. */
    byzantine: new Map(Object.entries(scenario.byzantine ?? {}).map(([id, behaviour]) => [slotOf.get(id), behaviour])),
    selected: -1,
    zoom: 1,
    pan: [0, 0],
    playing: false,
    anomalies: {},
    actions,
    applied: 0,
  };
  relink();
  // Thousands of nodes would flood the log: at scale only anomalies are logged.
  for (const node of nodes.length > 500 ? [] : nodes) listenTo(node);
  watcher.onAnomaly((a) => {
    play.anomalies[a.type] = (play.anomalies[a.type] ?? 0) + 1;
    log(`⚠ observer flagged ${a.type} from ${a.message.senderId}`, 'anomaly', a.message.senderId);
  });
  $('log').replaceChildren();
  charts.reset();
  refreshInspectList();
  $('scenario-description').textContent = scenario.description ?? '';
  $('time-slider').max = String(scenario.duration ?? 10_000);
  $('time-slider').step = String(scenario.options.tickInterval ?? 100);
  setPlaying(false);
  render();
  return true;
}

/** The settings the inputs ask for: the random seed, the nodes' pattern and the scale mode's size. */
function inputs() {
  return {
    seed: Number($('seed').value),
    pattern: { seed: Number($('pattern-seed').value), phaseResetInterval: Number($('interval').value) },
    nodes: Number($('nodes').value),
  };
}

/** Puts every input back to its default and starts scenario `key` (a first load with a bad URL). */
function startWithDefaults(key) {
  $('seed').value = String(defaultSeed(key));
  $('nodes').value = '1000';
  $('pattern-seed').value = String(DEFAULT_PATTERN.seed);
  $('interval').value = String(DEFAULT_PATTERN.phaseResetInterval);
  const reason = $('player-error').textContent;
  if (!start(key, inputs())) throw new Error(`the bundled scenario ${key} does not start`);
  $('player-error').textContent = `${reason} (started with the defaults instead)`;
}

/** Lists the live nodes in the inspector's select. */
function refreshInspectList() {
  const options = play.nodes.flatMap((node, slot) => (node.isValid() ? [new Option(node.nodeId, String(slot))] : []));
  $('inspect').replaceChildren(new Option('no node', '-1'), ...options);
  $('inspect').value = String(play.selected);
}

/** Logs what `node` accepts, rejects and syncs to. */
function listenTo(node) {
  node.onMessage((m) => log(`✓ ${node.nodeId} accepted ${describe(m)}`, 'accepted', node.nodeId));
  node.onError((e) => e.type === 'pattern-mismatch' && log(`✗ ${node.nodeId} rejected ${describe(e.message)}: expected ${e.expected}, got ${e.received}`, 'rejected', node.nodeId));
  node.onSync((step) => log(`↻ ${node.nodeId} synced to step ${step}`, 'sync', node.nodeId));
}

/**
 * Reads the links of the live nodes again (only where they are drawn: not in pixel mode) and lays
 * the network out.
 */
function relink() {
  const { network, nodes } = play;
  const links = [];
  if (nodes.length <= PIXEL_MODE_NODES) {
    const slotOf = new Map(nodes.map((node, slot) => [node.nodeId, slot]));
    nodes.forEach((node, a) => {
      if (!node.isValid()) return;
      for (const other of network.neighbours(node.nodeId)) {
        const b = slotOf.get(other);
        if (a < b) links.push([a, b]);
      }
    });
  }
  play.links = links;
  play.positions = nodes.length > 500 ? spiral(nodes.length) : layout(nodes.length, links);
  play.labels = nodes.length <= 30 ? nodes.map((node) => node.nodeId) : undefined;
}

/** Runs the network to `time` ms, applying the recorded fault-lab actions due on the way. */
function runTo(time) {
  replay(play.network, play.actions, play.applied, time, (index, ...action) => {
    play.applied = index + 1;
    apply(...action);
  });
}

/** Applies one fault-lab action to the network. */
function apply(action, nodeId, argument) {
  const added = perform(play.network, play.settings.pattern, action, nodeId, argument);
  if (added !== undefined) {
    play.nodes.push(added);
    if (play.nodes.length <= 500) listenTo(added);
  }
  if (['add', 'remove', 'topology'].includes(action)) {
    relink();
    refreshInspectList();
  }
  if (action === 'byzantine') {
    const slot = play.nodes.findIndex((n) => n.nodeId === nodeId);
    if (argument === 'honest') play.byzantine.delete(slot);
    else play.byzantine.set(slot, argument);
  }
  const detail = argument === undefined ? '' : ` ${typeof argument === 'string' ? argument : JSON.stringify(argument)}`;
  log(`⚡ ${action}${nodeId ? ` ${nodeId}` : ''}${detail}`, 'fault', nodeId ?? '');
}

/** Records a fault-lab action at the current time, applies it, and puts it in the URL. */
function act(action, nodeId, argument) {
  // Applied first: an action that throws is not recorded, so replays never meet it.
  apply(action, nodeId, argument);
  play.actions.push([play.network.now, action, nodeId, argument]);
  play.applied = play.actions.length;
  remember(play);
  render();
}

/** Goes back or forward to `time` ms: the same scenario, settings and actions, replayed from 0. */
function travel(time) {
  const { key, settings, actions } = play;
  start(key, settings, actions);
  runTo(time);
  render();
  remember(play);
}

function describe(message) {
  const data = message.data === undefined ? '' : ` ${JSON.stringify(message.data)}`;
  return `from ${message.senderId} at step ${message.globalStep}${data}`;
}

function log(text, kind, nodeId) {
  const item = document.createElement('li');
  item.textContent = `${(play.network.now / 1000).toFixed(2)} s  ${text}`;
  item.className = kind;
  item.dataset.kind = kind;
  item.dataset.node = nodeId;
  item.hidden = !visible(item);
  prependCapped($('log'), item, MAX_LOG_LINES);
}

function visible(item) {
  const kind = $('log-kind').value;
  const node = $('log-node').value.trim();
  return (kind === 'all' || item.dataset.kind === kind) && (node === '' || item.dataset.node === node);
}

function setPlaying(playing) {
  play.playing = playing;
  $('play').textContent = playing ? 'Pause' : 'Play';
  $('play').setAttribute('aria-pressed', String(playing));
}

function render() {
  const { network } = play;
  const states = network.nodeStates();
  draw($('network-view'), {
    positions: play.positions,
    links: play.links,
    states,
    transfers: network.transfers(),
    byzantine: play.byzantine,
    selected: play.selected,
    labels: play.labels,
    zoom: play.zoom,
    pan: play.pan,
  });
  const ticks = network.drainTickStats();
  charts.add(ticks, play.anomalies);
  if (ticks.length > 0 || play.patternKey === undefined) drawPatternOnce(states);
  const stats = network.getSimulationStats();
  $('time').textContent = `${(network.now / 1000).toFixed(2)} s`;
  $('time-slider').value = String(network.now);
  $('trace-hash').textContent = network.traceHash();
  for (const name of ['sent', 'delivered', 'rejected', 'lost', 'partitioned', 'synced']) $(`stat-${name}`).textContent = String(stats[name]);
  const anomalies = Object.entries(play.anomalies).map(([kind, n]) => `${kind}: ${n}`);
  $('stat-anomalies').textContent = anomalies.length === 0 ? '0' : anomalies.join(', ');
  inspect();
}

/** Redraws the pattern view when the set of node steps changed (not on every frame). */
function drawPatternOnce(states) {
  const steps = new Set();
  for (let slot = 0; slot < nodeCount(states); slot++) if (nodeStatus(states, slot) !== 0) steps.add(nodeStep(states, slot));
  const key = [...steps].sort((a, b) => a - b).join(',');
  if (key === play.patternKey || play.nodes.length === 0) return;
  play.patternKey = key;
  drawPattern($('pattern-view'), play.settings.pattern, [...steps]);
}

function inspect() {
  const node = play.nodes[play.selected];
  if (node === undefined || !node.isValid()) {
    $('inspector').textContent = 'Click a node to inspect it.';
    return;
  }
  const s = node.getStats();
  const role = play.byzantine.has(play.selected) ? `, byzantine (${JSON.stringify(play.byzantine.get(play.selected))})` : '';
  $('inspector').textContent =
    `${node.nodeId}: ${node.status}${role}; step ${node.globalStep}, pattern value ${node.patternValue}; ` +
    `sent ${s.messagesSent}, accepted ${s.messagesReceived}, rejected ${s.messagesRejected}`;
}

let last = performance.now();
function frame(time) {
  const elapsed = Math.min(time - last, 100);
  last = time;
  if (play.playing) {
    const { network, scenario } = play;
    const until = Math.min(network.now + elapsed * Number($('speed').value), scenario.duration ?? Infinity);
    runTo(until);
    if (scenario.duration !== undefined && network.now >= scenario.duration) {
      setPlaying(false);
      remember(play);
    }
    render();
  }
  requestAnimationFrame(frame);
}

$('nodes').addEventListener('input', () => ($('nodes-count').textContent = $('nodes').value));
/**
 * Starts the chosen scenario afresh with the inputs' settings and puts it in the URL; an error
 * shown for refused settings stays until settings are accepted.
 */
function restart() {
  if (!start($('scenario').value, inputs())) return;
  $('player-error').textContent = '';
  remember(play);
}
for (const id of ['nodes', 'scenario', 'seed', 'pattern-seed', 'interval']) $(id).addEventListener('change', restart);
$('reset').addEventListener('click', restart);
$('play').addEventListener('click', () => {
  setPlaying(!play.playing);
  if (!play.playing) remember(play);
});
$('tick').addEventListener('click', () => {
  setPlaying(false);
  runTo(play.network.now + Number($('time-slider').step));
  render();
  remember(play);
});
$('time-slider').addEventListener('input', () => travel(Number($('time-slider').value)));
const selectedId = () => play.nodes[play.selected]?.nodeId;
$('crash').addEventListener('click', () => selectedId() && act('crash', selectedId()));
$('restart').addEventListener('click', () => selectedId() && act('restart', selectedId()));
$('byzantine').addEventListener('change', () => {
  if (selectedId() && $('byzantine').value !== '') act('byzantine', selectedId(), $('byzantine').value);
  $('byzantine').value = '';
});
$('partition').addEventListener('click', () => {
  const live = play.nodes.filter((node) => node.isValid());
  act('partition', undefined, live.slice(0, Math.ceil(live.length / 2)).map((node) => node.nodeId));
});
$('heal').addEventListener('click', () => act('heal'));
$('latency').addEventListener('input', () => ($('latency-value').textContent = `${$('latency').value} ms`));
$('loss').addEventListener('input', () => ($('loss-value').textContent = `${Math.round(100 * Number($('loss').value))} %`));
$('latency').addEventListener('change', () => act('links', undefined, { latency: Number($('latency').value) }));
$('loss').addEventListener('change', () => act('links', undefined, { loss: Number($('loss').value) }));
$('add-node').addEventListener('click', () => {
  const taken = new Set(play.nodes.map((node) => node.nodeId));
  let n = play.nodes.length;
  while (taken.has(`added-${n}`)) n++;
  act('add', `added-${n}`);
});
$('remove-node').addEventListener('click', () => {
  if (!selectedId()) return;
  const id = selectedId();
  play.selected = -1;
  act('remove', id);
});
$('topology').addEventListener('change', () => {
  if ($('topology').value !== '') act('topology', undefined, $('topology').value);
  $('topology').value = '';
});
/** Offers `text` as a file download named `name`. */
function download(name, type, text) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
$('export-trace').addEventListener('click', () => download(`${play.key}-seed${play.settings.seed}.trace.jsonl`, 'application/x-ndjson', exportTrace(play)));
$('export-stats').addEventListener('click', () => download(`${play.key}-seed${play.settings.seed}.stats.csv`, 'text/csv', charts.csv()));
$('log-kind').addEventListener('change', () => [...$('log').children].forEach((item) => (item.hidden = !visible(item))));
$('log-node').addEventListener('input', () => [...$('log').children].forEach((item) => (item.hidden = !visible(item))));
/** Canvas pixels per CSS pixel (the canvas is scaled to fit the page). */
const canvasScale = () => $('network-view').width / $('network-view').getBoundingClientRect().width;
function zoomBy(factor) {
  play.zoom = Math.min(50, Math.max(0.5, play.zoom * factor));
  render();
}
$('network-view').addEventListener('wheel', (event) => {
  event.preventDefault();
  zoomBy(event.deltaY < 0 ? 1.25 : 0.8);
});
let drag;
$('network-view').addEventListener('pointerdown', (event) => (drag = { x: event.clientX, y: event.clientY, moved: false }));
$('network-view').addEventListener('pointermove', (event) => {
  if (drag === undefined || event.buttons === 0) return;
  const scale = canvasScale();
  play.pan = [play.pan[0] + (event.clientX - drag.x) * scale, play.pan[1] + (event.clientY - drag.y) * scale];
  drag = { x: event.clientX, y: event.clientY, moved: true };
  render();
});
$('zoom-in').addEventListener('click', () => zoomBy(1.5));
$('zoom-out').addEventListener('click', () => zoomBy(1 / 1.5));
$('zoom-reset').addEventListener('click', () => {
  play.zoom = 1;
  play.pan = [0, 0];
  render();
});
$('network-view').addEventListener('click', (event) => {
  if (drag?.moved) return;
  const canvas = $('network-view');
  const box = canvas.getBoundingClientRect();
  play.selected = pick(canvas, play, ((event.clientX - box.left) * canvas.width) / box.width, ((event.clientY - box.top) * canvas.height) / box.height);
  $('inspect').value = String(play.selected);
  render();
});
$('inspect').addEventListener('change', () => {
  play.selected = Number($('inspect').value);
  render();
});

/** The colour key under the network view, built from the colours the drawing uses. */
function drawLegend() {
  const entry = (color, text) => {
    const item = document.createElement('span');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = color;
    item.append(swatch, text);
    return item;
  };
  const nodes = [['online', 'online node'], ['behind', 'behind (3+ steps)'], ['crashed', 'crashed'], ['byzantine', 'byzantine']];
  const messages = ['message to be accepted', 'to be rejected', 'to be dropped (duplicate, down or cut)'];
  $('legend').replaceChildren(...nodes.map(([state, text]) => entry(COLORS[state], text)), ...messages.map((text, i) => entry(PULSE_COLORS[i], text)));
}
drawLegend();

// A first visit gets a short hint of what to click, until it is dismissed.
$('first-visit').hidden = localStorage.getItem('data-mesh-visited') === 'yes';
$('dismiss-hint').addEventListener('click', () => {
  localStorage.setItem('data-mesh-visited', 'yes');
  $('first-visit').hidden = true;
});

const link = readLink(location.search);
$('nodes').value = link.values.nodes ?? '1000';
$('nodes-count').textContent = $('nodes').value;
$('scenario').value = link.key;
$('seed').value = link.values.seed ?? String(defaultSeed(link.key));
$('pattern-seed').value = link.values.pattern ?? String(DEFAULT_PATTERN.seed);
$('interval').value = link.values.interval ?? String(DEFAULT_PATTERN.phaseResetInterval);
start(link.key, inputs(), link.actions);
if (link.time !== undefined) {
  runTo(link.time);
  render();
}
requestAnimationFrame(frame);
