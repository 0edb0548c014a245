// The run being played, as the page sees it: the scenario and settings it started with, the
// latest frame the engine worker sent of it (engine-protocol.js), and what the view shows of it
// (zoom, pan). The run itself lives in the worker.

/** One run of a scenario, from time 0, with the settings it started with, as its frames show it. */
export class Run {
  /** The scenario's key: a bundled one's, or FILE_KEY for the loaded one. */
  key;
  /** The scenario as played: with the settings' random seed, pattern and size. */
  scenario;
  /** The settings this run started with (the inputs may since hold refused ones). */
  settings;
  /** The virtual time in ms. */
  time = 0;
  /** The trace hash so far. */
  traceHash = '';
  /** Running totals (`getSimulationStats()`). */
  stats;
  /** How many anomalies the observer flagged, by kind. */
  anomalies = {};
  /** `nodeStates()` and `transfers()` now. */
  states = new Float64Array();
  transfers = new Float64Array();
  /** The node ids by slot (removed nodes included). */
  ids = [];
  /** The links between live nodes, as slot pairs `a, b` (none in pixel mode). */
  links = new Uint32Array();
  /** Each slot's position, `x, y` in 0..1. */
  positions = new Float64Array();
  /** The node ids to draw under the nodes, by slot, or null for none. */
  labels = null;
  /** Byzantine behaviour by slot. */
  byzantine = new Map();
  /** The selected node's slot, -1 for none, and what the inspector shows of it (null: nothing). */
  selected = -1;
  inspected = null;
  /** The selected message copy, `{ messageId, from, to }` (slots), or null for none. */
  message = null;
  /** The recorded fault-lab actions, `[time, action, nodeId, argument]`, and how many have been applied. */
  actions = [];
  applied = 0;
  /** The view's zoom factor. */
  zoom = 1;
  /** The view's pan, in canvas pixels. */
  pan = [0, 0];
  /** Whether the run is playing. */
  playing = false;
  /** The node steps the pattern view was last drawn for (undefined: not drawn yet). */
  patternKey;
  /** Whether ticks arrived since the pattern view was last drawn. */
  ticked = true;

  /** A run of scenario `key` as played (`scenario`) with `settings`, before its first frame. */
  constructor({ key, scenario, settings }) {
    this.key = key;
    this.scenario = scenario;
    this.settings = settings;
  }

  /** Takes the run's state from `frame`; the parts a frame carries only on a change stay otherwise. */
  apply(frame) {
    for (const field of ['time', 'traceHash', 'stats', 'anomalies', 'states', 'transfers', 'selected', 'inspected', 'actions', 'applied']) this[field] = frame[field];
    if (frame.nodes !== undefined) Object.assign(this, frame.nodes);
    if (frame.byzantine !== undefined) this.byzantine = new Map(frame.byzantine);
    if (frame.ticks.length > 0) this.ticked = true;
  }

  /** Zooms the view by `factor`, keeping the zoom within 0.5..50. */
  zoomBy(factor) {
    this.zoom = Math.min(50, Math.max(0.5, this.zoom * factor));
  }

  /** Moves the view by `dx`, `dy` canvas pixels. */
  panBy(dx, dy) {
    this.pan = [this.pan[0] + dx, this.pan[1] + dy];
  }

  /** Shows the whole network again: no zoom, no pan. */
  fit() {
    this.zoom = 1;
    this.pan = [0, 0];
  }
}
