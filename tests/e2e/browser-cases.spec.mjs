// Every shared case (seed examples, bad input, re-entrancy, API), run in headless Chromium on the web entry.
import { test, expect } from '@playwright/test';
import { allCases } from '../shared/all-cases.mjs';

let page;
const consoleErrors = [];

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto('http://127.0.0.1:4180/tests/e2e/examples.html');
  await page.waitForFunction(() => window.ready === true);
});

test('using the API before init() throws ERR_NOT_INITIALIZED', async () => {
  expect(await page.evaluate(() => window.beforeInitCode)).toBe('ERR_NOT_INITIALIZED');
});

for (const [name] of allCases) {
  test(name, async () => {
    expect(await page.evaluate((n) => window.runCase(n), name)).toBe('passed');
  });
}

test('no uncaught errors on the page', async () => {
  expect(consoleErrors).toEqual([]);
});
