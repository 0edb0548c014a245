// The experiments page: a sweep on a pool of Web Workers with a progress bar, its two plots and
// its exports; in the dev server and as the static build under a sub-path.
import { test, expect } from '@playwright/test';

/** Runs the study with `seeds` seeds per point on the page at `url`; returns the console errors. */
async function runStudy(page, url, seeds) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  await page.goto(url);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByLabel('Seeds per point').fill(String(seeds));
  await page.getByLabel('Workers').fill('2');
  await page.getByRole('button', { name: 'Run the experiment' }).click();
  await expect(page.locator('#status')).toContainText('Done', { timeout: 60_000 });
  return errors;
}

test('the study runs on two workers, reports progress, plots both charts and offers its records', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = await runStudy(page, 'http://127.0.0.1:5173/experiments.html', 4);
  await expect(page.locator('#status')).toContainText('84 runs on 2 workers');
  await expect(page.locator('#progress')).toHaveJSProperty('value', 1);
  await expect(page.locator('#plot-measure canvas')).toHaveCount(1);
  await expect(page.locator('#plot-distribution canvas')).toHaveCount(1);
  await expect(page.locator('#plot-measure')).toContainText('fanout=1 mean');
  const records = await page.evaluate(async () => (await (await fetch(document.getElementById('export-jsonl').href)).text()).trimEnd().split('\n'));
  expect(records).toHaveLength(84);
  expect(JSON.parse(records[0]).measures).toHaveProperty(['broadcast.missing']);
  await page.screenshot({ path: 'test-output/experiments.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('a run can be cancelled, and the page runs again afterwards', async ({ page }) => {
  await page.goto('http://127.0.0.1:5173/experiments.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByLabel('Seeds per point').fill('200');
  await page.getByRole('button', { name: 'Run the experiment' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('#status')).toHaveText('Cancelled.');
  await page.getByLabel('Seeds per point').fill('1');
  await page.getByRole('button', { name: 'Run the experiment' }).click();
  await expect(page.locator('#status')).toContainText('Done: 21 runs');
});

test('the static build runs the study from a plain file server under a sub-path', async ({ page }) => {
  const errors = await runStudy(page, 'http://127.0.0.1:4180/www/dist/experiments.html', 1);
  await expect(page.locator('#status')).toContainText('21 runs');
  expect(errors).toEqual([]);
});
