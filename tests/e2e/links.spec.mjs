// Every link is untrusted input: a table of broken and hostile links, each of which must load the
// player, say what it ignored, fall back to defaults for that part, keep playing, and never run
// script or show markup from the link.
import { test, expect } from '@playwright/test';

/** `text` as a link's `file` parameter (in its fragment): base64url of its UTF-8 bytes. */
const file = (text) => Buffer.from(text).toString('base64url');

/** `[what, query, text the notice must name (or null: nothing ignored)]`. */
const LINKS = [
  ['bad JSON in actions', 'scenario=observer&actions=%5B%5B0%2C', 'actions (not JSON)'],
  ['actions not a list', 'scenario=observer&actions=%7B%22a%22%3A1%7D', 'actions (not a list)'],
  ['actions of the wrong shape', `scenario=observer&actions=${encodeURIComponent(JSON.stringify([[0, 'crash'], ['x', 'crash', 'gateway-001', null], [1e300, 'heal', null, null], [10, 'eval', 'a', null]]))}`, '4 of 4 actions'],
  ['an action naming no node', `scenario=observer&actions=${encodeURIComponent(JSON.stringify([[0, 'crash', 'nobody', null]]))}&t=500`, null],
  ['an unknown scenario', 'scenario=nope', 'scenario "nope"'],
  ['a prototype key as scenario', 'scenario=__proto__', 'scenario "__proto__"'],
  ['constructor as scenario', 'scenario=constructor', 'scenario "constructor"'],
  ['a non-finite seed', 'scenario=observer&seed=Infinity', 'seed "Infinity"'],
  ['a huge seed', 'scenario=observer&seed=99999999999999999999', 'seed "99999999999999999999"'],
  ['a negative interval', 'scenario=observer&interval=-5', 'interval "-5"'],
  ['too many nodes', 'scenario=scale&nodes=1e9', 'nodes "1e9"'],
  ['a NaN time', 'scenario=observer&t=NaN', 't "NaN"'],
  ['a huge time', 'scenario=observer&t=1e300', 't "1e300"'],
  ['a big file (in the fragment, past what a server takes in a URL)', `scenario=file#file=${file(JSON.stringify({ version: 1, description: 'x'.repeat(40_000), nodes: { count: 3 } }))}`, null],
  ['a file that is not base64url', 'scenario=file#file=%3Cscript%3E', 'file (not base64url)'],
  ['a file that is not JSON', `scenario=file#file=${file('hello')}`, 'file (not JSON'],
  ['a file the package refuses', `scenario=file#file=${file('{"version": 2, "nodes": []}')}`, 'file (ERR_INVALID_SCENARIO: version'],
  ['a huge file', `scenario=file#file=${'A'.repeat(70_000)}`, 'file (longer than 65536 characters)'],
  ['a file with a prototype key', `scenario=file#file=${file('{"version": 1, "nodes": [], "__proto__": {"pwned": 1}}')}`, 'file (__proto__: a prototype key is not allowed)'],
  ['a file with markup in a node id', `scenario=file#file=${file(JSON.stringify({ version: 1, nodes: [{ nodeId: '<img src=x onerror=window.pwned=1>' }] }))}`, 'file (nodes[0].nodeId: markup'],
  ['scenario=file without its file', 'scenario=file', 'file (missing'],
  ['a file without scenario=file', `scenario=observer#file=${file('{"version": 1, "nodes": []}')}`, 'file (read only with scenario=file)'],
  ['broken drop actions', `scenario=mesh-network&t=500&actions=${encodeURIComponent('[[60, "drop", null, 0], [60, "drop", null, -1], [60, "drop", null, 1.5], [60, "drop", null, "1"], [60, "drop", "<img src=x onerror=window.pwned=1>", 1], [60, "drop", "__proto__", 1], [60, "drop", "constructor", 1], [60, "drop", null, {"__proto__": {"pwned": 1}}]]')}`, '5 drop actions (not [time, "drop", receiver id or null, message id from 1])'],
  ['drop actions at broken times', `scenario=mesh-network&actions=${encodeURIComponent(JSON.stringify([[-1, 'drop', null, 1], ['NaN', 'drop', null, 1], [null, 'drop', null, 1], [1e300, 'drop', null, 1]]))}`, '4 of 4 actions'],
  ['a drop with NaN for its time (not JSON)', `scenario=mesh-network&actions=${encodeURIComponent('[[NaN, "drop", null, 1]]')}`, 'actions (not JSON)'],
  ['markup in ids and values', `scenario=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E&actions=${encodeURIComponent(JSON.stringify([[0, 'add', '<img src=x onerror=window.pwned=1>', null]]))}`, 'scenario "<img src=x onerror=window.pwned=1>"'],
];

for (const [what, query, named] of LINKS) {
  test(`a link with ${what} loads, says what it ignored and plays`, async ({ page }) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`http://127.0.0.1:5173/?${query}`);
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    if (named === null) await expect(page.locator('#player-error')).toHaveText('');
    else await expect(page.locator('#player-error')).toContainText(named);
    await page.locator('#speed').fill('8');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.locator('#time')).not.toHaveText('0.00 s', { timeout: 10_000 });
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
}
