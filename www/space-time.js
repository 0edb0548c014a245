// The space-time diagram: one lane per node against virtual time, each message copy an arrow from
// its send to its end coloured by outcome, timers and faults marked; click an arrow (or step
// through them with the arrow keys) to inspect it. For runs of up to 64 nodes.
import { SpaceTimeData, countByOutcome, faultMarks } from './space-time-data.js';
import { $, legendEntry } from './dom.js';
import { onThemeChange } from './theme.js';

/** Up to this many nodes a run records its trace and the diagram shows it. */
export const SPACE_TIME_MAX_NODES = 64;

/** The longest span of virtual time shown: the window ends at the run's time. */
const WINDOW_US = 2_000_000;

/** Room for the lane labels on the left, the axis below and a margin, in CSS pixels. */
const LABELS = 96;
const AXIS = 22;
const MARGIN = 8;

/** How near a click must be to an arrow to pick it, in CSS pixels. */
const PICK_DISTANCE = 6;

/** Each outcome's colour: the first CSS variable set on the page, else the fallback. */
const OUTCOME_COLORS = {
  accepted: ['--accepted', '--pulse-accepted', '--ok', '#16a34a'],
  rejected: ['--rejected', '--pulse-rejected', '--bad', '#e11d48'],
  dropped: ['--dropped', '--pulse-dropped', '#9ca3af'],
  duplicate: ['--duplicate', '#a855f7'],
  'in-flight': ['--in-flight', '--accent', '#2563eb'],
};

/** The marks' colour, as for the outcomes. */
const MARK_COLOR = ['--fault', '--warn', '#d97706'];

/** What each way a copy ends means, for the inspector. */
const DELIVERIES = {
  accept: "accepted by the receiver's pattern",
  reject: "rejected by the receiver's pattern",
  duplicate: 'a duplicate: the receiver already had it',
  lost: 'lost on the link',
  partitioned: 'cut by a partition',
  crashed: 'the sender or the receiver was crashed',
  'queue-full': "the link's queue was full",
  'in flight': 'on its link',
};

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
  /** The selected copy's key (see `arrowKey`), or undefined. */
  #selected;

  /** Takes over the diagram's elements: clicks, keys, resizes and theme changes. */
  constructor() {
    onThemeChange(() => {
      drawKey();
      this.#draw();
    });
    this.#canvas.addEventListener('click', (event) => {
      const box = this.#canvas.getBoundingClientRect();
      this.#select(nearest(this.#drawn, event.clientX - box.left, event.clientY - box.top));
    });
    this.#canvas.addEventListener('keydown', (event) => this.#step(event));
    new ResizeObserver(() => this.#draw()).observe(this.#canvas);
  }

  /** Starts the diagram afresh for `run` (a new run, time travel included), its key in the page's colours now. */
  reset(run) {
    drawKey();
    this.#run = run;
    this.#data = new SpaceTimeData();
    this.#select(undefined);
  }

  /** Takes trace `records` (a frame's `trace`: `drainTrace()` since the last frame). */
  add(records) {
    this.#data.add(records);
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
      selected: this.#selected,
    });
    this.#canvas.dataset.lanes = String(run.ids.length);
    this.#canvas.dataset.arrows = JSON.stringify(countByOutcome(visible));
    const sample = this.#drawn.findLast((drawn) => drawn.arrow.outcome !== 'in-flight') ?? this.#drawn.at(-1);
    this.#canvas.dataset.sample = sample === undefined ? '' : `${(sample.x1 + sample.x2) / 2},${(sample.y1 + sample.y2) / 2}`;
    // The selected copy is shown as it is now (in flight, then ended); once it leaves the window
    // the inspector keeps what it showed last.
    const chosen = this.#drawn.find((drawn) => arrowKey(drawn.arrow) === this.#selected);
    if (chosen !== undefined) this.#inspect(chosen.arrow);
  }

  /** Selects `arrow` (undefined: none), shows it in the inspector and draws the diagram again. */
  #select(arrow) {
    this.#selected = arrow === undefined ? undefined : arrowKey(arrow);
    this.#inspect(arrow);
    if (this.#run !== undefined) this.#draw();
  }

  /** Moves the selection to the next (→) or previous (←) arrow drawn, or clears it (Escape). */
  #step(event) {
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key === 'Escape') this.#select(undefined);
    if (!(event.key in moves) || this.#drawn.length === 0) return;
    event.preventDefault();
    const at = this.#drawn.findIndex((drawn) => arrowKey(drawn.arrow) === this.#selected);
    const next = at === -1 ? (moves[event.key] > 0 ? 0 : this.#drawn.length - 1) : Math.min(this.#drawn.length - 1, Math.max(0, at + moves[event.key]));
    this.#select(this.#drawn[next].arrow);
  }

  /** Shows `arrow` in the inspector (a hint when it is undefined). */
  #inspect(arrow) {
    const inspector = $('space-time-inspector');
    if (arrow === undefined) {
      inspector.textContent = 'Click an arrow, or focus the diagram and press → or ←, to inspect a message.';
      return;
    }
    const id = (slot) => this.#run.ids[slot] ?? `slot ${slot}`;
    const seconds = (us) => `${(us / 1e6).toFixed(3)} s`;
    const ended = arrow.outcome === 'in-flight' ? `arrives at ${seconds(arrow.endUs)}, to be ${arrow.expected}` : `ended at ${seconds(arrow.endUs)}`;
    const hops = arrow.hops === null ? 'hops unknown' : `hop ${arrow.hops}`;
    inspector.textContent = `Message ${arrow.messageId} from ${id(arrow.from)} to ${id(arrow.to)}: sent at ${seconds(arrow.sentUs)}, ${ended}; ${arrow.outcome} (${DELIVERIES[arrow.detail]}); ${hops}.`;
  }
}

