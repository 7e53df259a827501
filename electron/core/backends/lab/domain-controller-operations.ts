/**
 * The Lab's side of a domain controller's recovery, as the Backend port asks for it: the restarts into and out of
 * DSRM, the restore flag and SYSVOL's resynchronisation (KB 2218556, with the DFS Replication events it writes)
 * (docs/recovery-procedure.md#domain-controllers). How the DC reacts to its disks is in domain-controllers.ts; what
 * it reads as, in domain-controller-reading.ts.
 */
import type { DcBootMode } from '../../../../shared/domain-controller';
import type { OperationResult } from '../../../../shared/domain';
import { ShadowSwapError } from '../../../../shared/errors';
import type { LabDomainController } from './domain-controller-model';
import { findDomainController, restartDomainController, setDatabaseRestoredFlag } from './domain-controllers';
import type { LabState } from './lab-model';
import { report } from './operation';

function requireDc(state: LabState, host: string): LabDomainController {
  const dc = findDomainController(state, host);
  if (!dc) throw new ShadowSwapError('NOT_FOUND', `${host} is not a domain controller in this estate.`);
  return dc;
}

export function restartDc(state: LabState, params: { host: string; mode: DcBootMode }, now: Date): OperationResult {
  const dc = restartDomainController(state, params.host, params.mode, now);
  const into = params.mode === 'dsrm' ? 'Directory Services Restore Mode' : 'a normal start';
  return report('restartDomainController', `${dc.host} restarted into ${into} and answers remoting again.`, {
    changes: [`${dc.host}: boot → ${params.mode === 'dsrm' ? 'DSRM' : 'normal'}`],
  });
}

export function setRestoredFlag(state: LabState, params: { host: string; restored: boolean }): OperationResult {
  const dc = requireDc(state, params.host);
  if (params.restored) setDatabaseRestoredFlag(state, dc.host);
  else dc.ntds['Database restored from backup'] = null;
  return report(
    'setDatabaseRestoredFlag',
    params.restored
      ? `${dc.host} will take a new invocation ID at its next normal start (Database restored from backup = 1).`
      : `${dc.host} no longer carries Database restored from backup.`,
    { changes: [`${dc.host}: Database restored from backup → ${params.restored ? '1' : 'absent'}`] },
  );
}

/** Whether the DC's directory serves: running, not quarantined after a USN rollback. */
function serving(dc: LabDomainController): boolean {
  return dc.bootMode === 'normal' && dc.runningOnLunId !== null && !dc.netlogonPaused;
}

/**
 * KB 2218556: SYSVOL disabled (4114), then initialised again (4614), from a partner (4604) or as the copy of
 * record (4602). DFSR reads its settings from the directory, so the DC must run normally; a non-authoritative
 * synchronisation needs a partner to copy from.
 */
export function resyncSysvol(state: LabState, params: { host: string; authoritative: boolean }, now: Date): OperationResult {
  const dc = requireDc(state, params.host);
  if (!serving(dc))
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `SYSVOL on ${dc.host} can only be resynchronised while its directory runs normally (DFS Replication reads its settings from it). Check the Directory Service log on ${dc.host}.`,
    );
  const partner = dc.partners.map((p) => findDomainController(state, p.host)).find((p) => p !== undefined && serving(p));
  if (!params.authoritative && !partner)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `No partner of ${dc.host} serves SYSVOL, so it cannot be synchronised from one. When ${dc.host} is the only domain controller left, resynchronise it authoritatively.`,
    );
  const at = now.toISOString();
  const log = (id: number, message: string) => dc.dfsrEvents.push({ id, at, message });
  log(4114, 'The replicated folder SYSVOL is disabled.');
  log(4614, 'The DFS Replication service initialized SYSVOL and is waiting to perform initial replication.');
  if (params.authoritative) log(4602, 'The DFS Replication service successfully initialized the SYSVOL replicated folder (authoritative).');
  else log(4604, `The DFS Replication service successfully initialized the SYSVOL replicated folder from ${partner?.host}.`);
  return report(
    'resyncSysvol',
    `SYSVOL on ${dc.host} was initialised ${params.authoritative ? 'authoritatively (event 4602)' : `from ${partner?.host} (event 4604)`}.`,
    {
      changes: [`${dc.host}: SYSVOL → resynchronised`],
    },
  );
}
