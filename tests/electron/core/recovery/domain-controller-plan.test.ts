/**
 * Planning and running a domain controller's recovery (docs/recovery-procedure.md#domain-controllers): DSRM first,
 * the restore flag, DSRM left, SYSVOL, a verified restore (event 1109, a new invocation ID), a rollback that works
 * before the normal start and is refused after it; the DC itself is never the forensics host.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { armFault } from '../../../../electron/core/backends/lab/lab-admin';
import { LabStore } from '../../../../electron/core/backends/lab/lab-store';
import { bindStep } from '../../../../electron/core/recovery/steps';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';

let fx: RecoveryFixture;
afterEach(() => fx.cleanup());

describe('a domain controller recovery plan', () => {
  it.each(['standalone-dc', 'dc-pair'])('%s: refuses the DC itself as the forensics host, without cluster words', async (scenario) => {
    fx = await openRecovery(scenario);
    const plan = await fx.engine.plan({ setId: fx.setId, forensicsHost: 'DC01' });
    const check = plan.preflight.find((c) => c.id === 'forensics-host');
    expect(check?.verdict).toBe('fail');
    expect(`${check?.reason} ${check?.fix}`).not.toMatch(/cluster/i);
    expect(check?.fix).toContain('DC01');
  });
});

/** DC01's state in the Lab's store. */
function dc01(fixture: RecoveryFixture) {
  const found = new LabStore(fixture.dataDir).read().domainControllers.find((d) => d.host === 'DC01');
  if (!found) throw new Error('no DC01');
  return found;
}

const DC_PLAN = [
  'enter-dsrm',
  'mask-originals',
  'import-set',
  'break-set',
  'unmask-shadows',
  'rescan-nodes',
  'make-read-write',
  'flag-restored-database',
  'leave-dsrm',
  'resync-sysvol',
  'verify',
];

describe('the recovery of a domain controller', () => {
  it.each(['standalone-dc', 'dc-pair'])(
    '%s: the first step restarts the DC into DSRM; the commands leave DSRM and set the restore flag',
    async (scenario) => {
      fx = await openRecovery(scenario);
      const plan = await fx.engine.plan({ setId: fx.setId });
      expect(plan.blocked, JSON.stringify(plan.preflight.filter((c) => c.verdict === 'fail'))).toBe(false);
      expect(plan.steps.map((s) => s.kind)).toEqual(DC_PLAN);
      const [first] = plan.steps;
      expect(first?.changes).toEqual([
        { kind: 'host-setting', host: 'DC01', setting: 'boot', before: 'normal', after: 'DSRM (safeboot dsrepair)' },
      ]);
      expect(first?.commands.map((c) => c.text).join('\n')).toContain("bcdedit /set '{default}' safeboot dsrepair");
      const text = (kind: string) =>
        plan.steps
          .find((s) => s.kind === kind)
          ?.commands.map((c) => c.text)
          .join('\n') ?? '';
      expect(text('leave-dsrm')).toContain("bcdedit /deletevalue '{default}' safeboot");
      expect(text('leave-dsrm')).toContain("Restart-Computer -ComputerName 'DC01'");
      expect(text('flag-restored-database')).toMatch(
        /NTDS\\Parameters' -Name 'Database restored from backup' -PropertyType DWord -Value 1/,
      );
      // The console restarting DC01 runs elsewhere: it would stop with DC01.
      expect(first?.commands.every((c) => c.runsOn !== 'DC01')).toBe(true);
    },
  );

  it('standalone-dc: SYSVOL authoritative (the only DC); dc-pair: from DC02', async () => {
    fx = await openRecovery('standalone-dc');
    const alone = (await fx.engine.plan({ setId: fx.setId })).steps.find((s) => s.kind === 'resync-sysvol');
    expect(alone?.params).toEqual({ host: 'DC01', authoritative: true });
    await fx.cleanup();
    fx = await openRecovery('dc-pair');
    const pair = (await fx.engine.plan({ setId: fx.setId })).steps.find((s) => s.kind === 'resync-sysvol');
    expect(pair?.params).toEqual({ host: 'DC01', authoritative: false });
    expect(pair?.commands[0]?.text).toContain("msDFSR-Enabled'=$false");
    expect(pair?.commands[0]?.text).not.toContain('msDFSR-Options');
  });

  it.each(['standalone-dc', 'dc-pair'])(
    '%s: recover --yes succeeds and verify reports event 1109 and a new invocation ID',
    async (scenario) => {
      fx = await openRecovery(scenario);
      const before = dc01(fx);
      const run = await fx.engine.start({ setId: fx.setId }, ['all'], { autoConfirm: true });
      const done = await fx.engine.settled(run.id);
      expect(done.state, done.lastError ?? '').toBe('succeeded');
      const after = dc01(fx);
      expect(after.invocationId).not.toBe(before.invocationId);
      expect(after.ntds['Dsa Not Writable']).toBeNull();
      expect(after.events.map((e) => e.id)).toEqual([1109]);
      const verify = fx.engine.get(run.id).steps.find((s) => s.id.endsWith('-verify'));
      const output = verify?.output.join('\n') ?? '';
      expect(output).toContain('DC01: event 1109 at');
      expect(output).toContain(`DC01: new invocation ID ${after.invocationId} (was ${before.invocationId})`);
      expect(output).toContain('DC01: DSA Previous Restore Count 0 → 1');
      expect(output).toContain('DC01: SYSVOL and NETLOGON are shared');
      if (scenario === 'dc-pair') expect(after.changesHeld).toBe(new LabStore(fx.dataDir).read().domainControllers[1]?.changesHeld);
    },
  );

  it('dc-pair: verify fails, naming the USN rollback, when the DC is quarantined', async () => {
    fx = await openRecovery('dc-pair');
    const run = await fx.engine.start({ setId: fx.setId }, ['all'], { autoConfirm: true });
    await fx.engine.settled(run.id);
    // Behind the run's back, DC01 is quarantined as after a USN rollback: verify must say so.
    await new LabStore(fx.dataDir).update((state) => {
      const dc = state.domainControllers.find((d) => d.host === 'DC01');
      if (dc) Object.assign(dc.ntds, { 'Dsa Not Writable': 4 });
    });
    const plan = fx.engine.get(run.id).plan;
    const step = plan.steps.find((s) => s.kind === 'verify');
    if (!step) throw new Error('no verify step');
    const { work } = bindStep(step, { backend: fx.backend, log: () => undefined });
    if (work.kind !== 'action') throw new Error('verify is one action');
    await expect(work.apply()).rejects.toThrow(/USN rollback was reported \(Dsa Not Writable = 4\)/);
  });
});

