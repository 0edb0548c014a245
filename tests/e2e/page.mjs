// What the demo page's specs share: opening the page and collecting the errors it logs, a bundled
// scenario as the page plays it, a run's trace hash in Node, and the text of a download.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { MeshNetwork } from 'data-mesh';

/** The page as the dev server serves it. */
export const PAGE = 'http://127.0.0.1:5173/';

/** Collects `page`'s uncaught errors and console errors in the list it returns. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  return errors;
}

/** Opens `url` (an address, or a `?query` of PAGE) and waits for the page to be ready; returns the errors it logs. */
export async function openPage(page, url) {
  const errors = watchErrors(page);
  await page.goto(new URL(url, PAGE).href);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  return errors;
}

/** The bundled scenario `name` as the page plays it with `seed`: every node on the page's default pattern (seed 7, interval 100). */
export function playedScenario(name, seed) {
  const scenario = JSON.parse(readFileSync(`pkg/scenarios/${name}.json`, 'utf8'));
  const pattern = { seed: 7, phaseResetInterval: 100 };
  scenario.nodes = Array.isArray(scenario.nodes) ? scenario.nodes.map((node) => ({ ...node, ...pattern })) : { ...scenario.nodes, ...pattern };
  scenario.options.seed = seed;
  return scenario;
}

/** The trace hash of `scenario` run to `time` ms in Node. */
export function traceHashAt(scenario, time) {
  const network = MeshNetwork.fromScenario(scenario);
  network.runUntil(time);
  const hash = network.traceHash();
  network.free();
  return hash;
}

/** The text of the file that `click()` downloads. */
export async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await download.path(), 'utf8');
}
