// Time-series charts of a running scenario (uPlot), fed with `drainTickStats()` rows.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { theme } from './theme.js';
import { themedAxis } from './plot-style.js';

/** The anomaly kinds a watching observer flags, charted as running counts. */
const ANOMALY_KINDS = ['pattern-mismatch', 'step-skew', 'replay', 'unknown-sender'];

/** Axis numbers in a few characters (12k, 1.3M), so they fit the small charts. */
const compact = new Intl.NumberFormat('en', { notation: 'compact' });

/** Ticks kept on the charts. */
const WINDOW = 600;

/** The series of each chart, each coloured with one of the theme's `--series-<n>` colours. */
const SERIES = {
  traffic: [
    { label: 'delivered / s', color: 'series-1' },
    { label: 'rejected / s', color: 'series-2' },
    { label: 'lost / s', color: 'series-3' },
  ],
  steps: [
    { label: 'min step', color: 'series-4' },
    { label: 'max step', color: 'series-5' },
    { label: 'success rate %', color: 'series-6', scale: '%' },
  ],
  anomalies: ANOMALY_KINDS.map((label, i) => ({ label, color: ['series-2', 'series-4', 'series-6', 'series-7'][i] })),
};

/**
 * Three charts in `container`, each filling its cell of it: messages per second of virtual time;
 * the spread of node steps with the success rate; anomalies by kind.
 */
export class Charts {
  #columns = {
    time: [],
    delivered: [],
    rejected: [],
    lost: [],
    minStep: [],
    maxStep: [],
    success: [],
    ...Object.fromEntries(ANOMALY_KINDS.map((kind) => [kind, []])),
  };
  #previous;
  #cells;
  #plots = [];

  constructor(container) {
    this.#cells = Object.keys(SERIES).map((name) => {
      const cell = document.createElement('div');
      cell.dataset.chart = name;
      return cell;
    });
    container.append(...this.#cells);
    this.#build();
    new ResizeObserver(() => this.#fit()).observe(container);
  }

  /** Draws the charts again in the theme's new colours, with the points they had. */
  retheme() {
    for (const plot of this.#plots) plot.destroy();
    this.#build();
    this.#draw();
  }

  /** Makes the plots, in the theme's colours, one in each cell. */
  #build() {
    const colors = theme();
    this.#plots = Object.entries(SERIES).map(([name, series], i) => {
      const scales = { x: { time: false } };
      if (name === 'steps') scales['%'] = { range: [0, 100] };
      const options = {
        width: 300,
        height: 100,
        scales,
        legend: { live: false },
        series: [{ label: 'time (s)' }, ...series.map(({ color, ...rest }) => ({ ...rest, stroke: colors[color] }))],
        axes: [themedAxis(), themedAxis({ size: 44, values: (plot, splits) => splits.map((value) => compact.format(value)) }), ...(name === 'steps' ? [themedAxis({ scale: '%', side: 1, size: 40, grid: { show: false } })] : [])],
      };
      return new uPlot(options, [[], ...series.map(() => [])], this.#cells[i]);
    });
    this.#fit();
  }

  /** Sizes each plot to its cell: the cell's height, and its width less the legend's (beside the plot). */
  #fit() {
    this.#plots.forEach((plot, i) => {
      const { clientWidth: width, clientHeight: height } = this.#cells[i];
      if (width === 0 || height === 0) return;
      const legend = plot.root.querySelector('.u-legend')?.offsetWidth ?? 0;
      plot.setSize({ width: Math.max(120, width - legend), height });
    });
  }

  /** Forgets every point (a new scenario). */
  reset() {
    for (const column of Object.values(this.#columns)) column.length = 0;
    this.#previous = undefined;
    this.#draw();
  }

  /** Adds the ticks `stats` (from `drainTickStats`) with the anomaly counts by kind so far, and redraws. */
  add(stats, anomalies = {}) {
    if (stats.length === 0) return;
    const c = this.#columns;
    for (const row of stats) {
      const before = this.#previous ?? { time: 0, delivered: 0, rejected: 0, lost: 0 };
      // Per second of virtual time since the previous tick (ticks may be any length).
      const perSecond = 1000 / Math.max(row.time - before.time, 1e-3);
      c.time.push(row.time / 1000);
      c.delivered.push((row.delivered - before.delivered) * perSecond);
      c.rejected.push((row.rejected - before.rejected) * perSecond);
      c.lost.push((row.lost - before.lost) * perSecond);
      c.minStep.push(row.minStep);
      c.maxStep.push(row.maxStep);
      c.success.push(row.delivered === 0 ? 100 : (100 * row.accepted) / row.delivered);
      for (const kind of ANOMALY_KINDS) c[kind].push(anomalies[kind] ?? 0);
      this.#previous = row;
    }
    for (const column of Object.values(c)) column.splice(0, Math.max(0, column.length - WINDOW));
    this.#draw();
  }

  #draw() {
    const c = this.#columns;
    this.#plots[0].setData([c.time, c.delivered, c.rejected, c.lost]);
    this.#plots[1].setData([c.time, c.minStep, c.maxStep, c.success]);
    this.#plots[2].setData([c.time, ...ANOMALY_KINDS.map((kind) => c[kind])]);
  }
}
