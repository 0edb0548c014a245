// Saves the demo page's screenshots shown in README.md: docs/demo-1280x720.png and
// docs/demo-390x844.png, the Byzantine lab playing in Debian's Chromium. Run `npm run build:www` first.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import config from '../playwright.config.mjs';

const server = spawn(process.execPath, ['scripts/serve-static.mjs'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch(config.use.launchOptions);
try {
  for (const [width, height] of [[1280, 720], [390, 844]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto('http://127.0.0.1:4180/www/dist/?scenario=byzantine-lab&seed=5');
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.getByRole('button', { name: 'Got it' }).click();
    await page.getByLabel('Inspect').selectOption({ index: 2 });
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `docs/demo-${width}x${height}.png` });
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
