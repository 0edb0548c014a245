// The Checker tab: what the checker of the run's workload reports (docs/workloads.md), asked of the
// engine only while the tab is shown, when the run moved on, and at most twice a second while it
// plays (a report of 100 000 nodes takes up to about 20 ms).
import { $ } from './dom.js';

/** Real milliseconds between two reads of the report while the run plays. */
const REFRESH_MS = 500;

/** Missing (value, node) pairs and disturbances named as examples. */
const EXAMPLES = 3;

/** A figure of the report for the page: '–' for one with nothing to measure (NaN), else to one decimal. */
const figure = (x) => (Number.isNaN(x) ? '–' : String(Math.round(x * 10) / 10));

/** The Checker tab's figures, kept in step with the run being played. */
export class CheckerView {
  #run;
  #read;
  /** What the report shown was read for (run, time, actions applied), undefined when none is shown. */
  #readFor;
  #lastRead = -Infinity;

  /** Takes over the Checker tab: it reads the report anew whenever it is shown, with `read()` (resolving with `workloadReport()`). */
  constructor(read) {
    this.#read = read;
    const panel = $('panel-checker');
    new MutationObserver(() => {
      this.#readFor = undefined;
      this.render(this.#run);
    }).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
  }

  /** Shows `run`'s report, if the tab is shown and the run moved on since the last read (while playing, at most every REFRESH_MS). */
  render(run) {
    this.#run = run;
    if (run === undefined || $('panel-checker').hidden) return;
    const readFor = [run, run.time, run.applied];
    if (this.#readFor?.every((part, i) => part === readFor[i])) return;
    const now = performance.now();
    if (run.playing && this.#readFor?.[0] === run && now - this.#lastRead < REFRESH_MS) return;
    this.#readFor = readFor;
    this.#lastRead = now;
    this.#read().then(show);
  }
}

/** Shows `report` (`workloadReport()`): the broadcast and sync figures, or the hint when no checker runs. */
function show({ broadcast, sync }) {
  $('checker-hint').hidden = broadcast !== null || sync !== null;
  $('checker-broadcast').hidden = broadcast === null;
  $('checker-sync').hidden = sync === null;
  if (broadcast !== null) showBroadcast(broadcast);
  if (sync !== null) showSync(sync);
}

/** The broadcast checker's figures: values, pairs learned, cost, latency, missing pairs and heals. */
function showBroadcast({ summary, latency, missing, heals }) {
  $('checker-values').textContent = `${summary.values}${summary.unplaced > 0 ? `, ${summary.unplaced} unplaced` : ''}`;
  $('checker-learned').textContent = `${summary.expected - summary.missing} of ${summary.expected} (${summary.checkedNodes} nodes checked)`;
  $('checker-messages').textContent = `${figure(summary.messagesPerValue)} (${summary.messages} messages)`;
  $('checker-latency').textContent = latency === null ? '–' : `${[latency.p50, latency.p95, latency.p99, latency.max].map(figure).join(' / ')} ms`;
  const examples = missing.slice(0, EXAMPLES).map(({ value, nodeId }) => `value ${value} at ${nodeId}`);
  $('checker-missing').textContent = summary.missing === 0 ? '0' : `${summary.missing}, such as ${examples.join(', ')}${summary.missing > EXAMPLES ? ', …' : ''}`;
  const last = heals.at(-1);
  $('checker-heals').textContent =
    last === undefined ? 'none' : `${summary.heals}; the last at ${figure(last.atMs / 1000)} s, ${Number.isNaN(last.convergedAfterMs) ? 'not converged' : `converged after ${figure(last.convergedAfterMs)} ms`}`;
}

/** The sync checker's figures: ticks out of sync, the widest spread, the disturbances and liars' drags. */
function showSync({ summary, disturbances }) {
  $('checker-out-of-sync').textContent = `${summary.ticksOutOfSync} of ${summary.ticks} ticks`;
  $('checker-spread').textContent = `${summary.maxSpread} steps (${summary.maxStepSkew} allowed)`;
  $('checker-disturbances').textContent = `${summary.disturbances}, ${summary.unsettled} unsettled; the longest settled after ${figure(summary.longestSettleMs)} ms`;
  const latest = disturbances.slice(-EXAMPLES).map(({ kind, nodeId, atMs, settledAfterMs }) => {
    const settled = Number.isNaN(settledAfterMs) ? 'unsettled' : `settled after ${figure(settledAfterMs)} ms`;
    return `${kind}${nodeId === null ? '' : ` ${nodeId}`} at ${figure(atMs / 1000)} s, ${settled}`;
  });
  $('checker-latest').textContent = latest.length === 0 ? 'none' : latest.join('; ');
  $('checker-drags').textContent = `${summary.liarDrags} (${summary.draggedNodes} nodes dragged)`;
}
