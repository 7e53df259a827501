/**
 * Preflight for a domain controller (docs/recovery-procedure.md#domain-controllers-recognition-and-preflight): what the backend read about
 * the DC, weighed against the set. A read-only DC is rebuilt, not restored; the set must hold the database, the
 * logs and SYSVOL; it must be younger than the tombstone lifetime; a DC that already rolled back, or whose
 * operations master roles were seized since the snapshot, must not come back. The rest is said plainly, for the
 * operator to acknowledge: replication health, a set taken without writers, the DSRM password and console.
 */
import { EVENTS_USN_ROLLBACK, shortHostName, type DomainController, type DomainFacts } from '../../../shared/domain-controller';
import type { SnapshotSet } from '../../../shared/domain';
import type { DomainControllerPlan, PreflightCheck } from '../../../shared/recovery';
import { hostOf, type Estate } from './estate';

/** Microsoft's pages for each rule, linked from its check. */
const LEARN = {
  computerSystem: 'https://learn.microsoft.com/windows/win32/cimwin32prov/win32-computersystem',
  forestRecovery:
    'https://learn.microsoft.com/windows-server/identity/ad-ds/manage/forest-recovery-guide/ad-forest-recovery-perform-initial-recovery',
  vssWriters: 'https://learn.microsoft.com/windows/win32/vss/in-box-vss-writers',
  restoreImage: 'https://learn.microsoft.com/windows-server/identity/ad-ds/manage/virtual-dc/restore-virtualized-domain-controller',
  tombstone: 'https://learn.microsoft.com/openspecs/windows_protocols/ms-adts/1887de08-2a9e-4694-95e2-898cde411180',
  usnRollback: 'https://learn.microsoft.com/troubleshoot/windows-server/active-directory/detect-and-recover-from-usn-rollback',
  replication: 'https://learn.microsoft.com/powershell/module/activedirectory/get-adreplicationfailure',
  fsmo: 'https://learn.microsoft.com/troubleshoot/windows-server/active-directory/transfer-or-seize-operation-master-roles-in-ad-ds',
} as const;

/** MS-ADTS: an unset tombstoneLifetime means 60 days, and no value counts as less than 2 days. */
const UNSET_TOMBSTONE_DAYS = 60;
const MINIMUM_TOMBSTONE_DAYS = 2;
const DAY_MS = 86_400_000;

const check = (
  id: string,
  title: string,
  verdict: PreflightCheck['verdict'],
  reason: string,
  fix: string | null,
  learnMore: string,
): PreflightCheck => ({ id, title, verdict, reason, fix, learnMore });

/** `D:` for `D:\NTDS\ntds.dit`; null for a path without a drive letter (a UNC path). */
export function driveOf(path: string): string | null {
  const match = /^([a-z]):/i.exec(path.trim());
  return match?.[1] === undefined ? null : `${match[1].toUpperCase()}:`;
}

/** The drives of the volumes the set holds, as their host mounted them when it was taken. */
function setDrives(set: SnapshotSet): Set<string> {
  const drives = set.shadowCopies.map((copy) => (copy.originalDriveLetter === null ? null : driveOf(copy.originalDriveLetter)));
  return new Set(drives.filter((drive): drive is string => drive !== null));
}

function holdsDrive(set: SnapshotSet, path: string): boolean {
  const drive = driveOf(path);
  return drive !== null && setDrives(set).has(drive);
}

/** The LUN the DC sees a drive on, named for the operator. */
function lunAt(estate: Estate, host: string, drive: string): string | null {
  const visible = new Set(hostOf(estate, host)?.visibleLunIds ?? []);
  const lun = [...estate.luns.values()].find(
    (l) => visible.has(l.id) && l.shadowOf === null && l.volumes.some((v) => v.driveLetter !== null && driveOf(v.driveLetter) === drive),
  );
  return lun?.name ?? null;
}

function recognisedCheck(facts: DomainController): PreflightCheck {
  const role = facts.domainRole === 5 ? 'primary domain controller (PDC emulator)' : 'domain controller';
  return check(
    'dc-recognised',
    `${facts.host} is a domain controller`,
    'pass',
    `${facts.host} is a ${role} of ${facts.domain} (DomainRole ${facts.domainRole}, AD DS ${facts.directoryRunning ? 'running' : 'not running'}); the plan and its words are those of a DC`,
    null,
    LEARN.computerSystem,
  );
}

