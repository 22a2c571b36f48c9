// End-to-end tests against a real `radslag serve` serving the release app and the server-profile binary,
// in Debian's Chromium (Playwright never downloads a browser here).
// RADSLAG_DIST, RADSLAG_BIN and RADSLAG_E2E_PORT point it at another build.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.RADSLAG_E2E_PORT || 8765);
const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
const radslag = process.env.RADSLAG_BIN || join(targetDir, 'server', 'radslag');
const dist = process.env.RADSLAG_DIST || join(root, 'dist');
const dataDir = mkdtempSync(join(tmpdir(), 'radslag-e2e-'));

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: './e2e/test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `"${radslag}" serve --addr 127.0.0.1:${port} --dist "${dist}" --data-dir "${dataDir}"`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    timeout: 30_000,
  },
});
