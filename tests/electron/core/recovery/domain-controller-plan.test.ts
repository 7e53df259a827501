/** Planning a domain controller's recovery (issue 17): the DC itself is never the forensics host, in words that fit a DC. */
import { afterEach, describe, expect, it } from 'vitest';
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

describe('the recovery of a domain controller', () => {
  it.each(['standalone-dc', 'dc-pair'])('%s: DSRM first, the restore flag, DSRM left, SYSVOL, and a verified restore', async (scenario) => {
    fx = await openRecovery(scenario);
    const plan = await fx.engine.plan({ setId: fx.setId });
    expect(plan.blocked, JSON.stringify(plan.preflight.filter((c) => c.verdict === 'fail'))).toBe(false);
    expect(plan.steps.map((s) => s.kind)).toEqual([
      'enter-dsrm',
      'mask-originals',
      'import-set',
      'break-set',
      'make-read-write',
      'unmask-shadows',
      'flag-restored-database',
      'leave-dsrm',
      'resync-sysvol',
      'verify',
    ]);
    const commands = plan.steps.flatMap((s) => s.commands.map((c) => c.text));
    console.log(commands.join('\n'));
    const run = await fx.engine.start({ setId: fx.setId }, ['all'], { autoConfirm: true });
    const done = await fx.engine.settled(run.id);
    expect(done.state, done.lastError ?? '').toBe('succeeded');
    const detail = fx.engine.get(run.id);
    console.log(detail.steps.map((s) => `${s.id} ${s.state}\n  ${s.output.join('\n  ')}`).join('\n'));
  });
});
