// Playwright drives Debian's Chromium (never a downloaded browser) against local servers.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-output/playwright',
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-output/e2e.json' }]],
  use: {
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    },
  },
  webServer: [
    { command: 'node scripts/serve-static.mjs', url: 'http://127.0.0.1:4180/pkg/package.json', reuseExistingServer: false },
    { command: 'npx --no-install vite --config www/vite.config.mjs --port 5173 --strictPort', url: 'http://127.0.0.1:5173/', reuseExistingServer: false },
  ],
});