describe('rolling back a domain controller recovery', () => {
  it('works before the DC started normally on the recovered database: DC01 is back on its disks, normally started', async () => {
    fx = await openRecovery('dc-pair');
    const before = dc01(fx);
    await armFault(fx.dataDir, { operation: 'setDatabaseRestoredFlag', kind: 'fail', times: 1 });
    const run = await fx.engine.start({ setId: fx.setId }, ['all'], { autoConfirm: true });
    expect((await fx.engine.settled(run.id)).state).toBe('failed');
    expect(dc01(fx).bootMode).toBe('dsrm');
    await fx.engine.rollback(run.id, 'DC01');
    const done = await fx.engine.settled(run.id);
    expect(done.state, JSON.stringify(fx.engine.get(run.id).steps.map((s) => [s.id, s.state, s.error, s.output]))).toBe('rolled-back');
    const after = dc01(fx);
    expect(after.bootMode).toBe('normal');
    expect(after.runningOnLunId).toBe(before.runningOnLunId);
    expect(after.invocationId).toBe(before.invocationId);
    expect(after.events).toEqual([]);
  });

  it('is refused once the DC started normally on the recovered database, with the reason and the way forward', async () => {
    fx = await openRecovery('dc-pair');
    await armFault(fx.dataDir, { operation: 'resyncSysvol', kind: 'fail', times: 1 });
    const run = await fx.engine.start({ setId: fx.setId }, ['all'], { autoConfirm: true });
    expect((await fx.engine.settled(run.id)).state).toBe('failed');
    const refusal = fx.engine.rollback(run.id, 'DC01');
    await expect(refusal).rejects.toThrow(/cannot be rolled back: DC01 has started normally on the recovered database/);
    await expect(refusal).rejects.toThrow(/roll Active Directory back a second time/);
    await expect(refusal).rejects.toThrow(/resume the run/);
    expect(fx.engine.get(run.id).state).toBe('failed');
    expect(dc01(fx).events.map((e) => e.id)).toEqual([1109]);
    // The way forward works: resuming finishes the recovery.
    await fx.engine.resume(run.id, { autoConfirm: true });
    const resumed = await fx.engine.settled(run.id);
    expect(resumed.state, JSON.stringify(fx.engine.get(run.id).steps.map((s) => [s.id, s.state, s.error]))).toBe('succeeded');
  });
});