/** The identity of an arrow's copy: in flight and ended it keeps it. */
const arrowKey = (arrow) => `${arrow.messageId}:${arrow.from}>${arrow.to}@${arrow.sentUs}`;

/**
 * Sizes `canvas` for `lanes` lanes (its width as laid out, device pixels per CSS pixel) and
 * returns the frame in CSS pixels: `x(timeUs)`, `y(slot)`, the lane height, the plot's box, the
 * time `window`.
 */
function fit(canvas, lanes, window) {
  const laneHeight = Math.min(28, Math.max(10, 360 / Math.max(lanes, 1)));
  const [width, height] = [canvas.clientWidth, MARGIN + lanes * laneHeight + AXIS];
  const ratio = globalThis.devicePixelRatio || 1;
  // Resizing the canvas reallocates it: only when the size changed, not on every frame.
  const [pixelsWide, pixelsHigh] = [Math.round(width * ratio), Math.round(height * ratio)];
  if (canvas.width !== pixelsWide || canvas.height !== pixelsHigh) {
    canvas.style.height = `${height}px`;
    [canvas.width, canvas.height] = [pixelsWide, pixelsHigh];
  }
  canvas.getContext('2d').setTransform(ratio, 0, 0, ratio, 0, 0);
  const [left, right, bottom] = [LABELS, width - MARGIN, MARGIN + lanes * laneHeight];
  const x = (timeUs) => left + ((timeUs - window[0]) / (window[1] - window[0])) * (right - left);
  const y = (slot) => MARGIN + (slot + 0.5) * laneHeight;
  return { x, y, laneHeight, left, right, bottom, width, height, window };
}

/**
 * Paints the lanes with their `ids`, the time axis, the `marks`, and the `arrows` (the
 * `selected` one stands out) up to `nowUs`; returns each arrow drawn with its ends.
 */
function paint(canvas, frame, { ids, arrows, marks, nowUs, selected }) {
  const context = canvas.getContext('2d');
  const { x, y, left, right, bottom, width, height } = frame;
  const text = getComputedStyle(canvas).color;
  const colors = palette();
  context.clearRect(0, 0, width, height);
  context.font = '11px system-ui, sans-serif';
  context.textBaseline = 'middle';
  context.fillStyle = text;
  context.strokeStyle = cssColor(['--grid', '#9ca3af66']);
  context.lineWidth = 1;
  ids.forEach((id, slot) => {
    context.fillText(id, 4, y(slot), LABELS - 8);
    context.beginPath();
    context.moveTo(left, y(slot));
    context.lineTo(right, y(slot));
    context.stroke();
  });
  drawAxis(context, frame, text);
  context.save();
  context.beginPath();
  context.rect(left, 0, x(nowUs) - left, bottom);
  context.clip();
  drawMarks(context, frame, marks, colors.mark);
  const drawn = arrows.map((arrow) => drawArrow(context, frame, arrow, colors[arrow.outcome], arrowKey(arrow) === selected && text));
  context.restore();
  context.strokeStyle = text;
  context.beginPath();
  context.moveTo(x(nowUs), MARGIN / 2);
  context.lineTo(x(nowUs), bottom);
  context.stroke();
  return drawn;
}

