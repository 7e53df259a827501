/**
 * The HTML report opened in a real Chromium: it must make no request at all, and pass an automated
 * accessibility check (axe-core) without serious or critical violations, plus the rules checked by hand
 * below: lang, title, headings in order, captioned tables with scoped headers, text alternatives, and WCAG
 * AA contrast for every text node.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, quietChromiumArgs } from '../../../../e2e/browser';
import { reportKey } from '../../../../electron/core/reports/report-signing';
import { buildReport, exportReport } from '../../../../electron/core/reports/reports';
import { recordRun, type RecordedRun } from './report-fixture';

const executablePath = findChromium();

describe.skipIf(executablePath === undefined && !fs.existsSync(chromium.executablePath()))('the HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let recorded: RecordedRun;
  const requests: string[] = [];

  beforeAll(async () => {
    // A rolled-back run with a forensics host shows every part: failures, compensations, next steps.
    recorded = await recordRun('rolled-back', { forensicsHost: 'BACKUP01' });
    const file = path.join(recorded.fixture.dataDir, 'report.html');
    fs.writeFileSync(
      file,
      await exportReport(buildReport(recorded.fixture.dataDir, recorded.runId), 'html', reportKey(recorded.fixture.dataDir)),
    );
    browser = await chromium.launch({ executablePath, args: quietChromiumArgs });
    page = await browser.newPage();
    const url = pathToFileURL(file).href;
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'networkidle' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await recorded?.fixture.cleanup();
  });

  it('makes no request beyond the file itself, and refers to nothing outside it', async () => {
    expect(requests).toEqual([]);
    expect(await page.$$eval('[src], link[href], a[href], [style*="url("]', (all) => all.length)).toBe(0);
  });

  it('has a language, a title and headings in order', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toMatch(new RegExp(`^Recovery report ${recorded.runId}: rolled back · ShadowSwap$`));
    const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (headings) => headings.map((h) => Number(h.tagName.slice(1))));
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `heading ${i + 1} skips a level`).toBeLessThanOrEqual(1));
    await expect(page.getByRole('heading', { level: 2, name: 'Masking before and after' }).count()).resolves.toBe(1);
  });

  it('gives every table a caption and every header cell a scope', async () => {
    const tables = await page.$$eval('table', (all) =>
      all.map((table) => ({
        caption: table.caption?.textContent?.trim() ?? '',
        unscoped: table.querySelectorAll('th:not([scope="col"]):not([scope="row"])').length,
        headers: table.querySelectorAll('th').length,
      })),
    );
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables)
      expect(table).toMatchObject({ caption: expect.stringMatching(/\S/), unscoped: 0, headers: expect.any(Number) });
    expect(tables.every((table) => table.headers > 0)).toBe(true);
    const row = page
      .getByRole('table', { name: 'Access after the run, from what the journal records' })
      .getByRole('row', { name: /^SQL-DATA \(healthy original\)/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Sees', 'Sees']);
  });

  it('says every state in words, not only in colour, and has no image without a text alternative', async () => {
    const unlabelled = await page.$$eval(
      'img:not([alt]), svg:not([aria-label]):not([aria-hidden="true"]), [role="img"]:not([aria-label])',
      (all) => all.length,
    );
    expect(unlabelled).toBe(0);
    const emptyBadges = await page.$$eval('.badge, .masking td', (all) => all.filter((el) => (el.textContent ?? '').trim() === '').length);
    expect(emptyBadges).toBe(0);
  });

  it('meets WCAG AA contrast (4.5:1) for every piece of text', async () => {
    const failures = await page.evaluate(() => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      const background = (el: Element | null): number[] => {
        for (let at = el; at; at = at.parentElement) {
          const color = rgb(getComputedStyle(at).backgroundColor);
          if (color.length === 3 || (color[3] ?? 0) > 0) return color.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || (node.textContent ?? '').trim() === '' || el.closest('script')) continue;
        const [l1, l2] = [luminance(rgb(getComputedStyle(el).color)), luminance(background(el))].sort((a, b) => b - a) as [number, number];
        const ratio = (l1 + 0.05) / (l2 + 0.05);
        if (ratio < 4.5) found.push(`${ratio.toFixed(2)}: ${node.textContent?.trim().slice(0, 40)}`);
      }
      return found;
    });
    expect(failures).toEqual([]);
  });
  it('passes axe-core without serious or critical violations', async () => {
    // Evaluated through the debugging protocol: the report's own CSP forbids scripts, as it should.
    const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    const results = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }> }> };
        }
      ).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
    });
    console.log(
      `axe-core: ${results.length} violation kind(s): ${results.map((r) => `${r.id} (${r.impact}, ${r.nodes})`).join(', ') || 'none'}`,
    );
    expect(results.filter((r) => r.impact === 'serious' || r.impact === 'critical')).toEqual([]);
  });
});
