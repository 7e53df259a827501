/**
 * The report for a change board: its first section says the outcome, the change reference and reason, who
 * operated and who approved, the recovery point and the data-loss window, the downtime split, the masking
 * picture and the follow-ups; commands sit in an appendix; arrays are named; a sign-off block closes it. The
 * same content is in the JSON (the model) and the HTML (which the PDF prints), and both still verify.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { corruptLun } from '../../../../electron/core/backends/lab/lab-admin';
import { renderHtml } from '../../../../electron/core/reports/render-html';
import { reportKey } from '../../../../electron/core/reports/report-signing';
import { buildReport, renderJson, reportDocument } from '../../../../electron/core/reports/reports';
import { verifyReport } from '../../../../electron/core/reports/verify-report';
import { openRecovery, type RecoveryFixture } from '../recovery/recovery-fixture';

let fx: RecoveryFixture | null = null;
afterEach(async () => {
  await fx?.cleanup();
  fx = null;
});

async function approvedRun(): Promise<{ fixture: RecoveryFixture; runId: string }> {
  const fixture = await openRecovery('two-node-sql');
  await corruptLun(fixture.dataDir, 'SQL-DATA');
  const plan = await fixture.engine.plan({ setId: fixture.setId, forensicsHost: 'BACKUP01' });
  const run = await fixture.engine.start(
    { setId: fixture.setId, forensicsHost: 'BACKUP01' },
    ['all'],
    { actor: { name: 'Ada Lovelace', door: 'browser' } },
    {
      typed: 'SQLCLUS',
      change: 'CHG-4711',
      reason: 'Sales database corrupted',
      planDigest: plan.approvalDigest ?? '',
      pauseBeforeEachStep: false,
    },
  );
  await fixture.engine.settled(run.id);
  return { fixture, runId: run.id };
}

describe('the report for a change board', () => {
  it('puts outcome, change, approver, recovery point, data-loss window, downtime split and follow-ups in the model', async () => {
    const { fixture, runId } = await approvedRun();
    fx = fixture;
    const model = buildReport(fixture.dataDir, runId);
    const board = model.changeBoard;
    expect(board).toMatchObject({
      change: 'CHG-4711',
      reason: 'Sales database corrupted',
      approval: { by: 'Ada Lovelace', door: 'browser', pauseBeforeEachStep: false },
      recoveryPoint: model.run.setCreatedAt,
      dataLossWindow: { from: model.run.setCreatedAt, to: model.run.downtime.startedAt },
    });
    expect(board?.dataLossWindow.durationMs).toBe(Date.parse(model.run.downtime.startedAt ?? '') - Date.parse(model.run.setCreatedAt));
    expect(board?.scope.map((lun) => [lun.lunName, lun.role])).toEqual([
      ['SQL-DATA', 'damaged'],
      ['SQL-LOGS', 'same-group'],
      ['SQL-TEMPDB', 'same-group'],
      ['SQL-BACKUP', 'same-group'],
    ]);
    expect(board?.followUps.join('\n')).toMatch(/DBCC CHECKDB/);
    expect(board?.followUps.join('\n')).toMatch(/Take a new snapshot set of SQLCLUS/);
    expect(model.estate.arrays).toEqual(['FC-ARRAY-01 (Contoso Storage CS-9000)']);
  });

  it('shows it first in the HTML, commands in an appendix after the sign-off, and the HTML and JSON still verify', async () => {
    const { fixture, runId } = await approvedRun();
    fx = fixture;
    const document = reportDocument(buildReport(fixture.dataDir, runId), reportKey(fixture.dataDir));
    const html = renderHtml(document);
    const sections = [...html.matchAll(/<section id="([\w-]+)"/g)].map((m) => m[1]);
    expect(sections[0]).toBe('change-board');
    expect(sections[1]).toBe('masking');
    expect(sections.indexOf('sign-off')).toBeLessThan(sections.indexOf('appendix-commands'));
    const board = html.slice(html.indexOf('<section id="change-board"'), html.indexOf('<section id="masking"'));
    expect(board).toContain('CHG-4711');
    expect(board).toContain('Sales database corrupted');
    expect(board).toContain('Ada Lovelace');
    expect(board).toMatch(/Recovery point/);
    expect(board).toMatch(/of work, [^<]+ waiting for the operator/);
    expect(board).toContain('SQL-DATA (E: SQLData), damaged: goes back to');
    // No command text before the appendix.
    const beforeAppendix = html.slice(0, html.indexOf('<section id="appendix-commands"'));
    expect(beforeAppendix).not.toContain('Remove-VirtualDiskFromMaskingSet -MaskingSetUniqueId');
    expect(html.slice(html.indexOf('<section id="appendix-commands"'))).toContain('Remove-VirtualDiskFromMaskingSet -MaskingSetUniqueId');

    expect(verifyReport('r.html', html, fixture.dataDir).intact).toBe(true);
    const json = renderJson(document);
    expect(JSON.parse(json).changeBoard.change).toBe('CHG-4711');
    expect(verifyReport('r.json', json, fixture.dataDir).intact).toBe(true);
  });

  it('says which LUN was left out and that nothing on it was lost', async () => {
    fx = await openRecovery('two-node-sql');
    await corruptLun(fx.dataDir, 'SQL-DATA');
    const options = { setId: fx.setId, identity: 'new-signature' as const, leaveOut: ['SQL-BACKUP'] };
    const run = await fx.engine.start(options, ['all'], { autoConfirm: true });
    await fx.engine.settled(run.id);
    const model = buildReport(fx.dataDir, run.id);
    const html = renderHtml(reportDocument(model, reportKey(fx.dataDir)));
    // The masking picture calls each LUN what it is: only SQL-DATA damaged, SQL-BACKUP's shadow copy a spare.
    const roles = model.masking.luns.map((row) => row.role);
    expect(model.masking.luns.find((row) => row.lunName === 'SQL-DATA')?.role).toBe('damaged-original');
    expect(model.masking.luns.find((row) => row.lunName === 'SQL-LOGS')?.role).toBe('healthy-original');
    expect(model.masking.luns.some((row) => row.lunName === 'SQL-BACKUP')).toBe(false);
    expect(roles.filter((role) => role === 'spare-shadow')).toHaveLength(1);
    expect(html).toContain('(spare shadow copy, left out)');
    expect(html).toMatch(/<td>SQL-BACKUP<\/td><td>[^<]*<\/td><td>[^<]*<\/td><td>Left out: stayed in production as it was<\/td>/);
    expect(html).toMatch(/<td>SQL-LOGS<\/td><td>[^<]*<\/td><td>[^<]*<\/td><td>Swapped for its shadow copy<\/td>/);
    expect(html).toContain('SQL-BACKUP (H: SQLBackup), left out: stays in production as it is, so nothing on it is lost');
  });
});
