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
