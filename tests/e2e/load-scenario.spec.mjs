// A scenario of the user's own on the demo page: loaded from the file picker or dropped on the
// network view, it plays like a bundled one and its link replays it; a broken or hostile file is
// refused with its problem named while the run that was playing goes on, and never runs script.
import { test, expect } from '@playwright/test';
import { openPage, traceHashAt as hashOf } from './page.mjs';

/** A small valid scenario: four nodes, two broadcasts, a replayer and a crash. */
const LAKESIDE = {
  version: 1,
  name: 'Lakeside',
  description: 'Four nodes by a lake.',
  options: { seed: 11, globalTick: true, tickInterval: 100, links: { latency: 25 } },
  nodes: [{ nodeId: 'lake-a' }, { nodeId: 'lake-b' }, { nodeId: 'lake-c' }, { nodeId: 'lake-d' }],
  byzantine: { 'lake-c': 'replay' },
  events: [
    { at: 100, broadcast: 'lake-a', data: { level: 3 } },
    { at: 300, broadcast: 'lake-b', data: { level: 4 } },
    { at: 400, crash: 'lake-d' },
  ],
  duration: 800,
};

/** Opens the page at `query` (without its `?`), collecting page and console errors in the returned list. */
const open = (page, query) => openPage(page, `?${query}`);

