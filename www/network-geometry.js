// Where the network view draws things, in canvas pixels (`pixelRatio` of them to a CSS pixel),
// after the layout's positions are fitted into the canvas, zoomed and panned; and what a click
// there hits: a node, or a message in flight.
import { pixelRatio } from './canvas-fit.js';
import { forEachTransfer, nodeStatus } from './decode.js';

/** Space around the drawing, in CSS pixels (room for labels). */
const MARGIN = 48;

/** How near a click must be to a node, and to a message's dot, to pick it, in CSS pixels. */
const NODE_PICK = 12;
const MESSAGE_PICK = 8;

/** How many slots `positions` (`x, y` by slot) places. */
export const slotCount = (positions) => positions.length / 2;

/** The radius nodes are drawn with on `canvas`, in canvas pixels: smaller in a network of over 200. */
export const nodeRadius = (canvas, view) => (slotCount(view.positions) > 200 ? 3 : 8) * pixelRatio(canvas);

/** The radius of node `slot` as drawn, in canvas pixels: the selected node's is 3 CSS pixels larger. */
export const drawnRadius = (canvas, view, slot) => nodeRadius(canvas, view) + (slot === view.selected ? 3 * pixelRatio(canvas) : 0);

/** Where a message in flight from point `[x1, y1]` to point `[x2, y2]` is drawn, `progress` (0..1) of the way. */
export const pulsePoint = ([x1, y1], [x2, y2], progress) => [x1 + (x2 - x1) * progress, y1 + (y2 - y1) * progress];

/**
 * Where a slot's node is drawn, in canvas pixels: its layout position in 0..1, scaled into the
 * canvas with a margin, then zoomed by `view.zoom` (default 1) about the centre and moved by
 * `view.pan` (default `[0, 0]`, in canvas pixels).
 */
export function projection(canvas, view) {
  const { width, height } = canvas;
  const margin = MARGIN * pixelRatio(canvas);
  const zoom = view.zoom ?? 1;
  const [panX, panY] = view.pan ?? [0, 0];
  return (slot) => {
    const [x, y] = slot < slotCount(view.positions) ? [view.positions[2 * slot], view.positions[2 * slot + 1]] : [0.5, 0.5];
    const px = margin + x * (width - 2 * margin);
    const py = margin + y * (height - 2 * margin);
    return [(px - width / 2) * zoom + width / 2 + panX, (py - height / 2) * zoom + height / 2 + panY];
  };
}

/**
 * What a click at canvas pixel `(x, y)` hits: `{ copy }`, the message in flight (`{ messageId,
 * from, to }`, slots) whose dot is nearest within MESSAGE_PICK CSS pixels, when it is nearer than
 * any node and the click is not on a node (drawn over the messages); else `{ slot }`, the nearest
 * node within NODE_PICK CSS pixels (-1: none).
 */
export function hitTest(canvas, view, x, y) {
  const at = projection(canvas, view);
  const node = nearestNode(view, at, x, y, NODE_PICK * pixelRatio(canvas));
  const copy = node.distance > drawnRadius(canvas, view, node.slot) ? nearestCopy(view, at, x, y, Math.min(node.distance, MESSAGE_PICK * pixelRatio(canvas))) : null;
  return copy === null ? { slot: node.slot } : { copy };
}

/** The node drawn nearest `(x, y)` within `within` pixels as `{ slot, distance }` (slot -1: none; removed nodes are not drawn). */
function nearestNode(view, at, x, y, within) {
  let best = { slot: -1, distance: Infinity };
  for (let slot = 0; slot < slotCount(view.positions); slot++) {
    if (nodeStatus(view.states, slot) === 'removed') continue;
    const [px, py] = at(slot);
    const distance = Math.hypot(px - x, py - y);
    if (distance < within && distance < best.distance) best = { slot, distance };
  }
  return best;
}

/** The copy in flight whose dot is nearest `(x, y)`, nearer than `within` pixels, as `{ messageId, from, to }`, or null. */
function nearestCopy(view, at, x, y, within) {
  let best = null;
  let bestDistance = within;
  forEachTransfer(view.transfers, (from, to, progress, _outlook, messageId) => {
    const [px, py] = pulsePoint(at(from), at(to), progress);
    const distance = Math.hypot(px - x, py - y);
    if (distance < bestDistance) [best, bestDistance] = [{ messageId, from, to }, distance];
  });
  return best;
}