function writableCheck(facts: DomainController): PreflightCheck {
  const title = `${facts.host} is a writable domain controller`;
  if (!facts.readOnly)
    return check('dc-writable', title, 'pass', `${facts.host} holds a writable copy of ${facts.domain}`, null, LEARN.forestRecovery);
  return check(
    'dc-writable',
    title,
    'fail',
    `${facts.host} is a read-only domain controller (RODC): it writes nothing of its own, so restoring its disks brings nothing back that a writable DC does not already hold`,
    `Rebuild ${facts.host} instead: demote it (or delete its account), then install it again as an RODC, which replicates everything from a writable DC.`,
    LEARN.forestRecovery,
  );
}

interface AdLocation {
  what: string;
  path: string;
}

function volumesCheck(facts: DomainController, set: SnapshotSet, estate: Estate): PreflightCheck {
  const title = 'The set holds the AD database, its logs and SYSVOL';
  const locations: AdLocation[] = [
    { what: 'the database (DSA Database file)', path: facts.databaseFile },
    { what: 'its logs (Database log files path)', path: facts.logPath },
    { what: 'SYSVOL (Netlogon SysVol)', path: facts.sysvolPath },
  ];
  const missing = locations.filter((l) => !holdsDrive(set, l.path));
  const where = (l: AdLocation) => {
    const drive = driveOf(l.path);
    const lun = drive === null ? null : lunAt(estate, facts.host, drive);
    return `${l.what} at ${l.path}${lun ? ` (LUN ${lun})` : ''}`;
  };
  if (missing.length === 0) return check('dc-volumes', title, 'pass', locations.map(where).join(', '), null, LEARN.vssWriters);
  return check(
    'dc-volumes',
    title,
    'fail',
    `the set does not hold ${missing.map(where).join(', ')}: restored without ${missing.length === 1 ? 'it' : 'them'}, the database, its logs and SYSVOL would come from different moments`,
    `Recover from a set of every volume ${facts.host} keeps Active Directory on (shadowswap snapshot create --host ${facts.host} with those LUNs).`,
    LEARN.vssWriters,
  );
}

function bootVolumeCheck(facts: DomainController, set: SnapshotSet): PreflightCheck | null {
  if (!holdsDrive(set, facts.systemDrive)) return null;
  return check(
    'dc-boot-volume',
    `The set holds ${facts.host}'s system volume`,
    'warn',
    `${facts.host} boots from the SAN (${facts.systemDrive} is in the set): its disks cannot be swapped while it runs, so the swap happens with ${facts.host} shut down and the set is imported on another host`,
    `Acknowledge, and make sure you can start ${facts.host} from its console once its disks are back.`,
    LEARN.restoreImage,
  );
}

function tombstoneCheck(facts: DomainController, domain: DomainFacts, set: SnapshotSet): PreflightCheck {
  const title = "The set is younger than the forest's tombstone lifetime";
  const configured = domain.tombstoneLifetimeDays;
  const lifetime = configured === null ? UNSET_TOMBSTONE_DAYS : Math.max(configured, MINIMUM_TOMBSTONE_DAYS);
  const said =
    configured === null ? `tombstoneLifetime is not set, which means ${lifetime} days` : `the tombstone lifetime is ${lifetime} days`;
  const ageDays = (Date.parse(facts.readAt) - Date.parse(set.createdAt)) / DAY_MS;
  const age = ageDays < 1 ? `${Math.max(0, Math.round(ageDays * 24))} hours` : `${Math.floor(ageDays)} days`;
  if (ageDays < lifetime) return check('dc-tombstone', title, 'pass', `the set is ${age} old; ${said}`, null, LEARN.tombstone);
  return check(
    'dc-tombstone',
    title,
    'fail',
    `the set is ${age} old and ${said}: objects deleted since it was taken are gone from the other DCs, so the restored database would bring them back as lingering objects`,
    `Recover from a set younger than ${lifetime} days, or rebuild ${facts.host} (demote, then promote it again).`,
    LEARN.tombstone,
  );
}

