// Node positions for the network view: a d3-force layout of the nodes and their links run to rest,
// or a spiral for big networks.
import { forceSimulation, forceManyBody, forceLink, forceCenter, forceCollide } from 'd3-force';

/** Positions in 0..1, `x, y` by index, for `count` nodes linked by `links` (pairs of indexes). */
export function layout(count, links) {
  const nodes = Array.from({ length: count }, (_, i) => ({
    index: i,
    x: Math.cos((2 * Math.PI * i) / count),
    y: Math.sin((2 * Math.PI * i) / count),
  }));
  const simulation = forceSimulation(nodes)
    .force('charge', forceManyBody().strength(-30))
    .force('link', forceLink(links.map(([source, target]) => ({ source, target }))).distance(30))
    .force('center', forceCenter(0, 0))
    .force('collide', forceCollide(8))
    .stop();
  simulation.tick(count > 500 ? 60 : 200);
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY, 1);
  return Float64Array.from(nodes.flatMap((n) => [(n.x - minX) / span, (n.y - minY) / span]));
}

/** Positions in 0..1 on a sunflower spiral, `x, y` by index: instant for any node count (for the scale mode). */
export function spiral(count) {
  const golden = Math.PI * (3 - Math.sqrt(5));
  const positions = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    const r = Math.sqrt((i + 0.5) / count) / 2;
    positions[2 * i] = 0.5 + r * Math.cos(i * golden);
    positions[2 * i + 1] = 0.5 + r * Math.sin(i * golden);
  }
  return positions;
}
