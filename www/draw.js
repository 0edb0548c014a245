// Draws a network on a canvas: links, messages in flight as pulses, nodes coloured by state, in
// the theme's colours and sized in CSS pixels (the canvas has `pixelRatio` pixels to each).
import { OUTLOOKS } from 'data-mesh';
import { forEachTransfer, nodeCount, nodeStatus, nodeStep, transferCount } from './decode.js';
import { theme } from './theme.js';
import { pixelRatio } from './canvas-fit.js';
import { PIXEL_MODE_NODES } from './engine-protocol.js';
import { drawnRadius, nodeRadius, projection, pulsePoint, slotCount } from './network-geometry.js';

/** The node states drawn in their own colour (the theme's `--node-<state>`). */
const NODE_STATES = ['online', 'behind', 'crashed', 'byzantine'];

/**
 * Draws one frame. `view` holds `positions` (`x, y` in 0..1 by slot), `links` (slot pairs `a, b`),
 * `states` (`nodeStates()`), `transfers` (`transfers()`), `byzantine` (behaviours by slot, a
 * Map), `selected`, `message` (the selected copy in flight `{ messageId, from, to }`, ringed, or
 * null), `labels` (node ids to draw under the nodes, or null for none), `zoom` and `pan`.
 */
export function draw(canvas, view) {
  const context = canvas.getContext('2d');
  const { width, height } = canvas;
  const at = projection(canvas, view);
  const colors = palette();
  // Thousands of links would hide everything else: big networks show nodes and messages only.
  if (slotCount(view.positions) > PIXEL_MODE_NODES) {
    drawPixels(context, view, at, maxOnlineStep(view.states), colors);
    ringCopy(context, view, at, colors.text);
    return;
  }
  const ratio = pixelRatio(canvas);
  context.clearRect(0, 0, width, height);
  context.strokeStyle = colors.link;
  context.lineWidth = ratio;
  context.beginPath();
  for (let i = 0; i < view.links.length; i += 2) {
    const [x1, y1] = at(view.links[i]);
    const [x2, y2] = at(view.links[i + 1]);
    context.moveTo(x1, y1);
    context.lineTo(x2, y2);
  }
  context.stroke();

  // Messages in flight: one path per outcome (small squares once there are many).
  const pulses = colors.pulses.map(() => new Path2D());
  const many = transferCount(view.transfers) > 500;
  const [square, dot] = [ratio, 3 * ratio];
  forEachTransfer(view.transfers, (from, to, p, outlook) => {
    const path = pulses[outlook];
    const [x, y] = pulsePoint(at(from), at(to), p);
    if (many) {
      path.rect(x - square, y - square, 2 * square, 2 * square);
    } else {
      path.moveTo(x + dot, y);
      path.arc(x, y, dot, 0, 2 * Math.PI);
    }
  });
  pulses.forEach((path, outlook) => {
    context.fillStyle = colors.pulses[outlook];
    context.fill(path);
  });

  const maxStep = maxOnlineStep(view.states);
  const radius = nodeRadius(canvas, view);
  // One path per state: a few fills instead of one per node.
  const paths = new Map();
  for (let slot = 0; slot < slotCount(view.positions); slot++) {
    const status = nodeStatus(view.states, slot);
    if (status === 'removed') continue;
    const state = nodeState(status, nodeStep(view.states, slot), maxStep, view.byzantine.has(slot));
    let path = paths.get(state);
    if (path === undefined) paths.set(state, (path = new Path2D()));
    const [x, y] = at(slot);
    const r = slot === view.selected ? drawnRadius(canvas, view, slot) : radius;
    path.moveTo(x + r, y);
    path.arc(x, y, r, 0, 2 * Math.PI);
  }
  for (const [state, path] of paths) {
    context.fillStyle = colors.nodes[state];
    context.fill(path);
  }
  if (view.labels !== null) {
    context.fillStyle = colors.text;
    context.font = `${12 * ratio}px system-ui, sans-serif`;
    context.textAlign = 'center';
    for (let slot = 0; slot < slotCount(view.positions); slot++) {
      if (nodeStatus(view.states, slot) === 'removed') continue;
      const [x, y] = at(slot);
      context.fillText(view.labels[slot], x, y + radius + 14 * ratio);
    }
  }
  ringCopy(context, view, at, colors.text);
}

