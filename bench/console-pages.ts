/**
 * The pages issue 18 sets figures for, in Chromium on the production build over the large Lab: the set
 * chooser (recovery step 1: its first rows, and the rows in the DOM, which must stay bounded with 2,000
 * sets), the Home page (navigation to its table of clusters and hosts) and the masking matrix (its first
 * painted cells, and the host columns in the DOM, scrolled left and half way across).
 *
 * Home is what the console opens on, so its figure is a cold start: a fresh browser profile loading the
 * console. The set chooser and the matrix are pages an operator moves to in the open console; their targets
 * apply to that move (the link clicked to first rows), the page's own cost, timed inside the page from the click
 * event; the same move as the test driver times it, click and polling included, is reported beside it. Their cold
 * start, opened from a typed URL in a fresh profile, is reported too: it is the console's start plus that cost.
 */
import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium, presetOperatorName, quietChromiumArgs } from '../e2e/browser';
import { serveLarge } from './luns-page';
import { summarize, type Figure } from './measure';
import type { SuiteOptions } from './suite';

/** Host columns the masking matrix has in the DOM (its corner header is not a host). */
const hostColumns = (page: Page) =>
  page
    .getByRole('grid', { name: 'Masking matrix' })
    .getByRole('columnheader')
    .count()
    .then((n) => n - 1);

/** Milliseconds from navigation to the first painted cell of the masking matrix, and its host columns in the DOM. */
async function measureMatrix(page: Page, url: string): Promise<{ firstPaint: number; columns: number }> {
  const started = performance.now();
  await page.goto(url);
  const matrix = page.getByRole('grid', { name: 'Masking matrix' });
  await matrix.getByRole('gridcell').first().waitFor();
  const firstPaint = performance.now() - started;
  const atStart = await hostColumns(page);
  // Half way across its 500 hosts: the virtual columns must stay bounded wherever the operator scrolls.
  await matrix.evaluate((viewport) => viewport.scrollTo({ left: (viewport.scrollWidth - viewport.clientWidth) / 2 }));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return { firstPaint, columns: Math.max(atStart, await hostColumns(page)) };
}

/** Milliseconds from navigation to the first row of the named table. */
async function timeToFirstRow(page: Page, url: string, table: ReturnType<Page['getByRole']>): Promise<number> {
  return (await timeToShellAndFirstRow(page, url, table)).firstRow;
}

/**
 * The same navigation, also stamped when the console's own navigation appears: what any page costs before its
 * data (loading and starting the bundle, opening the socket), so a page's figure can be read against it.
 */
async function timeToShellAndFirstRow(
  page: Page,
  url: string,
  table: ReturnType<Page['getByRole']>,
): Promise<{ shell: number; firstRow: number }> {
  const started = performance.now();
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  const shell = performance.now() - started;
  await table.getByRole('row').nth(1).waitFor();
  return { shell, firstRow: performance.now() - started };
}

/** Milliseconds from a click on the page's link in the main navigation of an open console to `ready`, as the test driver sees it. */
async function timeInConsole(page: Page, link: string, ready: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await navigationLink(page, link).click();
  await ready();
  return performance.now() - started;
}

const navigationLink = (page: Page, link: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true });

/**
 * The same move timed inside the page: from the click event on the link to the frame after `count` elements match
 * `selector`, as the LUN page's keystrokes are timed. What the driver adds around a click (scrolling the link into
 * view, waiting for it to be stable and hit, then polling for the result: 200 to 300 ms on a loaded machine) is
 * not the console's. The driver moves the pointer onto the link just before it presses, so the hover that asks for
 * the page's first data comes only just ahead of the click, as with an operator who clicks at once.
 */
async function timeInConsolePage(page: Page, link: string, selector: string, count: number): Promise<number> {
  await page.evaluate(
    ([selector, count]) => {
      const stamps = window as unknown as { __readyAfterClick: Promise<number> };
      stamps.__readyAfterClick = new Promise((resolve) => {
        let clickedAt: number | null = null;
        const observer = new MutationObserver(() => {
          if (clickedAt === null || document.querySelectorAll(selector).length < count) return;
          observer.disconnect();
          const since = clickedAt;
          requestAnimationFrame(() => resolve(performance.now() - since));
        });
        document.addEventListener(
          'click',
          () => {
            clickedAt = performance.now();
            observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          },
          { capture: true, once: true },
        );
      });
    },
    [selector, count] as const,
  );
  await navigationLink(page, link).click();
  return page.evaluate(() => (window as unknown as { __readyAfterClick: Promise<number> }).__readyAfterClick);
}

/** The set chooser's first set row (its header row is the first row) and the matrix's first cell, as selectors. */
const CHOOSER_FIRST_ROW = { selector: '[role="grid"][aria-label="Snapshot sets to recover from"] [role="row"]', count: 2 };
const MATRIX_FIRST_CELL = { selector: '[role="grid"][aria-label="Masking matrix"] [role="gridcell"]', count: 1 };