/** The time axis under the lanes: a label every 100, 200 or 500 ms, as fits. */
function drawAxis(context, { x, left, right, bottom, window }, color) {
  const span = window[1] - window[0];
  const every = [100_000, 200_000, 500_000, 1_000_000].find((step) => ((right - left) * step) / span >= 60) ?? 1_000_000;
  context.fillStyle = color;
  for (let t = Math.ceil(window[0] / every) * every; t <= window[1]; t += every) {
    // The last label ends at the plot's edge instead of running off the canvas.
    context.textAlign = x(t) > right - 20 ? 'end' : 'center';
    context.fillText(`${(t / 1e6).toFixed(1)} s`, x(t), bottom + AXIS / 2);
  }
  context.textAlign = 'start';
}

/** Timers, pauses and faults: a dashed line across every lane for the network's, else a diamond and its name on the node's lane. */
function drawMarks(context, { x, y, bottom }, marks, color) {
  context.fillStyle = color;
  context.strokeStyle = color;
  for (const mark of marks) {
    const at = x(mark.timeUs);
    if (mark.slot === -1) {
      context.setLineDash([3, 3]);
      context.beginPath();
      context.moveTo(at, MARGIN / 2);
      context.lineTo(at, bottom);
      context.stroke();
      context.setLineDash([]);
      context.fillText(mark.kind, at + 3, MARGIN);
    } else {
      const lane = y(mark.slot);
      context.beginPath();
      context.moveTo(at, lane - 5);
      context.lineTo(at + 4, lane);
      context.lineTo(at, lane + 5);
      context.lineTo(at - 4, lane);
      context.fill();
      if (mark.kind !== 'held') context.fillText(mark.kind, at + 6, lane - 5);
    }
  }
}

/**
 * Draws one arrow in `color`: a line from its send to its end with a head, dashed in flight,
 * ending in a cross when dropped (a copy its link refused at the send is a short stub), behind it
 * a wide line of colour `highlight` when it is selected (else false); returns its ends.
 */
function drawArrow(context, { x, y }, arrow, color, highlight) {
  const [x1, y1] = [x(arrow.sentUs), y(arrow.from)];
  const stub = arrow.endUs === arrow.sentUs;
  const [x2, y2] = stub ? [x1 + 8, y1 + (y(arrow.to) - y1) * 0.4] : [x(arrow.endUs), y(arrow.to)];
  if (highlight) line(context, x1, y1, x2, y2, highlight, 5);
  context.setLineDash(arrow.outcome === 'in-flight' ? [4, 3] : []);
  line(context, x1, y1, x2, y2, color, highlight ? 2.5 : 1.5);
  context.setLineDash([]);
  if (arrow.outcome === 'dropped') {
    line(context, x2 - 3, y2 - 3, x2 + 3, y2 + 3, color, 1.5);
    line(context, x2 - 3, y2 + 3, x2 + 3, y2 - 3, color, 1.5);
  } else if (arrow.outcome !== 'in-flight') {
    const angle = Math.atan2(y2 - y1, x2 - x1);
    context.fillStyle = color;
    context.beginPath();
    context.moveTo(x2, y2);
    context.lineTo(x2 - 6 * Math.cos(angle - 0.4), y2 - 6 * Math.sin(angle - 0.4));
    context.lineTo(x2 - 6 * Math.cos(angle + 0.4), y2 - 6 * Math.sin(angle + 0.4));
    context.fill();
  }
  return { arrow, x1, y1, x2, y2 };
}

/** Strokes a line from (x1, y1) to (x2, y2) in `color`, `width` wide. */
function line(context, x1, y1, x2, y2, color, width) {
  context.strokeStyle = color;
  context.lineWidth = width;
  context.beginPath();
  context.moveTo(x1, y1);
  context.lineTo(x2, y2);
  context.stroke();
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

/** The first of `choices` (CSS variable names, then a fallback colour) that the page sets. */
function cssColor(choices) {
  const style = getComputedStyle(document.documentElement);
  for (const choice of choices) {
    const value = choice.startsWith('--') ? style.getPropertyValue(choice).trim() : choice;
    if (value !== '') return value;
  }
  return 'currentColor';
}

/** The colours the page sets now: one per outcome, and `mark`. */
function palette() {
  const colors = Object.fromEntries(Object.entries(OUTCOME_COLORS).map(([outcome, choices]) => [outcome, cssColor(choices)]));
  return { ...colors, mark: cssColor(MARK_COLOR) };
}

/** The colour key under the diagram, in the page's colours now. */
function drawKey() {
  const colors = palette();
  const outcomes = Object.keys(OUTCOME_COLORS).map((outcome) => legendEntry(colors[outcome], outcome === 'dropped' ? 'dropped (×)' : outcome));
  $('space-time-key').replaceChildren(...outcomes, legendEntry(colors.mark, 'timer, pause or fault'));
}
