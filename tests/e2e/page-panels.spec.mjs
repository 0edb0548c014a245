// The demo page's protocol and workload controls, the Checker tab and the Experiments tab: the
// checker's figures against the same run in Node, the link that replays them, hostile choices in a
// link, a sweep to its end with its plots and CSV, Cancel, and no accessibility violations.
import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { MeshNetwork } from 'data-mesh';
import { EXAMPLE_PROTOCOLS } from '../../www/run-choices.js';
import { downloaded, openPage as open, playedScenario } from './page.mjs';

/** Plays the run at 8× to the end of its scenario. */
async function playToEnd(page) {
  await page.locator('#speed').fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
}

/** The bundled scenario `name` as the page plays it with `seed`, `protocol` and `workload`, run in Node to its end: its report and trace hash. */
function inNode(name, seed, protocol, workload) {
  const scenario = playedScenario(name, seed);
  scenario.protocol = protocol;
  scenario.workload = workload;
  const network = MeshNetwork.fromScenario(scenario);
  network.runUntil(scenario.duration);
  const result = { report: network.workloadReport(), hash: network.traceHash() };
  network.free();
  return result;
}

/** A figure as the Checker tab writes it. */
const figure = (x) => (Number.isNaN(x) ? '–' : String(Math.round(x * 10) / 10));

test('flood with a broadcast workload: the Checker tab shows the report of the same run in Node, and its link replays it', async ({ page, context }) => {
  const errors = await open(page, '?scenario=byzantine-lab&seed=5');
  await page.getByRole('tab', { name: 'Checker' }).click();
  await expect(page.locator('#checker-hint')).toBeVisible();
  await page.getByLabel('Protocol').selectOption('flood');
  await page.getByLabel('Workload').selectOption('broadcast');
  await expect(page.locator('#checker-hint')).toBeHidden();
  await expect(page.locator('#checker-broadcast')).toBeVisible();
  expect(new URLSearchParams(new URL(page.url()).search).get('protocol')).toBe('flood');
  await playToEnd(page);

  const { report, hash } = inNode('byzantine-lab', 5, 'flood', { kind: 'broadcast', rate: 10, duration: 3000 });
  const { summary, latency, missing } = report.broadcast;
  await expect(page.locator('#trace-hash')).toHaveText(hash);
  await expect(page.locator('#checker-values')).toHaveText(String(summary.values));
  await expect(page.locator('#checker-learned')).toHaveText(`${summary.expected - summary.missing} of ${summary.expected} (${summary.checkedNodes} nodes checked)`);
  await expect(page.locator('#checker-messages')).toHaveText(`${figure(summary.messagesPerValue)} (${summary.messages} messages)`);
  await expect(page.locator('#checker-latency')).toHaveText(`${[latency.p50, latency.p95, latency.p99, latency.max].map(figure).join(' / ')} ms`);
  await expect(page.locator('#checker-missing')).toContainText(`${summary.missing}, such as value ${missing[0].value} at ${missing[0].nodeId}`);
  // And the figures hang together.
  expect(summary.values).toBe(30);
  expect(summary.missing).toBeLessThanOrEqual(summary.expected);
  expect(latency.p50).toBeLessThanOrEqual(latency.p99);
  expect(summary.messagesPerValue).toBeGreaterThan(0);

  const params = new URLSearchParams(new URL(page.url()).search);
  expect([params.get('protocol'), params.get('workload'), params.get('t')]).toEqual(['flood', 'broadcast', '3000']);
  const again = await context.newPage();
  const againErrors = await open(again, new URL(page.url()).search);
  await expect(again.locator('#protocol')).toHaveValue('flood');
  await expect(again.locator('#workload')).toHaveValue('broadcast');
  await expect(again.locator('#trace-hash')).toHaveText(hash);
  await again.getByRole('tab', { name: 'Checker' }).click();
  await expect(again.locator('#checker-values')).toHaveText(String(summary.values));
  await expect(again.locator('#player-error')).toHaveText('');
  expect([...errors, ...againErrors]).toEqual([]);
});

