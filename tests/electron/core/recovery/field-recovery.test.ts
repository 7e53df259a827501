/**
 * Recoveries on the Lab with the facts of a real SAN (docs/windows-facts.md): masking through masking sets by
 * UniqueId on Storage Management arrays, a checked diskraid session and no "all" on a VDS-only array, and every
 * check that can fail later (import host reachable, masking sets present) made in preflight, before anything
 * destructive starts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { corruptLun, setArrayReachable, setConsoleComputer, setReachable } from '../../../../electron/core/backends/lab/lab-admin';
import { LabStore } from '../../../../electron/core/backends/lab/lab-store';
import { expectInOrder } from './in-order';
import { expectNothingLost, lunMap, openRecovery, productionView, type RecoveryFixture } from './recovery-fixture';

let fx: RecoveryFixture;
afterEach(() => fx?.cleanup());

/** "HOST LUN" for each surprise removal (System event 157) the run's output reports, in order. */
const surpriseRemovals = (runId: string): string[] =>
  fx.engine
    .get(runId)
    .steps.flatMap((s) => s.output)
    .flatMap((line) => /Warning: (\S+) logged "Disk has been surprise removed" .* for ([\w-]+):/.exec(line)?.slice(1, 3).join(' ') ?? []);

describe('legacy-vds: a VDS-only array', () => {
  it('plans checked diskraid sessions that never send "all", and recovers the LUN open to every host to every host by name', async () => {
    fx = await openRecovery('legacy-vds');
    const before = await lunMap(fx);
    await corruptLun(fx.dataDir, 'FS-PUBLIC');
    const plan = await fx.engine.plan({ setId: fx.setId });
    expect(plan.blocked).toBe(false);
    const masking = plan.steps.filter((s) => s.kind === 'mask-originals' || s.kind === 'unmask-shadows').flatMap((s) => s.commands);
    expect(masking.length).toBe(4);
    for (const command of masking) {
      expect(command.text).not.toMatch(/unmask lun all/);
      const detail = command.text.indexOf("WriteLine('detail lun')");
      const check = command.text.indexOf('IndexOf(');
      const unmask = command.text.indexOf("WriteLine('unmask lun");
      expect(detail).toBeGreaterThan(0);
      expect(check).toBeGreaterThan(detail);
      expect(unmask).toBeGreaterThan(check);
    }
    const run = await fx.engine.start({ setId: fx.setId }, [], { autoConfirm: true });
    const done = await fx.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    const after = await lunMap(fx);
    const publicLun = [...before.values()].find((l) => l.name === 'FS-PUBLIC');
    const recovered = [...after.values()].find((l) => l.shadowOf === publicLun?.id);
    expect(recovered?.maskAll).toBe(false);
    expect(recovered?.maskedTo.sort()).toEqual(['BACKUP01', 'FS01', 'FS02']);
    expect(recovered?.contentChecksum).toBe(publicLun?.contentChecksum);
    await expectNothingLost(fx, before);
  });

  it('from a console on an admin workstation, diskraid runs on FS01, which holds the originals, and uninstalls their disks there before masking them', async () => {
    fx = await openRecovery('legacy-vds');
    await setConsoleComputer(fx.dataDir, 'ADMIN01');
    const plan = await fx.engine.plan({ setId: fx.setId });
    expect(plan.blocked).toBe(false);
    const masking = plan.steps.find((s) => s.kind === 'mask-originals')?.commands ?? [];
    expect(masking.map((c) => c.runsOn)).toEqual(['FS01', 'FS01']);
    for (const command of masking) {
      expectInOrder(command.text, [
        "New-PSSession -ComputerName 'FS01'",
        "WriteLine('detail lun')",
        'IndexOf(',
        "WriteLine('unmask lun none uninstall')",
        'Remove-PSSession',
      ]);
      expect(command.text).not.toMatch(/unmask lun all/);
    }
    const run = await fx.engine.start({ setId: fx.setId }, [], { autoConfirm: true });
    const done = await fx.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    // FS01 uninstalled both disks before the array took them away. FS-PUBLIC was open to every host: FS02 and
    // BACKUP01 list it too, and nothing documented uninstalls a disk on a host diskraid does not run on.
    const removed = surpriseRemovals(run.id);
    expect(removed).toEqual(['FS02 FS-PUBLIC', 'BACKUP01 FS-PUBLIC']);
  });
});

