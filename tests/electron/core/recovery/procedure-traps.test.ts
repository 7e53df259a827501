/**
 * Conditions of the real cluster that are known before a recovery starts must stop it before the first
 * destructive step, never after the irreversible break (docs/windows-facts.md#repointing-needs-the-resource-offline).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';

let fx: RecoveryFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

describe('maintenance mode with new disk signatures', () => {
  it('is refused in preflight with the reason, before any step runs', async () => {
    fx = await openRecovery();
    const plan = await fx.engine.plan({ setId: fx.setId, mode: 'maintenance', identity: 'new-signature' });
    const check = plan.preflight.find((c) => c.id === 'repoint-needs-offline');
    expect(check?.verdict).toBe('fail');
    expect(check?.reason).toMatch(/Offline/);
    expect(plan.blocked).toBe(true);
    await expect(
      fx.engine.start({ setId: fx.setId, mode: 'maintenance', identity: 'new-signature' }, [], { autoConfirm: true }),
    ).rejects.toThrow(/maintenance/i);
    const [set] = await fx.backend.listSnapshotSets();
    expect(set?.state).toBe('created');
  });

  it('offline mode with new signatures still plans and recovers', async () => {
    fx = await openRecovery();
    const plan = await fx.engine.plan({ setId: fx.setId, mode: 'offline', identity: 'new-signature' });
    expect(plan.preflight.find((c) => c.id === 'repoint-needs-offline')).toBeUndefined();
    const run = await fx.engine.start({ setId: fx.setId, mode: 'offline', identity: 'new-signature' }, ['identity'], { autoConfirm: true });
    expect((await fx.engine.settled(run.id)).state).toBe('succeeded');
  });
});

/**
 * A broken hardware shadow copy keeps its partitions' shadow-copy attributes (read-only, hidden, shadow copy, no
 * default drive letter); step 5 clears them and puts the originals' drive letters back
 * (docs/windows-facts.md#partition-attributes-after-the-break), on a clustered disk only while its resource is
 * online in maintenance mode (docs/windows-facts.md#clustered-disk-changes-need-maintenance-mode-and-online).
 */
