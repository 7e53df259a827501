/**
 * The application on the recovered disks comes back with them. Stop-ClusterResource takes a disk's dependents
 * (SQL Server, its agent) offline first, and starting the disk again does not start them: a recovery that
 * brings back only the disks leaves the application down while it reports success.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { armFault } from '../../../../electron/core/backends/lab/lab-admin';
import { bindStep } from '../../../../electron/core/recovery/steps';
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

  it('Lab: a disk in maintenance mode whose LUN leaves the owner node fails SQL Server and its agent', async () => {
    fixture = await openRecovery('two-node-sql');
    const plan = await fixture.engine.plan({ setId: fixture.setId, mode: 'maintenance' });
    const disks = plan.steps.find((s) => s.kind === 'suspend-resources')?.params.resources ?? [];
    for (const disk of disks) await fixture.backend.suspendResource({ cluster: 'SQLCLUS', resource: disk.resource, onNode: 'SQL01' });
    const [set] = await fixture.backend.listSnapshotSets();
    const results = [];
    for (const copy of set?.shadowCopies ?? []) results.push(await fixture.backend.setLunMask({ lunId: copy.originalLunId, hosts: [] }));

    expect(await applicationStates(fixture)).toMatchObject({ 'SQL Server': 'Failed@SQL01', 'SQL Server Agent': 'Failed@SQL01' });
    // The disks themselves stay Online(Maintenance): health checking is off, which is all maintenance mode does.
    const [after] = await fixture.backend.listClusters();
    const suspended = after?.diskResources.filter((r) => disks.some((d) => d.resource === r.name)) ?? [];
    expect(suspended.map((r) => [r.state, r.maintenanceMode])).toEqual(disks.map(() => ['Online(Maintenance)', true]));
    expect(results.flatMap((r) => r.warnings).join(' ')).toMatch(/maintenance mode does not protect what runs on a disk/i);
  });

  it('maintenance mode: SQL Server and its agent are stopped before the disks are suspended, and started again after', async () => {
    fixture = await openRecovery('two-node-sql');
    const run = await fixture.engine.start({ setId: fixture.setId, mode: 'maintenance' }, ['all'], { autoConfirm: true });
    const done = await fixture.engine.settled(run.id);

    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(await applicationStates(fixture)).toEqual(ALL_ONLINE);
    const detail = fixture.engine.get(run.id);
    const suspend = detail.plan.steps.find((s) => s.kind === 'suspend-resources');
    expect(suspend?.why).toMatch(/maintenance mode only turns health checking off: SQL Server, SQL Server Agent would keep running/);
    expect(suspend?.changes).toContainEqual({
      kind: 'resource',
      cluster: 'SQLCLUS',
      resource: 'SQL Server',
      before: 'Online',
      after: 'Offline',
    });
    // The agent first (it depends on SQL Server), then SQL Server, then the disks into maintenance.
    expect(suspend?.commands.map((c) => c.text.match(/(Stop|Suspend)-ClusterResource -Name '[^']+'/)?.[0]).slice(0, 2)).toEqual([
      "Stop-ClusterResource -Name 'SQL Server Agent'",
      "Stop-ClusterResource -Name 'SQL Server'",
    ]);
    expect(detail.plan.steps.map((s) => s.kind)).toEqual(expect.arrayContaining(['resume-resources', 'start-dependents']));
    expect(detail.plan.steps.findIndex((s) => s.kind === 'start-dependents')).toBeGreaterThan(
      detail.plan.steps.findIndex((s) => s.kind === 'resume-resources'),
    );
  });

  it('a dependent that fails to come back fails the step with the reason, and rollback leaves every dependent as it was', async () => {
    fixture = await openRecovery('two-node-sql');
    await armFault(fixture.dataDir, { operation: 'startApplicationResource', kind: 'fail', times: 1 });
    const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
    const failed = await fixture.engine.settled(run.id);

    expect(failed.state).toBe('failed');
    expect(failed.attentionStepId).toMatch(/-start-dependents$/);
    expect(failed.lastError).toMatch(
      /Bring SQL Server online: failed: The Lab refused to bring an application resource \(SQL Server, a network name\) online/,
    );

    await fixture.engine.rollback(run.id, 'SQLCLUS', { autoConfirm: true });
    expect((await fixture.engine.settled(run.id)).state).toBe('rolled-back');
    expect(await applicationStates(fixture)).toEqual(ALL_ONLINE);
  });

  it('verify reports a dependent that is not back online instead of passing on the disks alone', async () => {
    fixture = await openRecovery('two-node-sql');
    const run = await fixture.engine.start({ setId: fixture.setId, mode: 'maintenance' }, ['all'], { autoConfirm: true });
    expect((await fixture.engine.settled(run.id)).state).toBe('succeeded');
    // Someone stops SQL Server after the recovery brought it back; verification, run again, must say so.
    await fixture.backend.stopApplicationResource({ cluster: 'SQLCLUS', resource: 'SQL Server', onNode: 'SQL01' });
    const verify = fixture.engine.get(run.id).plan.steps.find((s) => s.kind === 'verify');
    if (!verify) throw new Error('the plan has no verify step');
    const { work } = bindStep(verify, { backend: fixture.backend, log: () => undefined });
    if (work.kind !== 'action') throw new Error('verify is one action');

    const failure = work.apply().then(
      () => '',
      (error: Error) => error.message,
    );
    expect(await failure).toMatch(
      /SQL Server is Offline on SQL01, but it was Online before the recovery: the application on the recovered disks is down\. Start it with Start-ClusterResource on SQL01/,
    );
    expect(await failure).toMatch(/SQL Server Agent is Offline on SQL01/);
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