describe('a clustered LUN on a VDS-only array', () => {
  it('after a failover, diskraid masks the originals on the node that owns their disks now, not where the set was taken', async () => {
    fx = await openRecovery('two-node-sql');
    // SQLCLUS on an array with only a VDS provider: no masking sets, diskraid masks its LUNs.
    await new LabStore(fx.dataDir).update((state) => {
      for (const array of state.arrays) array.management = 'vds';
      state.maskingSets = [];
    });
    const luns = await lunMap(fx);
    const originals = ['SQL-DATA', 'SQL-LOGS'].map((name) => [...luns.values()].find((l) => l.name === name)?.id ?? name);
    const created = await fx.backend.createSnapshotSet({ host: 'SQL01', lunIds: originals, persistent: true });
    await fx.backend.moveGroup({ cluster: 'SQLCLUS', group: 'SQL Server (MSSQLSERVER)', node: 'SQL02' });

    const plan = await fx.engine.plan({ setId: created.snapshotSetId });
    expect(plan.blocked).toBe(false);
    const masking = plan.steps.find((s) => s.kind === 'mask-originals')?.commands ?? [];
    expect(masking.map((c) => c.runsOn)).toEqual(['SQL02', 'SQL02']);
    for (const command of masking)
      expectInOrder(command.text, [
        "New-PSSession -ComputerName 'SQL02'",
        "WriteLine('detail lun')",
        "WriteLine('unmask lun none uninstall')",
        'Remove-PSSession',
      ]);

    const run = await fx.engine.start({ setId: created.snapshotSetId }, ['all'], { autoConfirm: true });
    const done = await fx.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    // SQL02 uninstalled the disks it owned before the array took them away; SQL01, the other node, lists them too
    // and sees them surprise removed.
    const removed = surpriseRemovals(run.id);
    expect(removed).toEqual(['SQL01 SQL-DATA', 'SQL01 SQL-LOGS']);
    await expectNothingLost(fx, luns);
  });
});

describe('a set ShadowSwap creates', () => {
  it('plans and recovers: each shadow copy is linked to the shadow LUN the provider made', async () => {
    fx = await openRecovery('two-node-sql');
    const luns = await lunMap(fx);
    const originals = ['SQL-DATA', 'SQL-LOGS'].map((name) => [...luns.values()].find((l) => l.name === name)?.id ?? name);
    const created = await fx.backend.createSnapshotSet({ host: 'SQL01', lunIds: originals, persistent: true });
    const set = (await fx.backend.listSnapshotSets()).find((s) => s.id === created.snapshotSetId);
    const after = await lunMap(fx);
    for (const copy of set?.shadowCopies ?? []) expect(after.get(copy.shadowLunId)?.shadowOf).toBe(copy.originalLunId);
    const plan = await fx.engine.plan({ setId: created.snapshotSetId });
    expect(plan.shadowLunIds).toHaveLength(2);
    expect(plan.blocked).toBe(false);
    const run = await fx.engine.start({ setId: created.snapshotSetId }, ['all'], { autoConfirm: true });
    const done = await fx.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    await expectNothingLost(fx, luns);
  });
});

describe('preflight before the outage', () => {
  it('fails when the import host does not answer over remoting, and nothing destructive starts', async () => {
    fx = await openRecovery('two-node-sql');
    await setReachable(fx.dataDir, 'SQL01', false);
    const production = await productionView(fx);
    const plan = await fx.engine.plan({ setId: fx.setId });
    expect(plan.preflight.find((c) => c.id === 'import-host-reachable')).toMatchObject({ verdict: 'fail' });
    expect(plan.blocked).toBe(true);
    await expect(fx.engine.start({ setId: fx.setId }, ['all'], { autoConfirm: true })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await productionView(fx)).toEqual(production);
  });

  it('fails when a host that must see a recovered LUN has no masking set, with the command that creates one', async () => {
    fx = await openRecovery('two-node-sql');
    await new LabStore(fx.dataDir).update((state) => {
      state.maskingSets = state.maskingSets.filter((s) => !s.hosts.includes('BACKUP01'));
    });
    const plan = await fx.engine.plan({ setId: fx.setId, forensicsHost: 'BACKUP01' });
    const check = plan.preflight.find((c) => c.id === 'masking-sets');
    expect(check).toMatchObject({ verdict: 'fail' });
    expect(check?.fix).toMatch(/New-MaskingSet -StorageSubSystemFriendlyName 'FC-ARRAY-01' -FriendlyName 'BACKUP01-FC-ARRAY-01'/);
    expect(plan.blocked).toBe(true);
  });

  it("fails when the array's Storage Management provider does not answer, before the disks go offline", async () => {
    fx = await openRecovery('two-node-sql');
    await setArrayReachable(fx.dataDir, 'FC-ARRAY-01', false);
    const production = await productionView(fx);
    const plan = await fx.engine.plan({ setId: fx.setId });
    expect(plan.preflight.find((c) => c.id === 'provider:FC-ARRAY-01')).toMatchObject({
      verdict: 'fail',
      title: 'FC-ARRAY-01 answers through its Storage Management provider',
    });
    expect(plan.blocked).toBe(true);
    await expect(fx.engine.start({ setId: fx.setId }, ['all'], { autoConfirm: true })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await productionView(fx)).toEqual(production);
    await setArrayReachable(fx.dataDir, 'FC-ARRAY-01', true);
    expect((await fx.engine.plan({ setId: fx.setId })).preflight.find((c) => c.id === 'provider:FC-ARRAY-01')).toMatchObject({
      verdict: 'pass',
    });
  });
});
