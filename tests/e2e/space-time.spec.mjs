// The space-time diagram in Chromium: lanes and arrows for the played run, inspecting an arrow by
// mouse and by keyboard, rejected and dropped copies, time travel, and the note for big networks.
import { test, expect } from '@playwright/test';
import { openPage, playedScenario, traceHashAt } from './page.mjs';

/** Opens the page at `query` and its Space-time tab, and waits for the diagram (or its note) to be drawn there; returns the errors the page logs. */
async function openDiagram(page, query) {
  const errors = await openPage(page, `?${query}`);
  await page.getByRole('tab', { name: 'Space-time' }).click();
  await expect(page.locator('#space-time-view[data-arrows], #space-time-note:visible')).toHaveCount(1);
  return errors;
}

/** Opens scenario `query` on the page with its diagram and plays it to its end at 8×; returns the errors the page logs. */
async function playToEnd(page, query) {
  const errors = await openDiagram(page, query);
  await page.locator('#speed').fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  return errors;
}

/** The diagram's arrows drawn now, counted by outcome. */
async function arrows(page) {
  return JSON.parse(await page.locator('#space-time-view').getAttribute('data-arrows'));
}

/** The trace hash of the bundled scenario `name` with seed `seed`, played to `time` ms in Node without recording. */
const hashOf = (name, seed, time) => traceHashAt(playedScenario(name, seed), time);

test('mesh network: a lane per node, an arrow per copy, inspected by click and by keyboard', async ({ page }) => {
  const errors = await playToEnd(page, 'scenario=mesh-network&seed=1');
  const canvas = page.locator('#space-time-view');
  await expect(canvas).toBeVisible();
  await expect(page.locator('#space-time-note')).toBeHidden();
  await expect(canvas).toHaveAttribute('data-lanes', '4');
  expect(await arrows(page)).toEqual({ accepted: 12, rejected: 0, dropped: 0, duplicate: 0, 'in-flight': 0 });
  await expect(page.locator('#trace-hash')).toHaveText(hashOf('mesh-network', 1, 500));

  const [x, y] = (await canvas.getAttribute('data-sample')).split(',').map(Number);
  await canvas.click({ position: { x, y } });
  await expect(page.locator('#space-time-inspector')).toHaveText(/^Message 4 from sensor-001 to \S+: sent at 0\.350 s, ended at 0\.370 s; accepted \(accepted by the receiver's pattern\); hop 1\.$/);

  await canvas.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#space-time-inspector')).toHaveText(/^Message 1 from sensor-001 to sensor-002: sent at 0\.050 s, ended at 0\.070 s; accepted/);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#space-time-inspector')).toContainText('Message 1 from sensor-001 to gateway-001');
  await page.locator('#space-time-panel').screenshot({ path: 'test-output/space-time.png' });
  expect(errors).toEqual([]);
});

test('a link to a moment with copies in flight draws them dashed up to now, inspectable', async ({ page }) => {
  await openDiagram(page, 'scenario=mesh-network&seed=1&t=60');
  expect(await arrows(page)).toEqual({ accepted: 0, rejected: 0, dropped: 0, duplicate: 0, 'in-flight': 3 });
  const canvas = page.locator('#space-time-view');
  const [x, y] = (await canvas.getAttribute('data-sample')).split(',').map(Number);
  await canvas.click({ position: { x, y } });
  await expect(page.locator('#space-time-inspector')).toHaveText(/^Message 1 from sensor-001 to \S+: sent at 0\.050 s, arrives at 0\.070 s, to be accepted; in-flight \(on its link\); hop 1\.$/);
});

test('byzantine lab: rejected copies show; the time slider redraws the diagram for its time', async ({ page }) => {
  const errors = await playToEnd(page, 'scenario=byzantine-lab&seed=5');
  await expect(page.locator('#space-time-view')).toHaveAttribute('data-lanes', '12');
  const atEnd = await arrows(page);
  expect(atEnd.rejected).toBeGreaterThan(0);
  expect(atEnd.accepted).toBeGreaterThan(atEnd.rejected);
  expect(atEnd.duplicate).toBeGreaterThan(0);

  await page.locator('#time-slider').fill('300');
  await expect(page.locator('#time')).toHaveText('0.30 s');
  const early = await arrows(page);
  expect(early.accepted).toBeGreaterThan(0);
  expect(early.accepted).toBeLessThan(atEnd.accepted);
  await page.locator('#time-slider').fill('3000');
  // The engine worker replays the run to 3 s; its frame is drawn with the diagram.
  await expect(page.locator('#time')).toHaveText('3.00 s');
  expect(await arrows(page)).toEqual(atEnd);
  expect(errors).toEqual([]);
});

test('partition and heal: copies the cut drops are drawn as dropped', async ({ page }) => {
  const errors = await playToEnd(page, 'scenario=partition-heal&seed=4');
  await expect(page.locator('#space-time-view')).toHaveAttribute('data-lanes', '60');
  expect((await arrows(page)).dropped).toBeGreaterThan(0);
  await page.locator('#space-time-panel').screenshot({ path: 'test-output/space-time-partition.png' });
  expect(errors).toEqual([]);
});

test('the scale mode has too many nodes: a note instead of the diagram', async ({ page }) => {
  const errors = await openDiagram(page, 'scenario=scale&nodes=100');
  await expect(page.locator('#space-time-note')).toBeVisible();
  await expect(page.locator('#space-time-note')).toHaveText('The space-time diagram is for networks of up to 64 nodes.');
  await expect(page.locator('#space-time-view')).toBeHidden();
  expect(errors).toEqual([]);
});