function rollbackCheck(facts: DomainController): PreflightCheck {
  const title = `${facts.host} shows no sign of an earlier USN rollback`;
  const signs = [
    ...(facts.dsaNotWritable !== null && facts.dsaNotWritable !== 0 ? [`Dsa Not Writable is ${facts.dsaNotWritable}`] : []),
    ...facts.directoryEvents.filter((e) => EVENTS_USN_ROLLBACK.some((id) => id === e.id)).map((e) => `event ${e.id} at ${e.at}`),
  ];
  if (signs.length === 0)
    return check(
      'dc-no-rollback',
      title,
      'pass',
      'no Dsa Not Writable value and no Directory Service event 2095 or 2103',
      null,
      LEARN.usnRollback,
    );
  return check(
    'dc-no-rollback',
    title,
    'fail',
    `${signs.join(', ')}: ${facts.host} was already rolled back and quarantined itself; restoring its disks again does not make it trustworthy`,
    `Demote ${facts.host} (forcibly if needed), clean up its metadata, then promote it again; Microsoft supports no other way out of a USN rollback.`,
    LEARN.usnRollback,
  );
}

function replicationCheck(facts: DomainController, domain: DomainFacts): PreflightCheck {
  const title = "The domain's other DCs replicate";
  const others = facts.domainControllers.filter((dc) => shortHostName(dc.name) !== shortHostName(facts.host));
  if (others.length === 0)
    return check(
      'dc-replication',
      title,
      'pass',
      `${facts.host} is the only DC of ${facts.domain}: nothing replicates back to it after the restore`,
      null,
      LEARN.replication,
    );
  const failing = domain.replicationFailures.filter((dc) => dc.failures > 0);
  const count = `${facts.domain} has ${facts.domainControllers.length} DCs (${facts.domainControllers.map((dc) => dc.name).join(', ')})`;
  if (failing.length === 0)
    return check('dc-replication', title, 'pass', `${count}; none reports a replication failure`, null, LEARN.replication);
  return check(
    'dc-replication',
    title,
    'warn',
    `${count}; ${failing.map((dc) => `${dc.dc} reports ${dc.failures} replication failure(s)${dc.lastError ? ` (last error ${dc.lastError})` : ''}`).join(', ')}: the changes since the snapshot come back to ${facts.host} only by replication`,
    'Fix replication first (repadmin /replsummary, repadmin /showrepl), or acknowledge that the restored DC may stay behind until it does.',
    LEARN.replication,
  );
}

function fsmoCheck(facts: DomainController, domain: DomainFacts, set: SnapshotSet): PreflightCheck {
  const title = 'No operations master role was seized since the snapshot';
  const since = domain.fsmoRoles.filter((r) => r.changedAt !== null && Date.parse(r.changedAt) > Date.parse(set.createdAt));
  // A seizure is written on the DC that takes the role, without the old holder; a transfer is written by the old holder.
  const seized = since.filter((r) => r.changedOn !== null && shortHostName(r.changedOn) === shortHostName(r.holder));
  const holders = domain.fsmoRoles.map((r) => `${r.role} ${r.holder}`).join(', ');
  if (seized.length > 0)
    return check(
      'dc-fsmo',
      title,
      'fail',
      `${seized.map((r) => `${r.role} was seized by ${r.holder} at ${r.changedAt}`).join('; ')}, after the set was taken: the restored database still names the holder it had then, and a DC a role was seized from must not come back`,
      `Do not restore this set on ${facts.host}: rebuild it (demote, clean up its metadata, promote again), or transfer the roles back once the domain is healthy and take a new set.`,
      LEARN.fsmo,
    );
  if (since.length > 0)
    return check(
      'dc-fsmo',
      title,
      'warn',
      `${since.map((r) => `${r.role} moved to ${r.holder} at ${r.changedAt}`).join('; ')}, after the set was taken; the transfer replicates back to ${facts.host} after the restore`,
      'Check with netdom query fsmo that the holders are the ones you expect, then acknowledge.',
      LEARN.fsmo,
    );
  return check('dc-fsmo', title, 'pass', `the holders are unchanged since the set was taken: ${holders || 'none read'}`, null, LEARN.fsmo);
}

