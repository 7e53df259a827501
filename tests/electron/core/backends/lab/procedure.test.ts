/**
 * Microsoft's fast-recovery procedure, walked by hand through the Backend port on two-node-sql after
 * the incident: the data must come back as of the set and the cluster must come back on its owner.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lun } from '../../../../../shared/domain';
import { corruptLun } from '../../../../../electron/core/backends/lab/lab-admin';
import { openLab, type LabFixture } from './lab-fixture';

const CLUSTER = 'SQLCLUS';
const OWNER = 'SQL01';
const NODES = ['SQL01', 'SQL02'];

let lab: LabFixture;
beforeEach(async () => {
  lab = await openLab('two-node-sql');
});
afterEach(() => lab.cleanup());

async function lunById(id: string): Promise<Lun> {
  const lun = (await lab.backend.listLuns()).find((l) => l.id === id);
  if (!lun) throw new Error(`no LUN ${id}`);
  return lun;
}

async function lastNightsSet() {
  const [set] = await lab.backend.listSnapshotSets();
  if (!set) throw new Error('the scenario has no set');
  return set;
}

async function diskResources() {
  const [cluster] = await lab.backend.listClusters();
  return cluster?.diskResources ?? [];
}

/**
 * Steps 2 to 6 of the procedure, with maintenance mode or offline/online for step 2a and 6b. The volumes are made
 * usable while the disks are online in maintenance mode, as Windows requires of a clustered disk: in offline mode
 * that means after starting them, in a maintenance window of its own.
 */
async function recover(takeOutOfService: 'maintenance' | 'offline') {
  const set = await lastNightsSet();
  const resources = await diskResources();
  const refs = resources.map((resource) => ({ cluster: CLUSTER, resource: resource.name, onNode: OWNER }));
  for (const ref of refs) await (takeOutOfService === 'maintenance' ? lab.backend.suspendResource(ref) : lab.backend.stopResource(ref));
  for (const copy of set.shadowCopies) await lab.backend.setLunMask({ lunId: copy.originalLunId, hosts: [] });
  await lab.backend.importSnapshotSet({ setId: set.id, host: OWNER });
  await lab.backend.breakSnapshotSet({ setId: set.id, mode: 'revert-identity' });
  for (const copy of set.shadowCopies) await lab.backend.setLunMask({ lunId: copy.shadowLunId, hosts: NODES });
  if (takeOutOfService === 'offline') {
    for (const ref of refs) await lab.backend.startResource(ref);
    for (const ref of refs) await lab.backend.suspendResource(ref);
  }
  const driveLetters = Object.fromEntries(
    set.shadowCopies.flatMap((c) => (c.originalDriveLetter ? [[c.shadowLunId, c.originalDriveLetter]] : [])),
  );
  await lab.backend.setVolumesReadWrite({ host: OWNER, lunIds: set.shadowCopies.map((c) => c.shadowLunId), driveLetters });
  for (const ref of refs) await lab.backend.resumeResource(ref);
  return set;
}

describe('fast recovery on two-node-sql after the incident', () => {
  it.each(['maintenance', 'offline'] as const)('brings the data back and the disks online on the owner node (%s)', async (mode) => {
    const before = await lunById('ARRAY-01:lun-0');
    await corruptLun(lab.dataDir, before.name);
    expect((await lunById(before.id)).contentChecksum).not.toBe(before.contentChecksum);
    const lunCount = (await lab.backend.listLuns()).length;

    const set = await recover(mode);

    for (const copy of set.shadowCopies) {
      const recovered = await lunById(copy.shadowLunId);
      const original = await lunById(copy.originalLunId);
      expect(recovered.signature).toBe(copy.originalIdentity.signature);
      expect(recovered.readOnly).toBe(false);
      expect(recovered.maskedTo).toEqual(NODES);
      expect(recovered.volumes[0]?.driveLetter).toBe(copy.originalDriveLetter);
      // The damaged original is kept aside, masked from production.
      expect(original.maskedTo).toEqual([]);
    }
    const dataCopy = set.shadowCopies.find((c) => c.originalLunId === before.id);
    expect((await lunById(dataCopy?.shadowLunId ?? '')).contentChecksum).toBe(before.contentChecksum);
    expect((await lab.backend.listSnapshotSets())[0]?.state).toBe('broken');

    for (const resource of await diskResources()) {
      expect(resource).toMatchObject({ state: 'Online', ownerNode: OWNER, maintenanceMode: false, lastEvent: null });
    }
    expect((await lab.backend.listLuns()).length).toBe(lunCount);
  });

  it('leaves a cluster that fails over: the group comes online on SQL02 too', async () => {
    await recover('maintenance');
    const result = await lab.backend.moveGroup({ cluster: CLUSTER, group: 'SQL Server (MSSQLSERVER)', node: 'SQL02' });
    expect(result.summary).toContain('SQL02');
    for (const resource of await diskResources()) expect(resource).toMatchObject({ state: 'Online', ownerNode: 'SQL02' });
  });

  it('tells listeners about every change, in operator terms', async () => {
    const reasons: string[] = [];
    lab.backend.onChange((reason) => reasons.push(reason));
    await lab.backend.suspendResource({ cluster: CLUSTER, resource: 'Cluster Disk 1', onNode: OWNER });
    expect(reasons).toEqual([expect.stringContaining('Online(Maintenance)')]);
  });
});
