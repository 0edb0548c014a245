// The run the engine worker plays (no DOM): the network made from a scenario and its observer,
// the fault-lab actions recorded and replayed, the nodes by slot and how they are laid out, the
// selected node, and what the run logged and charted since the page last took it.
import { MeshNetwork, MeshObserver } from 'data-mesh';
import { layout, spiral } from './layout.js';
import { perform, replay } from './replay.js';
import { MAX_LOG_LINES, PIXEL_MODE_NODES } from './engine-protocol.js';

/** Up to this many nodes, what each accepts, rejects and syncs to is logged (more would flood the log). */
const LOGGED_NODES = 500;

/** Up to this many nodes they are laid out by force; more are put on a spiral (instant). */
const FORCE_LAYOUT_NODES = 500;

/** Up to this many nodes their ids are drawn under them. */
const LABELLED_NODES = 30;

/** The fault-lab actions done to the selected node. */
const ON_SELECTED = ['crash', 'restart', 'pause', 'resume', 'byzantine', 'remove'];

/** One run of a scenario, from time 0, with the settings it started with. */
export class EngineRun {
  /** The scenario as played: with the settings' random seed, pattern and size. */
  scenario;
  /** The settings this run started with. */
  settings;
  /** The network being played. */
  network;
  /** The recorded fault-lab actions, `[time, action, nodeId, argument]`, in the order they were done. */
  actions;
  /** How many of the recorded actions have been applied. */
  applied = 0;
  /** The nodes by slot: a scenario creates its nodes in order and never removes them. */
  nodes;
  /** Byzantine behaviour by slot. */
  byzantine;
  /** How many anomalies the observer flagged, by kind. */
  anomalies = {};
  /** The selected node's slot, -1 for none. */
  selected = -1;
  /** Log lines `[time, text, kind, nodeId]` not yet taken. */
  #lines = [];
  /** Every tick's statistics so far, for the CSV export. */
  #ticks = [];
  /** The nodes' ids, links and layout when they changed since last taken, else undefined. */
  #shape;
  #byzantineChanged = true;

  /**
   * A run of `scenario` with `settings` (`{ seed, pattern, nodes, protocol, workload }`) that
   * applies the recorded fault-lab `actions` (`[time, action, nodeId, argument]`) at their times
   * as it runs, on the network `networkFor(scenario)` makes (by default the scenario's own, as
   * `fromScenario` makes it). Throws the package's typed error when the scenario is refused.
   */
  constructor({ scenario, settings, actions, networkFor = (played) => MeshNetwork.fromScenario(played) }) {
    this.networkFor = networkFor;
    this.network = networkFor(scenario);
    this.scenario = scenario;
    this.settings = settings;
    this.actions = actions;
    const watcher = new MeshObserver(settings.pattern);
    watcher.watch(this.network);
    this.nodes = this.network.getNodes();
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

  /**
   * Does fault-lab `action` now and records it (see `perform` in engine-protocol.js): on the
   * selected node (nothing when none is), a new node with a free id, the copies in flight of
   * message `argument` to node `receiver` (a drop; to every receiver when null), or the
   * network; one that throws, or a drop that finds no copy in flight, is not recorded, so replays
   * never meet it. Recording one discards the actions recorded for later times (the run travelled
   * back before them): the link then replays the run as it was played.
   */
  act(action, argument, receiver) {
    const onSelected = ON_SELECTED.includes(action);
    let nodeId;
    if (onSelected) nodeId = this.nodes[this.selected]?.nodeId;
    else if (action === 'add') nodeId = this.#freeNodeId();
    else if (action === 'drop') nodeId = receiver ?? null;
    if (onSelected && nodeId === undefined) return;
    const halves = action === 'partition' || action === 'cut-one-way';
    const given = halves && argument === undefined ? this.#firstHalf() : argument;
    const result = this.#apply(action, nodeId, given);
    if (action === 'drop' && result === 0) return;
    this.actions.length = this.applied;
    this.actions.push([this.network.now, action, nodeId, given]);
    this.applied = this.actions.length;
    if (action === 'remove') this.selected = -1;
  }

  /** The selected node as the inspector shows it, or null when none is (or it was removed). */
  inspected() {
    const node = this.nodes[this.selected];
    if (node === undefined || !node.isValid()) return null;
    return { nodeId: node.nodeId, status: node.status, globalStep: node.globalStep, patternValue: node.patternValue, stats: node.getStats() };
  }

  /** The log lines since the last call, the newest last (at most MAX_LOG_LINES: the page shows no more). */
  takeLog() {
    const lines = this.#lines.slice(-MAX_LOG_LINES);
    this.#lines = [];
    return lines;
  }

  /** The ticks' statistics since the last call (`drainTickStats()`), kept for the CSV export too. */
  takeTicks() {
    const ticks = this.network.drainTickStats();
    for (const row of ticks) this.#ticks.push(row);
    return ticks;
  }

  /** The nodes' `{ ids, links, positions, labels }` when they changed since the last call, else undefined. */
  takeShape() {
    const shape = this.#shape;
    this.#shape = undefined;
    return shape;
  }

  /** The byzantine behaviours as `[slot, behaviour]` pairs when they changed since the last call, else undefined. */
  takeByzantine() {
    const changed = this.#byzantineChanged;
    this.#byzantineChanged = false;
    return changed ? [...this.byzantine] : undefined;
  }

  /** Every tick's statistics so far as CSV, one line per tick ('' before the first). */
  statsCsv() {
    if (this.#ticks.length === 0) return '';
    const keys = Object.keys(this.#ticks[0]);
    return [keys.join(','), ...this.#ticks.map((row) => keys.map((key) => row[key]).join(','))].join('\n') + '\n';
  }

  /** An id no node has: `added-<n>`, counting up from the number of nodes. */
  #freeNodeId() {
    const taken = new Set(this.nodes.map((node) => node.nodeId));
    let n = this.nodes.length;
    while (taken.has(`added-${n}`)) n++;
    return `added-${n}`;
  }

  /** The ids of the first half of the live nodes (rounded up): one side of a partition in halves. */
  #firstHalf() {
    const live = this.nodes.filter((node) => node.isValid());
    return live.slice(0, Math.ceil(live.length / 2)).map((node) => node.nodeId);
  }

  /**
   * Applies one fault-lab action to the network, keeps the nodes, links and liars in step, and
   * logs it; returns what `perform` returned.
   */
  #apply(action, nodeId, argument) {
    const result = perform(this.network, this.settings.pattern, action, nodeId, argument);
    if (action === 'add') {
      this.nodes.push(result);
      if (this.nodes.length <= LOGGED_NODES) this.#listenTo(result);
    }
    if (['add', 'remove', 'topology'].includes(action)) this.#relink();
    if (action === 'byzantine') {
      const slot = this.nodes.findIndex((n) => n.nodeId === nodeId);
      if (argument === 'honest') this.byzantine.delete(slot);
      else this.byzantine.set(slot, argument);
      this.#byzantineChanged = true;
    }
    this.#log(`⚡ ${actionText(action, nodeId, argument, result)}`, 'fault', nodeId ?? '');
    return result;
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
    const ids = nodes.map((node) => node.nodeId);
    this.#shape = {
      ids,
      links: Uint32Array.from(links.flat()),
      positions: nodes.length > FORCE_LAYOUT_NODES ? spiral(nodes.length) : layout(nodes.length, links),
      labels: nodes.length <= LABELLED_NODES ? ids : null,
    };
  }

