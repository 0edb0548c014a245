// Dropping a message in flight on the demo page: picked on the network view (at a device pixel
// ratio of 2, zoomed in) or on the space-time diagram, by mouse or by keyboard, inspected in the
// Message panel and dropped from it; the copy is drawn as dropped and counted lost, the link holds
// the drop, and a page opened from it replays to the trace hash Node computes for the same drop.
import { test, expect } from '@playwright/test';
import { MeshNetwork } from 'data-mesh';
import { openPage, playedScenario } from './page.mjs';

/** The mesh network with seed 1 at 60 ms: message 1 from sensor-001 is halfway to the three other nodes. */
const IN_FLIGHT = '?scenario=mesh-network&seed=1&t=60';

/** The trace hash Node computes for the mesh network with seed 1 (as the page plays it) with message 1's copies to `receiver` (undefined: all) dropped at 60 ms, run to 500 ms. */
function hashWithDrop(receiver) {
  const network = MeshNetwork.fromScenario(playedScenario('mesh-network', 1));
  network.runUntil(60);
  network.dropMessage(1, receiver);
  network.runUntil(500);
  const hash = network.traceHash();
  network.free();
  return hash;
}

/**
 * The dots drawn in the theme colour `--<name>` on the network view: for each cluster of its
 * opaque pixels, its centre in CSS pixels from the canvas's top-left corner.
 */
const dots = (page, name) =>
  page.locator('#network-view').evaluate((canvas, variable) => {
    const hex = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const { data, width } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const clusters = [];
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== r || data[i + 1] !== g || data[i + 2] !== b || data[i + 3] !== 255) continue;
      const [x, y] = [(i / 4) % width, Math.floor(i / 4 / width)];
      const near = clusters.find((c) => Math.abs(c.x / c.n - x) < 12 && Math.abs(c.y / c.n - y) < 12);
      if (near === undefined) clusters.push({ x, y, n: 1 });
      else Object.assign(near, { x: near.x + x, y: near.y + y, n: near.n + 1 });
    }
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    return clusters.map((c) => ({ x: c.x / c.n / scale, y: c.y / c.n / scale }));
  }, `--${name}`);

/** Plays the page to the scenario's end at 8x. */
async function playToEnd(page) {
  await page.locator('#speed').fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#time')).toHaveText('0.50 s');
}

test.describe('on the network view at a device pixel ratio of 2, zoomed in', () => {
  test.use({ deviceScaleFactor: 2 });

  test('a click on a message in flight inspects it; Drop it drops that copy, and the link replays the drop', async ({ page, context }) => {
    const errors = await openPage(page, IN_FLIGHT);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const flying = await dots(page, 'pulse-accepted');
    expect(flying).toHaveLength(3);
    expect(await dots(page, 'pulse-dropped')).toEqual([]);
    const message = page.locator('#message-inspector');
    await expect(message).toContainText('Click a message in flight');
    await expect(page.getByRole('button', { name: 'Drop it' })).toBeDisabled();

    // A click 4 CSS pixels beside the dot still picks it (a dot is 3 across, the pick reaches 8).
    await page.locator('#network-view').click({ position: { x: flying[0].x + 4, y: flying[0].y } });
    await expect(message).toHaveText(/^Message 1 from sensor-001 to \S+: sent at 0\.050 s, arrives at 0\.070 s, to be accepted; in-flight \(on its link\); hop 1\. 3 copies of it are in flight\.$/);
    const receiver = (await message.textContent()).match(/ to (\S+):/)[1];
    // Screen readers hear the selection and when it lands, not its progress every frame.
    await expect(page.locator('#message-status')).toHaveText(`Message 1 to ${receiver}: in flight.`);
    await expect(page.getByRole('button', { name: 'Drop all 3 copies' })).toBeVisible();
    await page.getByRole('button', { name: 'Drop it' }).click();
    await expect(message).toContainText('to be dropped');
    // The copy is drawn in the dropped colour where it was; the other two fly on as they were.
    await expect.poll(() => dots(page, 'pulse-dropped')).toHaveLength(1);
    expect(await dots(page, 'pulse-accepted')).toHaveLength(2);
    const actions = JSON.parse(new URL(page.url()).searchParams.get('actions'));
    expect(actions).toEqual([[60, 'drop', receiver, 1]]);

    await page.getByRole('button', { name: 'Step one tick' }).click();
    await expect(page.locator('#stat-lost')).toHaveText('1');
    await expect(message).toHaveText(/ended at 0\.070 s; dropped \(lost on the link\); hop 1\.$/);
    await expect(page.locator('#message-status')).toHaveText(`Message 1 to ${receiver}: no longer in flight.`);
    await expect(page.getByRole('button', { name: 'Drop it' })).toBeDisabled();
    await playToEnd(page);
    const hash = hashWithDrop(receiver);
    await expect(page.locator('#trace-hash')).toHaveText(hash);

    const other = await context.newPage();
    const otherErrors = await openPage(other, page.url());
    await expect(other.locator('#time')).toHaveText('0.50 s');
    await expect(other.locator('#trace-hash')).toHaveText(hash);
    await expect(other.locator('#stat-lost')).toHaveText('1');
    expect([...errors, ...otherErrors]).toEqual([]);
  });
});

