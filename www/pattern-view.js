// The pattern view: a node's pattern values over the steps around the current ones, phase resets
// marked, and where each node's step is.
import { PatternGenerator } from 'data-mesh';

const SVG = 'http://www.w3.org/2000/svg';
const STEPS = 48;

/** Draws into `svg` the values of `{ seed, phaseResetInterval }` around `steps` (one per node). */
export function drawPattern(svg, config, steps) {
  const pattern = new PatternGenerator(config);
  const high = steps.length === 0 ? 0 : Math.max(...steps);
  const start = Math.max(0, high - STEPS + 8);
  const values = pattern.computeValues(start, STEPS);
  pattern.free();
  const [width, height, top] = [720, 140, 20];
  const x = (i) => 20 + (i * (width - 40)) / (STEPS - 1);
  const y = (v) => top + (height - top - 30) * (1 - v / 9);
  const parts = [];
  values.forEach((value, i) => {
    const step = start + i;
    if (step % config.phaseResetInterval === 0) parts.push(['line', { x1: x(i), x2: x(i), y1: top - 10, y2: height - 24, class: 'reset' }]);
    parts.push(['circle', { cx: x(i), cy: y(value), r: 3, class: 'value', 'data-step': step, 'data-value': value }]);
  });
  for (const step of new Set(steps)) {
    if (step < start || step >= start + STEPS) continue;
    parts.push(['line', { x1: x(step - start), x2: x(step - start), y1: height - 22, y2: height - 8, class: 'node-step', 'data-step': step }]);
  }
  parts.push(['text', { x: 20, y: height - 2, class: 'axis' }, `steps ${start}–${start + STEPS - 1}; values 0–9; dashed lines: phase resets; ticks below: node steps`]);
  svg.replaceChildren(
    ...parts.map(([tag, attributes, text]) => {
      const element = document.createElementNS(SVG, tag);
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
      if (text !== undefined) element.textContent = text;
      return element;
    }),
  );
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
}
