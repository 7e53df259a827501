/**
 * Bad files through the engine and the report verifier (issue 9): a run journal torn by a crash or damaged
 * in the middle, and an edited report. Each gives a clear error or a clean recovery, and never loses or
 * rewrites what is on disk: the damaged file's bytes are compared before and after.
 * (A corrupt or foreign Lab state file is covered in lab-store.test.ts, bytes included.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShadowSwapError } from '../../../../shared/errors';
import { armFault } from '../../../../electron/core/backends/lab/lab-admin';
import { Journal, readJournal } from '../../../../electron/core/recovery/journal';
import type { RunEvent } from '../../../../electron/core/recovery/run-events';
import { buildReport, exportReport } from '../../../../electron/core/reports/reports';
import { verifyReport } from '../../../../electron/core/reports/verify-report';
import { recordRun } from '../reports/report-fixture';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';

let fixture: RecoveryFixture | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

/** A run that failed at the break (a Lab fault), so it can be resumed or rolled back. */
async function failedRun(): Promise<{ runId: string; journal: string }> {
  fixture = await openRecovery('two-node-sql');
  await armFault(fixture.dataDir, { operation: 'breakSnapshotSet', kind: 'fail', times: 1 });
  const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
  expect((await fixture.engine.settled(run.id)).state).toBe('failed');
  return { runId: run.id, journal: fixture.engine.get(run.id).journalFile };
}

async function errorOf(action: () => unknown): Promise<ShadowSwapError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ShadowSwapError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('a run journal', () => {
  it('torn at its last line by a crash: the run resumes to success and the torn bytes stay on disk', async () => {
    const { runId, journal } = await failedRun();
    fs.appendFileSync(journal, '{"seq":99,"at":"2026-01-01T00:00:00.000Z","prevHash":"ab');
    const torn = fs.readFileSync(journal);
    await fixture?.engine.resume(runId, { autoConfirm: true });
    expect((await fixture?.engine.settled(runId))?.state).toBe('succeeded');
    const after = fs.readFileSync(journal);
    // Appended to, never rewritten: every byte that was there is still there, in place.
    expect(after.subarray(0, torn.length).equals(torn)).toBe(true);
  });

  it('damaged in the middle: every door gets a clear error naming the line, and the file is not touched', async () => {
    const { runId, journal } = await failedRun();
    const lines = fs.readFileSync(journal, 'utf8').split('\n');
    // An edit to event 2 (its time) breaks the hash chain at event 3.
    const edited = lines[1]?.replace(/"at":"\d/, '"at":"1') ?? '';
    expect(edited).not.toBe(lines[1]);
    lines[1] = edited;
    fs.writeFileSync(journal, lines.join('\n'));
    const damaged = fs.readFileSync(journal);
    for (const action of [
      () => fixture?.engine.get(runId),
      () => fixture?.engine.resume(runId, { autoConfirm: true }),
      () => fixture?.engine.rollback(runId, '', { autoConfirm: true }),
    ]) {
      const error = await errorOf(action);
      expect(error.code).toBe('STATE_UNREADABLE');
      expect(error.message).toMatch(/is damaged: line 3 does not follow the event before it/);
      expect(error.message).toContain('left untouched');
    }
    expect(fs.readFileSync(journal).equals(damaged)).toBe(true);
  });

  it('whose plan has a step with params that do not fit its kind: refused on reopen, naming the step, and the file is not touched', async () => {
    const { runId, journal } = await failedRun();
    // Chained correctly (written through Journal, as a console of another version would), so only the plan is wrong.
    const events = readJournal<RunEvent>(journal).records.map((record) => record.event);
    const created = events[0];
    if (created?.type !== 'run.created') throw new Error('the journal does not start with run.created');
    const plan = {
      ...created.plan,
      steps: created.plan.steps.map((step) =>
        step.kind === 'import-set' ? { ...step, params: { setId: step.params.setId, host: step.params.host } } : step,
      ),
    };
    fs.rmSync(journal);
    const rewritten = Journal.create<unknown>(journal);
    for (const event of [{ ...created, plan }, ...events.slice(1)]) await rewritten.append(event);
    await rewritten.close();
    const bytes = fs.readFileSync(journal);
    for (const action of [
      () => fixture?.engine.resume(runId, { autoConfirm: true }),
      () => fixture?.engine.rollback(runId, '', { autoConfirm: true }),
    ]) {
      const error = await errorOf(action);
      expect(error.code).toBe('STATE_UNREADABLE');
      expect(error.message).toMatch(/step 3-import-set \(import-set\): shadowLuns: /);
      expect(error.message).toContain('left untouched');
    }
    expect(fs.readFileSync(journal).equals(bytes)).toBe(true);
  });
});

describe('an edited report', () => {
  it('is reported as changed, and neither the report nor the journal is rewritten', async () => {
    const recorded = await recordRun('succeeded');
    try {
      const file = path.join(recorded.fixture.dataDir, 'report.json');
      fs.writeFileSync(file, await exportReport(buildReport(recorded.fixture.dataDir, recorded.runId), 'json'));
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, text.replace('data matches the shadow copy', 'data differs from the shadow copy'));
      const edited = fs.readFileSync(file);
      const journal = recorded.fixture.engine.get(recorded.runId).journalFile;
      const journalBytes = fs.readFileSync(journal);
      const result = verifyReport(file, fs.readFileSync(file, 'utf8'), recorded.fixture.dataDir);
      expect(result.intact).toBe(false);
      expect(result.checks.find((check) => check.name === 'Report digest')?.status).not.toBe('pass');
      expect(fs.readFileSync(file).equals(edited)).toBe(true);
      expect(fs.readFileSync(journal).equals(journalBytes)).toBe(true);
    } finally {
      await recorded.fixture.cleanup();
    }
  });
});
