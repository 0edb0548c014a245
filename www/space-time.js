// The space-time diagram: one lane per node against virtual time, each message copy an arrow from
// its send to its end coloured by outcome, timers and faults marked (space-time-paint.js draws
// them); click an arrow (or step through them with the arrow keys) to inspect it, here and in the
// page's Message panel. For runs of up to 64 nodes.
import { SpaceTimeData, arrowKey, countByOutcome, faultMarks } from './space-time-data.js';
import { drawKey, fit, paint } from './space-time-paint.js';
import { describeArrow } from './message-text.js';
import { sameCopy } from './decode.js';
import { $ } from './dom.js';
import { onThemeChange } from './theme.js';

/** Up to this many nodes a run records its trace and the diagram shows it. */
export const SPACE_TIME_MAX_NODES = 64;

/** The longest span of virtual time shown: the window ends at the run's time. */
const WINDOW_US = 2_000_000;

/** How near a click must be to an arrow to pick it, in CSS pixels. */
const PICK_DISTANCE = 6;

/** `scenario` with its trace recorded when it has at most `SPACE_TIME_MAX_NODES` nodes (else as it is). */
export function withTrace(scenario) {
  const count = Array.isArray(scenario.nodes) ? scenario.nodes.length : scenario.nodes.count;
  return count > SPACE_TIME_MAX_NODES ? scenario : { ...scenario, options: { ...scenario.options, recordTrace: true } };
}

/** The diagram in the page's `space-time-view` canvas, its key, note and inspector. */
export class SpaceTimeView {
  #canvas = $('space-time-view');
  #run;
  #data = new SpaceTimeData();
  /** The arrows drawn last, with their ends in CSS pixels, in time order. */
  #drawn = [];
  /** Called with each arrow the user picks (undefined: none); the run's `message` is the selection. */
  #onPick;

