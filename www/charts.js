// Time-series charts of a running scenario (uPlot), fed with `drainTickStats()` rows.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** The anomaly kinds a watching observer flags, charted as running counts. */
const ANOMALY_KINDS = ['pattern-mismatch', 'step-skew', 'replay', 'unknown-sender'];

/** Ticks kept on the charts. */
const WINDOW = 600;

const SERIES = {
  traffic: [
    { label: 'delivered / s', stroke: '#2563eb' },
    { label: 'rejected / s', stroke: '#dc2626' },
    { label: 'lost / s', stroke: '#6b7280' },
  ],
  steps: [
    { label: 'min step', stroke: '#d97706' },
    { label: 'max step', stroke: '#16a34a' },
    { label: 'success rate %', stroke: '#7c3aed', scale: '%' },
  ],
  anomalies: ANOMALY_KINDS.map((kind, i) => ({ label: kind, stroke: ['#dc2626', '#d97706', '#7c3aed', '#0891b2'][i] })),
};

/**
 * Three charts in `container`: messages per second of virtual time; the spread of node steps with the success rate;
 * anomalies by kind.
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
  #plots = [];
  /** Every row received since the last `reset`, for the CSV export. */
  rows = [];

  constructor(container) {
    const width = Math.min(container.clientWidth || 720, 720);
    for (const [name, series] of Object.entries(SERIES)) {
      const element = document.createElement('div');
      element.dataset.chart = name;
      container.append(element);
      const scales = { x: { time: false } };
      if (name === 'steps') scales['%'] = { range: [0, 100] };
      this.#plots.push(
        new uPlot(
          {
            width,
            height: 160,
            scales,
            series: [{ label: 'time (s)' }, ...series],
            axes: [{}, {}, ...(name === 'steps' ? [{ scale: '%', side: 1 }] : [])],
          },
          [[], ...series.map(() => [])],
          element,
        ),
      );
    }
  }

  /** Forgets every point (a new scenario). */
  reset() {
    for (const column of Object.values(this.#columns)) column.length = 0;
    this.rows = [];
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
      this.rows.push(row);
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

  /** The rows received since the last reset as CSV, one line per tick. */
  csv() {
    if (this.rows.length === 0) return '';
    const keys = Object.keys(this.rows[0]);
    return [keys.join(','), ...this.rows.map((row) => keys.map((key) => row[key]).join(','))].join('\n') + '\n';
  }
}