export async function measureConsolePages(options: SuiteOptions): Promise<Figure[]> {
  const runs = options.quick ? 1 : 5;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-bench-pages-'));
  const server = await serveLarge(options.root, dataDir);
  const browser = await chromium.launch({ executablePath: findChromium(), args: quietChromiumArgs });
  const chooserFirstRows: number[] = [];
  const chooserColdRows: number[] = [];
  const chooserDomRows: number[] = [];
  const chooserDriverRows: number[] = [];
  const matrixDriverPaints: number[] = [];
  const homeFirstRows: number[] = [];
  const shells: number[] = [];
  const matrixFirstPaints: number[] = [];
  const matrixColdPaints: number[] = [];
  const matrixColumns: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await presetOperatorName(page, 'Benchmark');
      const chooser = page.getByRole('grid', { name: 'Snapshot sets to recover from' });
      chooserColdRows.push(await timeToFirstRow(page, `${server.url}#/recovery/set`, chooser));
      chooserDomRows.push(await chooser.getByRole('row').count());
      await page.close();

      const home = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await presetOperatorName(home, 'Benchmark');
      const homeTimes = await timeToShellAndFirstRow(home, server.url, home.getByRole('table', { name: 'Clusters and standalone hosts' }));
      shells.push(homeTimes.shell);
      homeFirstRows.push(homeTimes.firstRow);
      // The console is open on Home: the operator moves to the Recovery page, then to the matrix.
      await home.waitForLoadState('networkidle');
      chooserFirstRows.push(await timeInConsolePage(home, 'Recovery', CHOOSER_FIRST_ROW.selector, CHOOSER_FIRST_ROW.count));
      await home.getByRole('grid', { name: 'Snapshot sets to recover from' }).getByRole('row').nth(1).waitFor();
      matrixFirstPaints.push(await timeInConsolePage(home, 'Masking matrix', MATRIX_FIRST_CELL.selector, MATRIX_FIRST_CELL.count));
      await home.close();

      // The same two moves in another console opened on Home, timed by the driver.
      const driven = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await presetOperatorName(driven, 'Benchmark');
      await driven.goto(server.url);
      await driven.getByRole('table', { name: 'Clusters and standalone hosts' }).getByRole('row').nth(1).waitFor();
      await driven.waitForLoadState('networkidle');
      const drivenChooser = driven.getByRole('grid', { name: 'Snapshot sets to recover from' });
      chooserDriverRows.push(await timeInConsole(driven, 'Recovery', () => drivenChooser.getByRole('row').nth(1).waitFor()));
      const drivenMatrix = driven.getByRole('grid', { name: 'Masking matrix' });
      matrixDriverPaints.push(await timeInConsole(driven, 'Masking matrix', () => drivenMatrix.getByRole('gridcell').first().waitFor()));
      await driven.close();

      const masking = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await presetOperatorName(masking, 'Benchmark');
      const matrix = await measureMatrix(masking, `${server.url}#/masking`);
      matrixColdPaints.push(matrix.firstPaint);
      matrixColumns.push(matrix.columns);
      await masking.close();
    }
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return [
    summarize(
      'Set chooser: Recovery link clicked in the open console to first rows, timed in the page (large, 2,000 sets)',
      'ms',
      chooserFirstRows,
      300,
    ),
    summarize(
      'Set chooser: the same move as the test driver sees it (its click and polling included)',
      'ms',
      chooserDriverRows,
      null,
      'lower',
      'reported only: the click event to first rows in the page is the figure above',
    ),
    summarize(
      'Set chooser: cold start, typed URL in a fresh profile to first rows',
      'ms',
      chooserColdRows,
      null,
      'lower',
      "reported only: the console's start plus the page",
    ),
    summarize('Set chooser: rows in the DOM', 'rows', chooserDomRows, 150),
    summarize('Home page: navigation to the systems table (large)', 'ms', homeFirstRows, 1000),
    summarize(
      'Console start: navigation to its navigation bar, before any page data',
      'ms',
      shells,
      null,
      'lower',
      'reported only: what every page figure above includes before its own data',
    ),
    summarize(
      'Masking matrix: its link clicked in the open console to first painted cells, timed in the page (large, 26,000 LUNs × 500 hosts)',
      'ms',
      matrixFirstPaints,
      1000,
    ),
    summarize(
      'Masking matrix: the same move as the test driver sees it (its click and polling included)',
      'ms',
      matrixDriverPaints,
      null,
      'lower',
      'reported only: the click event to first cells in the page is the figure above',
    ),
    summarize(
      'Masking matrix: cold start, typed URL in a fresh profile to first painted cells',
      'ms',
      matrixColdPaints,
      null,
      'lower',
      "reported only: the console's start plus the page",
    ),
    summarize('Masking matrix: host columns in the DOM', 'columns', matrixColumns, 60),
  ];
}
