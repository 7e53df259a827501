/**
 * Leaving DSRM: the safeboot value is deleted and the domain controller restarts normally on the recovered
 * database, which the restore flag makes it treat as restored (a new invocation ID, event 1109). From this start
 * on there is no way back to the original disks (docs/recovery-procedure.md#domain-controllers): the step is
 * confirmed, and a rollback is refused once it began.
 */
import { confirmPhraseOf, domainControllerHost } from './draft-inputs';
import { domainControllerNow } from './domain-controller-reads';
import { report, type StepModule } from './step-module';

export const leaveDsrm: StepModule<'leave-dsrm'> = {
  draft(inputs) {
    const host = domainControllerHost(inputs);
    if (host === null) return [];
    return [
      {
        kind: 'leave-dsrm',
        title: `Restart ${host} normally on the recovered database`,
        why: `${host} starts Active Directory on the recovered database; the restore flag makes it take a new invocation ID (event 1109) and replicate in what its partners hold since the snapshot. This is the point of no return: after it, the run can only go forward.`,
        destructive: true,
        confirmPhrase: confirmPhraseOf(inputs),
        changes: [{ kind: 'host-setting', host, setting: 'boot', before: 'DSRM (safeboot dsrepair)', after: 'normal' }],
        operations: [{ operation: 'restartDomainController', host, mode: 'normal' }],
        undo: 'None: once the DC has started normally on the recovered database, putting the old disks back would roll Active Directory back a second time.',
        params: { host },
      },
    ];
  },
  async probe(context, params) {
    const dc = await domainControllerNow(context, params.host);
    return dc.bootMode === 'normal' && dc.directoryRunning;
  },
  async apply(context, params) {
    report(context, await context.backend.restartDomainController({ host: params.host, mode: 'normal' }));
  },
};
