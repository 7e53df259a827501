import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashLine } from '../../../../electron/core/recovery/journal';
import { canonicalJson } from '../../../../electron/core/reports/report-digest';
import { digestReport } from '../../../../electron/core/reports/report-digest';
import { reportKey } from '../../../../electron/core/reports/report-signing';
import { buildReport, exportReport } from '../../../../electron/core/reports/reports';
import { verifyReport } from '../../../../electron/core/reports/verify-report';
import type { ReportVerification } from '../../../../shared/report-contract';
import { recordRun, type RecordedRun } from './report-fixture';

let recorded: RecordedRun | undefined;
afterEach(async () => {
  await recorded?.fixture.cleanup();
  recorded = undefined;
});

async function exported(format: 'json' | 'html'): Promise<{ file: string; journal: string; dataDir: string }> {
  recorded ??= await recordRun('succeeded');
  const { fixture, runId } = recorded;
  const file = path.join(fixture.dataDir, `report.${format}`);
  fs.writeFileSync(file, await exportReport(buildReport(fixture.dataDir, runId), format, reportKey(fixture.dataDir)));
  return { file, journal: fixture.engine.get(runId).journalFile, dataDir: fixture.dataDir };
}

/** The report as `shadowswap report verify FILE` reads it. */
const verifyFile = (file: string, dataDir: string, pinned: readonly string[] = []) =>
  verifyReport(file, fs.readFileSync(file, 'utf8'), dataDir, pinned);
const statuses = (result: ReportVerification) => Object.fromEntries(result.checks.map((check) => [check.name, check.status]));
const changesOf = (result: ReportVerification, name: string) => result.checks.find((check) => check.name === name)?.changes ?? [];
const edit = (file: string, from: string | RegExp, to: string) => {
  const text = fs.readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `the test's edit must change ${file}`).not.toBe(text);
  fs.writeFileSync(file, changed);
};

describe('canonical JSON', () => {
  it('is independent of key order and safe inside an HTML script block', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: '</script>&' }] })).toBe('{"a":[{"c":"\\u003c/script\\u003e\\u0026","d":null}],"b":1}');
    expect(JSON.parse(canonicalJson({ text: '</script>' }))).toEqual({ text: '</script>' });
  });
});

describe('verify a JSON report', () => {
  it('passes an untouched report, against its digest and its journal', async () => {
    const { file, dataDir } = await exported('json');
    const result = verifyFile(file, dataDir);
    expect(statuses(result)).toEqual({ Signature: 'passed', 'Report digest': 'passed', Journal: 'passed' });
    expect(result.intact).toBe(true);
  });

  it('skips the journal when the data directory does not hold it, and says so (the signing key pinned with --key)', async () => {
    const { file, dataDir } = await exported('json');
    const result = verifyFile(file, path.join(path.dirname(file), 'elsewhere'), [reportKey(dataDir).fingerprint]);
    expect(result.intact).toBe(true);
    expect(result.checks.find((c) => c.name === 'Journal')).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining('there is no journal for'),
    });
  });

  it('names the step whose output line was changed, and what the journal says instead', async () => {
    const { file, dataDir } = await exported('json');
    edit(file, /data matches the shadow copy/, 'data differs from the shadow copy');
    const result = verifyFile(file, dataDir);
    expect(result.intact).toBe(false);
    expect(changesOf(result, 'Report digest')).toEqual(['step 10 "Verify the recovery": changed']);
    expect(changesOf(result, 'Journal')).toEqual([
      expect.stringMatching(
        /^step 10 "Verify the recovery", output line 1 \(journal event \d+\): the report says "SQL-DATA: data differs.*", the journal "SQL-DATA: data matches/,
      ),
    ]);
  });

  it('catches an edit whose digests were recomputed, through the signature and the journal', async () => {
    const { file, dataDir } = await exported('json');
    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    document.run.operator = 'someone-else';
    const { digest: _old, signature, ...model } = document;
    fs.writeFileSync(file, `${JSON.stringify({ ...model, digest: digestReport(model), signature }, null, 2)}\n`);
    const result = verifyFile(file, dataDir);
    expect(statuses(result)).toEqual({ Signature: 'failed', 'Report digest': 'passed', Journal: 'failed' });
    expect(changesOf(result, 'Journal')).toEqual([
      'the run summary (outcome, times, downtime, operator) (operator): the report says "someone-else", the journal "tester"',
    ]);
  });

  it('notices a layout-only change to the file', async () => {
    const { file, dataDir } = await exported('json');
    edit(file, '{\n  "schema"', '{\n    "schema"');
    const result = verifyFile(file, dataDir);
    expect(statuses(result)).toMatchObject({ 'Report digest': 'passed', 'File bytes': 'failed' });
  });

  it('names a removed step', async () => {
    const { file, dataDir } = await exported('json');
    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    document.steps.splice(1, 1);
    fs.writeFileSync(file, JSON.stringify(document, null, 2));
    expect(changesOf(verifyFile(file, dataDir), 'Report digest')).toEqual(['step 2-mask-originals: removed']);
  });
});

