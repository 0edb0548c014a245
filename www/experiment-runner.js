// Runs an experiment on a pool of Web Workers from a page's controls: the progress bar and status,
// Cancel, the plots (a measure against a varied parameter, and its distribution at the parameter's
// highest value) and the downloads. The experiments page and the demo page's Experiments tab use it.
import { runExperiment } from 'data-mesh';
import { $ } from './dom.js';
import { plotDistribution, plotMeasure } from './experiment-plots.js';

/** Points the download link `id` at `text` of media type `type`, freeing what it pointed at before. */
function offer(id, text, type) {
  if ($(id).href) URL.revokeObjectURL($(id).href);
  $(id).href = URL.createObjectURL(new Blob([text], { type }));
  $(id).hidden = false;
}

/** The whole number in the input `id`, within `min`..`max` (`min` when it holds none). */
const whole = (id, min, max) => Math.max(min, Math.min(max, Math.floor(Number($(id).value)) || min));

/**
 * Binds the experiment controls whose ids start with `prefix` (`run`, `cancel`, `seeds`,
 * `workers`, `progress`, `status`, `plot-measure`, `plot-distribution`, `export-csv`,
 * `export-jsonl`, `export-summary`). On Run, `study()` says what to run: `{ experiment, path,
 * measure }`, the document (its `seeds` come from the input), the varied path to plot against and
 * the measure to plot; an Error it throws is shown. `plotSize()` gives the plots' `{ width, height }`.
 */
export function bindExperiment(prefix, study, plotSize) {
  const id = (name) => `${prefix}${name}`;
  $(id('workers')).value = String(navigator.hardwareConcurrency || 2);
  let controller;
  let plots = [];
  $(id('run')).addEventListener('click', async () => {
    controller = new AbortController();
    $(id('run')).disabled = true;
    $(id('cancel')).disabled = false;
    for (const plot of plots) plot.destroy();
    plots = [];
    $(id('progress')).value = 0;
    const workers = whole(id('workers'), 1, 64);
    try {
      const { experiment, path, measure } = study();
      const result = await runExperiment({ ...experiment, seeds: whole(id('seeds'), 1, 200) }, {
        workers,
        signal: controller.signal,
        onProgress: ({ done, total, runsPerSecond, secondsLeft }) => {
          $(id('progress')).value = done / total;
          $(id('status')).textContent = `${done} of ${total} runs, ${runsPerSecond.toFixed(0)} runs/s, ${Math.ceil(secondsLeft)} s left`;
        },
      });
      $(id('status')).textContent = `Done: ${result.records.length} runs on ${workers} workers (experiment ${result.id}).`;
      const value = (record) => record.values[path];
      const highest = Math.max(...result.records.map(value));
      const size = plotSize();
      plots.push(plotMeasure($(id('plot-measure')), result.summary, path, measure, size));
      plots.push(plotDistribution($(id('plot-distribution')), result.records.filter((record) => value(record) === highest), measure, size));
      offer(id('export-csv'), result.csv, 'text/csv');
      offer(id('export-jsonl'), result.jsonLines, 'application/x-ndjson');
      offer(id('export-summary'), result.summary.map((point) => `${JSON.stringify(point)}\n`).join(''), 'application/x-ndjson');
    } catch (error) {
      $(id('status')).textContent = error.name === 'AbortError' ? 'Cancelled.' : `Failed: ${error.message}`;
    } finally {
      $(id('run')).disabled = false;
      $(id('cancel')).disabled = true;
    }
  });
  $(id('cancel')).addEventListener('click', () => controller?.abort());
}
