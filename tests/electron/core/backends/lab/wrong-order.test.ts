/**
 * The procedure done wrong fails the way the real system does: with the real codes, the real events,
 * and the real aftermath (a Failed resource stays Failed), and a refused step changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShadowSwapError } from '../../../../../shared/errors';
import { armFault } from '../../../../../electron/core/backends/lab/lab-admin';
import { LabBackend } from '../../../../../electron/core/backends/lab/lab-backend';
import { openLab, type LabFixture } from './lab-fixture';

const CLUSTER = 'SQLCLUS';
const NODES = ['SQL01', 'SQL02'];

let lab: LabFixture;
beforeEach(async () => {
  lab = await openLab('two-node-sql');
});
afterEach(() => lab.cleanup());

async function failureOf(promise: Promise<unknown>): Promise<ShadowSwapError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ShadowSwapError)) throw new Error(`expected a ShadowSwapError, got ${String(error)}`);
  return error;
}

async function theSet() {
  const [set] = await lab.backend.listSnapshotSets();
  if (!set) throw new Error('no set');
  return set;
}

async function resource(name: string) {
  const [cluster] = await lab.backend.listClusters();
  const found = cluster?.diskResources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${name}`);
  return found;
}

async function suspendAll() {
  for (let i = 1; i <= 4; i += 1) await lab.backend.suspendResource({ cluster: CLUSTER, resource: `Cluster Disk ${i}`, onNode: 'SQL01' });
}

async function maskOriginals() {
  for (const copy of (await theSet()).shadowCopies) await lab.backend.setLunMask({ lunId: copy.originalLunId, hosts: [] });
}

describe('breaking with identity revert before the originals are masked', () => {
  it('fails with VSS_E_BREAK_REVERT_ID_FAILED and reverts nothing', async () => {
    const set = await theSet();
    await suspendAll();
    const imported = await lab.backend.importSnapshotSet({ setId: set.id, host: 'SQL01' });
    // SQL01 still sees the originals: Windows gave the arriving shadow disks new signatures.
    expect(imported.warnings.join(' ')).toContain('wrote a new one');
    const lunsBefore = await lab.backend.listLuns();

    const error = await failureOf(lab.backend.breakSnapshotSet({ setId: set.id, mode: 'revert-identity' }));

    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.details).toMatchObject({ hresult: '0x800423F6', symbol: 'VSS_E_BREAK_REVERT_ID_FAILED' });
    expect(error.message).toContain('Mask the original LUNs');
    expect(await lab.backend.listLuns()).toEqual(lunsBefore);
    expect((await theSet()).state).toBe('imported');
  });

  it('succeeds once the originals are masked, restoring the original signatures', async () => {
    const set = await theSet();
    await suspendAll();
    await lab.backend.importSnapshotSet({ setId: set.id, host: 'SQL01' });
    await maskOriginals();
    await lab.backend.breakSnapshotSet({ setId: set.id, mode: 'revert-identity' });
    const luns = await lab.backend.listLuns();
    for (const copy of set.shadowCopies)
      expect(luns.find((l) => l.id === copy.shadowLunId)?.signature).toBe(copy.originalIdentity.signature);
  });
});

describe('the owner-node rule', () => {
  it('refuses to bring a resource online from a node that does not own it', async () => {
    await lab.backend.stopResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: 'SQL01' });
    const error = await failureOf(lab.backend.startResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: 'SQL02' }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.details).toMatchObject({ symbol: 'ERROR_HOST_NODE_NOT_RESOURCE_OWNER', hresult: '0x80071397' });
    expect(error.message).toContain('owned by SQL01');
    expect((await resource('Cluster Disk 1')).state).toBe('Offline');
  });

  it('applies to maintenance mode too, and maintenance applies only to an online disk', async () => {
    expect((await failureOf(lab.backend.suspendResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: 'SQL02' }))).code).toBe(
      'PRECONDITION_FAILED',
    );
    await lab.backend.stopResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: 'SQL01' });
    const error = await failureOf(lab.backend.suspendResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: 'SQL01' }));
    expect(error.details).toMatchObject({ symbol: 'ERROR_RESOURCE_NOT_ONLINE' });
  });

  it('applies to application resources, which start after what they depend on and never before their disk', async () => {
    await lab.backend.stopResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: 'SQL01' });
    const apps = async () =>
      Object.fromEntries(((await lab.backend.listClusters())[0]?.applicationResources ?? []).map((r) => [r.name, r.state]));
    // Stop-ClusterResource took SQL Server and its agent down first; starting the disk does not bring them back.
    expect(await apps()).toMatchObject({ 'SQL Server': 'Offline', 'SQL Server Agent': 'Offline', 'SQL Network Name (SQLVS)': 'Online' });
    const error = await failureOf(
      lab.backend.startApplicationResource({ cluster: CLUSTER, resource: 'SQL Server Agent', onNode: 'SQL02' }),
    );
    expect(error.details).toMatchObject({ symbol: 'ERROR_HOST_NODE_NOT_RESOURCE_OWNER' });
    await lab.backend.startResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: 'SQL01' });
    expect((await apps())['SQL Server']).toBe('Offline');
    const started = await lab.backend.startApplicationResource({ cluster: CLUSTER, resource: 'SQL Server Agent', onNode: 'SQL01' });
    expect(started.changes).toEqual(['SQL Server: Offline → Online on SQL01', 'SQL Server Agent: Offline → Online on SQL01']);
  });

  it('an application resource whose disk cannot come online fails with it', async () => {
    await lab.backend.stopResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: 'SQL01' });
    await lab.backend.setLunMask({ lunId: (await theSet()).shadowCopies[0]!.originalLunId, hosts: [] });
    const error = await failureOf(lab.backend.startApplicationResource({ cluster: CLUSTER, resource: 'SQL Server', onNode: 'SQL01' }));
    expect(error.message).toMatch(
      /"SQL Server" could not come online on SQL01 because a resource it depends on failed: "Cluster Disk 1" failed to come online/,
    );
    expect(((await lab.backend.listClusters())[0]?.applicationResources ?? []).find((r) => r.name === 'SQL Server')?.state).toBe('Failed');
  });

  it('clears maintenance mode when the group moves', async () => {
    await lab.backend.suspendResource({ cluster: CLUSTER, resource: 'Cluster Disk 2', onNode: 'SQL01' });
    await lab.backend.moveGroup({ cluster: CLUSTER, group: 'SQL Server (MSSQLSERVER)', node: 'SQL02' });
    expect(await resource('Cluster Disk 2')).toMatchObject({ state: 'Online', maintenanceMode: false, ownerNode: 'SQL02' });
  });
});

describe('a mask is the whole access list', () => {
  it('a list that drops the owner node leaves its resource without a disk: it fails with event 1034', async () => {
    const set = await theSet();
    await suspendAll();
    await maskOriginals();
    await lab.backend.importSnapshotSet({ setId: set.id, host: 'SQL01' });
    await lab.backend.breakSnapshotSet({ setId: set.id, mode: 'revert-identity' });
    const data = set.shadowCopies[0];
    if (!data) throw new Error('empty set');
    await lab.backend.setVolumesReadWrite({ host: 'SQL01', lunIds: [data.shadowLunId] });

    // Meant "add SQL02"; the list given is the whole list, so SQL01 leaves its masking set.
    const masked = await lab.backend.setLunMask({ lunId: data.shadowLunId, hosts: ['SQL02'] });
    expect(masked.changes.join(' ')).toContain('SQL01 no longer sees');

    const error = await failureOf(lab.backend.resumeResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: 'SQL01' }));
    expect(error.code).toBe('BACKEND_FAILED');
    expect(error.details).toMatchObject({ symbol: 'ERROR_RESOURCE_FAILED' });
    const failed = await resource('Cluster Disk 1');
    expect(failed.state).toBe('Failed');
    expect(failed.lastEvent).toContain(`Event 1034 (ClusDisk)`);
    expect(failed.lastEvent).toContain(data.originalIdentity.signature ?? '');
  });

  it('masking a disk away from an online resource (not in maintenance) fails the resource at once', async () => {
    const set = await theSet();
    const result = await lab.backend.setLunMask({ lunId: set.shadowCopies[0]?.originalLunId ?? '', hosts: [] });
    expect(result.warnings.join(' ')).toContain('FAILED');
    expect((await resource('Cluster Disk 1')).state).toBe('Failed');
  });

  it('`*` (every host) does not exist for masking sets, and cannot be mixed with names', async () => {
    const lunId = (await theSet()).shadowCopies[0]?.shadowLunId ?? '';
    expect((await failureOf(lab.backend.setLunMask({ lunId, hosts: ['*'] }))).code).toBe('INVALID_REQUEST');
    expect((await failureOf(lab.backend.setLunMask({ lunId, hosts: ['*', 'SQL01'] }))).code).toBe('INVALID_REQUEST');
    expect((await lab.backend.listLuns()).find((l) => l.id === lunId)?.maskedTo).toEqual([]);
  });
});

describe('breaking without identity revert', () => {
  it('gives new signatures, so the cluster cannot find its disks', async () => {
    const set = await theSet();
    await suspendAll();
    await maskOriginals();
    await lab.backend.importSnapshotSet({ setId: set.id, host: 'SQL01' });
    const broken = await lab.backend.breakSnapshotSet({ setId: set.id, mode: 'writable' });
    expect(broken.warnings.join(' ')).toContain('event 1034');
    const luns = await lab.backend.listLuns();
    for (const copy of set.shadowCopies)
      expect(luns.find((l) => l.id === copy.shadowLunId)?.signature).not.toBe(copy.originalIdentity.signature);
    for (const copy of set.shadowCopies) await lab.backend.setLunMask({ lunId: copy.shadowLunId, hosts: NODES });
    const error = await failureOf(lab.backend.resumeResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: 'SQL01' }));
    expect(error.details).toMatchObject({ symbol: 'ERROR_RESOURCE_FAILED' });
  });

  it('cannot break a set that was never imported', async () => {
    const error = await failureOf(lab.backend.breakSnapshotSet({ setId: (await theSet()).id, mode: 'plain' }));
    expect(error.details).toMatchObject({ symbol: 'VSS_E_OBJECT_NOT_FOUND' });
  });
});

describe('imports', () => {
  it('run one at a time per host', async () => {
    const set = await theSet();
    const first = lab.backend.importSnapshotSet({ setId: set.id, host: 'BACKUP01' });
    const second = await failureOf(lab.backend.importSnapshotSet({ setId: set.id, host: 'BACKUP01' }));
    expect(second.code).toBe('BUSY');
    expect(second.details).toMatchObject({ symbol: 'VSS_E_SNAPSHOT_SET_IN_PROGRESS' });
    await first;
  });

  it('can end partially imported, and must be finished before the break', async () => {
    const set = await theSet();
    await armFault(lab.dataDir, { operation: 'importSnapshotSet', kind: 'partial', times: 1 });
    const partial = await lab.backend.importSnapshotSet({ setId: set.id, host: 'BACKUP01' });
    expect(partial.status).toEqual({ hresult: '0x00042321', symbol: 'VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED' });
    const copies = (await theSet()).shadowCopies;
    expect(copies.map((c) => c.imported)).toEqual([true, true, false, false]);
    expect(partial.partial).toMatchObject({ imported: copies.slice(0, 2).map((c) => c.id), notImported: copies.slice(2).map((c) => c.id) });
    expect((await failureOf(lab.backend.breakSnapshotSet({ setId: set.id, mode: 'writable' }))).details).toMatchObject({
      symbol: 'VSS_E_BAD_STATE',
    });

    const rest = await lab.backend.importSnapshotSet({ setId: set.id, host: 'BACKUP01' });
    expect(rest.status).toBeNull();
    expect(rest.partial).toBeNull();
    expect((await theSet()).shadowCopies.every((c) => c.imported)).toBe(true);
  });

  it('surface read-only, and a shadow copy stays read-only until the set is broken', async () => {
    const set = await theSet();
    await lab.backend.importSnapshotSet({ setId: set.id, host: 'BACKUP01' });
    const shadowId = set.shadowCopies[0]?.shadowLunId ?? '';
    expect((await lab.backend.listLuns()).find((l) => l.id === shadowId)).toMatchObject({ readOnly: true, maskedTo: ['BACKUP01'] });
    const error = await failureOf(lab.backend.setVolumesReadWrite({ host: 'BACKUP01', lunIds: [shadowId] }));
    expect(error.details).toMatchObject({ symbol: 'VDS_E_OPERATION_DENIED' });
  });
});

describe('injected faults', () => {
  it('fail returns the real code and text, and a failed import is left for the requester', async () => {
    const set = await theSet();
    await armFault(lab.dataDir, { operation: 'importSnapshotSet', kind: 'fail', times: 1 });
    const error = await failureOf(lab.backend.importSnapshotSet({ setId: set.id, host: 'BACKUP01' }));
    expect(error.code).toBe('BACKEND_FAILED');
    expect(error.details).toMatchObject({ hresult: '0x8004230F', symbol: 'VSS_E_UNEXPECTED_PROVIDER_ERROR' });
    expect(error.message).toContain('The shadow copy provider had an unexpected error');
    expect((await theSet()).state).toBe('failed');
    // Used up: the retry works.
    await lab.backend.importSnapshotSet({ setId: set.id, host: 'BACKUP01' });
    expect((await theSet()).state).toBe('imported');
  });

  it('crash-before stops the operation with its effect unsaved (the real exit is tested in crash.test.ts)', async () => {
    await armFault(lab.dataDir, { operation: 'suspendResource', kind: 'crash', crashPoint: 'before', times: 1 });
    const crashed: string[] = [];
    const backend = await LabBackend.open(lab.dataDir, {
      latencyScale: 0,
      crash: (message) => {
        crashed.push(message);
        throw new Error('process would have exited');
      },
    });
    await expect(backend.suspendResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: 'SQL01' })).rejects.toThrow(
      'process would have exited',
    );
    expect(crashed).toEqual([expect.stringContaining('before its effect was saved')]);
    expect((await resource('Cluster Disk 1')).maintenanceMode).toBe(false);
    await backend.close();
  });
});