describe('verify against a tampered journal', () => {
  const journalLines = (journal: string) =>
    fs
      .readFileSync(journal, 'utf8')
      .split('\n')
      .filter((line) => line !== '');
  const writeLines = (journal: string, lines: string[]) => fs.writeFileSync(journal, `${lines.join('\n')}\n`);

  it.each([
    ['changed', (lines: string[]) => lines.map((line, i) => (i === 9 ? line.replace('"text":"', '"text":"X') : line))],
    ['removed', (lines: string[]) => lines.filter((_, i) => i !== 9)],
    ['reordered', (lines: string[]) => lines.map((line, i) => (i === 9 ? (lines[10] as string) : i === 10 ? (lines[9] as string) : line))],
  ])('names the journal line after a %s event', async (_how, tamper) => {
    const { file, journal, dataDir } = await exported('json');
    const before = journalLines(journal);
    const after = tamper(before);
    expect(after).not.toEqual(before);
    writeLines(journal, after);
    const result = verifyFile(file, dataDir);
    expect(result.intact).toBe(false);
    expect(result.checks.find((c) => c.name === 'Journal')).toMatchObject({
      status: 'failed',
      detail: expect.stringMatching(/line 1[01] (does not follow the event before it|has sequence number)/),
    });
  });

  it('names the field when the journal was rewritten with a recomputed chain', async () => {
    const { file, journal, dataDir } = await exported('json');
    const records = journalLines(journal).map((line) => JSON.parse(line));
    const target = records.find((r) => r.event.type === 'step.output');
    target.event.text = 'rewritten';
    let prevHash = '0'.repeat(64);
    const lines = records.map((record) => {
      const line = JSON.stringify({ ...record, prevHash });
      prevHash = hashLine(line);
      return line;
    });
    writeLines(journal, lines);
    const journalCheck = verifyFile(file, dataDir).checks.find((c) => c.name === 'Journal');
    expect(journalCheck?.detail).toMatch(/are not the ones this report was made from/);
    expect(journalCheck?.changes).toEqual([
      expect.stringMatching(
        new RegExp(
          `^step 1 "Take 4 disk resource\\(s\\) offline", output line 1 \\(journal event ${target.seq}\\): the report says .*, the journal "rewritten"$`,
        ),
      ),
    ]);
  });

  it('accepts a report of an unfinished run after the run went on', async () => {
    recorded = await recordRun('waiting');
    const { file, dataDir } = await exported('json');
    await recorded.fixture.engine.confirm(recorded.runId, '1-stop-resources', 'SQLCLUS', { autoConfirm: true });
    await recorded.fixture.engine.settled(recorded.runId);
    const journalCheck = verifyFile(file, dataDir).checks.find((c) => c.name === 'Journal');
    expect(journalCheck).toMatchObject({
      status: 'passed',
      detail: expect.stringMatching(/The run went on after the report was made: the journal now holds \d+ events\./),
    });
  });
});

