// The demo page served by `npm run dev` loads the package and runs the Basic Usage example (in its
// own dialog, opened from the toolbar).
import { test, expect } from '@playwright/test';

test('the demo page runs Basic Usage with no console errors, and buttons work', async ({ page }) => {
  const errors = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto('http://127.0.0.1:5173/');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#basic-log li').first()).toContainText('gateway-001 received {"temperature":23.5,"unit":"celsius"}');
  await expect(page.locator('#accepted')).toHaveText('1');

  await page.getByRole('button', { name: 'Basic Usage' }).click();
  await page.getByRole('button', { name: /Broadcast a reading/ }).click();
  await expect(page.locator('#accepted')).toHaveText('2');
  await expect(page.locator('#step')).toHaveText('1');

  await page.getByRole('button', { name: /wrong pattern/ }).click();
  await expect(page.locator('#rejected')).toHaveText('1');
  await expect(page.locator('#basic-log li').first()).toContainText('rejected');
  await page.screenshot({ path: 'test-output/demo.png', fullPage: true });
  expect(errors).toEqual([]);
});
