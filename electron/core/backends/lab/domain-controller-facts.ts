/**
 * What a Lab domain controller answers to the readings of dc-preflight-commands.ts: the same facts the Windows
 * backend parses from PowerShell, taken from the Lab's model (docs/recovery-procedure.md#domain-controllers-recognition-and-preflight).
 */
import { shortHostName, type DomainControllerFacts } from '../../../../shared/domain-controller-facts';
import { findDomainController } from './domain-controllers';
import type { LabState } from './lab-model';

/** The Directory Service events that tell of an earlier USN rollback. */
const ROLLBACK_EVENTS = new Set([2095, 2103]);

export function domainControllerFacts(state: LabState, host: string, now: Date): DomainControllerFacts | null {
  const dc = findDomainController(state, host);
  if (!dc) return null;
  const fsmoRoles = state.directory?.fsmoRoles ?? [];
  const holdsPdc = fsmoRoles.some((r) => r.role === 'PDCEmulator' && shortHostName(r.holder) === shortHostName(dc.host));
  const peers = state.domainControllers.filter((other) => other.domain.toLowerCase() === dc.domain.toLowerCase());
  return {
    host: dc.host,
    domain: dc.domain,
    readAt: now.toISOString(),
    domainRole: holdsPdc ? 5 : 4,
    // AD DS runs while the directory has a database open; in DSRM, or with its volume gone, it is stopped.
    ntdsService: dc.runningOnLunId === null ? 'Stopped' : 'Running',
    readOnly: dc.readOnly,
    databaseFile: dc.ntds['DSA Database file'],
    logPath: dc.ntds['Database log files path'],
    sysvolPath: dc.sysvolPath,
    systemDrive: dc.systemDrive,
    dsaNotWritable: dc.ntds['Dsa Not Writable'],
    rollbackEvents: dc.events.filter((event) => ROLLBACK_EVENTS.has(event.id)).map((event) => ({ id: event.id, at: event.at })),
    tombstoneLifetimeDays: state.directory?.tombstoneLifetimeDays ?? null,
    domainControllers: peers.map((peer) => ({
      name: peer.host,
      readOnly: peer.readOnly,
      replicationFailures: peer.replicationFailures,
      lastError: peer.lastReplicationError,
    })),
    fsmoRoles: fsmoRoles.map((role) => ({ ...role })),
  };
}
