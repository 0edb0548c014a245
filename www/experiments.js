// The experiments page: runs the "gossip under loss" study on a pool of Web Workers with a
// progress bar, then plots missing values against loss (per fanout) and their distribution.
import init, { runExperiment } from 'data-mesh';
import study from '../examples/experiments/loss-sweep.json';
import { $ } from './dom.js';
import { plotDistribution, plotMeasure } from './experiment-plots.js';

await init();
$('study-description').textContent = study.scenario.description;
$('workers').value = String(navigator.hardwareConcurrency || 2);
let controller;
let plots = [];

/** Points the download link `id` at `text`, freeing what it pointed at before. */
function offer(id, text) {
  if ($(id).href) URL.revokeObjectURL($(id).href);
  $(id).href = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
}

$('run').addEventListener('click', async () => {
  controller = new AbortController();
  $('run').disabled = true;
  $('cancel').disabled = false;
  for (const plot of plots) plot.destroy();
  plots = [];
  const seeds = Math.max(1, Math.min(200, Math.floor(Number($('seeds').value)) || 1));
  const workers = Math.max(1, Math.min(64, Math.floor(Number($('workers').value)) || 1));
  try {
    const result = await runExperiment({ ...study, seeds }, {
      workers,
      signal: controller.signal,
      onProgress: ({ done, total, runsPerSecond, secondsLeft }) => {
        $('progress').value = done / total;
        $('status').textContent = `${done} of ${total} runs, ${runsPerSecond.toFixed(0)} runs/s, ${Math.ceil(secondsLeft)} s left`;
      },
    });
    $('status').textContent = `Done: ${result.records.length} runs on ${workers} workers (experiment ${result.id}).`;
    const loss = (record) => record.values['options.links.loss'];
    const worst = Math.max(...result.records.map(loss));
    plots.push(plotMeasure($('plot-measure'), result.summary, 'options.links.loss', 'broadcast.missing'));
    plots.push(plotDistribution($('plot-distribution'), result.records.filter((record) => loss(record) === worst), 'broadcast.missing'));
    offer('export-jsonl', result.jsonLines);
    offer('export-summary', result.summary.map((point) => `${JSON.stringify(point)}\n`).join(''));
    $('export-jsonl').hidden = $('export-summary').hidden = false;
  } catch (error) {
    $('status').textContent = error.name === 'AbortError' ? 'Cancelled.' : `Failed: ${error.message}`;
  } finally {
    $('run').disabled = false;
    $('cancel').disabled = true;
  }
});
$('cancel').addEventListener('click', () => controller?.abort());
document.body.dataset.ready = 'true';
