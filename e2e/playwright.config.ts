import { defineConfig } from '@playwright/test';
import { findChromium, quietChromiumArgs } from './browser';
import { electronBinary } from './electron-binary';

const executablePath = findChromium();
const electron = electronBinary();
if ('missing' in electron) console.log(`e2e: the electron project's tests are skipped: ${electron.missing}.`);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    launchOptions: { executablePath, args: quietChromiumArgs },
  },
  // The same specs twice: through the gateway in Chromium, and in the desktop app where Electron exists.
  projects: [{ name: 'browser' }, { name: 'electron' }],
});
