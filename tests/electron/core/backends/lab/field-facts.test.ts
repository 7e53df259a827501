/**
 * What a real SAN and real Windows hosts do that the Windows backend must live with, learned by the Lab first
 * (docs/windows-facts.md): arrays are managed through the Storage Management API (masking sets, add/remove) or only
 * through VDS (SetMask replaces the list, `*` reaches the local computer only, diskraid renumbers LUNs), a mask can
 * drift from what a plan expected, and a host can stop answering over PowerShell remoting.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setReachable } from '../../../../../electron/core/backends/lab/lab-admin';
import { diskraidIndexOf } from '../../../../../electron/core/backends/lab/diskraid-enumeration';
import { LabStore } from '../../../../../electron/core/backends/lab/lab-store';
import { findLun } from '../../../../../electron/core/backends/lab/lab-lookup';
import { openLab, type LabFixture } from './lab-fixture';

let lab: LabFixture;
afterEach(() => lab?.cleanup());

async function lunNamed(name: string) {
  const lun = (await lab.backend.listLuns()).find((l) => l.name === name);
  if (lun === undefined) throw new Error(`no LUN ${name}`);
  return lun;
}

describe('arrays declare how Windows manages them', () => {
  it('the default scenarios are on Storage Management arrays, legacy-vds on a VDS-only one', async () => {
    for (const [scenario, management] of [
      ['two-node-sql', 'storage-management'],
      ['standalone-dc', 'storage-management'],
      ['legacy-vds', 'vds'],
    ] as const) {
      lab = await openLab(scenario);
      expect((await lab.backend.listArrays()).map((a) => a.management)).toEqual([management]);
      await lab.cleanup();
    }
  });
});

describe('a VDS-only array', () => {
  it('grants "*" to the local computer only (IVdsLun::SetMask), and says so', async () => {
    lab = await openLab('legacy-vds');
    const data = await lunNamed('FS-DATA');
    const result = await lab.backend.setLunMask({ lunId: data.id, hosts: ['*'] });
    const after = await lunNamed('FS-DATA');
    expect(after.maskAll).toBe(false);
    expect(after.maskedTo).toEqual(['FS01']);
    expect(result.warnings.join(' ')).toMatch(/only the computer the command ran on \(FS01\)/);
  });

  it('renumbers its LUNs for diskraid when a set creates shadow LUNs', async () => {
    lab = await openLab('legacy-vds');
    const store = new LabStore(lab.dataDir);
    const indexOf = (name: string) => {
      const state = store.read();
      return diskraidIndexOf(state, findLun(state, name));
    };
    const before = indexOf('FS-DATA');
    await lab.backend.createSnapshotSet({ host: 'FS01', lunIds: [(await lunNamed('FS-DATA')).id], persistent: true });
    expect(indexOf('FS-DATA')).not.toBe(before);
  });
});

describe('a Storage Management array masks through masking sets', () => {
  it('adds and removes whole masking sets, leaving the other hosts as they are', async () => {
    lab = await openLab('two-node-sql');
    const data = await lunNamed('SQL-DATA');
    const added = await lab.backend.setLunMask({ lunId: data.id, hosts: ['SQL01', 'SQL02', 'BACKUP01'] });
    expect(added.summary).toMatch(/added to masking set BACKUP01-ARRAY-01/);
    const removed = await lab.backend.setLunMask({ lunId: data.id, hosts: ['SQL02', 'BACKUP01'] });
    expect(removed.summary).toMatch(/removed from masking set SQL01-ARRAY-01/);
    expect(removed.warnings.join(' ')).not.toMatch(/replaced/);
    expect((await lunNamed('SQL-DATA')).maskedTo.sort()).toEqual(['BACKUP01', 'SQL02']);
  });

  it('refuses a host that has no masking set on the array, naming the New-MaskingSet command', async () => {
    lab = await openLab('two-node-sql');
    await new LabStore(lab.dataDir).update((state) => {
      state.maskingSets = state.maskingSets.filter((s) => !s.hosts.includes('BACKUP01'));
    });
    const data = await lunNamed('SQL-DATA');
    await expect(lab.backend.setLunMask({ lunId: data.id, hosts: ['SQL01', 'SQL02', 'BACKUP01'] })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(
        /BACKUP01 has no masking set on FC-ARRAY-01.*New-MaskingSet -StorageSubSystemFriendlyName 'FC-ARRAY-01'/,
      ),
    });
    expect((await lunNamed('SQL-DATA')).maskedTo.sort()).toEqual(['SQL01', 'SQL02']);
  });

  it('has no "every host"', async () => {
    lab = await openLab('two-node-sql');
    const data = await lunNamed('SQL-DATA');
    await expect(lab.backend.setLunMask({ lunId: data.id, hosts: ['*'] })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});

describe('drift', () => {
  it('refuses a mask change when the array shows another list than expected, naming the difference, and changes nothing', async () => {
    lab = await openLab('two-node-sql');
    const data = await lunNamed('SQL-DATA');
    await expect(lab.backend.setLunMask({ lunId: data.id, hosts: [], expected: ['SQL01'] })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/the array shows SQL01, SQL02, the plan expected SQL01 \(SQL02 gained it\)/),
    });
    expect((await lunNamed('SQL-DATA')).maskedTo.sort()).toEqual(['SQL01', 'SQL02']);
  });
});

describe('a host unreachable over PowerShell remoting', () => {
  it('fails what runs on it, until it is reachable again', async () => {
    lab = await openLab('two-node-sql');
    const [set] = await lab.backend.listSnapshotSets();
    await setReachable(lab.dataDir, 'SQL02', false);
    await expect(lab.backend.importSnapshotSet({ setId: set?.id ?? '', host: 'SQL02' })).rejects.toThrow(
      /SQL02 did not answer over PowerShell remoting \(WinRM\)/,
    );
    await setReachable(lab.dataDir, 'SQL02', true);
    const ref = { cluster: 'SQLCLUS', resource: 'Cluster Disk 1', onNode: 'SQL01' };
    await expect(lab.backend.suspendResource(ref)).resolves.toMatchObject({ operation: 'suspendResource' });
  });

  it('fails an expose on the import host it cannot reach, as it fails a create on a source host it cannot reach', async () => {
    lab = await openLab('two-node-sql');
    const [set] = await lab.backend.listSnapshotSets();
    const [copy] = set?.shadowCopies ?? [];
    await lab.backend.importSnapshotSet({ setId: set?.id ?? '', host: 'SQL02' });
    await setReachable(lab.dataDir, 'SQL02', false);
    await expect(
      lab.backend.exposeShadowCopy({ setId: set?.id ?? '', shadowCopyId: copy?.id ?? '', driveLetter: 'P:' }),
    ).rejects.toMatchObject({
      code: 'BACKEND_FAILED',
      message: expect.stringMatching(/^SQL02 did not answer over PowerShell remoting \(WinRM\)/),
      details: { host: 'SQL02', reason: 'winrm-unreachable' },
    });
    await expect(
      lab.backend.createSnapshotSet({ host: 'SQL02', lunIds: [copy?.originalLunId ?? ''], persistent: true }),
    ).rejects.toMatchObject({
      details: { host: 'SQL02', reason: 'winrm-unreachable' },
    });
    await setReachable(lab.dataDir, 'SQL02', true);
    await expect(
      lab.backend.exposeShadowCopy({ setId: set?.id ?? '', shadowCopyId: copy?.id ?? '', driveLetter: 'P:' }),
    ).resolves.toMatchObject({
      operation: 'exposeShadowCopy',
    });
  });

  it('fails a break on the import host it cannot reach, leaving the set imported', async () => {
    lab = await openLab('two-node-sql');
    const [set] = await lab.backend.listSnapshotSets();
    await lab.backend.importSnapshotSet({ setId: set?.id ?? '', host: 'SQL02' });
    await setReachable(lab.dataDir, 'SQL02', false);
    await expect(lab.backend.breakSnapshotSet({ setId: set?.id ?? '', mode: 'writable' })).rejects.toMatchObject({
      code: 'BACKEND_FAILED',
      details: { host: 'SQL02', reason: 'winrm-unreachable' },
    });
    expect((await lab.backend.listSnapshotSets()).find((s) => s.id === set?.id)?.state).toBe('imported');
    await setReachable(lab.dataDir, 'SQL02', true);
    await expect(lab.backend.breakSnapshotSet({ setId: set?.id ?? '', mode: 'writable' })).resolves.toMatchObject({
      operation: 'breakSnapshotSet',
    });
  });
});