test('a click away from the messages clears the selection; Drop all drops every copy of the message', async ({ page, context }) => {
  const errors = await openPage(page, IN_FLIGHT);
  const [dot] = await dots(page, 'pulse-accepted');
  await page.locator('#network-view').click({ position: dot });
  await expect(page.locator('#message-inspector')).toContainText('Message 1 from sensor-001');
  await page.locator('#network-view').click({ position: { x: 2, y: 2 } });
  await expect(page.locator('#message-inspector')).toContainText('Click a message in flight');
  await expect(page.getByRole('button', { name: /^Drop all/ })).toBeHidden();
  await page.locator('#network-view').click({ position: dot });
  await page.screenshot({ path: 'test-output/drop-message.png' });
  await page.getByRole('button', { name: 'Drop all 3 copies' }).click();
  await expect.poll(() => dots(page, 'pulse-dropped')).toHaveLength(3);
  expect(JSON.parse(new URL(page.url()).searchParams.get('actions'))).toEqual([[60, 'drop', null, 1]]);
  await playToEnd(page);
  await expect(page.locator('#stat-lost')).toHaveText('3');
  await expect(page.locator('#trace-hash')).toHaveText(hashWithDrop(undefined));
  const other = await context.newPage();
  await openPage(other, page.url());
  await expect(other.locator('#trace-hash')).toHaveText(hashWithDrop(undefined));
  expect(errors).toEqual([]);
});

test('an arrow in flight on the space-time diagram, picked by keyboard, is dropped with the keyboard alone', async ({ page }) => {
  const errors = await openPage(page, IN_FLIGHT);
  await page.getByRole('tab', { name: 'Space-time' }).click();
  const diagram = page.locator('#space-time-view');
  await expect(diagram).toHaveAttribute('data-arrows', /"in-flight":3/);
  await diagram.focus();
  await page.keyboard.press('ArrowRight');
  const picked = page.locator('#space-time-inspector');
  await expect(picked).toHaveText(/^Message 1 from sensor-001 to \S+: sent at 0\.050 s, arrives at 0\.070 s, to be accepted/);
  await expect(page.locator('#message-inspector')).toHaveText(`${await picked.textContent()} 3 copies of it are in flight.`);
  // Tab on from the diagram until Drop it has the focus, then press it.
  for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement.id)) !== 'drop-copy'; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Drop it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#message-inspector')).toContainText('to be dropped');
  await expect(picked).toContainText('to be dropped');
  await expect(page).toHaveURL(/actions=/);

  await page.getByRole('button', { name: 'Step one tick' }).click();
  await expect(page.locator('#stat-lost')).toHaveText('1');
  await expect(diagram).toHaveAttribute('data-arrows', /"dropped":1/);
  await expect(picked).toHaveText(/ended at 0\.070 s; dropped \(lost on the link\); hop 1\.$/);
  await expect(page.locator('#message-inspector')).toHaveText(await picked.textContent());
  expect(errors).toEqual([]);
});