/** Chooses a file named `name` holding `text` in the Load scenario picker. */
async function pick(page, name, text) {
  await page.locator('#load-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Plays the run to its end at 8×. */
async function playToEnd(page) {
  await page.locator('#speed').fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
}

test('a file from the picker plays like a bundled scenario, and its link replays it', async ({ page, context }) => {
  const errors = await open(page, 'scenario=observer');
  await expect(page.getByRole('button', { name: 'Load scenario…' })).toBeVisible();
  await pick(page, 'lakeside.json', JSON.stringify(LAKESIDE, null, 2));
  await expect(page.locator('#scenario')).toHaveValue('file');
  await expect(page.locator('#scenario option:checked')).toHaveText('Loaded: lakeside.json');
  await expect(page.locator('#seed')).toHaveValue('11');
  await expect(page.locator('#scenario-description')).toHaveText('Four nodes by a lake.');
  await expect(page.locator('#player-error')).toHaveText('');
  await playToEnd(page);
  await expect(page.locator('#time')).toHaveText('0.80 s');
  await expect(page.locator('#trace-hash')).toHaveText(hashOf(LAKESIDE, 800));
  expect(new URL(page.url()).searchParams.get('scenario')).toBe('file');

  // Time travel, the fault lab and the space-time diagram work on it; the link carries it all.
  await page.locator('#time-slider').fill('200');
  await expect(page.locator('#time')).toHaveText('0.20 s');
  await page.getByLabel('Inspect').selectOption('lake-a');
  await page.getByRole('button', { name: 'Crash it' }).click();
  await expect(page.locator('#inspector')).toContainText('lake-a: crashed');
  await playToEnd(page);
  await page.getByRole('tab', { name: 'Space-time' }).click();
  await expect(page.locator('#space-time-view')).toHaveAttribute('data-lanes', '4');
  const hash = await page.locator('#trace-hash').textContent();
  expect(hash).not.toBe(hashOf(LAKESIDE, 800));
  const link = new URL(page.url());
  expect(link.searchParams.get('actions')).toContain('crash');
  expect(link.hash).toMatch(/^#file=[A-Za-z0-9_-]+$/);

  const other = await context.newPage();
  const otherErrors = await open(other, `${link.search.slice(1)}${link.hash}`);
  await expect(other.locator('#scenario option:checked')).toHaveText('Loaded: Lakeside');
  await expect(other.locator('#time')).toHaveText('0.80 s');
  await expect(other.locator('#trace-hash')).toHaveText(hash);
  await expect(other.locator('#player-error')).toHaveText('');
  // Reset on the shared page starts the loaded scenario over.
  await other.getByRole('button', { name: 'Reset' }).click();
  await expect(other.locator('#time')).toHaveText('0.00 s');
  await expect(other.locator('#scenario')).toHaveValue('file');
  expect([...errors, ...otherErrors]).toEqual([]);
});

test('a file dropped on the network view loads, with a hint while it is dragged', async ({ page }) => {
  const errors = await open(page, 'scenario=observer');
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, JSON.stringify(LAKESIDE));
  await page.dispatchEvent('#network-view', 'dragenter', { dataTransfer });
  await expect(page.locator('#drop-hint')).toBeVisible();
  await page.dispatchEvent('#network-view', 'drop', { dataTransfer });
  await expect(page.locator('#drop-hint')).toBeHidden();
  await expect(page.locator('#scenario option:checked')).toHaveText('Loaded: dropped.json');
  await playToEnd(page);
  await expect(page.locator('#trace-hash')).toHaveText(hashOf(LAKESIDE, 800));
  expect(errors).toEqual([]);
});

/** `[what, file text, text the message must name]`: files the page refuses. */
const REFUSED = [
  ['invalid JSON', '{"version": 1, "nodes": [', 'not JSON'],
  ['a wrong type', JSON.stringify({ ...LAKESIDE, events: [{ at: 'soon', crash: 'lake-a' }] }), 'ERR_INVALID_TYPE: events[0].at must be a number'],
  ['an unknown node in its events', JSON.stringify({ ...LAKESIDE, events: [{ at: 10, crash: 'lake-z' }] }), 'ERR_UNKNOWN_NODE: events[0].crash'],
  ['too many bytes', `${' '.repeat(1024 * 1024)}{}`, '1025 KiB, more than the 1024 KiB'],
  ['a __proto__ key', '{"version": 1, "nodes": [{"nodeId": "a"}], "byzantine": {"__proto__": "wrong-pattern"}}', 'byzantine.__proto__: a prototype key is not allowed'],
  ['markup in a node id', JSON.stringify({ version: 1, name: '<img src=x onerror="window.pwned=1">', nodes: [{ nodeId: 'a' }, { nodeId: '<img src=x onerror="window.pwned=1">' }] }), 'nodes[1].nodeId: markup'],
];

for (const [what, text, named] of REFUSED) {
  test(`a file with ${what} is refused, named, and the run plays on`, async ({ page }) => {
    const errors = await open(page, 'scenario=partition-heal');
    await page.locator('#speed').fill('0.25');
    await page.getByRole('button', { name: 'Play' }).click();
    await pick(page, 'bad<b>.json', text);
    await expect(page.locator('#player-error')).toContainText(`Not loaded: bad<b>.json: ${named}`);
    await expect(page.locator('#player-error')).toContainText('The run plays on.');
    await expect(page.locator('#scenario')).toHaveValue('partition-heal');
    expect(await page.locator('#scenario option[value="file"]').count()).toBe(0);
    const time = await page.locator('#time').textContent();
    await expect(page.locator('#time')).not.toHaveText(time);
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(await page.locator('img, b').count()).toBe(0);
    expect(errors).toEqual([]);
  });
}

test('a scenario too big for a link plays, says so, and its link names the missing file', async ({ page, context }) => {
  const errors = await open(page, 'scenario=observer');
  const big = { ...LAKESIDE, description: 'x'.repeat(70_000) };
  await pick(page, 'big.json', JSON.stringify(big));
  await expect(page.locator('#scenario option:checked')).toHaveText('Loaded: big.json');
  await expect(page.locator('#player-error')).toContainText('big.json plays, but it is too big to share as a link');
  await page.getByRole('button', { name: 'Step one tick' }).click();
  const link = new URL(page.url());
  expect(link.searchParams.get('scenario')).toBe('file');
  expect(link.hash).toBe('');
  const other = await context.newPage();
  const otherErrors = await open(other, link.search.slice(1));
  await expect(other.locator('#player-error')).toContainText('Ignored from the link: file (missing');
  await expect(other.locator('#scenario')).toHaveValue('mesh-network');
  expect([...errors, ...otherErrors]).toEqual([]);
});

test('node ids with markup, from a link, show as text in the select, the inspector and the log', async ({ page }) => {
  const id = '<img src=x onerror="window.pwned=1">';
  const errors = await open(page, `scenario=observer&t=100&actions=${encodeURIComponent(JSON.stringify([[0, 'add', id, null]]))}`);
  await page.getByLabel('Inspect').selectOption(id);
  await expect(page.locator('#inspector')).toContainText(`${id}: online`);
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.locator('#log li', { hasText: `⚡ add ${id}` })).toHaveCount(1);
  await expect(page.locator('#log li', { hasText: `✓ ${id} accepted` }).first()).toBeVisible();
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  expect(await page.locator('img').count()).toBe(0);
  expect(errors).toEqual([]);
});