describe('verify an HTML report', () => {
  it('passes an untouched page', async () => {
    const { file, dataDir } = await exported('html');
    expect(statuses(verifyFile(file, dataDir))).toEqual({
      Signature: 'passed',
      'Report digest': 'passed',
      Page: 'passed',
      Journal: 'passed',
    });
  });

  it('names the section of a change to the visible page only', async () => {
    const { file, dataDir } = await exported('html');
    edit(file, '<li>SQL-DATA: data matches', '<li>SQL-DATA: data differs');
    const result = verifyFile(file, dataDir);
    expect(statuses(result)).toEqual({ Signature: 'passed', 'Report digest': 'passed', Page: 'failed', Journal: 'passed' });
    expect(changesOf(result, 'Page')).toEqual(['the visible page, first in the section "Verification"']);
  });

  it('names the section of a change to the embedded data', async () => {
    const { file, dataDir } = await exported('html');
    edit(file, /("operator":")tester/, '$1mallory');
    const result = verifyFile(file, dataDir);
    expect(changesOf(result, 'Report digest')).toEqual(['the run summary (outcome, times, downtime, operator): changed']);
    expect(statuses(result)).toEqual({ Signature: 'failed', 'Report digest': 'failed', Page: 'failed', Journal: 'failed' });
  });

  it('refuses a page whose visible text was changed and whose every digest was recomputed, with or without the journal', async () => {
    const { file, dataDir } = await exported('html');
    edit(file, '<li>SQL-DATA: data matches', '<li>SQL-DATA: data differs');
    // The forger recomputes the page digest over the edited page (the model digest is untouched: the data was not edited).
    const { PAGE_DIGEST_PLACEHOLDER } = await import('../../../../electron/core/reports/render-html');
    const { sha256 } = await import('../../../../electron/core/reports/report-digest');
    const blanked = fs
      .readFileSync(file, 'utf8')
      .replace(/(shadowswap-page-digest" content=")sha256:[0-9a-f]{64}/, `$1${PAGE_DIGEST_PLACEHOLDER}`);
    fs.writeFileSync(file, blanked.replace(PAGE_DIGEST_PLACEHOLDER, `sha256:${sha256(blanked)}`));
    const pinned = [reportKey(dataDir).fingerprint];
    for (const result of [verifyFile(file, dataDir), verifyFile(file, path.join(dataDir, 'elsewhere'), pinned)]) {
      expect(result.intact).toBe(false);
      expect(result.checks.find((c) => c.name === 'Page')).toMatchObject({
        status: 'failed',
        changes: ['the visible page, first in the section "Verification"'],
      });
    }
  });

  it('refuses a JSON report whose operator was changed and digest recomputed, without the journal too', async () => {
    const { file, dataDir } = await exported('json');
    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    document.run.operator = 'mallory';
    const { digest: _old, signature, ...model } = document;
    fs.writeFileSync(file, `${JSON.stringify({ ...model, digest: digestReport(model), signature }, null, 2)}\n`);
    const result = verifyFile(file, path.join(dataDir, 'elsewhere'), [reportKey(dataDir).fingerprint]);
    expect(result.intact).toBe(false);
    expect(result.checks.find((c) => c.name === 'Signature')?.detail).toMatch(/changed after it was signed/);
  });

  it('refuses a report re-signed with another key, and one that carries no signature', async () => {
    const { file, dataDir } = await exported('json');
    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    document.run.operator = 'mallory';
    const { digest: _old, signature: _signature, ...model } = document;
    const digest = digestReport(model);
    const otherInstallation = path.join(dataDir, 'other-installation');
    fs.writeFileSync(
      file,
      `${JSON.stringify({ ...model, digest, signature: reportKey(otherInstallation).sign(digest.report) }, null, 2)}\n`,
    );
    expect(verifyFile(file, dataDir).checks.find((c) => c.name === 'Signature')).toMatchObject({
      status: 'failed',
      detail: expect.stringContaining('which is not trusted here'),
    });
    fs.writeFileSync(file, `${JSON.stringify({ ...model, digest }, null, 2)}\n`);
    const unsigned = verifyFile(file, dataDir);
    expect(unsigned.intact).toBe(false);
    expect(unsigned.checks.find((c) => c.name === 'Signature')?.detail).toMatch(/carries no readable signature/);
  });

  it('refuses a PDF with a way forward', async () => {
    const { dataDir } = await exported('html');
    const pdf = path.join(dataDir, 'report.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7\n');
    expect(() => verifyFile(pdf, dataDir)).toThrow(/A PDF cannot be verified: verify the JSON or HTML report made with it/);
  });
});
