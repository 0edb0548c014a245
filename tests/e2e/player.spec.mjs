// The demo page's scenario player: the seed's three demos run in Chromium and show what they should.
import { test, expect } from '@playwright/test';

async function playToEnd(page, scenario, seed) {
  await page.goto(`http://127.0.0.1:5173/?scenario=${scenario}&seed=${seed}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#scenario')).toHaveValue(scenario);
  await page.locator('#speed').fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
}

test('Mesh network: the two sensors and the gateway reach every node', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  await playToEnd(page, 'mesh-network', 1);
  await expect(page.locator('#time')).toHaveText('0.50 s');
  await expect(page.locator('#stat-sent')).toHaveText('4');
  await expect(page.locator('#stat-delivered')).toHaveText('12');
  await expect(page.locator('#stat-rejected')).toHaveText('0');
  await expect(page.locator('#log li').first()).toContainText('accepted from sensor-001');
  expect(errors).toEqual([]);
});

test('Synchronization: the slow node catches up', async ({ page }) => {
  await playToEnd(page, 'synchronization', 2);
  await expect(page.locator('#stat-synced')).not.toHaveText('0');
  await page.getByRole('tab', { name: 'Log' }).click();
  await page.locator('#log-kind').selectOption('sync');
  await expect(page.locator('#log li:not([hidden])').first()).toContainText('node-c synced to step');
});

test('Observer: the malicious node is rejected and flagged; clicking a node inspects it', async ({ page }) => {
  await playToEnd(page, 'observer', 3);
  await expect(page.locator('#stat-rejected')).toHaveText('4');
  await expect(page.locator('#stat-anomalies')).toHaveText('pattern-mismatch: 2');
  await page.getByRole('tab', { name: 'Log' }).click();
  await page.locator('#log-node').fill('malicious-node');
  await expect(page.locator('#log li:not([hidden])').first()).toContainText('observer flagged pattern-mismatch from malicious-node');
  await page.getByLabel('Inspect').selectOption('malicious-node');
  await expect(page.locator('#inspector')).toContainText('malicious-node: online, byzantine ("wrong-pattern"); step 5');
  await page.getByRole('button', { name: 'Got it' }).click();
  await page.screenshot({ path: 'test-output/player.png', fullPage: true });
  await page.locator('#network-view').click({ position: { x: 2, y: 2 } });
  await expect(page.locator('#inspector')).toHaveText('Click a node to inspect it.');
});

test('charts, the pattern view and the exports follow the run', async ({ page }) => {
  await playToEnd(page, 'synchronization', 2);
  // 35 ticks of 100 ms were charted; the pattern view shows values with phase resets and node steps.
  await expect(page.locator('[data-chart="traffic"] .u-over')).toBeVisible();
  expect(await page.locator('#pattern-view .value').count()).toBe(48);
  expect(await page.locator('#pattern-view .node-step').count()).toBeGreaterThan(0);
  const value = await page.locator('#pattern-view .value').first().getAttribute('data-value');
  expect(['1', '4', '7']).toContain(value);
  await page.getByRole('tab', { name: 'Export' }).click();
  const [trace] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export trace/ }).click()]);
  const lines = (await (await trace.createReadStream()).toArray()).join('').trim().split('\n');
  expect(JSON.parse(lines[0])).toMatchObject({ kind: 'tick' });
  expect(trace.suggestedFilename()).toBe('synchronization-seed2.trace.jsonl');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export statistics/ }).click()]);
  const rows = (await (await csv.createReadStream()).toArray()).join('').trim().split('\n');
  expect(rows[0].startsWith('tick,time,sent,delivered')).toBe(true);
  expect(rows.length).toBe(36);
});

test('the time slider travels back and forth; a shared URL with fault-lab actions replays the same trace', async ({ page, context }) => {
  await playToEnd(page, 'observer', 3);
  const end = await page.locator('#trace-hash').textContent();
  await page.locator('#time-slider').fill('200');
  await expect(page.locator('#time')).toHaveText('0.20 s');
  await expect(page.locator('#stat-sent')).toHaveText('2');
  await page.locator('#time-slider').fill('500');
  await expect(page.locator('#trace-hash')).toHaveText(end);

  await page.locator('#time-slider').fill('200');
  await page.getByLabel('Inspect').selectOption('gateway-001');
  await page.getByRole('button', { name: 'Crash it' }).click();
  await expect(page.locator('#inspector')).toContainText('gateway-001: crashed');
  await page.getByLabel('Make it').selectOption('forged-sender');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  const hash = await page.locator('#trace-hash').textContent();
  expect(hash).not.toBe(end);
  expect(page.url()).toContain('actions=');

  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(other.locator('#time')).toHaveText('0.50 s');
  await expect(other.locator('#trace-hash')).toHaveText(hash);
});

test('Step runs one tick and Reset starts over with the same trace', async ({ page }) => {
  await page.goto('http://127.0.0.1:5173/?scenario=partition-heal&seed=4');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Step one tick' }).click();
  await expect(page.locator('#time')).toHaveText('0.10 s');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator('#time')).toHaveText('0.00 s');
});

test('the static build (npm run build:www) works from a plain file server under a sub-path', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  await page.goto('http://127.0.0.1:4180/www/dist/?scenario=mesh-network&seed=1');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#basic-log li').first()).toContainText('gateway-001 received');
  await page.locator('#speed').fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('#stat-delivered')).toHaveText('12', { timeout: 15_000 });
  expect(errors).toEqual([]);
});

test('scale mode runs thousands of nodes with engine traffic and a few liars', async ({ page }) => {
  await page.goto('http://127.0.0.1:5173/?scenario=scale&nodes=5000&seed=6');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#nodes-count')).toHaveText('5000');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('#stat-sent')).not.toHaveText('0', { timeout: 15_000 });
  await expect(page.locator('#stat-anomalies')).toContainText('pattern-mismatch', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  expect(page.url()).toContain('nodes=5000');
});

test('zoom and pan move the view; the page fits a phone-width screen with no horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('http://127.0.0.1:5173/?scenario=observer&seed=3');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.locator('#nodes-control')).toBeHidden();
  await page.getByLabel('Inspect').selectOption('sensor-001');
  await expect(page.locator('#inspector')).toContainText('sensor-001: online');
  // What is drawn on the canvas (the zoom buttons lie over it, and hovering changes them).
  const drawing = () => page.locator('#network-view').evaluate((canvas) => canvas.toDataURL());
  const before = await drawing();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  expect(await drawing()).not.toBe(before);
  await page.getByRole('button', { name: 'Fit' }).click();
  expect(await drawing()).toBe(before);
  await page.screenshot({ path: 'test-output/phone.png', fullPage: true });
});

test('nodes can be added and removed and the topology changed, and the URL replays it all', async ({ page, context }) => {
  await page.goto('http://127.0.0.1:5173/?scenario=mesh-network&seed=1');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Add a node' }).click();
  await expect(page.getByLabel('Inspect').locator('option')).toHaveCount(6);
  await page.getByLabel('Topology').selectOption('ring');
  await page.getByLabel('Inspect').selectOption('sensor-002');
  await page.getByRole('button', { name: 'Remove it' }).click();
  await expect(page.getByLabel('Inspect').locator('option')).toHaveCount(5);
  await page.locator('#speed').fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#log li[data-node="added-4"]').first()).toBeAttached();
  const hash = await page.locator('#trace-hash').textContent();
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(other.locator('#trace-hash')).toHaveText(hash);
});

test('a scenario without liars takes a new byzantine node and runs on after its first node is removed', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto('http://127.0.0.1:5173/?scenario=mesh-network&seed=1');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const first = await page.getByLabel('Inspect').locator('option').nth(1).getAttribute('value');
  await page.getByLabel('Inspect').selectOption(first);
  await page.getByRole('button', { name: 'Remove it' }).click();
  await page.getByLabel('Inspect').selectOption('gateway-001');
  await page.getByLabel('Make it').selectOption('wrong-pattern');
  await expect(page.locator('#inspector')).toContainText('gateway-001: online, byzantine ("wrong-pattern")');
  await page.locator('#speed').fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#time')).toHaveText('0.50 s');
  expect(errors).toEqual([]);
});

test('a first visit shows a hint until it is dismissed; the anomalies chart and link controls work', async ({ page }) => {
  await page.goto('http://127.0.0.1:5173/?scenario=byzantine-lab&seed=5');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#first-visit')).toBeVisible();
  await page.getByRole('button', { name: 'Got it' }).click();
  await expect(page.locator('#first-visit')).toBeHidden();
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#first-visit')).toBeHidden();
  await page.locator('#loss').fill('0.5');
  await page.locator('#loss').dispatchEvent('change');
  await expect(page.locator('#log li').first()).toContainText('links {"loss":0.5}');
  await page.locator('#speed').fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('#stat-lost')).not.toHaveText('0', { timeout: 15_000 });
  await expect(page.locator('[data-chart="anomalies"] .u-legend')).toContainText('replay');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('the pattern seed and interval inputs re-run the scenario on that pattern; a bad interval is refused by name', async ({ page, context }) => {
  await page.goto('http://127.0.0.1:5173/?scenario=synchronization&seed=2');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByLabel('Pattern seed').fill('3');
  await page.getByLabel('Pattern seed').dispatchEvent('change');
  await page.getByLabel('Reset interval').fill('4');
  await page.getByLabel('Reset interval').dispatchEvent('change');
  // The run starts again in the engine worker: its first frame draws the pattern and writes the link.
  await expect(page.locator('#pattern-view line.reset')).toHaveCount(12);
  await expect(page).toHaveURL(/pattern=3/);
  // Seed 3: 3, 9, 9, 9, then a reset every 4 steps.
  const values = await page.locator('#pattern-view circle.value').evaluateAll((dots) => dots.slice(0, 6).map((d) => Number(d.dataset.value)));
  expect(values).toEqual([3, 9, 9, 9, 3, 9]);
  expect(page.url()).toContain('pattern=3');
  expect(page.url()).toContain('interval=4');
  await page.locator('#speed').fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await page.getByLabel('Inspect').selectOption('node-a');
  await expect(page.locator('#inspector')).toContainText(/step \d+, pattern value [39]/);
  const hash = await page.locator('#trace-hash').textContent();
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(other.locator('#trace-hash')).toHaveText(hash);

  await page.getByLabel('Reset interval').fill('0');
  await page.getByLabel('Reset interval').dispatchEvent('change');
  await expect(page.locator('#player-error')).toContainText('ERR_NOT_POSITIVE');
  await expect(page.locator('#player-error')).toContainText('phaseResetInterval');
  // The run that was there stays, and keeps going; the link still names its settings, not the
  // refused one, and moving in time replays that run.
  const time = await page.locator('#time').textContent();
  await page.getByRole('button', { name: 'Step one tick' }).click();
  await expect(page.locator('#time')).not.toHaveText(time);
  expect(page.url()).toContain('interval=4');
  expect(page.url()).not.toContain('interval=0');
  await page.locator('#time-slider').fill('1000');
  await expect(page.locator('#player-error')).toContainText('ERR_NOT_POSITIVE');
  await expect(page.locator('#time')).toHaveText('1.00 s');
  expect(page.url()).toContain('interval=4');
  await expect(page.locator('#legend')).toContainText('to be rejected');
});

test('the attack lab shows what each mode catches', async ({ page }) => {
  await page.goto('http://127.0.0.1:5173/');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('tab', { name: 'Attack lab' }).click();
  await page.getByLabel('Messages per cell').fill('40');
  await page.getByRole('button', { name: 'Run the attack lab' }).click();
  const rows = page.locator('#lab-body tr');
  await expect(rows).toHaveCount(6);
  const cells = async (attack) => rows.filter({ has: page.locator('th', { hasText: attack }) }).locator('td').allTextContents();
  expect(await cells('wrong pattern')).toEqual(['100 %', '100 %', '100 %']);
  expect(await cells('forged sender')).toEqual(['0 %', '14 %', '100 %']);
  expect(await cells('replay')).toEqual(['0 %', '100 %', '100 %']);
  expect(await cells('payload tampering')).toEqual(['0 %', '100 %', '100 %']);
  expect(await cells('outsider')).toEqual(['0 %', '100 %', '100 %']);
  await expect(page.locator('#lab-status')).toContainText('40 attack messages per cell');
  await page.getByLabel('Messages per cell').fill('0');
  await page.getByRole('button', { name: 'Run the attack lab' }).click();
  await expect(page.locator('#lab-status')).toContainText('ERR_');
  await page.locator('#lab').screenshot({ path: 'test-output/attack-lab.png' });
});

test('a link with a refused value starts the scenario with defaults and says why', async ({ page }) => {
  await page.goto('http://127.0.0.1:5173/?scenario=synchronization&seed=-1&interval=0');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#player-error')).toContainText('seed "-1" (must be a whole number from 0)');
  await expect(page.locator('#player-error')).toContainText('interval "0" (must be a whole number from 1)');
  await expect(page.getByLabel('Random seed')).toHaveValue('2');
  await expect(page.getByLabel('Reset interval')).toHaveValue('100');
  await page.getByRole('button', { name: 'Step one tick' }).click();
  await expect(page.locator('#time')).toHaveText('0.10 s');
});

test('the fault lab pauses and resumes a node and cuts one way, and the link replays those to the same trace', async ({ page, context }) => {
  await page.goto('http://127.0.0.1:5173/?scenario=mesh-network&seed=1');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByLabel('Inspect').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Pause it' }).click();
  await expect(page.locator('#inspector')).toContainText(': paused');
  await page.getByRole('button', { name: 'Step one tick' }).click();
  await page.getByRole('button', { name: 'Resume it' }).click();
  await expect(page.locator('#inspector')).toContainText(': online');
  await page.getByRole('button', { name: 'Cut one way' }).click();
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.locator('#log')).toContainText('cut-one-way');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  const hash = await page.locator('#trace-hash').textContent();
  const actions = JSON.parse(new URL(page.url()).searchParams.get('actions'));
  expect(actions.map((action) => action[1])).toEqual(['pause', 'resume', 'cut-one-way']);

  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(other.locator('#trace-hash')).toHaveText(hash);
});