test('a click on an arrow in flight on the space-time diagram selects it for the Message panel', async ({ page }) => {
  const errors = await openPage(page, IN_FLIGHT);
  await page.getByRole('tab', { name: 'Space-time' }).click();
  const diagram = page.locator('#space-time-view');
  await expect(diagram).toHaveAttribute('data-arrows', /"in-flight":3/);
  const [x, y] = (await diagram.getAttribute('data-sample')).split(',').map(Number);
  await diagram.click({ position: { x, y } });
  const receiver = (await page.locator('#space-time-inspector').textContent()).match(/ to (\S+):/)[1];
  await page.getByRole('button', { name: 'Drop it' }).click();
  await expect(page.locator('#message-inspector')).toContainText(`to ${receiver}: sent at 0.050 s, arrives at 0.070 s, to be dropped`);
  await playToEnd(page);
  await expect(page.locator('#trace-hash')).toHaveText(hashWithDrop(receiver));
  expect(errors).toEqual([]);
});

test('the network view and the space-time diagram share one selection: a pick on either shows on both, Escape clears both', async ({ page }) => {
  const errors = await openPage(page, IN_FLIGHT);
  const [dot] = await dots(page, 'pulse-accepted');
  await page.locator('#network-view').click({ position: dot });
  await expect(page.locator('#message-inspector')).toContainText('Message 1 from sensor-001 to ');
  const picked = (await page.locator('#message-inspector').textContent()).match(/^Message 1 from sensor-001 to (\S+):/)[1];
  await page.getByRole('tab', { name: 'Space-time' }).click();
  await expect(page.locator('#space-time-inspector')).toHaveText(new RegExp(`^Message 1 from sensor-001 to ${picked}: `));
  await page.locator('#space-time-view').focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('#message-inspector')).toContainText('Click a message in flight');
  await expect(page.locator('#space-time-inspector')).toContainText('Click an arrow');
  expect(errors).toEqual([]);
});

test('M and Shift+M pick the messages in flight in turn, in any network, so a drop needs no pointer', async ({ page }) => {
  const errors = await openPage(page, IN_FLIGHT);
  const message = page.locator('#message-inspector');
  await page.keyboard.press('m');
  await expect(message).toContainText('Message 1 from sensor-001 to ');
  const first = await message.textContent();
  await page.keyboard.press('m');
  await expect(message).not.toHaveText(first);
  await page.keyboard.press('Shift+M');
  await expect(message).toHaveText(first);
  await page.getByRole('button', { name: 'Drop it' }).focus();
  await page.keyboard.press('Enter');
  await expect(message).toContainText('to be dropped');
  expect(errors).toEqual([]);
});

test('a link with broken drops beside a good one names what it ignored and replays the good drop', async ({ page }) => {
  const actions = '[[60, "drop", "gateway-001", 1], [60, "drop", null, 0], [-5, "drop", null, 1], [60, "drop", "<b>x</b>", 1], [60, "drop", "__proto__", 1], [60, "drop", null, {"__proto__": {"pwned": 1}}]]';
  const errors = await openPage(page, `${IN_FLIGHT}&actions=${encodeURIComponent(actions)}`);
  await expect(page.locator('#player-error')).toHaveText(
    'Ignored from the link: 1 of 6 actions (not [time, action, nodeId, argument], or too many); 2 drop actions (not [time, "drop", receiver id or null, message id from 1]). The rest plays.',
  );
  await expect(page.locator('b')).toHaveCount(0);
  await playToEnd(page);
  // The drops to nodes the run does not have are logged, as text, and skipped.
  await expect(page.locator('#log')).toContainText('skipped drop from the link');
  await expect(page.locator('b')).toHaveCount(0);
  await expect(page.locator('#stat-lost')).toHaveText('1');
  await expect(page.locator('#trace-hash')).toHaveText(hashWithDrop('gateway-001'));
  expect(await page.evaluate(() => ({}).pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});
