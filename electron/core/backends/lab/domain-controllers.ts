/**
 * How a Lab domain controller reacts to its disks and boot mode, as Windows does (docs/windows-facts.md,
 * "Active Directory"): in normal mode AD DS runs on whatever database volume the DC sees; when that
 * database is a restored image, the `Database restored from backup` flag decides between a new invocation
 * ID (event 1109, partners replicate the newer changes back) and a USN rollback that the partners detect
 * (event 2095, `Dsa Not Writable` = 4, Net Logon paused). In DSRM, AD DS does not run and nothing happens.
 */
import { ShadowSwapError } from '../../../../shared/errors';
import { deterministicGuid } from './deterministic';
import type { BootMode, DatabaseImage, LabDomainController } from './domain-controller-model';
import type { LabLun, LabState } from './lab-model';
import { isVisibleTo } from './visibility';

/** REG_DWORD value of `Dsa Not Writable` after a detected USN rollback. */
export const DSA_NOT_WRITABLE_USN_ROLLBACK = 4;

export function findDomainController(state: LabState, host: string): LabDomainController | undefined {
  return state.domainControllers.find((dc) => dc.host.toLowerCase() === host.toLowerCase());
}

function requireDomainController(state: LabState, host: string): LabDomainController {
  const dc = findDomainController(state, host);
  if (!dc) throw new ShadowSwapError('NOT_FOUND', `${host} is not a domain controller in this estate.`);
  return dc;
}

/** The drive of `DSA Database file`, e.g. `D:` for `D:\NTDS\ntds.dit`. */
function databaseDrive(dc: LabDomainController): string {
  return dc.ntds['DSA Database file'].slice(0, 2).toUpperCase();
}

/** The LUN whose volume the DC mounts at its database drive, if it sees one. */
export function visibleDatabaseLun(state: LabState, dc: LabDomainController): LabLun | undefined {
  const drive = databaseDrive(dc);
  return state.luns.find(
    (lun) =>
      !lun.partition.hidden && isVisibleTo(lun, dc.host) && lun.volumes.some((volume) => volume.driveLetter?.toUpperCase() === drive),
  );
}

function log(dc: LabDomainController, id: number, now: Date, message: string): void {
  dc.events.push({ id, at: now.toISOString(), message });
}

/** A set taken of the DC's database captures its USN and content at that moment. */
function recordImages(state: LabState, dc: LabDomainController): void {
  for (const set of state.snapshotSets) {
    const holdsDatabase = set.shadowCopies.some((copy) => copy.originalLunId === dc.databaseLunId);
    if (holdsDatabase && !dc.images.some((image) => image.setId === set.id)) {
      dc.images.push({ setId: set.id, usn: dc.usn, changesHeld: dc.changesHeld });
    }
  }
}

/** The database image a recovered LUN carries: the set its shadow copy came from. */
function imageOn(state: LabState, dc: LabDomainController, lun: LabLun): DatabaseImage | undefined {
  const set = state.snapshotSets.find((s) => s.shadowCopies.some((copy) => copy.shadowLunId === lun.id));
  return set ? dc.images.find((image) => image.setId === set.id) : undefined;
}

function partnersOf(state: LabState, dc: LabDomainController): LabDomainController[] {
  return dc.partners.flatMap((partner) => findDomainController(state, partner.host) ?? []);
}

/** With the flag: a new invocation ID, so partners treat every change since the image as new to this DC. */
function startAsRestored(state: LabState, dc: LabDomainController, image: DatabaseImage, now: Date): void {
  const restoreCount = dc.ntds['DSA Previous Restore Count'] + 1;
  const previous = dc.invocationId;
  dc.invocationId = deterministicGuid(`${dc.host}/invocation/${restoreCount}`);
  dc.ntds['DSA Previous Restore Count'] = restoreCount;
  dc.ntds['Database restored from backup'] = null;
  dc.usn = image.usn;
  dc.changesHeld = image.changesHeld;
  log(dc, 1109, now, `The invocationID attribute for this directory server has been changed from ${previous} to ${dc.invocationId}.`);
  const partners = partnersOf(state, dc);
  const newest = Math.max(dc.changesHeld, ...partners.map((partner) => partner.changesHeld));
  // Replication in: every change the partners hold that the image lacks comes back, each a new local write.
  dc.usn += newest - dc.changesHeld;
  dc.changesHeld = newest;
  for (const partner of dc.partners) {
    partner.seenInvocationId = dc.invocationId;
    partner.seenUsn = dc.usn;
  }
}

/** Without the flag: the old invocation ID with older USNs, which a partner that saw newer ones detects. */
function startRolledBack(dc: LabDomainController, image: DatabaseImage, now: Date): void {
  dc.usn = image.usn;
  dc.changesHeld = image.changesHeld;
  const detectedBy = dc.partners.find((partner) => partner.seenInvocationId === dc.invocationId && partner.seenUsn > image.usn);
  // The only DC of its domain has nobody to compare with: the rollback goes unnoticed, the changes are lost.
  if (!detectedBy) return;
  dc.ntds['Dsa Not Writable'] = DSA_NOT_WRITABLE_USN_ROLLBACK;
  dc.netlogonPaused = true;
  log(
    dc,
    2095,
    now,
    `During an Active Directory Domain Services replication request, the local domain controller (DC) identified a remote DC ` +
      `(${detectedBy.host}) which has received replication data from the local DC using already-acknowledged USN tracking numbers. ` +
      `Net Logon is paused and the database is no longer writable (USN rollback).`,
  );
}

/** AD DS starts on the database it sees; a database from an image is a restore, handled by the flag. */
function startDirectory(state: LabState, dc: LabDomainController, lun: LabLun, now: Date): void {
  const image = lun.id === dc.databaseLunId ? undefined : imageOn(state, dc, lun);
  if (image) {
    if (dc.ntds['Database restored from backup'] === 1) startAsRestored(state, dc, image, now);
    else startRolledBack(dc, image, now);
  }
  dc.databaseLunId = lun.id;
  dc.runningOnLunId = lun.id;
}

/**
 * Brings every DC in line with its disks after an operation: a running DC whose database volume went away
 * stops its directory; one whose database volume changed starts on the new one.
 */
export function reconcileDomainControllers(state: LabState, now: Date): void {
  for (const dc of state.domainControllers) {
    recordImages(state, dc);
    if (dc.bootMode !== 'normal') continue;
    const lun = visibleDatabaseLun(state, dc);
    if (!lun) dc.runningOnLunId = null;
    else if (lun.id !== dc.runningOnLunId) startDirectory(state, dc, lun, now);
  }
}

/** A restart into the given boot mode: in DSRM the directory does not run; in normal mode it starts. */
export function restartDomainController(state: LabState, host: string, mode: BootMode, now: Date): LabDomainController {
  const dc = requireDomainController(state, host);
  dc.bootMode = mode;
  dc.runningOnLunId = null;
  reconcileDomainControllers(state, now);
  return dc;
}

/** `reg add …\NTDS\Parameters /v "Database restored from backup" /t REG_DWORD /d 1 /f`. */
export function setDatabaseRestoredFlag(state: LabState, host: string): LabDomainController {
  const dc = requireDomainController(state, host);
  dc.ntds['Database restored from backup'] = 1;
  return dc;
}
