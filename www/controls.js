// The player's controls: the settings inputs, Play, Step, Reset and the time slider, the fault lab,
// zoom, pan and selection (of a node or a message) on the network view, dropping the selected
// message, the exports, the log filters, the keyboard shortcuts and the first-visit hint.
import { defaultPattern, defaultSeed } from './scenarios.js';
import { DEFAULT_CHOICES, EXAMPLE_PROTOCOLS } from './run-choices.js';
import { hitTest } from './network-geometry.js';
import { $ } from './dom.js';
import { bindShortcuts } from './shortcuts.js';
import { openDialog } from './dialogs.js';

// The protocol list's examples, from the one table of them.
for (const [key, name] of Object.entries(EXAMPLE_PROTOCOLS)) $('example-protocols').append(new Option(name, key));

/**
 * The settings the inputs ask for: the random seed, the nodes' pattern, the scale mode's size, and
 * the protocol and workload (keys of run-choices.js).
 */
export function readSettings() {
  return {
    seed: Number($('seed').value),
    pattern: { seed: Number($('pattern-seed').value), phaseResetInterval: Number($('interval').value) },
    nodes: Number($('nodes').value),
    protocol: $('protocol').value,
    workload: $('workload').value,
  };
}

/** The speed input: virtual milliseconds played per real millisecond. */
export const readSpeed = () => Number($('speed').value);

/**
 * Puts in the settings inputs of scenario `key` the `values` (strings: `seed`, `nodes`,
 * `pattern`, `interval`, `protocol`, `workload`), each one missing or null taking its default.
 */
export function fillSettings(key, values = {}) {
  $('seed').value = values.seed ?? String(defaultSeed(key));
  $('nodes').value = values.nodes ?? '1000';
  $('pattern-seed').value = values.pattern ?? String(defaultPattern(key).seed);
  $('interval').value = values.interval ?? String(defaultPattern(key).phaseResetInterval);
  $('protocol').value = values.protocol ?? DEFAULT_CHOICES.protocol;
  $('workload').value = values.workload ?? DEFAULT_CHOICES.workload;
}

/** Shows in the inputs what a link asks for: scenario `key` with the settings `values` (see `fillSettings`). */
export function showLink(key, values) {
  fillSettings(key, values);
  showNodeCount();
  $('scenario').value = key;
}

/** Connects every control to `player`, and the log filters to `view`. */
export function bindControls(player, view) {
  bindRunControls(player);
  bindFaultLab(player);
  bindNetworkView(player);
  bindOutputs(player, view);
  bindKeys(player);
  bindHint();
}

/** The scenario's tick in ms: the time slider's step. */
const tickInterval = () => Number($('time-slider').step);

/** The Nodes input's value shown next to it. */
function showNodeCount() {
  $('nodes-count').textContent = $('nodes').value;
}

/** Settings, Reset, Play, Step and the time slider. */
function bindRunControls(player) {
  $('nodes').addEventListener('input', showNodeCount);
  $('speed').addEventListener('input', () => ($('speed-value').textContent = `${readSpeed()}×`));
  const restart = () => player.restart($('scenario').value, readSettings());
  for (const id of ['nodes', 'scenario', 'seed', 'pattern-seed', 'interval', 'protocol', 'workload']) $(id).addEventListener('change', restart);
  $('reset').addEventListener('click', restart);
  $('play').addEventListener('click', () => player.togglePlaying());
  $('tick').addEventListener('click', () => player.tick(tickInterval()));
  $('time-slider').addEventListener('input', () => player.travel(Number($('time-slider').value)));
}

/** The fault lab: what to do to the selected node (the engine knows which it is), to the nodes, to the links, and to the selected message. */
function bindFaultLab(player) {
  $('crash').addEventListener('click', () => player.act('crash'));
  $('restart').addEventListener('click', () => player.act('restart'));
  $('pause').addEventListener('click', () => player.act('pause'));
  $('resume').addEventListener('click', () => player.act('resume'));
  onChoice('byzantine', (behaviour) => player.act('byzantine', behaviour));
  $('remove-node').addEventListener('click', () => player.act('remove'));
  $('add-node').addEventListener('click', () => player.act('add'));
  onChoice('topology', (topology) => player.act('topology', topology));
  $('latency').addEventListener('input', () => ($('latency-value').textContent = `${$('latency').value} ms`));
  $('loss').addEventListener('input', () => ($('loss-value').textContent = `${Math.round(100 * Number($('loss').value))} %`));
  $('latency').addEventListener('change', () => player.act('links', { latency: Number($('latency').value) }));
  $('loss').addEventListener('change', () => player.act('links', { loss: Number($('loss').value) }));
  $('partition').addEventListener('click', () => player.act('partition'));
  $('cut-one-way').addEventListener('click', () => player.act('cut-one-way'));
  $('heal').addEventListener('click', () => player.act('heal'));
  $('drop-copy').addEventListener('click', () => player.dropSelectedCopy());
  $('drop-all').addEventListener('click', () => player.dropEveryCopy());
}

