// The demo page's engine runs in a Web Worker (www/engine-worker.js): the page lists the worker and
// its main thread has no long task while 10 000 nodes play; time travel and the link replay the
// run to the trace hash Node computes; the exports come from the worker; refused settings are
// named while the run that was there plays on; starting 100 000 nodes shows a busy note and no
// long task, and the inspector lists the first 1 000 nodes (one picked on the view is added).
import { test, expect } from '@playwright/test';
import { PAGE, downloaded, openPage, playedScenario, traceHashAt } from './page.mjs';

/** Opens the page at `query` (without its `?`) and waits for its first frame; returns the errors it logs. */
const open = (page, query) => openPage(page, `?${query}`);

/** The trace hash of the observer scenario with seed 3 (as the page plays it) run to `time` ms in Node. */
const observerHash = (time) => traceHashAt(playedScenario('observer', 3), time);

test('the engine runs in a worker: 10 000 nodes play with no main-thread task over 200 ms', async ({ page }) => {
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const errors = await open(page, 'scenario=scale&nodes=10000&seed=6');
  expect(workers.some((url) => url.includes('engine-worker'))).toBe(true);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask' });
  });
  await page.locator('#play').click();
  await page.waitForFunction(() => parseFloat(document.getElementById('time').textContent) >= 2, null, { timeout: 30_000 });
  await page.locator('#play').click();
  await expect(page.locator('#stat-sent')).not.toHaveText('0');
  // Loose on purpose: the machine may be busy; the engine's work (about 2 ms a frame here) is not on this thread.
  expect((await page.evaluate(() => window.longTasks)).filter((duration) => duration > 200)).toEqual([]);
  expect(errors).toEqual([]);
});

test('time travel and the link replay the run in the worker to the trace hash Node computes', async ({ page, context }) => {
  const errors = await open(page, 'scenario=observer&seed=3');
  await page.locator('#time-slider').fill('500');
  await expect(page.locator('#time')).toHaveText('0.50 s');
  await expect(page.locator('#trace-hash')).toHaveText(observerHash(500));
  await page.locator('#time-slider').fill('200');
  await expect(page.locator('#time')).toHaveText('0.20 s');
  await expect(page.locator('#trace-hash')).toHaveText(observerHash(200));
  await expect(page).toHaveURL(/t=200/);
  // ← goes back a tick, replayed from 0.
  await page.locator('#network-view').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#time')).toHaveText('0.10 s');
  await expect(page.locator('#trace-hash')).toHaveText(observerHash(100));
  await page.getByLabel('Inspect').selectOption('sensor-001');
  await page.getByRole('button', { name: 'Crash it' }).click();
  await expect(page.locator('#inspector')).toContainText('sensor-001: crashed');
  await page.locator('#time-slider').fill('400');
  await expect(page.locator('#time')).toHaveText('0.40 s');
  const hash = await page.locator('#trace-hash').textContent();
  expect(hash).not.toBe(observerHash(400));
  const other = await context.newPage();
  const otherErrors = await open(other, new URL(page.url()).search.slice(1));
  await expect(other.locator('#time')).toHaveText('0.40 s');
  await expect(other.locator('#trace-hash')).toHaveText(hash);
  expect([...errors, ...otherErrors]).toEqual([]);
});

test('the exports come from the worker: the trace and the ticks up to the time played', async ({ page }) => {
  const errors = await open(page, 'scenario=observer&seed=3&t=300');
  await page.getByRole('tab', { name: 'Export' }).click();
  const trace = (await downloaded(page, () => page.getByRole('button', { name: /Export trace/ }).click())).trim().split('\n').map((line) => JSON.parse(line));
  expect(trace.at(-1)).toEqual({ timeUs: 300_000, kind: 'tick', message: 0, from: 0, to: 0 });
  const csv = (await downloaded(page, () => page.getByRole('button', { name: /Export statistics/ }).click())).trim().split('\n');
  expect(csv[0].startsWith('tick,time,sent,delivered')).toBe(true);
  expect(csv).toHaveLength(4);
  expect(errors).toEqual([]);
});

test('refused settings are named by the worker while the run that was there plays on', async ({ page }) => {
  const errors = await open(page, 'scenario=partition-heal&seed=4');
  await page.locator('#speed').fill('0.25');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByLabel('Reset interval').fill('0');
  await page.getByLabel('Reset interval').dispatchEvent('change');
  await expect(page.locator('#player-error')).toContainText('ERR_NOT_POSITIVE');
  await expect(page.locator('#player-error')).toContainText('phaseResetInterval');
  const time = await page.locator('#time').textContent();
  await expect(page.locator('#time')).not.toHaveText(time);
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  expect(page.url()).not.toContain('interval=0');
  expect(errors).toEqual([]);
});

test('starting 100 000 nodes: the page says the engine is busy, has no long task, and lists the first 1 000 nodes', async ({ page }) => {
  test.setTimeout(90_000);
  // From the page's start: every text the busy note shows, and every long task.
  await page.addInitScript(() => {
    window.busyTexts = [];
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      const busy = document.getElementById('engine-busy');
      new MutationObserver(() => window.busyTexts.push(busy.hidden ? '' : busy.textContent)).observe(busy, { attributes: true, childList: true });
    });
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${PAGE}?scenario=scale&nodes=100000&seed=6`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(page.locator('#engine-busy')).toBeHidden();
  expect(await page.evaluate(() => window.busyTexts)).toContain('Starting the run…');
  // Loose on purpose: with the engine on the main thread, this start was one task of 1.6 s.
  expect((await page.evaluate(() => window.longTasks)).filter((duration) => duration > 500)).toEqual([]);
  await expect(page.locator('#inspect option')).toHaveCount(1002);
  await expect(page.locator('#inspect option').last()).toHaveText('… 99000 more: click one on the network view');
  expect(errors).toEqual([]);
});

test('a node past the listed ones, picked on the network view, is added to the inspector when selected', async ({ page }) => {
  const errors = await open(page, 'scenario=scale&nodes=3000&seed=6');
  await expect(page.locator('#inspect option')).toHaveCount(1002);
  // The spiral's outer ring holds the last slots: a click near its right edge picks one past 1 000.
  const box = await page.locator('#network-view').boundingBox();
  await page.locator('#network-view').click({ position: { x: 48 + 0.97 * (box.width - 96), y: 48 + 0.5 * (box.height - 96) } });
  await expect(page.locator('#inspector')).toHaveText(/^n\d+: online/);
  const id = (await page.locator('#inspector').textContent()).split(':')[0];
  expect(Number(id.slice(1))).toBeGreaterThanOrEqual(1000);
  await expect(page.locator('#inspect option:checked')).toHaveText(id);
  await expect(page.locator('#inspect option')).toHaveCount(1003);
  expect(errors).toEqual([]);
});
