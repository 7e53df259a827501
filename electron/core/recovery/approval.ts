/**
 * The plan-wide approval: one typed confirmation before the outage that covers every destructive step of one
 * plan, so the run never stops to ask while production storage is away. The engine checks it here, not the
 * console: an approval names the plan by a digest of what its destructive steps change, and the name typed is
 * the same one each step would ask for (the cluster, else the importing host).
 */
import { createHash } from 'node:crypto';
import { ShadowSwapError } from '../../../shared/errors';
import { rollbackPhrase, type PlanApproval, type PlanStep, type RecoveryPlan, type RunApproval } from '../../../shared/recovery';

/** What the approval vouches for: the set, where it is imported, and each destructive step with what it changes. */
export function approvalDigestOf(plan: Omit<RecoveryPlan, 'approvalDigest'>): string {
  const covered = {
    setId: plan.setId,
    importHost: plan.importHost,
    cluster: plan.cluster,
    options: plan.options,
    originalLunIds: plan.originalLunIds,
    shadowLunIds: plan.shadowLunIds,
    destructive: plan.steps.filter((step) => step.destructive).map((step) => ({ id: step.id, kind: step.kind, changes: step.changes })),
  };
  return createHash('sha256').update(JSON.stringify(covered)).digest('hex');
}

/** Refuses an approval that does not name this plan, or lacks what the change board needs; starts nothing. */
export function refuseUnlessApproves(plan: RecoveryPlan, approval: PlanApproval): void {
  const phrase = rollbackPhrase(plan);
  if (approval.typed.trim() !== phrase)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `The approval did not match: type "${phrase}" exactly to approve every destructive step of this recovery. Nothing was started.`,
    );
  if (approval.change.trim() === '' || approval.reason.trim() === '')
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      'An approval needs a change reference (the change or incident number) and a reason; the report for the change board names both. Nothing was started.',
    );
  if (approval.planDigest !== approvalDigestOf(plan))
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      'The plan changed since it was reviewed (the options or the estate differ), so the approval does not cover it. Nothing was started: review the plan again, then approve it.',
    );
}

/** Whether a destructive step may run under the run's approval without asking: approved for this very plan, not step by step. */
export function approvalCovers(approval: RunApproval | null, plan: RecoveryPlan, step: PlanStep): approval is RunApproval {
  return (
    approval !== null &&
    !approval.pauseBeforeEachStep &&
    step.destructive &&
    approval.typed === rollbackPhrase(plan) &&
    approval.planDigest === approvalDigestOf(plan)
  );
}