for (const example of Object.keys(EXAMPLE_PROTOCOLS)) {
  test(`the example protocol ${example}, written in TypeScript, runs on every node under the broadcast workload's checker, and its link replays it`, async ({ page, context }) => {
    const errors = await open(page, '?scenario=partition-heal&seed=4');
    await page.getByRole('tab', { name: 'Checker' }).click();
    await page.getByLabel('Protocol').selectOption(example);
    await page.getByLabel('Workload').selectOption('broadcast');
    await playToEnd(page);
    await expect(page.locator('#time')).toHaveText('3.00 s');
    await expect(page.locator('#checker-values')).toHaveText('30');
    const learned = (await page.locator('#checker-learned').textContent()).match(/^(\d+) of (\d+)/);
    const messages = (await page.locator('#checker-messages').textContent()).match(/\((\d+) messages\)/);
    expect(Number(learned[1]), 'the protocol spread values beyond the nodes handed them').toBeGreaterThan(30);
    expect(Number(messages[1]), 'its messages are counted').toBeGreaterThan(0);
    const hash = await page.locator('#trace-hash').textContent();

    // The exported trace replays the run with the protocol: its sends, acceptances and timers.
    await page.getByRole('tab', { name: 'Export' }).click();
    const trace = (await downloaded(page, () => page.getByRole('button', { name: /Export trace/ }).click())).trim().split('\n');
    const count = (kind) => trace.filter((line) => JSON.parse(line).kind === kind).length;
    const rows = (await downloaded(page, () => page.getByRole('button', { name: /Export statistics/ }).click())).trim().split('\n').map((line) => line.split(','));
    const [header, last] = [rows[0], rows.at(-1)];
    const statistic = (name) => Number(last[header.indexOf(name)]);
    expect([count('send'), count('accept')]).toEqual([statistic('sent'), statistic('accepted')]);
    expect(count('timer'), "the protocol's timers").toBeGreaterThan(0);

    const params = new URLSearchParams(new URL(page.url()).search);
    expect([params.get('protocol'), params.get('workload')]).toEqual([example, 'broadcast']);
    const again = await context.newPage();
    const againErrors = await open(again, new URL(page.url()).search);
    await expect(again.locator('#protocol')).toHaveValue(example);
    await expect(again.locator('#trace-hash')).toHaveText(hash);
    expect([...errors, ...againErrors]).toEqual([]);
  });
}

test('the sync workload: the Checker tab lists its disturbances', async ({ page }) => {
  const errors = await open(page, '?scenario=partition-heal&seed=4&protocol=gossip&workload=sync');
  await page.getByRole('tab', { name: 'Checker' }).click();
  await expect(page.locator('#checker-sync')).toBeVisible();
  await expect(page.locator('#checker-broadcast')).toBeHidden();
  await playToEnd(page);
  const { report, hash } = inNode('partition-heal', 4, { name: 'gossip', fanout: 3 }, { kind: 'sync' });
  await expect(page.locator('#trace-hash')).toHaveText(hash);
  const { summary } = report.sync;
  expect(summary.disturbances).toBeGreaterThan(0);
  await expect(page.locator('#checker-out-of-sync')).toHaveText(`${summary.ticksOutOfSync} of ${summary.ticks} ticks`);
  await expect(page.locator('#checker-disturbances')).toContainText(`${summary.disturbances}, ${summary.unsettled} unsettled`);
  await expect(page.locator('#checker-latest')).toContainText(report.sync.disturbances.at(-1).kind);
  expect(errors).toEqual([]);
});

