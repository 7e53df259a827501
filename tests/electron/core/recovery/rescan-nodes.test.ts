/**
 * Every node rescans and lists the recovered disks (issue 16 item 4): a Lab node, like a Windows one, does not list a
 * LUN newly unmasked to it until it rescans its disks (docs/windows-facts.md#rescan-with-update-hoststoragecache), so a
 * recovery must rescan every node that must see the recovered LUNs and then ask each node what it lists, by UniqueId,
 * rather than trust the masking record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { armFault, setReachable } from '../../../../electron/core/backends/lab/lab-admin';
import { bindStep } from '../../../../electron/core/recovery/steps';
import { openLab, type LabFixture } from '../backends/lab/lab-fixture';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';

let fx: LabFixture | RecoveryFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

const listed = async (fixture: LabFixture, host: string): Promise<string[]> =>
  (await fixture.backend.listHostDisks(host)).flatMap((disk) => (disk.lunId === null ? [] : [disk.lunId]));

describe('a Lab node and a newly unmasked LUN', () => {
  it('is not listed by the node until it rescans, though the array already presents it', async () => {
    fx = await openLab('two-node-sql');
    // A shadow LUN of last night's set: masked from every host until a recovery gives it to one.
    const spare = (await fx.backend.listLuns()).find((lun) => lun.maskedTo.length === 0);
    if (spare === undefined) throw new Error('two-node-sql has no masked LUN to give');
    await fx.backend.setLunMask({ lunId: spare.id, hosts: ['SQL02'] });

    expect((await fx.backend.listHosts()).find((h) => h.name === 'SQL02')?.visibleLunIds).toContain(spare.id);
    expect(await listed(fx, 'SQL02')).not.toContain(spare.id);

    const rescan = await fx.backend.rescanHostStorage({ host: 'SQL02' });
    expect(rescan.summary).toBe(`SQL02 rescanned its disks and discovered ${spare.name}.`);
    expect(await listed(fx, 'SQL02')).toContain(spare.id);
    // Masked away, it is gone from the node at once.
    await fx.backend.setLunMask({ lunId: spare.id, hosts: [] });
    expect(await listed(fx, 'SQL02')).not.toContain(spare.id);
  });

  it('an import makes the importing host discover the shadow LUNs itself', async () => {
    const recovery = await openRecovery('two-node-sql');
    fx = recovery;
    const plan = await recovery.engine.plan({ setId: recovery.setId });
    for (const lunId of plan.originalLunIds) await recovery.backend.setLunMask({ lunId, hosts: [] });
    await recovery.backend.importSnapshotSet({ setId: recovery.setId, host: plan.importHost });
    expect(await listed(recovery, plan.importHost)).toEqual(expect.arrayContaining(plan.shadowLunIds));
  });
});

describe('a recovery rescans every node that must see the recovered LUNs', () => {
  it('plans the rescan on each node, through remoting, right after the unmask', async () => {
    const recovery = await openRecovery('two-node-sql');
    fx = recovery;
    const plan = await recovery.engine.plan({ setId: recovery.setId });
    const kinds = plan.steps.map((s) => s.kind);
    expect(kinds.indexOf('rescan-nodes')).toBe(kinds.indexOf('unmask-shadows') + 1);
    const step = plan.steps.find((s) => s.kind === 'rescan-nodes');
    expect(step?.commands.map((c) => [c.runsOn, c.text.replace(/ \| Select-Object.*/, '')])).toEqual(
      ['SQL01', 'SQL02'].map((node) => [
        node,
        `$ErrorActionPreference = 'Stop'; Invoke-Command -ComputerName '${node}' -ErrorAction Stop -ScriptBlock { $ErrorActionPreference = 'Stop'; Update-HostStorageCache; Get-Disk`,
      ]),
    );
    expect(step?.destructive).toBe(false);
  });

  it('after the run, every node lists every recovered LUN by its own Get-Disk, not only by the masking record', async () => {
    const recovery = await openRecovery('two-node-sql');
    fx = recovery;
    const run = await recovery.engine.start({ setId: recovery.setId }, ['all'], { autoConfirm: true });
    const done = await recovery.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    const plan = recovery.engine.get(run.id).plan;
    for (const node of ['SQL01', 'SQL02']) expect(await listed(recovery, node)).toEqual(expect.arrayContaining(plan.shadowLunIds));
    const output = recovery.engine.get(run.id).steps.find((s) => s.id.endsWith('-rescan-nodes'))?.output ?? [];
    const names = (await recovery.backend.listLuns()).filter((l) => plan.shadowLunIds.includes(l.id)).map((l) => l.name);
    expect(output).toContain('SQL01 rescanned its disks; it had already discovered every LUN the array presents to it.');
    expect(output).toContain(`SQL02 rescanned its disks and discovered ${names.join(', ')}.`);
    expect(output).toContain(`SQL02 lists ${names.map((name, i) => `${name} (disk ${i + 1})`).join(', ')}`);
  });

  it('a node remoting cannot reach fails the step with the WinRM reason; reachable again, the run resumes and completes', async () => {
    const recovery = await openRecovery('two-node-sql');
    fx = recovery;
    const plan = await recovery.engine.plan({ setId: recovery.setId });
    const rescanIndex = plan.steps.findIndex((s) => s.kind === 'rescan-nodes');
    // SQL02 drops off the network while the run is under way, before the rescan.
    await armFault(recovery.dataDir, { operation: 'rescanHostStorage', kind: 'fail', times: 1 });
    const run = await recovery.engine.start({ setId: recovery.setId }, ['all'], { autoConfirm: true });
    const stopped = await recovery.engine.settled(run.id);
    expect(stopped).toMatchObject({ state: 'failed', attentionStepId: `${rescanIndex + 1}-rescan-nodes` });

    await setReachable(recovery.dataDir, 'SQL02', false);
    await recovery.engine.resume(run.id, { autoConfirm: true });
    const blind = await recovery.engine.settled(run.id);
    expect(blind.state).toBe('failed');
    expect(blind.lastError).toMatch(/^SQL02 did not answer over PowerShell remoting \(WinRM\)/);

    await setReachable(recovery.dataDir, 'SQL02', true);
    await recovery.engine.resume(run.id, { autoConfirm: true });
    const done = await recovery.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(await listed(recovery, 'SQL02')).toEqual(expect.arrayContaining(plan.shadowLunIds));
  });
});

