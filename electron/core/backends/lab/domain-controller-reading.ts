/**
 * What a Lab domain controller answers to the one reading of a DC (readDomainControllerCommand on Windows): the same
 * fields the Windows backend parses from PowerShell, taken from the Lab's model
 * (docs/recovery-procedure.md#domain-controllers). Only a host the estate models as a DC reads as one, which is
 * what its DomainRole (4, or 5 on the PDC emulator) says on Windows.
 */
import { shortHostName, type DomainController, type DomainControllerReading } from '../../../../shared/domain-controller';
import type { LabDomainController } from './domain-controller-model';
import { findDomainController, visibleDatabaseLun } from './domain-controllers';
import type { LabState } from './lab-model';

const DIRECTORY_EVENT_IDS = [1109, 2095, 2103];

function domainPeers(state: LabState, dc: LabDomainController): LabDomainController[] {
  return state.domainControllers.filter((other) => other.domain.toLowerCase() === dc.domain.toLowerCase());
}

export function readLabDomainController(state: LabState, reading: DomainControllerReading, now: Date): DomainController | null {
  const dc = findDomainController(state, reading.host);
  if (!dc) return null;
  const fsmoRoles = state.directory?.fsmoRoles ?? [];
  const holdsPdc = fsmoRoles.some((r) => r.role === 'PDCEmulator' && shortHostName(r.holder) === shortHostName(dc.host));
  // AD DS runs while the directory has a database open; in DSRM, or with its volume gone, it is stopped.
  const running = dc.bootMode === 'normal' && dc.runningOnLunId !== null;
  // Net Logon shares SYSVOL and NETLOGON; a DC quarantined after a USN rollback has it paused.
  const shared = running && !dc.netlogonPaused;
  const quarantined = dc.ntds['Dsa Not Writable'] !== null;
  const peers = running ? domainPeers(state, dc) : [];
  const partners = peers.filter((peer) => peer !== dc && !peer.readOnly);
  return {
    host: dc.host,
    domain: dc.domain,
    readAt: now.toISOString(),
    domainRole: holdsPdc ? 5 : 4,
    bootMode: dc.bootMode,
    directoryRunning: running,
    readOnly: running && dc.readOnly,
    invocationId: running ? dc.invocationId : null,
    systemDrive: dc.systemDrive,
    databaseFile: dc.ntds['DSA Database file'],
    logPath: dc.ntds['Database log files path'],
    sysvolPath: dc.sysvolPath,
    databasePresent: visibleDatabaseLun(state, dc) !== undefined,
    restoreCount: dc.ntds['DSA Previous Restore Count'],
    restoredFlag: dc.ntds['Database restored from backup'],
    dsaNotWritable: dc.ntds['Dsa Not Writable'],
    sysvolShared: shared,
    netlogonShared: shared,
    directoryEvents: dc.events.filter((e) => DIRECTORY_EVENT_IDS.includes(e.id)).map(({ id, at }) => ({ id, at })),
    dfsrEvents: dc.dfsrEvents.map(({ id, at }) => ({ id, at })),
    domainControllers: peers.map((peer) => ({ name: peer.host, readOnly: peer.readOnly })),
    domainFacts:
      reading.domainFacts && running
        ? {
            tombstoneLifetimeDays: state.directory?.tombstoneLifetimeDays ?? null,
            replicationFailures: peers
              .filter((peer) => peer.replicationFailures > 0)
              .map((peer) => ({ dc: peer.host, failures: peer.replicationFailures, lastError: peer.lastReplicationError })),
            fsmoRoles: fsmoRoles.map((role) => ({ ...role })),
          }
        : null,
    health: reading.health
      ? {
          // A quarantined DC's partners refuse its changes: every inbound and outbound link fails.
          replicationFailures: quarantined || !running ? partners.length * 2 : 0,
          dcdiag: [
            { test: 'Replications', passed: running && !quarantined },
            { test: 'SysVolCheck', passed: shared },
            { test: 'Advertising', passed: shared },
          ],
        }
      : null,
  };
}
