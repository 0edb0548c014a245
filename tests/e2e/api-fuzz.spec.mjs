// The seeded random-API fuzzer (tests/shared/api-fuzz.mjs) in headless Chromium on the web entry,
// for about 20 s. API_FUZZ_SEED=n replays seed n alone; API_FUZZ_MS sets the time budget.
import { test, expect } from '@playwright/test';

const budgetMs = Number(process.env.API_FUZZ_MS ?? 20_000);
const replay = process.env.API_FUZZ_SEED;

test(`api fuzz in Chromium: random calls with hostile arguments for ${budgetMs / 1000} s`, async ({ page }) => {
  test.setTimeout(budgetMs + 60_000);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto('http://127.0.0.1:4180/tests/e2e/api-fuzz.html');
  await page.waitForFunction(() => window.ready === true);
  const result = replay === undefined
    ? await page.evaluate((ms) => window.fuzzFor({ firstSeed: 1_000_001, budgetMs: ms }), budgetMs)
    : await page.evaluate((seed) => window.fuzzSeed(seed), Number(replay));
  console.log(`api fuzz in Chromium: ${JSON.stringify(result)}`);
  expect(pageErrors).toEqual([]);
});
