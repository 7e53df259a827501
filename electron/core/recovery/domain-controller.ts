/**
 * A recovery whose set belongs to a domain controller (docs/recovery-procedure.md#domain-controllers): whether
 * the set's host is one, and the rule that keeps a rollback from rolling Active Directory back a second time.
 */
import type { DomainController } from '../../../shared/domain-controller';
import { ShadowSwapError } from '../../../shared/errors';
import type { RunDetail } from '../../../shared/recovery';
import type { Backend } from '../backend';

/**
 * The set's host as a domain controller, with the domain facts its preflight weighs, or null when it is not one:
 * the one reading a plan makes, which its preflight, its words and its steps share.
 */
export function domainControllerOf(backend: Backend, host: string): Promise<DomainController | null> {
  return backend.readDomainController({ host, domainFacts: true });
}

/**
 * Once the DC has been started normally on the recovered database, it has taken a new invocation ID and its
 * partners have replicated to and from it: putting the old disks back would roll Active Directory back a second
 * time, behind the partners' backs (the USN-rollback case). The run's `leave-dsrm` step is that start. Once it
 * succeeded (or was skipped because the DC already ran normally) a rollback is refused; when it began but did not
 * finish, the DC itself decides: still in DSRM, it never started normally and the rollback goes ahead; otherwise,
 * or when it cannot be read, the rollback is refused.
 */
export async function refuseRollbackAfterNormalStart(backend: Backend, run: Pick<RunDetail, 'id' | 'plan' | 'steps'>): Promise<void> {
  const leave = run.plan.steps.find((step) => step.kind === 'leave-dsrm');
  const progress = leave && run.steps.find((step) => step.id === leave.id);
  if (!leave || !progress || progress.state === 'pending' || progress.state === 'waiting-confirmation') return;
  const host = leave.params.host;
  if (progress.state !== 'succeeded' && progress.state !== 'skipped') {
    const dc = await backend.readDomainController({ host }).catch(() => null);
    if (dc?.bootMode === 'dsrm') return;
  }
  throw new ShadowSwapError(
    'PRECONDITION_FAILED',
    `Run ${run.id} cannot be rolled back: ${host} has started normally on the recovered database ("${leave.title}"), ` +
      'so it has a new invocation ID and has replicated with its partners. Putting the original disks back now would roll Active Directory back a second time, which its partners detect as a USN rollback (event 2095). ' +
      `Go forward instead: resume the run to finish its steps, and check the Directory Service log and "repadmin /replsummary" on ${host}. ` +
      'To undo a change that replicated since, restore the object from the AD Recycle Bin or run an authoritative restore of it.',
    { host, stepId: leave.id },
  );
}