test('a link with an unknown or hostile protocol and workload says so and plays with the defaults', async ({ page }) => {
  const hostile = encodeURIComponent('<img src=x onerror=window.pwned=1>');
  const errors = await open(page, `?scenario=observer&protocol=__proto__&workload=${hostile}`);
  await expect(page.locator('#player-error')).toContainText('protocol "__proto__" (must be one of scenario, none, flood, gossip, push-pull, batched-gossip, efficient-broadcast)');
  await expect(page.locator('#player-error')).toContainText('workload "<img src=x onerror=window.pwned=1>"');
  await expect(page.locator('#protocol')).toHaveValue('scenario');
  await expect(page.locator('#workload')).toHaveValue('off');
  await playToEnd(page);
  await expect(page.locator('#time')).toHaveText('0.50 s');
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  expect(await page.locator('img[src=x]').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('the Experiments tab sweeps the scenario in the toolbar to the end: progress, plots, CSV', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = await open(page, '?scenario=observer&seed=3&protocol=flood');
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByLabel('Study').selectOption('current');
  await expect(page.locator('#experiment-study-description')).toContainText('link loss 0, 0.1, 0.2 and 0.3');
  await page.getByLabel('Seeds per point').fill('2');
  await page.getByLabel('Workers').fill('2');
  await page.getByRole('button', { name: 'Run the experiment' }).click();
  await expect(page.locator('#experiment-status')).toContainText('Done: 8 runs on 2 workers', { timeout: 60_000 });
  await expect(page.locator('#experiment-progress')).toHaveJSProperty('value', 1);
  await expect(page.locator('#experiment-plot-measure canvas')).toHaveCount(1);
  await expect(page.locator('#experiment-plot-distribution canvas')).toHaveCount(1);
  const csv = (await downloaded(page, () => page.getByRole('link', { name: 'Records as CSV' }).click())).trimEnd().split('\n');
  expect(csv[0]).toMatch(/^run,point,seed,options\.links\.loss,broadcast\.missing,broadcast\.messagesPerValue,latency\.p95,traceHash,error$/);
  expect(csv).toHaveLength(9);
  expect(csv[8]).toMatch(/^7,3,2,0\.3,/);
  // The page stays one screen with the taller strip.
  expect(await page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight)).toBe(0);
  await page.screenshot({ path: 'test-output/page-experiments.png' });
  expect(errors).toEqual([]);
});

test('the Experiments tab: Cancel stops the worked study, which then runs again; a scenario too big, or run by an example protocol, is refused', async ({ page }) => {
  const errors = await open(page, '?scenario=scale&nodes=2000');
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByLabel('Seeds per point').fill('200');
  await page.getByRole('button', { name: 'Run the experiment' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('#experiment-status')).toHaveText('Cancelled.');
  await page.getByLabel('Seeds per point').fill('1');
  await page.getByRole('button', { name: 'Run the experiment' }).click();
  await expect(page.locator('#experiment-status')).toContainText('Done: 21 runs', { timeout: 60_000 });
  await expect(page.locator('#experiment-plot-measure')).toContainText('fanout=1 mean');
  await page.getByLabel('Study').selectOption('current');
  await page.getByRole('button', { name: 'Run the experiment' }).click();
  await expect(page.locator('#experiment-status')).toHaveText('Failed: the scenario has 2000 nodes; a sweep in the page takes at most 1000');
  await page.getByLabel('Protocol').selectOption('push-pull');
  await page.getByRole('button', { name: 'Run the experiment' }).click();
  await expect(page.locator('#experiment-status')).toHaveText('Failed: a sweep in the page runs the built-in protocols; an example protocol runs in the player');
  expect(errors).toEqual([]);
});

for (const colorScheme of ['light', 'dark']) {
  test(`the Checker and Experiments tabs, filled, have no accessibility violations in the ${colorScheme} theme`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme });
    const errors = await open(page, '?scenario=observer&seed=3&workload=broadcast');
    const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('.strip');
    const check = async (what) => expect((await axe().analyze()).violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await page.getByRole('tab', { name: 'Checker' }).click();
    await playToEnd(page);
    await expect(page.locator('#checker-values')).toHaveText('5');
    await check('Checker');
    await page.getByRole('tab', { name: 'Experiments' }).click();
    await page.getByLabel('Study').selectOption('current');
    await page.getByLabel('Seeds per point').fill('1');
    await page.getByRole('button', { name: 'Run the experiment' }).click();
    await expect(page.locator('#experiment-status')).toContainText('Done', { timeout: 60_000 });
    await check('Experiments');
    expect(errors).toEqual([]);
  });
}
