/**
 * Leaving LUNs out of a recovery (docs/recovery-procedure.md#leaving-luns-out-of-the-scope): the backup volume may
 * stay in production as it is, an application's data and logs never split, a damaged LUN never stays; and a run that
 * leaves a LUN out never touches its original.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { armFault, corruptLun } from '../../../../electron/core/backends/lab/lab-admin';
import { contentsOf } from '../../../../electron/core/recovery/consistency-groups';
import { dataLossLines } from '../../../../shared/recovery-scope';
import type { RecoveryPlan } from '../../../../shared/recovery';
import { captureBaseline, invariantViolations } from './invariant';
import { lunMap, openRecovery, productionView, type RecoveryFixture } from './recovery-fixture';

let fx: RecoveryFixture | null = null;
afterEach(async () => {
  await fx?.cleanup();
  fx = null;
});

async function damagedSql(): Promise<RecoveryFixture> {
  fx = await openRecovery('two-node-sql');
  await corruptLun(fx.dataDir, 'SQL-DATA');
  return fx;
}

const leaveOutCheck = (plan: RecoveryPlan) => plan.preflight.find((check) => check.id === 'leave-out');
const verdictOf = (plan: RecoveryPlan, name: string) => plan.scope?.find((lun) => lun.lunName === name)?.leaveOut;

describe('what a LUN holds, from its files', () => {
  it('tells data, logs, tempdb and backups apart, and keeps what it does not know', () => {
    expect(contentsOf(['Sales.mdf', 'HR.ndf'])).toBe('data-files');
    expect(contentsOf(['Sales_log.ldf'])).toBe('log-files');
    expect(contentsOf(['Sales.mdf', 'Sales_log.ldf', 'tempdb.mdf'])).toBe('database-files');
    expect(contentsOf(['tempdb.mdf', 'templog.ldf', 'tempdb_mssql_2.ndf'])).toBe('tempdb');
    expect(contentsOf(['Sales_full.bak', 'Sales_0100.trn'])).toBe('backups');
    expect(contentsOf(['MSDTC.LOG'])).toBe('unknown');
    expect(contentsOf(['Sales.mdf', 'notes.txt'])).toBe('unknown');
    expect(contentsOf([])).toBe('unknown');
    expect(contentsOf(null)).toBe('unknown');
  });
});

describe('the planner on leaving LUNs out (two-node-sql, SQL-DATA damaged)', () => {
  it('says per LUN whether it may be left out and why', async () => {
    const { engine, setId } = await damagedSql();
    const plan = await engine.plan({ setId, identity: 'new-signature' });
    expect(plan.scope?.map((lun) => [lun.lunName, lun.contents, lun.leaveOut?.allowed, lun.leftOut])).toEqual([
      ['SQL-DATA', 'data-files', false, false],
      ['SQL-LOGS', 'log-files', false, false],
      ['SQL-TEMPDB', 'tempdb', true, false],
      ['SQL-BACKUP', 'backups', true, false],
    ]);
    expect(verdictOf(plan, 'SQL-LOGS')?.why).toMatch(
      /^SQL-LOGS holds the transaction logs \(\.ldf\) of the databases on SQL-DATA: they go back together .*group SQL Server \(MSSQLSERVER\)/,
    );
    expect(verdictOf(plan, 'SQL-DATA')?.why).toMatch(/SQL-DATA is damaged/);
    expect(leaveOutCheck(plan)).toBeUndefined();
  });

  it('refuses to split the consistency group: the logs go back with the data', async () => {
    const { engine, setId } = await damagedSql();
    const plan = await engine.plan({ setId, identity: 'new-signature', leaveOut: ['SQL-LOGS'] });
    expect(plan.blocked).toBe(true);
    expect(leaveOutCheck(plan)).toMatchObject({ verdict: 'fail', fix: expect.stringMatching(/^Put SQL-LOGS back in scope/) });
    expect(leaveOutCheck(plan)?.reason).toMatch(
      /SQL-LOGS holds the transaction logs .* of the databases on SQL-DATA: they go back together/,
    );
    await expect(
      engine.start({ setId, identity: 'new-signature', leaveOut: ['SQL-LOGS'] }, ['all'], { autoConfirm: true }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('refuses to leave out a damaged LUN', async () => {
    const { engine, setId } = await damagedSql();
    const plan = await engine.plan({ setId, identity: 'new-signature', leaveOut: ['SQL-DATA', 'SQL-LOGS'] });
    expect(leaveOutCheck(plan)?.verdict).toBe('fail');
    expect(leaveOutCheck(plan)?.reason).toMatch(/SQL-DATA is damaged: it is what this recovery puts back/);
  });

  it('leaves the backup volume out: no step touches its original or its disk resource, and the plan says why', async () => {
    const { engine, setId, backend } = await damagedSql();
    const luns = [...(await lunMap(fx as RecoveryFixture)).values()];
    const backup = luns.find((lun) => lun.name === 'SQL-BACKUP' && lun.shadowOf === null);
    const plan = await engine.plan({ setId, identity: 'new-signature', leaveOut: ['sql-backup'] });
    expect(plan.blocked).toBe(false);
    expect(leaveOutCheck(plan)).toMatchObject({
      verdict: 'pass',
      reason: expect.stringContaining('SQL-BACKUP (SQL-BACKUP holds only backup files'),
    });
    expect(plan.originalLunIds).not.toContain(backup?.id);
    const backupShadow = plan.scope?.find((lun) => lun.lunName === 'SQL-BACKUP')?.shadowLunId;
    const backupResource = (await backend.listClusters())[0]?.diskResources.find((r) => r.name === 'Cluster Disk 4');
    expect(backupResource).toBeDefined();
    for (const step of plan.steps) {
      const touched = JSON.stringify(step.changes);
      expect(touched, step.id).not.toContain(`"${backup?.id}"`);
      expect(touched, step.id).not.toContain('Cluster Disk 4');
    }
    // Its shadow copy surfaced with the import; it is then masked from every host, kept as a spare.
    const unmask = plan.steps.find((step) => step.kind === 'unmask-shadows');
    expect(unmask?.changes).toContainEqual(expect.objectContaining({ lunId: backupShadow, after: [] }));
    const lines = dataLossLines(plan.scope ?? [], 'last night');
    expect(lines.find((line) => line.startsWith('SQL-BACKUP'))).toMatch(/left out: stays in production as it is, so nothing on it is lost/);
  });

  it('with the original identity kept, refuses a LUN whose original stays present on the importing host', async () => {
    const { engine, setId } = await damagedSql();
    const plan = await engine.plan({ setId, leaveOut: ['SQL-BACKUP'] });
    expect(leaveOutCheck(plan)?.verdict).toBe('fail');
    expect(leaveOutCheck(plan)?.reason).toMatch(/VSS_E_BREAK_REVERT_ID_FAILED.*choose new disk signatures/);
  });

  it('where the backend cannot read the files, keeps every LUN with its group and says so', async () => {
    const { engine, setId, backend } = await damagedSql();
    // As the Windows backend answers: it does not read which files a volume holds.
    Object.assign(backend, { readLunFiles: async () => null });
    const plan = await engine.plan({ setId, identity: 'new-signature', leaveOut: ['SQL-BACKUP'] });
    expect(verdictOf(plan, 'SQL-BACKUP')).toMatchObject({
      allowed: false,
      why: expect.stringMatching(/this backend does not read which files a volume holds/),
    });
    expect(plan.blocked).toBe(true);
  });

  it('refuses a name that is not a LUN of the set, naming its LUNs', async () => {
    const { engine, setId } = await damagedSql();
    await expect(engine.plan({ setId, leaveOut: ['SQL-NOPE'] })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringMatching(/"SQL-NOPE" is not a LUN of set .*SQL-DATA, SQL-LOGS, SQL-TEMPDB, SQL-BACKUP/),
    });
  });
});

describe('a run that leaves the backup volume out (two-node-sql)', () => {
  it('swaps the rest, and SQL-BACKUP stays online in production, untouched, with the invariant holding', async () => {
    const f = await damagedSql();
    const baseline = await captureBaseline(f.backend);
    const before = await lunMap(f);
    const backup = [...before.values()].find((lun) => lun.name === 'SQL-BACKUP' && lun.shadowOf === null);
    const run = await f.engine.start({ setId: f.setId, identity: 'new-signature', leaveOut: ['SQL-BACKUP'] }, ['all'], {
      autoConfirm: true,
    });
    const done = await f.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    const after = await lunMap(f);
    const backupNow = after.get(backup?.id ?? '');
    expect(backupNow).toMatchObject({
      maskedTo: backup?.maskedTo,
      state: 'healthy',
      contentChecksum: backup?.contentChecksum,
      signature: backup?.signature,
    });
    const disk4 = (await f.backend.listClusters())[0]?.diskResources.find((r) => r.name === 'Cluster Disk 4');
    expect(disk4).toMatchObject({ state: 'Online', diskSignature: backup?.signature });
    const detail = f.engine.get(run.id);
    const spare = after.get(detail.plan.scope?.find((lun) => lun.lunName === 'SQL-BACKUP')?.shadowLunId ?? '');
    expect(spare).toMatchObject({ maskedTo: [], maskAll: false });
    const verifyStep = detail.steps.find((step) => step.id.endsWith('-verify'));
    expect(verifyStep?.output.join('\n')).toMatch(/SQL-BACKUP: left out, still in production as it was/);
    expect(await invariantViolations(f.backend, baseline, detail.journalFile)).toEqual([]);
  });

  // Undamaged, so that the invariant can ask every original back online after the rollback.
  it('rolled back after a failure past the unmasking: production is as before, SQL-BACKUP never left it', async () => {
    const f = await openRecovery('two-node-sql');
    fx = f;
    const baseline = await captureBaseline(f.backend);
    const production = await productionView(f);
    await armFault(f.dataDir, { operation: 'rescanHostStorage', kind: 'fail', times: 1 });
    const run = await f.engine.start({ setId: f.setId, identity: 'new-signature', leaveOut: ['SQL-BACKUP'] }, ['all'], {
      autoConfirm: true,
    });
    expect((await f.engine.settled(run.id)).state).toBe('failed');
    const { journalFile } = f.engine.get(run.id);
    expect(await invariantViolations(f.backend, baseline, journalFile)).toEqual([]);
    await f.engine.rollback(run.id, 'SQLCLUS');
    expect((await f.engine.settled(run.id)).state).toBe('rolled-back');
    expect(await productionView(f)).toEqual(production);
    expect(await invariantViolations(f.backend, baseline, journalFile)).toEqual([]);
  });
});