  /**
   * Takes over the diagram's elements: clicks, keys, resizes and theme changes; `onPick(arrow)`
   * hears of each arrow the user picks, or undefined when a pick clears the selection. The
   * selected copy is the run's (`run.message`, which a click on the network view sets too).
   */
  constructor(onPick) {
    this.#onPick = onPick;
    onThemeChange(() => {
      drawKey();
      this.#draw();
    });
    this.#canvas.addEventListener('click', (event) => {
      const box = this.#canvas.getBoundingClientRect();
      this.#pick(nearest(this.#drawn, event.clientX - box.left, event.clientY - box.top));
    });
    this.#canvas.addEventListener('keydown', (event) => this.#step(event));
    new ResizeObserver(() => this.#draw()).observe(this.#canvas);
  }

  /** Starts the diagram afresh for `run` (a new run, time travel included), its key in the page's colours now. */
  reset(run) {
    drawKey();
    this.#run = run;
    this.#data = new SpaceTimeData();
    this.#inspect(undefined);
  }

  /** Takes trace `records` (a frame's `trace`: `drainTrace()` since the last frame). */
  add(records) {
    this.#data.add(records);
  }

  /** The run's arrows and marks so far (empty when it records no trace). */
  get data() {
    return this.#data;
  }

  /** Draws the diagram of `run` at its time. */
  render(run) {
    this.#run = run;
    this.#draw();
  }

  /** Draws the diagram, or the note when the run is too big for it. */
  #draw() {
    const run = this.#run;
    const shown = run !== undefined && run.scenario.options.recordTrace === true && run.ids.length <= SPACE_TIME_MAX_NODES;
    $('space-time-note').hidden = shown;
    this.#canvas.hidden = !shown;
    $('space-time-key').hidden = !shown;
    if (!shown || this.#canvas.clientWidth === 0) return;
    const nowUs = run.time * 1000;
    const spanUs = Math.min(WINDOW_US, (run.scenario.duration ?? Infinity) * 1000);
    const window = [Math.max(0, nowUs - spanUs), Math.max(nowUs, spanUs)];
    const flying = this.#data.inFlight(run.transfers, nowUs);
    const visible = [...this.#data.arrows, ...flying].filter((arrow) => arrow.endUs >= window[0]);
    const slotOf = new Map(run.ids.map((id, slot) => [id, slot]));
    const marks = [...this.#data.marks, ...faultMarks(run.scenario.events ?? [], run.actions.slice(0, run.applied), slotOf, nowUs)];
    const frame = fit(this.#canvas, run.ids.length, window);
    this.#drawn = paint(this.#canvas, frame, {
      ids: run.ids,
      arrows: visible.sort((a, b) => a.sentUs - b.sentUs || a.from - b.from || a.to - b.to),
      marks: marks.filter((mark) => mark.timeUs >= window[0]),
      nowUs,
      selected: selectedKey(visible, run.message),
    });
    this.#canvas.dataset.lanes = String(run.ids.length);
    this.#canvas.dataset.arrows = JSON.stringify(countByOutcome(visible));
    const sample = this.#drawn.findLast((drawn) => drawn.arrow.outcome !== 'in-flight') ?? this.#drawn.at(-1);
    this.#canvas.dataset.sample = sample === undefined ? '' : `${(sample.x1 + sample.x2) / 2},${(sample.y1 + sample.y2) / 2}`;
    // The selected copy is shown as it is now (in flight, then ended); once it leaves the window
    // the inspector keeps what it showed last.
    const key = selectedKey(visible, run.message);
    const chosen = this.#drawn.find((drawn) => arrowKey(drawn.arrow) === key);
    if (chosen !== undefined) this.#inspect(chosen.arrow);
    else if (run.message === null) this.#inspect(undefined);
  }

  /** Shows `arrow` the user picked (undefined: none) and passes it on to `onPick`, which selects it for the run. */
  #pick(arrow) {
    this.#inspect(arrow);
    this.#onPick(arrow);
  }

  /** Moves the selection to the next (→) or previous (←) arrow drawn, or clears it (Escape). */
  #step(event) {
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key === 'Escape') this.#pick(undefined);
    if (!(event.key in moves) || this.#drawn.length === 0) return;
    event.preventDefault();
    const key = selectedKey(this.#drawn.map((drawn) => drawn.arrow), this.#run.message);
    const at = this.#drawn.findIndex((drawn) => arrowKey(drawn.arrow) === key);
    const next = at === -1 ? (moves[event.key] > 0 ? 0 : this.#drawn.length - 1) : Math.min(this.#drawn.length - 1, Math.max(0, at + moves[event.key]));
    this.#pick(this.#drawn[next].arrow);
  }

  /** Shows `arrow` in the inspector (a hint when it is undefined). */
  #inspect(arrow) {
    const inspector = $('space-time-inspector');
    if (arrow === undefined) {
      inspector.textContent = 'Click an arrow, or focus the diagram and press → or ←, to inspect a message.';
      return;
    }
    inspector.textContent = describeArrow(arrow, this.#run.ids);
  }
}

/** The key (see `arrowKey`) of the latest of `arrows` that is the copy `message` (`{ messageId, from, to }`, or null), or undefined. */
function selectedKey(arrows, message) {
  if (message === null || message === undefined) return undefined;
  const copy = arrows.findLast((arrow) => sameCopy(arrow, message));
  return copy === undefined ? undefined : arrowKey(copy);
}

/** The drawn arrow nearest (x, y) within `PICK_DISTANCE`, or undefined. */
function nearest(drawn, x, y) {
  let best;
  let bestDistance = PICK_DISTANCE;
  for (const d of drawn) {
    const distance = toSegment(x, y, d);
    if (distance <= bestDistance) [best, bestDistance] = [d.arrow, distance];
  }
  return best;
}

/** The distance from (x, y) to the segment from (x1, y1) to (x2, y2). */
function toSegment(x, y, { x1, y1, x2, y2 }) {
  const [dx, dy] = [x2 - x1, y2 - y1];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}
