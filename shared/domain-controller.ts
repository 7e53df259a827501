/**
 * The one reading of a domain controller, for its preflight, its plan, the steps' probes, the verification and the
 * rollback rule (docs/recovery-procedure.md#domain-controllers): whether the host is a DC (Win32_ComputerSystem
 * DomainRole), how it booted, whether Active Directory runs, the NTDS and Netlogon registry values a restore reads
 * and changes, the Directory Service and DFS Replication events that prove how it came back, whether SYSVOL and
 * NETLOGON are shared, the domain's DCs, and, when asked, the domain facts a preflight weighs and the replication
 * and dcdiag health. The Lab models every field; the Windows backend reads them with one PowerShell script.
 */
import { z } from 'zod';

/**
 * Win32_ComputerSystem.DomainRole: 4 = backup domain controller, 5 = primary domain controller (the PDC emulator);
 * https://learn.microsoft.com/windows/win32/cimwin32prov/win32-computersystem
 */
export const DOMAIN_CONTROLLER_ROLES: readonly number[] = [4, 5];

export const DcBootMode = z.enum(['normal', 'dsrm']);
export type DcBootMode = z.infer<typeof DcBootMode>;

export const DcEvent = z.object({ id: z.number().int(), at: z.string() });
export type DcEvent = z.infer<typeof DcEvent>;

export const FsmoRole = z.enum(['SchemaMaster', 'DomainNamingMaster', 'PDCEmulator', 'RIDMaster', 'InfrastructureMaster']);
export type FsmoRole = z.infer<typeof FsmoRole>;

/** Who holds an operations master role, and when and where its fSMORoleOwner last changed (replication metadata). */
export const FsmoRoleHolder = z.object({
  role: FsmoRole,
  holder: z.string(),
  /** LastOriginatingChangeTime of fSMORoleOwner, ISO; null when the metadata could not be read. */
  changedAt: z.string().nullable(),
  /** The DC the last change of fSMORoleOwner was written on: the new holder itself for a seizure. */
  changedOn: z.string().nullable(),
});
export type FsmoRoleHolder = z.infer<typeof FsmoRoleHolder>;

/** One DC of the domain (Get-ADDomainController). */
export const DomainControllerPeer = z.object({ name: z.string(), readOnly: z.boolean() });
export type DomainControllerPeer = z.infer<typeof DomainControllerPeer>;

