// The run being played: its scenario, network and observer, its nodes by slot and how they are laid
// out, what the view shows of it (selection, zoom, pan), and the fault-lab actions recorded so far.
import { MeshObserver } from 'data-mesh';
import { layout, spiral } from './layout.js';
import { PIXEL_MODE_NODES } from './draw.js';
import { perform, replay } from './replay.js';

/** Up to this many nodes, what each accepts, rejects and syncs to is logged (more would flood the log). */
const LOGGED_NODES = 500;

/** Up to this many nodes they are laid out by force; more are put on a spiral (instant). */
const FORCE_LAYOUT_NODES = 500;

/** Up to this many nodes their ids are drawn under them. */
const LABELLED_NODES = 30;

/** One run of a scenario, from time 0, with the settings it started with. */
export class Run {
  /** The scenario's key: a bundled one's, or FILE_KEY for the loaded one. */
  key;
  /** The scenario as played: with the settings' random seed, pattern and size. */
  scenario;
  /** The settings this run started with (the inputs may since hold refused ones). */
  settings;
  /** The network being played. */
  network;
  /** The recorded fault-lab actions, `[time, action, nodeId, argument]`, in time order. */
  actions;
  /** How many of the recorded actions have been applied. */
  applied = 0;
  /** The nodes by slot: a scenario creates its nodes in order and never removes them. */
  nodes;
  /** Byzantine behaviour by slot. */
  byzantine;
  /** The links between live nodes, as slot pairs (none in pixel mode). */
  links = [];
  /** Each slot's position, `[x, y]` in 0..1. */
  positions = [];
  /** The node ids to draw under the nodes, by slot, or undefined for none. */
  labels;
  /** The selected node's slot, -1 for none. */
  selected = -1;
  /** The view's zoom factor. */
  zoom = 1;
  /** The view's pan, in canvas pixels. */
  pan = [0, 0];
  /** Whether the run is playing. */
  playing = false;
  /** How many anomalies the observer flagged, by kind. */
  anomalies = {};
  /** The node steps the pattern view was last drawn for (undefined: not drawn yet). */
  patternKey;
  #hooks;

  /**
   * A run of `network`, just made from `scenario` (the scenario `key` with `settings`),
   * that applies the recorded fault-lab `actions` (`[time, action, nodeId, argument]`) at their
   * times as it runs. `hooks.log(time, text, kind, nodeId)` hears what happens;
   * `hooks.nodesChanged(run)` hears when nodes are added, removed or linked anew.
   */
  constructor({ key, scenario, settings, network, actions }, hooks) {
    this.key = key;
    this.scenario = scenario;
    this.settings = settings;
    this.network = network;
    this.actions = actions;
    this.#hooks = hooks;
    const watcher = new MeshObserver(settings.pattern);
    watcher.watch(network);
    this.nodes = network.getNodes();
    const slotOf = slotsById(this.nodes);
    this.byzantine = new Map(Object.entries(scenario.byzantine ?? {}).map(([id, behaviour]) => [slotOf.get(id), behaviour]));
    this.#relink();
    for (const node of this.nodes.length > LOGGED_NODES ? [] : this.nodes) this.#listenTo(node);
    watcher.onAnomaly((a) => {
      this.anomalies[a.type] = (this.anomalies[a.type] ?? 0) + 1;
      this.#log(`⚠ observer flagged ${a.type} from ${a.message.senderId}`, 'anomaly', a.message.senderId);
    });
  }

  /**
   * Runs the network to `time` ms, applying the recorded actions due on the way; one the network
   * refuses (a link may name a node that is not there) is logged and skipped.
   */
  runTo(time) {
    replay(this.network, this.actions, this.applied, time, (index, ...action) => {
      this.applied = index + 1;
      try {
        this.#apply(...action);
      } catch (error) {
        this.#log(`skipped ${action[0]} from the link: ${error.code ?? error.name}: ${error.message}`, 'fault', '');
      }
    });
  }