  /** Logs what `node` accepts, rejects and syncs to, and what its handlers or protocol throw. */
  #listenTo(node) {
    node.onMessage((m) => this.#log(`✓ ${node.nodeId} accepted ${describe(m)}`, 'accepted', node.nodeId));
    node.onError((e) => {
      if (e.type === 'pattern-mismatch') this.#log(`✗ ${node.nodeId} rejected ${describe(e.message)}: expected ${e.expected}, got ${e.received}`, 'rejected', node.nodeId);
      if (e.type === 'handler-error') this.#log(`⚠ ${node.nodeId}'s protocol threw ${String(e.error).slice(0, 200)}`, 'error', node.nodeId);
    });
    node.onSync((step) => this.#log(`↻ ${node.nodeId} synced to step ${step}`, 'sync', node.nodeId));
  }

  /** Logs `text` of `kind` about node `nodeId` at the network's time. */
  #log(text, kind, nodeId) {
    this.#lines.push([this.network.now, text, kind, nodeId]);
    // Only the newest MAX_LOG_LINES are ever taken: a run that logs much between two frames keeps no more.
    if (this.#lines.length > 2 * MAX_LOG_LINES) this.#lines.splice(0, this.#lines.length - MAX_LOG_LINES);
  }
}

/** Each node's slot by its id. */
function slotsById(nodes) {
  return new Map(nodes.map((node, slot) => [node.nodeId, slot]));
}

/** A fault-lab action for the log: its name, node and argument; a drop names its message, receiver and the copies it dropped (`result`). */
function actionText(action, nodeId, argument, result) {
  if (action === 'drop') return `drop message ${argument} to ${nodeId ?? 'every receiver'}: ${result} ${result === 1 ? 'copy' : 'copies'}`;
  const detail = argument === undefined ? '' : ` ${typeof argument === 'string' ? argument : JSON.stringify(argument)}`;
  return `${action}${nodeId ? ` ${nodeId}` : ''}${detail}`;
}

/** A message for the log: its sender, step and data. */
function describe(message) {
  const data = message.data === undefined ? '' : ` ${JSON.stringify(message.data)}`;
  return `from ${message.senderId} at step ${message.globalStep}${data}`;
}
