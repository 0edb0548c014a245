// `npm run bench:www`: frame times of the demo's scale mode in headless Chromium (Debian's), how
// many new frames of the run it draws a second, and the main thread's long tasks (over 50 ms)
// while it plays, as JSON lines. Not a pass/fail test: the numbers depend on the machine.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import config from '../playwright.config.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const server = spawn(process.execPath, ['scripts/serve-static.mjs'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
// The same Debian Chromium and flags as the end-to-end tests.
const browser = await chromium.launch(config.use.launchOptions);
try {
  for (const nodes of [1_000, 10_000, 100_000]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`http://127.0.0.1:4180/www/dist/?scenario=scale&nodes=${nodes}&seed=6`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 120_000 });
    const playedAt = await page.evaluate(() => {
      // Every long task since the page loaded (buffered), told apart by when it started.
      window.benchLongTasks = [];
      new PerformanceObserver((list) => window.benchLongTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
      return performance.now();
    });
    // By id: a query by role and name would read the names of the 100 000 nodes listed in the page.
    await page.locator('#play').click();
    const { times: frames, drawn } = await page.evaluate(
      (seconds) =>
        new Promise((resolve) => {
          const times = [];
          // The virtual time shown on each animation frame: it moves when a new frame of the run is drawn.
          const shown = [];
          const end = performance.now() + seconds * 1000;
          const frame = (time) => {
            times.push(time);
            shown.push(document.getElementById('time').textContent);
            if (time < end) requestAnimationFrame(frame);
            else resolve({ times, drawn: shown.filter((text, i) => i > 0 && text !== shown[i - 1]).length });
          };
          requestAnimationFrame(frame);
        }),
      SECONDS,
    );
    const longTasks = await page.evaluate(() => window.benchLongTasks);
    const playing = longTasks.filter(([start]) => start >= playedAt).map(([, duration]) => duration);
    const starting = longTasks.filter(([start]) => start < playedAt).map(([, duration]) => duration);
    const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
    const at = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
    const virtual = await page.locator('#time').textContent();
    console.log(JSON.stringify({
      workload: `demo scale mode, ${nodes} nodes, playing at 1x`,
      fps: Math.round((gaps.length / (frames.at(-1) - frames[0])) * 1000 * 10) / 10,
      runFramesPerSecond: Math.round((drawn / (frames.at(-1) - frames[0])) * 1000 * 10) / 10,
      p50FrameMs: Math.round(at(0.5) * 10) / 10,
      p95FrameMs: Math.round(at(0.95) * 10) / 10,
      virtualTimeReached: virtual,
      longTasksPlaying: playing.length,
      longestTaskPlayingMs: Math.round(Math.max(0, ...playing)),
      longestTaskStartingMs: Math.round(Math.max(0, ...starting)),
    }));
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
