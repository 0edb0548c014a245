// A network served by the package's module Web Worker (data-mesh/worker), in headless Chromium.
import { test, expect } from '@playwright/test';

test('a module worker runs a scenario and posts snapshots equal to a run on the page', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto('http://127.0.0.1:4180/tests/e2e/worker.html');
  await page.waitForFunction(() => window.ready === true);
  const result = await page.evaluate(() => window.runWorkerCase());
  expect(result).toEqual({ isTyped: true, states: 20, step: 10, now: 1000, sameTrace: true, error: 'ERR_UNKNOWN_NODE' });
  expect(errors).toEqual([]);
});
