import { isOriginal } from '../../../../shared/masking-picture';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../../../electron/core/recovery/journal';
import type { RunEvent } from '../../../../electron/core/recovery/run-events';
import { buildReportModel } from '../../../../electron/core/reports/report-model';
import { buildReport } from '../../../../electron/core/reports/reports';
import { ReportModel } from '../../../../shared/report';
import { recordRun, type RecordedRun } from './report-fixture';

let recorded: RecordedRun | undefined;
afterEach(async () => {
  await recorded?.fixture.cleanup();
  recorded = undefined;
});

const rows = (model: ReportModel) =>
  Object.fromEntries(model.masking.luns.map((row) => [row.lunName, { before: row.before, after: row.after, uncertain: row.uncertain }]));

describe('report model from a recorded journal', () => {
  it('tells a finished run completely: downtime, confirmations, every output line, masking, forensic hold', async () => {
    recorded = await recordRun('succeeded', { forensicsHost: 'BACKUP01' });
    const { fixture, runId } = recorded;
    const model = buildReport(fixture.dataDir, runId);
    const detail = fixture.engine.get(runId);
    const { records, head } = readJournal<RunEvent>(detail.journalFile);

    expect(model.schema).toBe('shadowswap.report/1');
    expect(model.run).toMatchObject({
      id: runId,
      state: 'succeeded',
      operator: 'tester',
      machine: 'testbox',
      backend: 'Lab (two-node-sql)',
    });
    expect(model.estate).toMatchObject({
      cluster: 'SQLCLUS',
      importHost: 'SQL01',
      hosts: ['BACKUP01', 'SQL01', 'SQL02'],
      // Named as the plan recorded them, though masking-set commands name no array.
      arrays: ['FC-ARRAY-01 (Contoso Storage CS-9000)'],
    });
    expect(model.journal).toEqual({ file: `${runId}.journal`, events: records.length, head });

    // The downtime window: from the first step that took storage away to the one that gave production back (SQL Server started).
    const step = (kind: string) => model.steps.find((s) => s.kind === kind);
    expect(model.run.downtime).toEqual({
      startedAt: step('stop-resources')?.startedAt,
      endedAt: step('start-dependents')?.endedAt,
      durationMs: detail.downtimeMs,
      // Confirmed up front (--yes): the whole outage was work, none of it waiting for the operator.
      workMs: detail.downtimeMs,
      waitingMs: 0,
      // The least the operations allowed, measured from the journal, and both figures as planned (Lab latency 0 here).
      operationsAllowMs: expect.any(Number),
      expected: { outageMs: 0, operationsAllowMs: 0 },
    });
    expect(model.run.downtime.durationMs).toBeGreaterThan(0);

    expect(model.steps.map((s) => s.title)).toEqual(detail.plan.steps.map((s) => s.title));
    expect(model.steps.filter((s) => s.destructive).map((s) => s.confirmations.map((c) => `${c.by}: ${c.typed}`))).toEqual([
      ['tester (--yes): SQLCLUS'],
      ['tester (--yes): SQLCLUS'],
      ['tester (--yes): SQLCLUS'],
    ]);
    // Complete output: every step.output event (and every skip) is in the model, with its journal sequence.
    const journaled = records.filter((r) => r.event.type === 'step.output' || r.event.type === 'step.skipped').map((r) => r.seq);
    expect(model.steps.flatMap((s) => s.output.map((line) => line.seq)).sort((a, b) => a - b)).toEqual(journaled);

    expect(rows(model)['SQL-DATA']).toEqual({ before: ['SQL01', 'SQL02'], after: ['BACKUP01'], uncertain: false });
    expect(rows(model)['SQL-DATA-SC-20250313-2300']).toEqual({ before: [], after: ['SQL01', 'SQL02'], uncertain: false });
    expect(model.verification).toMatchObject({ requested: true, state: 'succeeded', error: null });
    expect(model.verification.results.filter((line) => line.includes('data matches the shadow copy'))).toHaveLength(4);
    expect(model.forensicHold.summary).toBe(
      'The originals are kept on the array and visible only to BACKUP01, for forensics: mount them read-only there.',
    );
    expect(model.nextSteps).toEqual([]);
  });

  it('keeps the failure of a run that was resumed to success', async () => {
    recorded = await recordRun('resumed');
    const model = buildReport(recorded.fixture.dataDir, recorded.runId);
    expect(model.run.state).toBe('succeeded');
    const broken = model.steps.find((s) => s.kind === 'break-set');
    expect(broken).toMatchObject({ state: 'succeeded', error: null });
    expect(broken?.failures).toHaveLength(1);
    expect(broken?.failures[0]).toMatchObject({ during: 'run', message: expect.stringMatching(/0x8|VSS_E/) });
  });

  it('says what to do next for a failed run, with the commands', async () => {
    recorded = await recordRun('failed');
    const { runId } = recorded;
    const model = buildReport(recorded.fixture.dataDir, runId);
    expect(model.run.state).toBe('failed');
    expect(model.run.endedAt).toBeNull();
    expect(model.run.downtime.endedAt).toBeNull();
    expect(model.nextSteps[0]).toMatch(/^step 4 "Break the set, keeping the original disk identity" failed: /);
    expect(model.nextSteps.slice(1)).toEqual([
      `Fix the cause, then resume (steps already done are skipped): shadowswap resume ${runId}`,
      `Or put every original back where it was: shadowswap rollback ${runId}`,
    ]);
    expect(model.forensicHold.summary).toMatch(/masked from every host \(no forensics host was chosen\)/);
  });

  it('shows a rolled-back run with every access list back where it was', async () => {
    recorded = await recordRun('rolled-back');
    const model = buildReport(recorded.fixture.dataDir, recorded.runId);
    expect(model.run.state).toBe('rolled-back');
    expect(model.run.rollback).toMatchObject({ by: 'tester' });
    expect(model.run.downtime.endedAt).toBe(model.run.endedAt);
    expect(rows(model)['SQL-DATA']?.before).toEqual(['SQL01', 'SQL02']);
    for (const row of model.masking.luns) expect(row.after, row.lunName).toEqual(row.before);
    expect(model.steps.filter((s) => s.state === 'compensated').map((s) => s.kind)).toEqual([
      'stop-resources',
      'mask-originals',
      'import-set',
    ]);
    expect(model.forensicHold.summary).toMatch(/where they were before the run/);
    expect(model.nextSteps[0]).toContain(`shadowswap plan --set ${model.run.setId}`);
  });

  it('marks the access of LUNs whose masking step failed as unknown', async () => {
    recorded = await recordRun('failed', {}, 'setLunMask');
    const model = buildReport(recorded.fixture.dataDir, recorded.runId);
    expect(model.steps.find((s) => s.state === 'failed')?.kind).toBe('mask-originals');
    const uncertain = model.masking.luns.filter((row) => row.uncertain);
    expect(uncertain.map((row) => row.lunName)).toEqual(model.masking.luns.filter(isOriginal).map((row) => row.lunName));
    expect(uncertain).toHaveLength(4);
    expect(model.forensicHold.summary).toMatch(/cannot tell which hosts see them now/);
  });

  it('is pure: the same journal and time give the same model, which the schema accepts', async () => {
    recorded = await recordRun('waiting');
    const detail = recorded.fixture.engine.get(recorded.runId);
    const { records, head } = readJournal<RunEvent>(detail.journalFile);
    const build = () => buildReportModel({ file: 'x.journal', records, head }, '2026-01-01T00:00:00.000Z');
    expect(build()).toEqual(build());
    expect(ReportModel.parse(build())).toEqual(build());
    expect(build().run.state).toBe('waiting-confirmation');
    expect(build().nextSteps[0]).toMatch(
      /^step 1 "Take 4 disk resource\(s\) offline" waits for a confirmation\. .* type SQLCLUS when asked\.$/,
    );
  });
});
