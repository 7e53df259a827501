/**
 * A rollback gives the originals back to their hosts. If a LUN with an original's disk signature is
 * visible to one of those hosts meanwhile (a block copy another tool presented), unmasking the original
 * would put two disks with one signature in front of Windows: the rollback refuses, says what to do, and
 * changes nothing; once the shadow is masked away, it goes on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { armFault } from '../../../../electron/core/backends/lab/lab-admin';
import { LabStore } from '../../../../electron/core/backends/lab/lab-store';
import { lunMap, openRecovery, productionView, type RecoveryFixture } from './recovery-fixture';

let fixture: RecoveryFixture | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

const CLONE_ID = 'ARRAY-01:lun-clone';

/** What an outside tool can leave behind: a block copy of an original (same signature) presented to `host`. */
async function presentClone(fx: RecoveryFixture, originalName: string, hosts: string[]): Promise<void> {
  await new LabStore(fx.dataDir).update((state) => {
    const original = state.luns.find((lun) => lun.name === originalName);
    if (!original) throw new Error(`no LUN ${originalName}`);
    const existing = state.luns.find((lun) => lun.id === CLONE_ID);
    if (existing) existing.mask = hosts;
    else state.luns.push({ ...structuredClone(original), id: CLONE_ID, name: `${originalName}-CLONE`, identifiers: [], mask: hosts });
  });
}

describe('a rollback that would unmask an original beside a LUN with its signature', () => {
  it('refuses with what to do instead, changes nothing, and goes on once that LUN is masked away', async () => {
    const fx = await openRecovery('two-node-sql');
    fixture = fx;
    const before = await productionView(fx);
    await armFault(fx.dataDir, { operation: 'breakSnapshotSet', kind: 'fail', times: 1 });
    const run = await fx.engine.start({ setId: fx.setId }, ['all'], { autoConfirm: true });
    expect((await fx.engine.settled(run.id)).state).toBe('failed');

    const host = before.masks['SQL-DATA']?.[0] ?? '';
    await presentClone(fx, 'SQL-DATA', [host]);
    const signature = (await lunMap(fx)).get(CLONE_ID)?.signature;
    const masksBefore = (await productionView(fx)).masks;

    await fx.engine.rollback(run.id, '', { autoConfirm: true });
    const refused = await fx.engine.settled(run.id);
    expect(refused.state).toBe('failed');
    expect(refused.lastError).toContain(`SQL-DATA-CLONE (${CLONE_ID}) carries the same disk signature ${signature}`);
    expect(refused.lastError).toContain(`Mask SQL-DATA-CLONE away from ${host} first`);
    const refusedMasks = (await productionView(fx)).masks;
    for (const name of Object.keys(before.masks)) expect(refusedMasks[name], name).toEqual(masksBefore[name]);

    await presentClone(fx, 'SQL-DATA', []);
    await fx.engine.resume(run.id, { autoConfirm: true });
    expect((await fx.engine.settled(run.id)).state).toBe('rolled-back');
    const after = (await productionView(fx)).masks;
    for (const [name, mask] of Object.entries(before.masks)) expect(after[name], name).toEqual(mask);
  });
});
