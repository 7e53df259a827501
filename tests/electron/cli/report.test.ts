import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordRun, type RecordedRun } from '../core/reports/report-fixture';
import { runCliInProcess } from './cli-harness';

let recorded: RecordedRun | undefined;
afterEach(async () => {
  await recorded?.fixture.cleanup();
  recorded = undefined;
});

async function setUp() {
  recorded = await recordRun('succeeded');
  const { dataDir } = recorded.fixture;
  const report = (...args: string[]) => runCliInProcess(['report', ...args, '--data-dir', dataDir]);
  return { runId: recorded.runId, dataDir, report, out: (name: string) => path.join(dataDir, name) };
}

describe('shadowswap report', () => {
  it('writes a report in the format its file name says, and verify finds it intact', async () => {
    const { runId, report, out } = await setUp();
    const written = await report(runId, '--out', out('r.json'));
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`Wrote the JSON report of run ${runId} (succeeded) to ${out('r.json')}`);
    expect(JSON.parse(fs.readFileSync(out('r.json'), 'utf8'))).toMatchObject({ schema: 'shadowswap.report/1', run: { id: runId } });

    const verified = await report('verify', out('r.json'));
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(
      / OK +Signature: Signed by this installation's key sha256:[0-9a-f]{64}.*\n +OK +Report digest: .*\n +OK +Journal: .*\nThe report is intact\.\n$/,
    );
  });

  it('refuses to replace an existing file unless --force, and says so', async () => {
    const { runId, report, out } = await setUp();
    fs.writeFileSync(out('r.html'), 'keep me');
    const refused = await report(runId, '--out', out('r.html'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `shadowswap: ${out('r.html')} already exists; nothing was written. Add --force to replace it, or choose another --out.\n`,
    );
    expect(fs.readFileSync(out('r.html'), 'utf8')).toBe('keep me');

    expect((await report(runId, '--out', out('r.html'), '--force')).code).toBe(0);
    expect(fs.readFileSync(out('r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('writes CSV when asked, whatever the file is called', async () => {
    const { runId, report, out } = await setUp();
    expect((await report(runId, '--out', out('steps.txt'), '--format', 'csv')).code).toBe(0);
    expect(fs.readFileSync(out('steps.txt'), 'utf8')).toMatch(/^"step","id","title",/);
  });

  it('explains a missing format, an unknown run and a missing --out', async () => {
    const { runId, report, out } = await setUp();
    expect(await report(runId, '--out', out('r.doc'))).toMatchObject({
      code: 2,
      stderr: 'shadowswap: --format must be html, pdf, json or csv, not "doc".\n',
    });
    expect(await report('run-nope', '--out', out('r.json'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('There is no run "run-nope"'),
    });
    expect(await report(runId)).toMatchObject({ code: 2, stderr: expect.stringContaining('This command needs --out') });
  });

  it('report key prints the public key and its fingerprint; verify elsewhere passes only with that fingerprint pinned', async () => {
    const { runId, report, out, dataDir } = await setUp();
    const key = await report('key');
    expect(key.code).toBe(0);
    const fingerprint = /^Fingerprint (sha256:[0-9a-f]{64})\n-----BEGIN PUBLIC KEY-----\n/.exec(key.stdout)?.[1] ?? '';
    expect(fingerprint).not.toBe('');
    expect((await report('key')).stdout).toBe(key.stdout);
    await report(runId, '--out', out('r.html'));
    const elsewhere = path.join(dataDir, 'auditor');
    const unpinned = await runCliInProcess(['report', 'verify', out('r.html'), '--data-dir', elsewhere]);
    expect(unpinned.code).toBe(1);
    expect(unpinned.stdout).toContain(`FAIL  Signature: The report is signed by key ${fingerprint}, which is not trusted here`);
    expect(fs.existsSync(path.join(elsewhere, 'keys'))).toBe(false);
    const pinned = await runCliInProcess(['report', 'verify', out('r.html'), '--key', fingerprint, '--data-dir', elsewhere]);
    expect(pinned.code, pinned.stdout).toBe(0);
    expect(pinned.stdout).toContain('SKIP  Journal');
  });

  it('verify exits 1 and names what changed', async () => {
    const { runId, report, out } = await setUp();
    await report(runId, '--out', out('r.json'));
    fs.writeFileSync(out('r.json'), fs.readFileSync(out('r.json'), 'utf8').replace('"machine": "testbox"', '"machine": "elsewhere"'));
    const verified = await report('verify', out('r.json'));
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain('FAIL  Report digest: The report data no longer matches its digest');
    expect(verified.stdout).toContain('changed: the run summary (outcome, times, downtime, operator): changed');
    expect(verified.stdout).toContain(
      'changed: the run summary (outcome, times, downtime, operator) (machine): the report says "elsewhere", the journal "testbox"',
    );
  });
});