describe('a rollback rescans the nodes that get the originals back', () => {
  it('after a rollback every node that saw an original before the run lists it again by its own Get-Disk', async () => {
    const recovery = await openRecovery('two-node-sql');
    fx = recovery;
    const plan = await recovery.engine.plan({ setId: recovery.setId });
    const seenBefore = Object.fromEntries(await Promise.all(['SQL01', 'SQL02'].map(async (node) => [node, await listed(recovery, node)])));
    // The break fails: the originals are masked away, so the rollback unmasks them to the nodes again.
    await armFault(recovery.dataDir, { operation: 'breakSnapshotSet', kind: 'fail', times: 1 });
    const run = await recovery.engine.start({ setId: recovery.setId }, ['all'], { autoConfirm: true });
    expect((await recovery.engine.settled(run.id)).state).toBe('failed');

    await recovery.engine.rollback(run.id, 'SQLCLUS', { autoConfirm: true });
    const done = await recovery.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('rolled-back');
    for (const node of ['SQL01', 'SQL02']) {
      expect(seenBefore[node]).toEqual(expect.arrayContaining(plan.originalLunIds));
      expect(await listed(recovery, node)).toEqual(expect.arrayContaining(plan.originalLunIds));
    }
    const names = (await recovery.backend.listLuns()).filter((l) => plan.originalLunIds.includes(l.id)).map((l) => l.name);
    const output = recovery.engine.get(run.id).steps.find((s) => s.id.endsWith('-mask-originals'))?.output ?? [];
    expect(output).toContain(`SQL02 rescanned its disks and discovered ${names.join(', ')}.`);
    expect(output).toContain(`SQL02 lists ${names.map((name, i) => `${name} (disk ${i + 1})`).join(', ')}`);
  });
});

describe('readings from the node the step concerns', () => {
  it('verify asks the owner node for its disks: one that has not discovered the recovered LUN fails it, whatever the masking record says', async () => {
    const recovery = await openRecovery('two-node-sql');
    fx = recovery;
    const run = await recovery.engine.start({ setId: recovery.setId }, ['all'], { autoConfirm: true });
    expect((await recovery.engine.settled(run.id)).state).toBe('succeeded');
    const { plan } = recovery.engine.get(run.id);
    const verifyStep = plan.steps.find((s) => s.kind === 'verify');
    const recovered = plan.shadowLunIds[0] ?? '';
    // Someone masks the recovered LUN away from SQL01 and back: the array presents it again, SQL01 has not rescanned.
    await recovery.backend.setLunMask({ lunId: recovered, hosts: ['SQL02'] });
    await recovery.backend.setLunMask({ lunId: recovered, hosts: ['SQL01', 'SQL02'] });
    expect((await recovery.backend.listLuns()).find((l) => l.id === recovered)?.maskedTo).toEqual(['SQL02', 'SQL01']);
    if (verifyStep === undefined) throw new Error('the plan has no verify step');
    const lines: string[] = [];
    const { work } = bindStep(verifyStep, { backend: recovery.backend, log: (line) => lines.push(line) });
    if (work.kind !== 'action') throw new Error('verify is one action');
    await expect(work.apply()).rejects.toThrow(/SQL01 does not list the recovered LUN of SQL-DATA \(no disk with its UniqueId\)/);
  });
});