/** The replication failures a DC of the domain reports (Get-ADReplicationFailure), with the last error. */
export const DcReplicationFailures = z.object({
  dc: z.string(),
  failures: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type DcReplicationFailures = z.infer<typeof DcReplicationFailures>;

/** What the directory says about the forest and the domain: what a preflight weighs before a restore. */
export const DomainFacts = z.object({
  /** tombstoneLifetime on CN=Directory Service,CN=Windows NT,CN=Services,CN=Configuration; null when not set. */
  tombstoneLifetimeDays: z.number().int().nullable(),
  /** Only the DCs that report failures. */
  replicationFailures: z.array(DcReplicationFailures),
  fsmoRoles: z.array(FsmoRoleHolder),
});
export type DomainFacts = z.infer<typeof DomainFacts>;

export const DcHealth = z.object({
  /** Failed replications in `repadmin /replsummary` for this DC, as source or destination. */
  replicationFailures: z.number().int().nonnegative(),
  /** Each dcdiag test run (Replications, SysVolCheck, Advertising) and whether this DC passed it. */
  dcdiag: z.array(z.object({ test: z.string(), passed: z.boolean() })),
});
export type DcHealth = z.infer<typeof DcHealth>;

export const DomainController = z.object({
  /** The DC's own name (Win32_ComputerSystem Name): DC01 for `dc01.contoso.local`. */
  host: z.string(),
  domain: z.string(),
  /** The DC's own clock when this was read: events and the set's age are measured with it, never with the console's. */
  readAt: z.string(),
  /** Win32_ComputerSystem.DomainRole, as read. */
  domainRole: z.number().int(),
  bootMode: DcBootMode,
  /** AD DS runs (the NTDS service): never in DSRM. */
  directoryRunning: z.boolean(),
  /** A read-only DC (RODC), as the directory says; false while AD DS is not running (it cannot be asked). */
  readOnly: z.boolean(),
  /** The DC's invocation ID; null while AD DS is not running (it is read from the directory). */
  invocationId: z.string().nullable(),
  /** Where Windows itself lives ($env:SystemDrive, e.g. `C:`): in the set means a boot-from-SAN DC. */
  systemDrive: z.string(),
  /** NTDS\Parameters `DSA Database file` and `Database log files path`; Netlogon\Parameters `SysVol`. */
  databaseFile: z.string(),
  logPath: z.string(),
  sysvolPath: z.string(),
  /** Whether the DC sees its database file at that path. */
  databasePresent: z.boolean(),
  /** NTDS\Parameters `DSA Previous Restore Count` (0 when absent). */
  restoreCount: z.number().int().nonnegative(),
  /** NTDS\Parameters `Database restored from backup`: 1 until the next normal start consumes it. */
  restoredFlag: z.number().int().nullable(),
  /** NTDS\Parameters `Dsa Not Writable`: 4 after a detected USN rollback. */
  dsaNotWritable: z.number().int().nullable(),
  sysvolShared: z.boolean(),
  netlogonShared: z.boolean(),
  /** Directory Service events 1109, 2095 and 2103. */
  directoryEvents: z.array(DcEvent),
  /** DFS Replication events 4114, 4602, 4604 and 4614 (SYSVOL disabled, initialised authoritatively or from a partner). */
  dfsrEvents: z.array(DcEvent),
  /** Every DC of the domain, this one included; empty while AD DS is not running (the directory is asked). */
  domainControllers: z.array(DomainControllerPeer),
  /** Read only when asked for, and only while AD DS runs; null otherwise. */
  domainFacts: DomainFacts.nullable(),
  /** Read only when asked for (it runs repadmin and dcdiag); null otherwise. */
  health: DcHealth.nullable(),
});
export type DomainController = z.infer<typeof DomainController>;

/** What a reading asks for beyond the DC itself. */
export interface DomainControllerReading {
  host: string;
  /** The forest's tombstone lifetime, the domain's replication failures and operations masters (the preflight). */
  domainFacts?: boolean;
  /** repadmin /replsummary and dcdiag (the verification). */
  health?: boolean;
}

/** Directory Service event 1109: the DC took a new invocation ID after a restore. */
export const EVENT_INVOCATION_ID_CHANGED = 1109;
/** Directory Service events 2095 (USN rollback detected) and 2103 (restored by an unsupported procedure). */
export const EVENTS_USN_ROLLBACK = [2095, 2103] as const;
/** DFS Replication: 4602 SYSVOL initialised authoritatively; 4604 initialised from a partner (non-authoritative). */
export const EVENT_SYSVOL_AUTHORITATIVE = 4602;
export const EVENT_SYSVOL_NON_AUTHORITATIVE = 4604;

/** The first label of a host name, upper case: DC01.contoso.local and dc01 are one DC. */
export function shortHostName(name: string): string {
  return (name.split('.')[0] ?? name).toUpperCase();
}

/** The other writable DCs of its domain, which replicate to it after a restore: none means it is the only one. */
export function writablePartners(dc: Pick<DomainController, 'host' | 'domainControllers'>): string[] {
  return dc.domainControllers
    .filter((peer) => !peer.readOnly && shortHostName(peer.name) !== shortHostName(dc.host))
    .map((peer) => peer.name);
}

/** Events of these ids logged at or after `since` (both on the DC's clock). */
export function eventsSince(events: readonly DcEvent[], ids: readonly number[], since: string): DcEvent[] {
  const from = Date.parse(since);
  return events.filter((event) => ids.includes(event.id) && Date.parse(event.at) >= from);
}
