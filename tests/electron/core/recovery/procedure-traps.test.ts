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
    await expect(fx.engine.start({ setId: fx.setId, mode: 'maintenance', identity: 'new-signature' }, [], { autoConfirm: true })).rejects.toThrow(
      /maintenance/i,
    );
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