/** Calls `choose(value)` when the select `id` is set to an option other than '…', then sets it back to '…'. */
function onChoice(id, choose) {
  $(id).addEventListener('change', () => {
    if ($(id).value !== '') choose($(id).value);
    $(id).value = '';
  });
}

/**
 * Zoom (buttons and wheel), pan (drag), and selection: a click on a message in flight selects it,
 * elsewhere the node it hits (or none, clearing the message too); the inspector's select picks a node.
 */
function bindNetworkView(player) {
  const canvas = $('network-view');
  // Changes what the view shows of the run, and draws it again.
  const adjust = (change) => {
    change(player.run);
    player.render();
  };
  canvas.addEventListener('wheel', (event) => {
    event.preventDefault();
    adjust((run) => run.zoomBy(event.deltaY < 0 ? 1.25 : 0.8));
  });
  $('zoom-in').addEventListener('click', () => adjust((run) => run.zoomBy(1.5)));
  $('zoom-out').addEventListener('click', () => adjust((run) => run.zoomBy(1 / 1.5)));
  $('zoom-reset').addEventListener('click', () => adjust((run) => run.fit()));
  /** Where the pointer went down and whether it has moved since: a drag pans, a click selects. */
  let drag;
  canvas.addEventListener('pointerdown', (event) => (drag = { x: event.clientX, y: event.clientY, moved: false }));
  canvas.addEventListener('pointermove', (event) => {
    if (drag === undefined || event.buttons === 0) return;
    // Canvas pixels per CSS pixel (the canvas is scaled to fit the page).
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    adjust((run) => run.panBy((event.clientX - drag.x) * scale, (event.clientY - drag.y) * scale));
    drag = { x: event.clientX, y: event.clientY, moved: true };
  });
  canvas.addEventListener('click', (event) => {
    if (drag?.moved) return;
    const box = canvas.getBoundingClientRect();
    const hit = hitTest(canvas, player.run, ((event.clientX - box.left) * canvas.width) / box.width, ((event.clientY - box.top) * canvas.height) / box.height);
    if (hit.copy !== undefined) player.selectMessage(hit.copy);
    else {
      player.selectMessage(null);
      player.select(hit.slot);
    }
  });
  $('inspect').addEventListener('change', () => player.select(Number($('inspect').value)));
}

/** The trace and statistics downloads (made by the engine), and the log filters. */
function bindOutputs(player, view) {
  const stem = () => `${player.run.key}-seed${player.run.settings.seed}`;
  $('export-trace').addEventListener('click', async () => download(`${stem()}.trace.jsonl`, 'application/x-ndjson', await player.exported('trace')));
  $('export-stats').addEventListener('click', async () => download(`${stem()}.stats.csv`, 'text/csv', await player.exported('stats')));
  $('log-kind').addEventListener('change', () => view.filterLog());
  $('log-node').addEventListener('input', () => view.filterLog());
}

/** Offers `text` as a file download named `name`, of media type `type`. */
function download(name, type, text) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Space plays or pauses, → steps one tick, ← goes back to the tick before now, ? shows the help. */
function bindKeys(player) {
  bindShortcuts({
    ' ': () => player.togglePlaying(),
    ArrowRight: () => player.tick(tickInterval()),
    ArrowLeft: () => player.travel(Math.max(0, (Math.ceil(player.run.time / tickInterval()) - 1) * tickInterval())),
    '?': () => openDialog('help'),
    m: () => player.stepMessage(1),
    M: () => player.stepMessage(-1),
  });
}

/** A first visit gets a short hint of what to click, until it is dismissed. */
function bindHint() {
  $('first-visit').hidden = localStorage.getItem('data-mesh-visited') === 'yes';
  $('dismiss-hint').addEventListener('click', () => {
    localStorage.setItem('data-mesh-visited', 'yes');
    $('first-visit').hidden = true;
  });
}