  /** Applies fault-lab `action` now and records it; one that throws is not recorded, so replays never meet it. */
  record(action, nodeId, argument) {
    this.#apply(action, nodeId, argument);
    this.actions.push([this.network.now, action, nodeId, argument]);
    this.applied = this.actions.length;
  }

  /** The selected node's id, or undefined when none is selected. */
  get selectedId() {
    return this.nodes[this.selected]?.nodeId;
  }

  /** An id no node has: `added-<n>`, counting up from the number of nodes. */
  freeNodeId() {
    const taken = new Set(this.nodes.map((node) => node.nodeId));
    let n = this.nodes.length;
    while (taken.has(`added-${n}`)) n++;
    return `added-${n}`;
  }

  /** The ids of the first half of the live nodes (rounded up): one side of a partition in halves. */
  firstHalf() {
    const live = this.nodes.filter((node) => node.isValid());
    return live.slice(0, Math.ceil(live.length / 2)).map((node) => node.nodeId);
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

  /** Applies one fault-lab action to the network, keeps the nodes, links and liars in step, and logs it. */
  #apply(action, nodeId, argument) {
    const added = perform(this.network, this.settings.pattern, action, nodeId, argument);
    if (added !== undefined) {
      this.nodes.push(added);
      if (this.nodes.length <= LOGGED_NODES) this.#listenTo(added);
    }
    if (['add', 'remove', 'topology'].includes(action)) {
      this.#relink();
      this.#hooks.nodesChanged(this);
    }
    if (action === 'byzantine') {
      const slot = this.nodes.findIndex((n) => n.nodeId === nodeId);
      if (argument === 'honest') this.byzantine.delete(slot);
      else this.byzantine.set(slot, argument);
    }
    const detail = argument === undefined ? '' : ` ${typeof argument === 'string' ? argument : JSON.stringify(argument)}`;
    this.#log(`⚡ ${action}${nodeId ? ` ${nodeId}` : ''}${detail}`, 'fault', nodeId ?? '');
  }

  /**
   * Reads the links of the live nodes again (only where they are drawn: not in pixel mode) and
   * lays the network out.
   */
  #relink() {
    const { network, nodes } = this;
    const links = [];
    if (nodes.length <= PIXEL_MODE_NODES) {
      const slotOf = slotsById(nodes);
      nodes.forEach((node, a) => {
        if (!node.isValid()) return;
        for (const other of network.neighbours(node.nodeId)) {
          const b = slotOf.get(other);
          if (a < b) links.push([a, b]);
        }
      });
    }
    this.links = links;
    this.positions = nodes.length > FORCE_LAYOUT_NODES ? spiral(nodes.length) : layout(nodes.length, links);
    this.labels = nodes.length <= LABELLED_NODES ? nodes.map((node) => node.nodeId) : undefined;
  }

  /** Logs what `node` accepts, rejects and syncs to. */
  #listenTo(node) {
    node.onMessage((m) => this.#log(`✓ ${node.nodeId} accepted ${describe(m)}`, 'accepted', node.nodeId));
    node.onError((e) => e.type === 'pattern-mismatch' && this.#log(`✗ ${node.nodeId} rejected ${describe(e.message)}: expected ${e.expected}, got ${e.received}`, 'rejected', node.nodeId));
    node.onSync((step) => this.#log(`↻ ${node.nodeId} synced to step ${step}`, 'sync', node.nodeId));
  }

  /** Logs `text` of `kind` about node `nodeId` at the network's time. */
  #log(text, kind, nodeId) {
    this.#hooks.log(this.network.now, text, kind, nodeId);
  }
}

/** Each node's slot by its id. */
function slotsById(nodes) {
  return new Map(nodes.map((node, slot) => [node.nodeId, slot]));
}

/** A message for the log: its sender, step and data. */
function describe(message) {
  const data = message.data === undefined ? '' : ` ${JSON.stringify(message.data)}`;
  return `from ${message.senderId} at step ${message.globalStep}${data}`;
}
