/** Every preflight check the console can show comes with a short explanation, and a Microsoft page where one exists. */
import { afterEach, describe, expect, it } from 'vitest';
import { preflightExplanation } from '../../../../shared/preflight-explanations';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';

let fx: RecoveryFixture;
afterEach(() => fx?.cleanup());

// The Windows backend's checks (electron/core/backends/windows/windows-preflight.ts, windows-scope-checks.ts).
const windowsCheckIds = [
  'windows-tools',
  'windows-vshadow',
  'windows-elevated',
  'windows-os',
  'import-host-reachable',
  'import-host-able',
  'metadata-present',
  'masking-sets',
  'provider:ARRAY-01',
];

describe('preflight explanations', () => {
  it('explain every check of a planned recovery, with the forensics host check', async () => {
    fx = await openRecovery();
    const plan = await fx.engine.plan({ setId: fx.setId, forensicsHost: 'BACKUP01' });
    const ids = plan.preflight.map((check) => check.id);
    expect(ids).toContain('forensics-host');
    for (const id of [...ids, ...windowsCheckIds]) {
      const explanation = preflightExplanation(id);
      expect(explanation, id).not.toBeNull();
      expect(explanation?.about.length, id).toBeGreaterThan(20);
      if (explanation?.learnMore) expect(explanation.learnMore, id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('explain why each domain controller check exists, while the check keeps its own Microsoft page', async () => {
    fx = await openRecovery('dc-pair');
    const plan = await fx.engine.plan({ setId: fx.setId });
    const dcChecks = plan.preflight.filter((check) => check.id.startsWith('dc-'));
    expect(dcChecks.length).toBeGreaterThanOrEqual(8);
    for (const check of [...dcChecks, { id: 'dc-boot-volume', learnMore: 'https://learn.microsoft.com/' }]) {
      expect(preflightExplanation(check.id)?.about.length, check.id).toBeGreaterThan(20);
      expect(check.learnMore, check.id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('name no explanation for a check they do not know', () => {
    expect(preflightExplanation('no-such-check')).toBeNull();
  });
});
