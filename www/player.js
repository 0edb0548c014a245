// The scenario player: plays a bundled or loaded scenario in the engine worker (engine-worker.js)
// and draws its frames, logging what happens. The Player holds the run being played as its frames
// show it and asks the engine for what the controls, the clock and the link want.
import { scenarioFor } from './scenarios.js';
import { withTrace } from './space-time.js';
import { readLink } from './link.js';
import { remember } from './remember.js';
import { Run } from './player-state.js';
import { copiesInFlight, sameCopy } from './decode.js';
import { EngineClient } from './engine-client.js';
import { View } from './view.js';
import { bindControls, fillSettings, readSettings, readSpeed, showLink } from './controls.js';
import { bindLoading, offerLoaded } from './load-scenario.js';
import { fitCanvas } from './canvas-fit.js';
import { onThemeChange } from './theme.js';
import { $ } from './dom.js';

/** The most real time one frame of play covers, in ms: a slower engine plays slower instead. */
const MAX_FRAME_MS = 100;

/** A start or time travel taking longer than this, in ms, is shown as under way. */
const BUSY_AFTER_MS = 200;

/** Holds the run being played and changes it through the engine as the controls, the clock and the link ask; each change is drawn. */
class Player {
  /** The run being played: a new one on every start, time travel included. */
  run;
  #view;
  #engine;
  /** Whether a frame arrived since the run was last drawn. */
  #dirty = false;
  /** When the clock last asked the engine to play on (a `performance.now()`). */
  #askedAt = performance.now();
  /** How many starts and time travels the engine has not answered yet. */
  #busy = 0;

  /** A player with nothing started yet, showing its runs on `view` and playing them on `engine`. */
  constructor(view, engine) {
    this.#view = view;
    this.#engine = engine;
  }

  /**
   * Starts scenario `key` from time 0 with `settings` (`{ seed, pattern, nodes, protocol,
   * workload }`, see `readSettings`), runs it to `time` ms, and resolves true once it is shown.
   * `actions` are the fault-lab actions to replay (`[time, action, nodeId, argument]`), applied at
   * their times as the network runs. Resolves false when the settings are refused (the error is
   * shown and the run that was there goes on, with its own settings).
   */
  async start(key, settings, actions = [], time = 0) {
    const scenario = withTrace(scenarioFor(key, settings));
    const playingBefore = this.run?.playing ?? false;
    let reply;
    try {
      reply = await this.#whileBusy('Starting the run…', this.#engine.request({ type: 'start', scenario, settings, actions, time }));
    } catch (error) {
      // A bad seed, interval or size: say which rule it broke and keep playing what was there.
      this.#view.showError(`${error.code}: ${error.message}`);
      if (this.run === undefined) await this.#startWithDefaults(key, time);
      return false;
    }
    // Play pressed while the run was starting plays the new run (the old one is gone).
    const pressedMeanwhile = !playingBefore && (this.run?.playing ?? false);
    this.#begin(new Run({ key, scenario, settings }), reply.frame);
    if (pressedMeanwhile) this.#setPlaying(true);
    return true;
  }

  /**
   * Starts scenario `key` afresh with `settings` and puts it in the URL; an error shown for
   * refused settings stays until settings are accepted.
   */
  async restart(key, settings) {
    if (!(await this.start(key, settings))) return;
    this.#view.showError('');
    remember(this.run);
  }

  /** Goes back or forward to `time` ms: the same scenario, settings and actions, replayed from 0. */
  async travel(time) {
    this.#setPlaying(false);
    const reply = await this.#whileBusy(`Replaying the run to ${(time / 1000).toFixed(2)} s…`, this.#engine.request({ type: 'travel', time }));
    // A later travel took this one's place.
    if (reply === undefined) return;
    const { key, scenario, settings } = this.run;
    this.#begin(new Run({ key, scenario, settings }), reply.frame);
    remember(this.run);
  }

  /** Pauses and runs one tick of `interval` ms. */
  async tick(interval) {
    this.#setPlaying(false);
    await this.#ask({ type: 'step', by: interval });
    remember(this.run);
  }

  /** Plays, or pauses and puts the time reached in the URL. */
  togglePlaying() {
    this.#setPlaying(!this.run.playing);
    if (!this.run.playing) remember(this.run);
  }

