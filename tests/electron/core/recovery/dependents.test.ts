/**
 * The application on the recovered disks comes back with them. Stop-ClusterResource takes a disk's dependents
 * (SQL Server, its agent) offline first, and starting the disk again does not start them: a recovery that
 * brings back only the disks leaves the application down while it reports success.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { armFault } from '../../../../electron/core/backends/lab/lab-admin';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';

let fixture: RecoveryFixture | null = null;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = null;
});

async function applicationStates(f: RecoveryFixture): Promise<Record<string, string>> {
  const [cluster] = await f.backend.listClusters();
  return Object.fromEntries((cluster?.applicationResources ?? []).map((r) => [r.name, `${r.state}@${r.ownerNode}`]));
}

const ALL_ONLINE = {
  'SQL IP Address 1 (SQLVS)': 'Online@SQL01',
  'SQL Network Name (SQLVS)': 'Online@SQL01',
  'SQL Server': 'Online@SQL01',
  'SQL Server Agent': 'Online@SQL01',
};

describe('dependents of the recovered disks', () => {
  it('offline option: SQL Server and its agent are Online on the owner node after the recovery, and verify says so', async () => {
    fixture = await openRecovery('two-node-sql');
    expect(await applicationStates(fixture)).toEqual(ALL_ONLINE);

    const run = await fixture.engine.start({ setId: fixture.setId, mode: 'offline' }, ['all'], { autoConfirm: true });
    const done = await fixture.engine.settled(run.id);

    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(await applicationStates(fixture)).toEqual(ALL_ONLINE);
    const detail = fixture.engine.get(run.id);
    const step = detail.plan.steps.find((s) => s.kind === 'start-dependents');
    expect(step?.title).toBe('Bring SQL Server, SQL Server Agent back online');
    expect(step?.commands.map((c) => [c.runsOn, c.text.match(/Start-ClusterResource -Name '[^']+'/)?.[0]])).toEqual([
      ['SQL01', "Start-ClusterResource -Name 'SQL Server'"],
      ['SQL01', "Start-ClusterResource -Name 'SQL Server Agent'"],
    ]);
    const verify = detail.steps.find((s) => s.id.endsWith('-verify'));
    expect(verify?.output).toContain('SQL Server: Online on SQL01, as before the recovery');
    expect(verify?.output).toContain('SQL Server Agent: Online on SQL01, as before the recovery');
  });

  it('a dependent left offline before the run is a preflight warning and is not started', async () => {
    fixture = await openRecovery('two-node-sql');
    await fixture.backend.stopApplicationResource({ cluster: 'SQLCLUS', resource: 'SQL Server Agent', onNode: 'SQL01' });
    const plan = await fixture.engine.plan({ setId: fixture.setId });

    expect(plan.preflight.find((c) => c.id === 'dependents')).toMatchObject({
      verdict: 'warn',
      reason: 'SQL Server Agent is Offline now, so the recovery leaves it that way',
    });
    expect(plan.steps.find((s) => s.kind === 'start-dependents')?.title).toBe('Bring SQL Server back online');
  });

  it('maintenance mode: the dependents never go offline, so no step is planned to start them, and they stay Online', async () => {
    fixture = await openRecovery('two-node-sql');
    const run = await fixture.engine.start({ setId: fixture.setId, mode: 'maintenance' }, ['all'], { autoConfirm: true });
    const done = await fixture.engine.settled(run.id);

    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(fixture.engine.get(run.id).plan.steps.map((s) => s.kind)).not.toContain('start-dependents');
    expect(await applicationStates(fixture)).toEqual(ALL_ONLINE);
  });

  it('a dependent that fails to come back fails the step with the reason, and rollback leaves every dependent as it was', async () => {
    fixture = await openRecovery('two-node-sql');
    await armFault(fixture.dataDir, { operation: 'startApplicationResource', kind: 'fail', times: 1 });
    const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
    const failed = await fixture.engine.settled(run.id);

    expect(failed.state).toBe('failed');
    expect(failed.attentionStepId).toMatch(/-start-dependents$/);
    expect(failed.lastError).toMatch(/startApplicationResource failed/);

    await fixture.engine.rollback(run.id, 'SQLCLUS', { autoConfirm: true });
    expect((await fixture.engine.settled(run.id)).state).toBe('rolled-back');
    expect(await applicationStates(fixture)).toEqual(ALL_ONLINE);
  });

  it('verify reports a dependent that is not back online instead of passing on the disks alone', async () => {
    fixture = await openRecovery('two-node-sql');
    const run = await fixture.engine.start({ setId: fixture.setId, mode: 'maintenance' }, ['all']);
    const waiting = await fixture.engine.settled(run.id);
    expect(waiting.state).toBe('waiting-confirmation');
    // Someone stops SQL Server while the run waits: maintenance mode would not have brought it down.
    await fixture.backend.stopApplicationResource({ cluster: 'SQLCLUS', resource: 'SQL Server', onNode: 'SQL01' });
    await fixture.engine.confirm(run.id, waiting.attentionStepId ?? '', 'SQLCLUS', { autoConfirm: true });
    const done = await fixture.engine.settled(run.id);

    expect(done.state).toBe('failed');
    expect(done.attentionStepId).toMatch(/-verify$/);
    expect(done.lastError).toMatch(
      /SQL Server is Offline on SQL01, but it was Online before the recovery: the application on the recovered disks is down\. Start it with Start-ClusterResource on SQL01/,
    );
    expect(done.lastError).toMatch(/SQL Server Agent is Offline on SQL01/);
  });

  it('rollback before the disks are back starts the dependents the stop took offline', async () => {
    fixture = await openRecovery('two-node-sql');
    await armFault(fixture.dataDir, { operation: 'breakSnapshotSet', kind: 'fail', times: 1 });
    const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
    expect((await fixture.engine.settled(run.id)).state).toBe('failed');
    expect((await applicationStates(fixture))['SQL Server']).toBe('Offline@SQL01');

    await fixture.engine.rollback(run.id, 'SQLCLUS', { autoConfirm: true });
    expect((await fixture.engine.settled(run.id)).state).toBe('rolled-back');
    expect(await applicationStates(fixture)).toEqual(ALL_ONLINE);
  });
});
