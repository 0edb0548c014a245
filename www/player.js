// The scenario player: runs a bundled or loaded scenario in the browser, draws it, and logs what
// happens. The Player holds the run being played and does to it what the controls, the clock and
// the link ask.
import { MeshNetwork } from 'data-mesh';
import { scenarioFor } from './scenarios.js';
import { withTrace } from './space-time.js';
import { readLink } from './link.js';
import { remember } from './replay.js';
import { Run } from './player-state.js';
import { View } from './view.js';
import { bindControls, fillSettings, readSettings, readSpeed, showLink } from './controls.js';
import { bindLoading, offerLoaded } from './load-scenario.js';
import { fitCanvas } from './canvas-fit.js';
import { onThemeChange } from './theme.js';
import { $ } from './dom.js';

/** Holds the run being played and changes it as the controls, the clock and the link ask; each change is drawn. */
class Player {
  /** The run being played: a new one on every start, time travel included. */
  run;
  #view;
  #hooks;

  /** A player with nothing started yet, showing its runs on `view`. */
  constructor(view) {
    this.#view = view;
    this.#hooks = { log: (...entry) => view.log(...entry), nodesChanged: (run) => view.refreshInspectList(run) };
  }

  /**
   * Starts scenario `key` from time 0 with `settings` (`{ seed, pattern, nodes }`, see
   * `readSettings`). `actions` are the fault-lab actions to replay (`[time, action, nodeId,
   * argument]`), applied at their times as the network runs. Returns false when the settings are
   * refused (the error is shown and the run that was there goes on, with its own settings).
   */
  start(key, settings, actions = []) {
    const scenario = withTrace(scenarioFor(key, settings));
    let network;
    try {
      network = MeshNetwork.fromScenario(scenario);
    } catch (error) {
      // A bad seed, interval or size: say which rule it broke and keep playing what was there.
      this.#view.showError(`${error.code}: ${error.message}`);
      if (this.run === undefined) this.#startWithDefaults(key);
      return false;
    }
    this.run?.network.free();
    this.run = new Run({ key, scenario, settings, network, actions }, this.#hooks);
    this.#view.showRun(this.run);
    this.#setPlaying(false);
    this.render();
    return true;
  }

  /**
   * Starts scenario `key` afresh with `settings` and puts it in the URL; an error shown for
   * refused settings stays until settings are accepted.
   */
  restart(key, settings) {
    if (!this.start(key, settings)) return;
    this.#view.showError('');
    remember(this.run);
  }

  /** Goes back or forward to `time` ms: the same scenario, settings and actions, replayed from 0. */
  travel(time) {
    const { key, settings, actions } = this.run;
    this.start(key, settings, actions);
    this.run.runTo(time);
    this.render();
    remember(this.run);
  }

  /** Pauses and runs one tick of `interval` ms. */
  tick(interval) {
    this.#setPlaying(false);
    this.run.runTo(this.run.network.now + interval);
    this.render();
    remember(this.run);
  }

  /** Plays, or pauses and puts the time reached in the URL. */
  togglePlaying() {
    this.#setPlaying(!this.run.playing);
    if (!this.run.playing) remember(this.run);
  }

  /**
   * Plays `ms` of virtual time further if the run is playing; reaching the scenario's duration
   * pauses it there and puts it in the URL.
   */
  advance(ms) {
    if (!this.run.playing) return;
    const { network, scenario } = this.run;
    this.run.runTo(Math.min(network.now + ms, scenario.duration ?? Infinity));
    if (scenario.duration !== undefined && network.now >= scenario.duration) {
      this.#setPlaying(false);
      remember(this.run);
    }
    this.render();
  }

  /** Applies fault-lab `action` to node `nodeId` with `argument` now, records it, and puts it in the URL. */
  act(action, nodeId, argument) {
    this.run.record(action, nodeId, argument);
    remember(this.run);
    this.render();
  }

  /** Selects the node in slot `slot` (-1 for none) and inspects it. */
  select(slot) {
    this.run.selected = slot;
    this.#view.showSelection(this.run);
    this.render();
  }

  /** Draws the run as it is now. */
  render() {
    this.#view.render(this.run);
  }

  /** Sets whether the run plays, and shows it. */
  #setPlaying(playing) {
    this.run.playing = playing;
    this.#view.showPlaying(playing);
  }

  /** Puts every input back to its default and starts scenario `key` (a first load with a bad URL). */
  #startWithDefaults(key) {
    fillSettings(key);
    const reason = this.#view.error;
    if (!this.start(key, readSettings())) throw new Error(`the bundled scenario ${key} does not start`);
    this.#view.showError(`${reason} (started with the defaults instead)`);
  }
}

/**
 * Plays in real time: every animation frame advances the player by the real time since the last
 * one (at most 100 ms) times the speed input.
 */
function runClock(player) {
  let last = performance.now();
  const frame = (time) => {
    const elapsed = Math.min(time - last, 100);
    last = time;
    player.advance(elapsed * readSpeed());
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const view = new View();
const player = new Player(view);
bindControls(player, view);
bindLoading(player, view);
// The network view follows its box's size and the theme; the run is drawn again on a change.
fitCanvas($('network-view'), () => player.render());
onThemeChange(() => {
  view.retheme();
  player.render();
});
// The link replays its run: the scenario (a loaded one it carries), settings and actions it names,
// run to its time.
const link = readLink(location.search, location.hash);
if (link.file !== undefined) offerLoaded(link.file, link.file.name ?? 'a shared scenario');
showLink(link.key, link.values);
player.start(link.key, readSettings(), link.actions);
if (link.time !== undefined) {
  player.run.runTo(link.time);
  player.render();
}
if (link.ignored.length > 0) view.showError(`Ignored from the link: ${link.ignored.join('; ')}. The rest plays.`);
runClock(player);
