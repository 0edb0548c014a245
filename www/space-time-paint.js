// Painting the space-time diagram on its canvas (space-time.js handles input): the lanes and their
// labels, the time axis, marks for timers, pauses and faults, and one arrow per message copy
// coloured by outcome, in the page's colours; and the colour key under it.
import { arrowKey } from './space-time-data.js';
import { $, legendEntry } from './dom.js';

/** Room for the lane labels on the left, the axis below and a margin, in CSS pixels. */
const LABELS = 96;
const AXIS = 22;
const MARGIN = 8;

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

/**
 * Sizes `canvas` for `lanes` lanes (its width as laid out, device pixels per CSS pixel) and
 * returns the frame in CSS pixels: `x(timeUs)`, `y(slot)`, the lane height, the plot's box, the
 * time `window`.
 */
export function fit(canvas, lanes, window) {
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
export function paint(canvas, frame, { ids, arrows, marks, nowUs, selected }) {
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
export function drawKey() {
  const colors = palette();
  const outcomes = Object.keys(OUTCOME_COLORS).map((outcome) => legendEntry(colors[outcome], outcome === 'dropped' ? 'dropped (×)' : outcome));
  $('space-time-key').replaceChildren(...outcomes, legendEntry(colors.mark, 'timer, pause or fault'));
}