/** `No_Writers`, `NoWriters` and `No writers` are the same attribute, as diskshadow, CIM and vssadmin spell it. */
function takenWithoutWriters(set: SnapshotSet): boolean {
  return set.attributes.some((a) => a.toLowerCase().replace(/[^a-z]/g, '') === 'nowriters');
}

function writerCheck(facts: DomainController, set: SnapshotSet): PreflightCheck {
  const title = 'The NTDS writer took part in the set';
  if (!takenWithoutWriters(set))
    return check(
      'dc-writer',
      title,
      'pass',
      'the set was taken with VSS writers, so the NTDS writer could prepare the database for it (the set itself does not list which writers took part)',
      null,
      LEARN.vssWriters,
    );
  return check(
    'dc-writer',
    title,
    'warn',
    `the set was taken without writers (nowriters): AD DS did not prepare ${facts.databaseFile} for it, so the database is as after a sudden power loss and must be recovered from its logs when it starts`,
    `Prefer a set taken with writers (shadowswap snapshot create without nowriters); acknowledge to use this one.`,
    LEARN.vssWriters,
  );
}

function dsrmCheck(facts: DomainController): PreflightCheck {
  return check(
    'dc-dsrm-ready',
    'The DSRM password and console access are ready',
    'warn',
    `a domain controller's database is restored with ${facts.host} in Directory Services Restore Mode, where domain accounts do not sign in: only its DSRM administrator password reaches it, and a mistake is mended from its console`,
    `Make sure you know ${facts.host}'s DSRM administrator password (reset it beforehand with ntdsutil "set dsrm password" if unsure) and can reach its console, then acknowledge.`,
    LEARN.restoreImage,
  );
}

/** Without AD DS running the directory cannot be asked about the forest and the domain: nothing it would say is known. */
function domainFactsUnreadCheck(facts: DomainController): PreflightCheck {
  return check(
    'dc-domain-facts',
    `The directory on ${facts.host} answers for its forest and domain`,
    'fail',
    `AD DS is not running on ${facts.host} (${facts.bootMode === 'dsrm' ? 'it is in Directory Services Restore Mode' : 'the NTDS service is stopped'}), so the tombstone lifetime, the domain's other DCs, their replication and the operations masters could not be read, and the restore cannot be weighed against them`,
    `Start ${facts.host} normally (or start its NTDS service), check the Directory Service log, then plan again.`,
    LEARN.restoreImage,
  );
}

export function domainControllerChecks(facts: DomainController, set: SnapshotSet, estate: Estate): PreflightCheck[] {
  const domain = facts.domainFacts;
  return [
    recognisedCheck(facts),
    writableCheck(facts),
    volumesCheck(facts, set, estate),
    ...[bootVolumeCheck(facts, set)].filter((c): c is PreflightCheck => c !== null),
    ...(domain ? [tombstoneCheck(facts, domain, set)] : [domainFactsUnreadCheck(facts)]),
    rollbackCheck(facts),
    ...(domain ? [replicationCheck(facts, domain), fsmoCheck(facts, domain, set)] : []),
    writerCheck(facts, set),
    dsrmCheck(facts),
  ];
}

/** What this restore means for the domain, in the words the plan, the review and the CLI show. */
export function domainControllerPlan(facts: DomainController, set: SnapshotSet): DomainControllerPlan {
  const count = Math.max(1, facts.domainControllers.filter((dc) => !dc.readOnly).length);
  const only = count === 1;
  const consequences = only
    ? [
        `${facts.host} is the only domain controller of ${facts.domain}: Active Directory comes back as it was when the set was taken (${set.createdAt}), and every change made since is lost for good.`,
        'Computers and trusts that changed their passwords since then may no longer authenticate: their machine account or trust passwords may need resetting.',
      ]
    : [
        `${facts.domain} has ${count} writable domain controllers: ${facts.host} is restored non-authoritatively, and the changes made since the set was taken come back to it from its partners by replication.`,
        'Damage that already replicated (deleted or wrongly changed objects) comes back with them: undoing it needs an authoritative restore of those objects or the AD Recycle Bin.',
      ];
  return {
    host: facts.host,
    domain: facts.domain,
    domainControllers: count,
    restore: only ? 'only-dc' : 'one-of-several',
    consequences,
    offlineSwap: holdsDrive(set, facts.systemDrive),
  };
}
