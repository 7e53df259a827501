/**
 * The LUNs page in Chromium on the production build, served by `shadowswap serve`: navigation to first
 * rows, search keystroke to updated rows (measured inside the page, input event to the frame after the
 * table changed), DOM rows while scrolling the whole table, and the renderer heap after garbage collection.
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium, presetOperatorName, quietChromiumArgs } from '../e2e/browser';
import { percentile, summarize, type Figure } from './measure';
import { startServe, type ServeProcess } from './serve-process';
import type { SuiteOptions } from './suite';

/** `shadowswap serve` over a fresh Lab of the large scenario. */
export async function serveLarge(root: string, dataDir: string): Promise<ServeProcess> {
  const cli = path.join(root, 'bin', 'shadowswap.cjs');
  await new Promise<void>((resolve, reject) => {
    const init = spawn(process.execPath, [cli, 'lab', 'init', '--scenario', 'large', '--data-dir', dataDir], { stdio: 'ignore' });
    init.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lab init exited with ${code}`))));
  });
  return startServe(root, dataDir);
}

export async function measureLunsPage(options: SuiteOptions): Promise<Figure[]> {
  const runs = options.quick ? 1 : 5;
  const keystrokes = options.quick ? 6 : 50;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-bench-page-'));
  const server = await serveLarge(options.root, dataDir);
  const browser = await chromium.launch({ executablePath: findChromium(), args: quietChromiumArgs });
  const firstRows: number[] = [];
  const keystrokeTimes: number[] = [];
  const domRows: number[] = [];
  const heaps: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await presetOperatorName(page, 'Benchmark');
      const started = performance.now();
      // The console opens on Home: the LUN page has its own URL.
      await page.goto(`${server.url}#/luns`);
      const table = page.getByRole('grid', { name: 'LUNs' }).or(page.getByRole('table', { name: 'LUNs' }));
      await table.getByRole('row').nth(1).waitFor();
      firstRows.push(performance.now() - started);

      // Keystrokes: each input event is stamped in the page; the table's next mutation, then the next
      // frame, closes the measurement.
      await page.evaluate(() => {
        const w = window as unknown as { __keystrokes: number[]; __pending: number | null };
        w.__keystrokes = [];
        w.__pending = null;
        document.addEventListener('input', () => (w.__pending = performance.now()), true);
        new MutationObserver(() => {
          const since = w.__pending;
          if (since === null) return;
          w.__pending = null;
          requestAnimationFrame(() => w.__keystrokes.push(performance.now() - since));
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const search = page.getByRole('searchbox').first();
      await search.click();
      for (let i = 0; i < keystrokes / 2; i += 1) {
        await page.keyboard.type('1');
        await page.waitForTimeout(60);
        await page.keyboard.press('Backspace');
        await page.waitForTimeout(60);
      }
      keystrokeTimes.push(...(await page.evaluate(() => (window as unknown as { __keystrokes: number[] }).__keystrokes)));

      // Scroll the whole table in steps, counting rows in the DOM at every step.
      const maxRows = await page.evaluate(async () => {
        const firstRow = document.querySelectorAll('[role=row], tr')[1];
        let scroller: HTMLElement | null = firstRow?.parentElement ?? null;
        while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement;
        if (!scroller) return -1;
        let max = 0;
        for (let top = 0; top <= scroller.scrollHeight; top += scroller.clientHeight * 3) {
          scroller.scrollTop = top;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          max = Math.max(max, document.querySelectorAll('[role=row], tr').length);
        }
        return max;
      });
      domRows.push(maxRows);

      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      heaps.push(heap.usedSize / (1024 * 1024));
      await page.close();
    }
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return [
    summarize('LUNs page: navigation to first rows (large)', 'ms', firstRows, 1000),
    {
      ...summarize('LUNs page: search keystroke to updated rows, p95', 'ms', [percentile(keystrokeTimes, 95)], 50),
      note: `p95 of ${keystrokeTimes.length} keystrokes; median ${percentile(keystrokeTimes, 50).toFixed(1)} ms`,
    },
    summarize('LUNs page: most rows in the DOM while scrolling all', 'rows', domRows, 150),
    summarize('LUNs page: renderer heap after GC', 'MB', heaps, 150),
  ];
}
