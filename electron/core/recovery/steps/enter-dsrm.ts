/**
 * The first step of a domain controller's recovery: restart it into Directory Services Restore Mode, so that
 * Active Directory is not running while its database, logs and SYSVOL are replaced (nothing is masked under a
 * running DC). Microsoft's restore of a DC image starts in DSRM and never normally first: a normal start raises
 * the USNs even on a disconnected DC (docs/recovery-procedure.md#domain-controllers).
 */
import { confirmPhraseOf, domainControllerHost } from './draft-inputs';
import { domainControllerNow } from './domain-controller-reads';
import { report, type StepModule } from './step-module';

export const enterDsrm: StepModule<'enter-dsrm'> = {
  draft(inputs) {
    const host = domainControllerHost(inputs);
    if (host === null) return [];
    return [
      {
        kind: 'enter-dsrm',
        title: `Restart ${host} into Directory Services Restore Mode`,
        why: `${host} is a domain controller: Active Directory must not run while its database is swapped, or the DC opens the snapshot's database as if nothing happened and its partners see a USN rollback (event 2095). In DSRM the directory does not run; the console reaches ${host} through PowerShell remoting and waits until it answers again.`,
        destructive: true,
        confirmPhrase: confirmPhraseOf(inputs),
        changes: [{ kind: 'host-setting', host, setting: 'boot', before: 'normal', after: 'DSRM (safeboot dsrepair)' }],
        operations: [{ operation: 'restartDomainController', host, mode: 'dsrm' }],
        undo: `Delete the safeboot value (bcdedit /deletevalue {default} safeboot) and restart ${host} normally, on its original disks.`,
        params: { host },
      },
    ];
  },
  async probe(context, params) {
    const dc = await domainControllerNow(context, params.host);
    return dc.bootMode === 'dsrm' && !dc.directoryRunning;
  },
  async apply(context, params) {
    report(context, await context.backend.restartDomainController({ host: params.host, mode: 'dsrm' }));
  },
  // Compensation runs after the swap was undone: the DC starts normally on its original disks, as before the run.
  async compensate(context, params) {
    const dc = await domainControllerNow(context, params.host);
    if (dc.bootMode === 'normal') context.log(`${params.host} already runs normally`);
    else report(context, await context.backend.restartDomainController({ host: params.host, mode: 'normal' }));
  },
};
