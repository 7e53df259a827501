import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, renderPdf, requireChromium } from '../../../../electron/core/reports/render-pdf';
import { reportKey } from '../../../../electron/core/reports/report-signing';
import { buildReport, exportReport } from '../../../../electron/core/reports/reports';
import type { ReportModel } from '../../../../shared/report';
import { recordRun, type RecordedRun } from './report-fixture';

function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const chromium = findChromium();
const missing =
  chromium === undefined
    ? 'no Chromium found (install chromium or set SHADOWSWAP_CHROMIUM)'
    : !hasTool('pdftotext')
      ? 'pdftotext is missing (apt-get install poppler-utils)'
      : null;
if (missing) console.warn(`render-pdf: the PDF content tests are skipped: ${missing}.`);

describe('finding Chromium', () => {
  it("prefers SHADOWSWAP_CHROMIUM, then the platform's browsers", () => {
    expect(findChromium({ SHADOWSWAP_CHROMIUM: '/opt/chrome' }, 'linux', () => false)).toBe('/opt/chrome');
    expect(findChromium({}, 'linux', (file) => file === '/usr/bin/chromium-browser')).toBe('/usr/bin/chromium-browser');
    expect(findChromium({ 'ProgramFiles(x86)': 'C:\\Program Files (x86)' }, 'win32', (file) => file.endsWith('msedge.exe'))).toBe(
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    );
    expect(findChromium({}, 'linux', () => false)).toBeUndefined();
  });

  it('says to install Chromium or print the HTML when there is none', () => {
    expect(() => requireChromium({}, 'linux', () => false)).toThrow(
      /none was found\. Install one \(or point SHADOWSWAP_CHROMIUM at it\), or export the report as HTML \(--format html\) and print it/,
    );
  });

  it('says what to do when the browser fails to print', async () => {
    await expect(renderPdf('<p>x</p>', { chromium: process.execPath, timeoutMs: 10_000 })).rejects.toThrow(
      /finished without writing a PDF|failed to print the PDF/,
    );
  });
});

describe.skipIf(missing !== null)('the PDF report', () => {
  let recorded: RecordedRun;
  let model: ReportModel;
  let pdf: string;

  beforeAll(async () => {
    recorded = await recordRun('failed');
    model = buildReport(recorded.fixture.dataDir, recorded.runId);
    pdf = path.join(recorded.fixture.dataDir, 'report.pdf');
    fs.writeFileSync(pdf, await exportReport(model, 'pdf', reportKey(recorded.fixture.dataDir)));
  }, 60_000);
  afterAll(() => recorded?.fixture.cleanup());

  it('opens, has pages, and every page carries the run id and its number', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
    expect(pages).toBeGreaterThan(1);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    const pageTexts = text.split('\f').filter((page) => page.trim() !== '');
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, i) => {
      expect(page).toContain(model.run.id);
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
    });
  });

  it('holds every step title', () => {
    const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
    for (const step of model.steps) expect(text).toContain(step.title);
  });
});