  /**
   * Does fault-lab `action` (see `perform` in engine-protocol.js) with `argument` (and a drop's
   * `receiver`) now, records it, and puts it in the URL.
   */
  async act(action, argument, receiver) {
    const recorded = JSON.stringify(this.run.actions);
    if ((await this.#ask({ type: 'perform', action, argument, receiver })) && JSON.stringify(this.run.actions) !== recorded) remember(this.run);
  }

  /** Selects the node in slot `slot` (-1 for none) and inspects it. */
  select(slot) {
    this.#ask({ type: 'select', slot });
  }

  /** Selects the message copy `copy` (`{ messageId, from, to }`, slots; null or undefined for none) and inspects it. */
  selectMessage(copy) {
    this.run.message = copy ?? null;
    this.#dirty = true;
  }

  /**
   * Selects the copy in flight `by` places after the selected one (−1: before it; the first or
   * the last when none is selected), in the engine's order: picking a message by keyboard.
   */
  stepMessage(by) {
    const copies = copiesInFlight(this.run.transfers);
    if (copies.length === 0) return;
    const selected = this.run.message;
    const at = selected === null ? -1 : copies.findIndex((copy) => sameCopy(copy, selected));
    const next = at === -1 ? (by > 0 ? 0 : copies.length - 1) : (at + by + copies.length) % copies.length;
    const { messageId, from, to } = copies[next];
    this.selectMessage({ messageId, from, to });
  }

  /** Drops the selected message's copies in flight to the selected copy's receiver, and records it. */
  dropSelectedCopy() {
    const copy = this.run.message;
    if (copy !== null) this.act('drop', copy.messageId, this.run.ids[copy.to]);
  }

  /** Drops every copy in flight of the selected message, and records it. */
  dropEveryCopy() {
    const copy = this.run.message;
    if (copy !== null) this.act('drop', copy.messageId, null);
  }

  /** The run so far as text: `kind` 'trace' (JSON lines) or 'stats' (CSV). */
  exported(kind) {
    return this.#engine.request({ type: 'export', kind }).then((reply) => reply.result);
  }

  /** Draws the run as it is now (nothing before the first run is shown). */
  render() {
    if (this.run === undefined) return;
    this.#dirty = false;
    this.#view.render(this.run);
  }

  /**
   * The clock, on every animation frame: if the run plays and the engine is free (its last frame
   * has come), asks it to play the real time since it last asked (at most MAX_FRAME_MS) times the
   * speed input, then draws that last frame while the engine works on the next. Reaching the
   * scenario's duration pauses the run.
   */
  onAnimationFrame(now) {
    if (!this.run.playing) this.#askedAt = now;
    if (this.run.playing && this.#engine.idle) this.#playOn(now);
    if (this.#dirty) this.render();
  }

  /** Asks the engine to play on from the last frame by the real time since it last asked at `now`. */
  #playOn(now) {
    const to = this.run.time + Math.min(now - this.#askedAt, MAX_FRAME_MS) * readSpeed();
    this.#askedAt = now;
    this.#ask({ type: 'advance', to }).then((frame) => {
      // The run pauses at its end and its last frame is drawn with it, not on the next animation frame.
      if (frame?.ended) {
        this.#setPlaying(false);
        this.render();
      }
      // Paused while the engine played on: the link gets the time it reached.
      if (frame !== undefined && !this.run.playing) remember(this.run);
    });
  }

  /** Sends `request` to the engine and takes the frame it answers with; resolves with it, or undefined when refused (the error is shown). */
  async #ask(request) {
    let reply;
    try {
      reply = await this.#engine.request(request);
    } catch (error) {
      this.#view.showError(`${error.code}: ${error.message}`);
      return undefined;
    }
    this.#take(reply.frame);
    return reply.frame;
  }

  /** Resolves as `pending` (a start or a travel) does, showing `text` over the network view while it takes long. */
  async #whileBusy(text, pending) {
    this.#busy++;
    const timer = setTimeout(() => this.#view.showBusy(text), BUSY_AFTER_MS);
    try {
      return await pending;
    } finally {
      clearTimeout(timer);
      if (--this.#busy === 0) this.#view.showBusy('');
    }
  }

  /** Makes `run` the one played, from its first `frame`, paused. */
  #begin(run, frame) {
    this.run = run;
    run.apply(frame);
    this.#view.showRun(run);
    this.#view.take(run, frame);
    this.#setPlaying(false);
    this.#dirty = true;
  }

  /** Takes a `frame` of the run being played, to be drawn on the next animation frame. */
  #take(frame) {
    this.run.apply(frame);
    this.#view.take(this.run, frame);
    this.#dirty = true;
  }

  /** Sets whether the run plays, and shows it. */
  #setPlaying(playing) {
    this.run.playing = playing;
    this.#view.showPlaying(playing);
  }

  /** Puts every input back to its default and starts scenario `key`, run to `time` ms (a first load with a bad URL). */
  async #startWithDefaults(key, time) {
    fillSettings(key);
    const reason = this.#view.error;
    if (!(await this.start(key, readSettings(), [], time))) throw new Error(`the bundled scenario ${key} does not start`);
    this.#view.showError(`${reason} (started with the defaults instead)`);
  }
}

/** Calls `player.onAnimationFrame` on every animation frame. */
function runClock(player) {
  const frame = (time) => {
    player.onAnimationFrame(time);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const engine = new EngineClient();
const view = new View(
  () => engine.request({ type: 'checker' }).then((reply) => reply.result),
  (copy) => player.selectMessage(copy),
);
const player = new Player(view, engine);
bindControls(player, view);
bindLoading(player, view);
// The network view follows its box's size and the theme; the run is drawn again on a change.
fitCanvas($('network-view'), () => player.render());
onThemeChange(() => {
  view.retheme();
  player.render();
});
// The link replays its run: the scenario (a loaded one it carries), settings and actions it names,
// run to its time; the page is ready once it is drawn.
const link = readLink(location.search, location.hash);
if (link.file !== undefined) offerLoaded(link.file, link.file.name ?? 'a shared scenario');
showLink(link.key, link.values);
await player.start(link.key, readSettings(), link.actions, link.time);
player.render();
if (link.ignored.length > 0) view.showError(`Ignored from the link: ${link.ignored.join('; ')}. The rest plays.`);
runClock(player);
