// The demo page as one screen: the grid at 1280x720 and stacked at phone width, the tabs, the Basic
// Usage dialog, the keyboard shortcuts, the light and dark themes, and no accessibility violations.
import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

import { openPage } from './page.mjs';

/** Opens the page at `query` and waits for it; returns the console errors it logs. */
const open = (page, query = '?scenario=partition-heal&seed=4') => openPage(page, query);

/** How far the document scrolls beyond the window, across and down. */
const overflow = (page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    return { x: root.scrollWidth - root.clientWidth, y: root.scrollHeight - root.clientHeight };
  });

/** The distinct colours of the canvas's opaque pixels, as `r,g,b` strings. */
const canvasColours = (page) =>
  page.locator('#network-view').evaluate((canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return [...colours].sort();
  });

test('at 1280x720 the page is one screen: no scrolling, the network view covers half of it, every region in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = await open(page);
  expect(await overflow(page)).toEqual({ x: 0, y: 0 });
  const canvas = await page.locator('#network-view').boundingBox();
  expect(canvas.width * canvas.height).toBeGreaterThanOrEqual(0.5 * 1280 * 720);
  for (const region of ['.toolbar', '.panel', '.strip', '#network-view']) {
    const box = await page.locator(region).boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
  }
  // The canvas has a pixel per CSS pixel (times the device pixel ratio, 1 here).
  expect(await page.locator('#network-view').evaluate((c) => [c.width, c.height])).toEqual([Math.round(canvas.width), Math.round(canvas.height)]);
  for (const id of ['#play', '#tick', '#reset', '#speed', '#seed', '#scenario', '#protocol', '#time-slider', '#charts', '#inspect', '#crash', '#byzantine', '#add-node', '#topology', '#latency', '#loss', '#partition', '#heal']) {
    await expect(page.locator(id)).toBeInViewport();
  }
  expect(errors).toEqual([]);
});

test('each tab shows its panel, and the arrow keys move between the tabs', async ({ page }) => {
  await open(page);
  const names = ['Charts', 'Log', 'Pattern', 'Space-time', 'Checker', 'Export', 'Attack lab', 'Experiments'];
  const panels = ['#panel-charts', '#panel-log', '#panel-pattern', '#space-time-panel', '#panel-checker', '#panel-export', '#panel-lab', '#panel-experiments'];
  for (const [i, name] of names.entries()) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    for (const [j, panel] of panels.entries()) await expect(page.locator(panel)).toBeVisible({ visible: i === j });
  }
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Log' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Log' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#panel-log')).toBeVisible();
  await expect(page.getByRole('tabpanel')).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Experiments' })).toBeFocused();
  await expect(page.locator('#panel-experiments')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('aria-selected', 'true');
  // The arrows moved between tabs only: the run stayed at its start.
  await expect(page.locator('#time')).toHaveText('0.00 s');
});

test('the Basic Usage example opens as its own view and its broadcast works', async ({ page }) => {
  await open(page);
  const dialog = page.getByRole('dialog', { name: /Basic Usage/ });
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Basic Usage' }).click();
  await expect(dialog).toBeVisible();
  await expect(page.locator('#accepted')).toHaveText('1');
  await dialog.getByRole('button', { name: /Broadcast a reading/ }).click();
  await expect(page.locator('#accepted')).toHaveText('2');
  await expect(page.locator('#basic-log li').first()).toContainText('gateway-001 received {"temperature":23.8');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('shortcuts: Space plays and pauses, the arrows step a tick forward and back, ? shows the help; not while typing', async ({ page }) => {
  const errors = await open(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#time')).toHaveText('0.10 s');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#time')).toHaveText('0.20 s');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#time')).toHaveText('0.10 s');
  await expect(page.locator('#time-slider')).toHaveValue('100');

  await page.keyboard.press('Space');
  await expect(page.locator('#play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.locator('#play')).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Play or pause');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // A frame asked for before the pause may still land: wait until the time stands still.
  let time;
  await expect
    .poll(async () => {
      const now = await page.locator('#time').textContent();
      const still = now === time;
      time = now;
      return still;
    }, { intervals: [250] })
    .toBe(true);
  await page.locator('#seed').focus();
  for (const key of ['Space', 'ArrowRight', 'ArrowLeft', '?']) await page.keyboard.press(key);
  await expect(page.locator('#play')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('#time')).toHaveText(time);
  await expect(help).toBeHidden();
  expect(errors).toEqual([]);
});

test('at 390x844 the page stacks with no horizontal scrolling, and Play works', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const errors = await open(page);
  expect((await overflow(page)).x).toBeLessThanOrEqual(0);
  const order = [];
  for (const region of ['.toolbar', '.stage', '.strip', '.panel']) order.push((await page.locator(region).boundingBox()).y);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('#play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#time')).not.toHaveText('0.00 s');
  expect((await overflow(page)).x).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});

test('the dark theme follows the system: other background, other colours on the canvas', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const errors = await open(page, '?scenario=observer&seed=3');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = { background: await background(), canvas: await canvasColours(page) };
  expect(light.canvas.length).toBeGreaterThan(0);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(light.background);
  await expect.poll(() => canvasColours(page)).not.toEqual(light.canvas);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => canvasColours(page)).toEqual(light.canvas);
  expect(errors).toEqual([]);
});

for (const colorScheme of ['light', 'dark']) {
  test(`no accessibility violations at 1280x720 in the ${colorScheme} theme, in every tab and dialog`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme });
    const errors = await open(page, '?scenario=observer&seed=3');
    await page.locator('#speed').fill('8');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
    const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    const check = async (what, builder) => expect((await builder.analyze()).violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await check('page', axe());
    for (const name of ['Log', 'Pattern', 'Space-time', 'Checker', 'Export', 'Attack lab', 'Experiments']) {
      await page.getByRole('tab', { name }).click();
      if (name === 'Attack lab') {
        await page.getByLabel('Messages per cell').fill('20');
        await page.getByRole('button', { name: 'Run the attack lab' }).click();
        await expect(page.locator('#lab-body tr')).toHaveCount(6);
      }
      await check(name, axe().include('.strip'));
    }
    for (const [button, dialog] of [['Basic Usage', '#basic-usage'], ['Keyboard shortcuts', '#help']]) {
      await page.getByRole('button', { name: button }).click();
      await check(button, axe().include(dialog));
      await page.keyboard.press('Escape');
    }
    expect(errors).toEqual([]);
  });
}