describe('step 5 makes the volumes usable, not only the disk', () => {
  const OWNER = 'SQL01';

  async function importAndBreak(f: RecoveryFixture, release: 'stop' | 'suspend') {
    const [set] = await f.backend.listSnapshotSets();
    if (!set) throw new Error('no set');
    const [cluster] = await f.backend.listClusters();
    for (const resource of cluster?.diskResources ?? []) {
      const ref = { cluster: 'SQLCLUS', resource: resource.name, onNode: OWNER };
      await (release === 'stop' ? f.backend.stopResource(ref) : f.backend.suspendResource(ref));
    }
    for (const copy of set.shadowCopies) await f.backend.setLunMask({ lunId: copy.originalLunId, hosts: [] });
    await f.backend.importSnapshotSet({ setId: set.id, host: OWNER });
    await f.backend.breakSnapshotSet({ setId: set.id, mode: 'revert-identity' });
    return { set, resources: cluster?.diskResources ?? [] };
  }

  it('the break leaves the partitions read-only, hidden, marked shadow copy and without a drive letter', async () => {
    fx = await openRecovery();
    const { set } = await importAndBreak(fx, 'suspend');
    const readings = await fx.backend.readPartitions({ host: OWNER, lunIds: set.shadowCopies.map((c) => c.shadowLunId) });
    expect(readings).toHaveLength(set.shadowCopies.length);
    for (const reading of readings) {
      expect(reading.present).toBe(true);
      expect(reading.partitions.length).toBeGreaterThan(0);
      for (const partition of reading.partitions)
        expect(partition).toMatchObject({ readOnly: true, hidden: true, shadowCopy: true, noDefaultDriveLetter: true, driveLetter: null });
    }
    const recovered = (await fx.backend.listLuns()).filter((lun) => set.shadowCopies.some((c) => c.shadowLunId === lun.id));
    expect(recovered.every((lun) => lun.hidden && lun.volumes.every((v) => v.driveLetter === null))).toBe(true);
  });

  it('the Lab refuses the change on a clustered disk whose resource is offline, as Windows does (41018)', async () => {
    fx = await openRecovery();
    const { set, resources } = await importAndBreak(fx, 'stop');
    const lunIds = set.shadowCopies.map((c) => c.shadowLunId);
    await expect(fx.backend.setVolumesReadWrite({ host: OWNER, lunIds })).rejects.toThrow(/41018.*maintenance mode.*online/s);
    // Online but not in maintenance: still refused.
    for (const copy of set.shadowCopies) await fx.backend.setLunMask({ lunId: copy.shadowLunId, hosts: ['SQL01', 'SQL02'] });
    for (const r of resources) await fx.backend.startResource({ cluster: 'SQLCLUS', resource: r.name, onNode: OWNER });
    await expect(fx.backend.setVolumesReadWrite({ host: OWNER, lunIds })).rejects.toThrow(/41018/);
    // Online and in maintenance mode: done.
    for (const r of resources) await fx.backend.suspendResource({ cluster: 'SQLCLUS', resource: r.name, onNode: OWNER });
    await fx.backend.setVolumesReadWrite({ host: OWNER, lunIds });
    const readings = await fx.backend.readPartitions({ host: OWNER, lunIds });
    expect(readings.flatMap((r) => r.partitions).every((p) => !p.readOnly && !p.hidden && !p.shadowCopy && !p.noDefaultDriveLetter)).toBe(
      true,
    );
  });

  it.each([
    ['offline', 'revert'],
    ['offline', 'new-signature'],
    ['maintenance', 'revert'],
  ] as const)(
    '%s mode, %s identity: the plan clears the attributes while the disks are online in maintenance mode, and verify reads them back',
    async (mode, identity) => {
      fx = await openRecovery();
      const [set] = await fx.backend.listSnapshotSets();
      const plan = await fx.engine.plan({ setId: fx.setId, mode, identity });
      const kinds = plan.steps.map((s) => s.kind);
      const step5 = plan.steps.find((s) => s.kind === 'make-read-write');
      const texts = step5?.commands.map((c) => c.text).join('\n') ?? '';
      expect(texts).toMatch(
        /Set-Partition -InputObject \$p -IsReadOnly \$false -IsHidden \$false -IsShadowCopy \$false -NoDefaultDriveLetter \$false/,
      );
      expect(texts).toMatch(/-NewDriveLetter 'E'/);
      if (mode === 'offline') {
        // Offline leaves no disk online: step 5 comes after the disks are started, inside its own maintenance window.
        expect(kinds.indexOf('make-read-write')).toBeGreaterThan(kinds.indexOf('start-resources'));
        const disks = plan.steps.find((s) => s.kind === 'start-resources')?.commands.length ?? 0;
        expect(disks).toBeGreaterThan(0);
        const cmdlets = step5?.commands.map((c) => c.text.match(/(Suspend|Resume)-ClusterResource|Set-Partition/)?.[0]);
        expect(cmdlets?.slice(0, disks)).toEqual(Array(disks).fill('Suspend-ClusterResource'));
        expect(cmdlets?.slice(-disks)).toEqual(Array(disks).fill('Resume-ClusterResource'));
      } else {
        expect(kinds.indexOf('make-read-write')).toBeLessThan(kinds.indexOf('resume-resources'));
        expect(texts).not.toMatch(/Suspend-ClusterResource/);
      }
      expect(kinds.indexOf('make-read-write')).toBeLessThan(kinds.indexOf('start-dependents'));

      const run = await fx.engine.start({ setId: fx.setId, mode, identity }, identity === 'new-signature' ? ['identity'] : [], {
        autoConfirm: true,
      });
      const done = await fx.engine.settled(run.id);
      expect(done.lastError).toBeNull();
      expect(done.state).toBe('succeeded');
      const lunIds = set?.shadowCopies.map((c) => c.shadowLunId) ?? [];
      const readings = await fx.backend.readPartitions({ host: OWNER, lunIds });
      for (const reading of readings) {
        const copy = set?.shadowCopies.find((c) => c.shadowLunId === reading.lunId);
        expect(reading.partitions[0]).toMatchObject({
          readOnly: false,
          hidden: false,
          shadowCopy: false,
          noDefaultDriveLetter: false,
          driveLetter: copy?.originalDriveLetter,
        });
      }
      const [cluster] = await fx.backend.listClusters();
      expect(cluster?.diskResources.every((r) => r.state === 'Online' && !r.maintenanceMode)).toBe(true);
      const verify = fx.engine.get(run.id).steps.find((s) => s.id.endsWith('-verify'));
      expect(verify?.output.join('\n')).toMatch(/SQL-DATA: volume E: read\/write, visible, not a shadow copy on SQL01/);
    },
  );
});