/** Rings the dot of `view.message`, the selected copy in flight, in `color` (nothing when none is, or it has arrived). */
function ringCopy(context, view, at, color) {
  const copy = view.message;
  if (copy === null) return;
  const ratio = pixelRatio(context.canvas);
  context.strokeStyle = color;
  context.lineWidth = 2 * ratio;
  context.beginPath();
  forEachTransfer(view.transfers, (from, to, progress, _outlook, messageId) => {
    if (messageId !== copy.messageId || from !== copy.from || to !== copy.to) return;
    const [x, y] = pulsePoint(at(from), at(to), progress);
    context.moveTo(x + 7 * ratio, y);
    context.arc(x, y, 7 * ratio, 0, 2 * Math.PI);
  });
  context.stroke();
}

/** Each layout's pixel offsets for one canvas size, zoom and pan, computed once. */
const offsets = new WeakMap();

/** The pixel offset of each slot's node (top-left of its 2x2 block), or -1 when off the canvas. */
function pixelOffsets(view, width, height, at) {
  const key = `${width}x${height}@${view.zoom ?? 1}:${view.pan ?? [0, 0]}`;
  let cached = offsets.get(view.positions);
  if (cached?.key !== key) {
    const offset = new Int32Array(slotCount(view.positions));
    for (let slot = 0; slot < offset.length; slot++) {
      const [x, y] = at(slot);
      const inside = x >= 0 && y >= 0 && x < width - 1 && y < height - 1;
      offset[slot] = inside ? (y | 0) * width + (x | 0) : -1;
    }
    cached = { key, offset };
    offsets.set(view.positions, cached);
  }
  return cached.offset;
}

/** A colour `#rrggbb` as a little-endian RGBA pixel. */
function pixel(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** The drawing's colours, made again when `theme()` gives new ones. */
let cached;

/**
 * The drawing's colours in the current theme: `link`, `text`, `nodes` and `nodePixels` by state,
 * `pulses` and `pulsePixels` by outlook code.
 */
function palette() {
  const colors = theme();
  if (cached?.colors !== colors) {
    const nodes = Object.fromEntries(NODE_STATES.map((state) => [state, colors[`node-${state}`]]));
    const pulses = OUTLOOKS.map((outlook) => colors[`pulse-${outlook}`]);
    const nodePixels = Object.fromEntries(NODE_STATES.map((state) => [state, pixel(nodes[state])]));
    cached = { colors, link: colors.link, text: colors.text, nodes, pulses, nodePixels, pulsePixels: pulses.map(pixel) };
  }
  return cached;
}

/** The image pixel mode draws into, kept from frame to frame while the canvas size stays. */
let frame;

/**
 * Big networks: each node as a 2x2 block of pixels written into a cleared, transparent image that
 * replaces the whole frame.
 */
function drawPixels(context, view, at, maxStep, colors) {
  const { width, height } = context.canvas;
  if (frame?.image.width !== width || frame.image.height !== height) {
    const image = context.createImageData(width, height);
    frame = { image, pixels: new Uint32Array(image.data.buffer) };
  }
  const { image, pixels } = frame;
  pixels.fill(0);
  const offset = pixelOffsets(view, width, height, at);
  const states = view.states;
  for (let slot = 0; slot < offset.length; slot++) {
    const status = nodeStatus(states, slot);
    if (status === 'removed' || offset[slot] < 0) continue;
    const color = colors.nodePixels[nodeState(status, nodeStep(states, slot), maxStep, view.byzantine.has(slot))];
    const p = offset[slot];
    pixels[p] = pixels[p + 1] = pixels[p + width] = pixels[p + width + 1] = color;
  }
  // Messages in flight, one pixel each, between their nodes' pixels.
  forEachTransfer(view.transfers, (fromSlot, toSlot, progress, outlook) => {
    const [from, to] = [offset[fromSlot], offset[toSlot]];
    if (from < 0 || to < 0) return;
    const x = (from % width) + ((to % width) - (from % width)) * progress;
    const y = ((from / width) | 0) + (((to / width) | 0) - ((from / width) | 0)) * progress;
    pixels[(y | 0) * width + (x | 0)] = colors.pulsePixels[outlook];
  });
  context.putImageData(image, 0, 0);
}

/** The highest step of an online node in `states` (0 when none is online). */
function maxOnlineStep(states) {
  let max = 0;
  for (let slot = 0; slot < nodeCount(states); slot++) if (nodeStatus(states, slot) === 'online') max = Math.max(max, nodeStep(states, slot));
  return max;
}

/** The state a node is drawn in: crashed, byzantine, behind (more than 2 steps behind the furthest), online. */
function nodeState(status, step, maxStep, byzantine) {
  if (status === 'crashed') return 'crashed';
  if (byzantine) return 'byzantine';
  return maxStep - step > 2 ? 'behind' : 'online';
}
