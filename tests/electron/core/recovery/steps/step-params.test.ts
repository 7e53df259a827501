/**
 * Every step kind's draft journals params its schema in shared/ reads back whole: a param the schema did not
 * know would be dropped when the journal is reopened, and the run resumed without it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RecoveryPlan, StepKind } from '../../../../../shared/recovery';
import { openRecovery, type RecoveryFixture } from '../recovery-fixture';

let fx: RecoveryFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

describe('step params', () => {
  it('of every kind, as drafted for every cluster handling, identity and forensics choice, read back unchanged', async () => {
    fx = await openRecovery('two-node-sql');
    const kinds = new Set<string>();
    for (const mode of ['offline', 'maintenance'] as const)
      for (const identity of ['revert', 'new-signature'] as const)
        for (const forensicsHost of [null, 'BACKUP01']) {
          const plan = await fx.engine.plan({ setId: fx.setId, mode, identity, forensicsHost });
          expect(RecoveryPlan.parse(JSON.parse(JSON.stringify(plan)))).toStrictEqual(plan);
          for (const step of plan.steps) kinds.add(step.kind);
        }
    // The domain controller kinds, and verify's DC baseline, on both DC estates.
    for (const scenario of ['dc-pair', 'standalone-dc']) {
      await fx.cleanup();
      fx = await openRecovery(scenario);
      const plan = await fx.engine.plan({ setId: fx.setId });
      expect(RecoveryPlan.parse(JSON.parse(JSON.stringify(plan)))).toStrictEqual(plan);
      for (const step of plan.steps) kinds.add(step.kind);
    }
    // A new kind is drafted by one of these plans, or this test is extended to a plan that drafts it.
    expect([...kinds].sort()).toEqual([...StepKind.options].sort());
  });
});
