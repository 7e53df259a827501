// One `consolePage` fixture, two ways in: the gateway in Chromium (everywhere) and the desktop app in
// Electron (where its binary exists). Specs use only the page, so they run unchanged on both.
import { test as base, _electron, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { presetOperatorName } from './browser';
import { electronBinary } from './electron-binary';

export interface ConsoleOptions {
  /** Lab scenario to create before the console opens. */
  scenario: string;
  /** The page the console is opened on (its hash route); empty: where the console opens by itself (Home). */
  startPage: string;
}

interface Fixtures {
  dataDir: string;
  consolePage: Page;
  /** Runs the shadowswap CLI against the same data directory. */
  shadowswap: (...args: string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>;
}

const cliPath = path.resolve('bin', 'shadowswap.cjs');

/** The name the browser console's operator gave, in every spec but the one that answers the question. */
export const E2E_OPERATOR = 'E2E Operator';

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `shadowswap serve --port 0` and resolves with the URL it prints. */
export function startServe(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`shadowswap serve exited with ${code}: ${output}`)));
  });
}

export const test = base.extend<Fixtures & ConsoleOptions>({
  scenario: ['two-node-sql', { option: true }],
  // Most specs start from the LUN table, as an operator does who clicks it first.
  startPage: ['luns', { option: true }],

  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },

  shadowswap: async ({ dataDir }, use) => {
    await use((...args) => runCli([...args, '--data-dir', dataDir]));
  },

  consolePage: async ({ dataDir, scenario, startPage, shadowswap, page }, use, testInfo) => {
    const init = await shadowswap('lab', 'init', '--scenario', scenario, '--force');
    if (init.code !== 0) throw new Error(`lab init failed: ${init.stderr}`);

    if (testInfo.project.name === 'electron') {
      const binary = electronBinary();
      if ('missing' in binary) {
        testInfo.skip(true, `Electron project skipped: ${binary.missing}.`);
        return;
      }
      const app = await _electron.launch({
        executablePath: binary.path,
        args: [path.resolve('dist/electron/main.cjs'), `--data-dir=${dataDir}`],
      });
      const window = await app.firstWindow();
      if (startPage) await window.evaluate((hash) => (location.hash = hash), `#/${startPage}`);
      await use(window);
      await app.close();
      return;
    }

    const { url, child } = await startServe(dataDir);
    // The browser console asks who operates it once per session (gateway.spec.ts tests the question itself).
    await presetOperatorName(page, E2E_OPERATOR);
    await page.goto(startPage ? `${url}#/${startPage}` : url);
    await use(page);
    child.kill('SIGTERM');
  },
});

export { expect } from '@playwright/test';
