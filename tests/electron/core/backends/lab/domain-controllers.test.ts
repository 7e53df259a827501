/**
 * The Lab's domain controllers behave as Windows does when their database is swapped for a snapshot's
 * (docs/windows-facts.md, "Active Directory"): normally started without the restore flag, a DC with a
 * partner is caught in a USN rollback; restored in DSRM with the flag, it takes a new invocation ID and
 * its partner's newer changes come back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { corruptLun } from '../../../../../electron/core/backends/lab/lab-admin';
import { restartDomainController, setDatabaseRestoredFlag } from '../../../../../electron/core/backends/lab/domain-controllers';
import type { BootMode } from '../../../../../electron/core/backends/lab/domain-controller-model';
import { LabStore } from '../../../../../electron/core/backends/lab/lab-store';
import { openRecovery, type RecoveryFixture } from '../../recovery/recovery-fixture';
import { FIXED_NOW, type LabFixture } from './lab-fixture';

let fx: RecoveryFixture;
afterEach(() => fx.cleanup());

function dc(fixture: LabFixture, host = 'DC01') {
  const found = new LabStore(fixture.dataDir).read().domainControllers.find((d) => d.host === host);
  if (!found) throw new Error(`no DC ${host}`);
  return found;
}

function restart(fixture: LabFixture, mode: BootMode) {
  return new LabStore(fixture.dataDir).update((state) => void restartDomainController(state, 'DC01', mode, FIXED_NOW));
}

/** The LUN swap of the procedure, on DC01, with nothing Active Directory knows about: the plan's shape before DSRM. */
async function swapLuns(fixture: RecoveryFixture) {
  const { backend } = fixture;
  const set = (await backend.listSnapshotSets()).find((s) => s.id === fixture.setId);
  if (!set) throw new Error('no set');
  for (const copy of set.shadowCopies) await backend.setLunMask({ lunId: copy.originalLunId, hosts: [] });
  await backend.importSnapshotSet({ setId: set.id, host: 'DC01' });
  await backend.breakSnapshotSet({ setId: set.id, mode: 'revert-identity' });
  for (const copy of set.shadowCopies) await backend.setLunMask({ lunId: copy.shadowLunId, hosts: ['DC01'] });
  // The volumes come back under their letters only once step 5 clears the shadow copy's partition attributes.
  const driveLetters = Object.fromEntries(
    set.shadowCopies.flatMap((c) => (c.originalDriveLetter ? [[c.shadowLunId, c.originalDriveLetter]] : [])),
  );
  await backend.setVolumesReadWrite({ host: 'DC01', lunIds: set.shadowCopies.map((c) => c.shadowLunId), driveLetters });
}

describe('a domain controller in the Lab', () => {
  it("is quarantined on dc-pair by the old plan's shape, the LUN swap under the running DC, and not by the plan", async () => {
    fx = await openRecovery('dc-pair');
    const before = dc(fx);
    await swapLuns(fx);
    const swapped = dc(fx);
    expect(swapped.events.map((e) => e.id)).toContain(2095);
    expect(swapped.ntds['Dsa Not Writable']).toBe(4);
    expect(swapped.netlogonPaused).toBe(true);
    expect(swapped.invocationId).toBe(before.invocationId);
    expect(swapped.events.map((e) => e.id)).not.toContain(1109);
    await fx.cleanup();

    fx = await openRecovery('dc-pair');
    const run = await fx.engine.start({ setId: fx.setId }, ['all'], { autoConfirm: true });
    const done = await fx.engine.settled(run.id);
    expect(done.state, done.lastError ?? '').toBe('succeeded');
    const planned = dc(fx);
    expect(planned.events.map((e) => e.id)).toEqual([1109]);
    expect(planned.ntds['Dsa Not Writable']).toBeNull();
    expect(planned.netlogonPaused).toBe(false);
    expect(planned.invocationId).not.toBe(before.invocationId);
  });

  it('takes a new invocation ID on dc-pair when restored in DSRM with the flag, and gets DC02’s changes back', async () => {
    fx = await openRecovery('dc-pair');
    const before = dc(fx);
    await restart(fx, 'dsrm');
    await swapLuns(fx);
    expect(dc(fx).runningOnLunId).toBeNull();
    await new LabStore(fx.dataDir).update((state) => void setDatabaseRestoredFlag(state, 'DC01'));
    await restart(fx, 'normal');
    const after = dc(fx);
    const restored = after.events.find((e) => e.id === 1109);
    expect(restored?.message).toContain(after.invocationId);
    expect(after.invocationId).not.toBe(before.invocationId);
    expect(after.ntds['DSA Previous Restore Count']).toBe(before.ntds['DSA Previous Restore Count'] + 1);
    expect(after.ntds['Database restored from backup']).toBeNull();
    expect(after.ntds['Dsa Not Writable']).toBeNull();
    expect(after.netlogonPaused).toBe(false);
    expect(after.events.map((e) => e.id)).not.toContain(2095);
    expect(after.changesHeld).toBe(dc(fx, 'DC02').changesHeld);
    expect(after.partners[0]?.seenInvocationId).toBe(after.invocationId);
  });

  it('is still quarantined on dc-pair when DSRM is left without the flag', async () => {
    fx = await openRecovery('dc-pair');
    await restart(fx, 'dsrm');
    await swapLuns(fx);
    await restart(fx, 'normal');
    expect(dc(fx).ntds['Dsa Not Writable']).toBe(4);
  });

  it('loses the changes since the set unnoticed when the only DC starts on it without the flag', async () => {
    fx = await openRecovery('standalone-dc');
    const before = dc(fx);
    await corruptLun(fx.dataDir, 'DC01-NTDS');
    await restart(fx, 'dsrm');
    await swapLuns(fx);
    await restart(fx, 'normal');
    const after = dc(fx);
    expect(after.events).toEqual([]);
    expect(after.invocationId).toBe(before.invocationId);
    expect(after.usn).toBeLessThan(before.usn);
    expect(after.changesHeld).toBeLessThan(before.changesHeld);
  });

  it('records the USN of the database in a set taken later', async () => {
    fx = await openRecovery('standalone-dc');
    const luns = (await fx.backend.listLuns()).filter((l) => l.name.startsWith('DC01-') && l.shadowOf === null);
    const created = await fx.backend.createSnapshotSet({ host: 'DC01', lunIds: luns.map((l) => l.id), persistent: true });
    const image = dc(fx).images.find((i) => i.setId === created.snapshotSetId);
    expect(image?.usn).toBe(dc(fx).usn);
  });
});
