/**
 * What a backend reads about a domain controller before its disks are recovered: how Windows says it is a DC,
 * where Active Directory keeps its files, and the forest facts a restore must respect (docs/recovery-procedure.md#domain-controllers-recognition-and-preflight).
 * Every value is as Windows reports it; the verdicts are the preflight's (electron/core/recovery/domain-controller-checks.ts).
 */
import { z } from 'zod';

/** Win32_ComputerSystem.DomainRole: 4 = backup domain controller, 5 = primary domain controller (the PDC emulator). */
export const DOMAIN_CONTROLLER_ROLES: readonly number[] = [4, 5];

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

/** One DC of the domain, with what replication says about it. */
export const DomainControllerPeer = z.object({
  name: z.string(),
  readOnly: z.boolean(),
  /** Replication failures reported for this DC (Get-ADReplicationFailure), with the last error; 0 and null when healthy. */
  replicationFailures: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type DomainControllerPeer = z.infer<typeof DomainControllerPeer>;

export const DomainControllerFacts = z.object({
  host: z.string(),
  domain: z.string(),
  /** When the backend read these facts (its clock): the set's age is measured against it. */
  readAt: z.string(),
  domainRole: z.number().int(),
  /** Get-Service NTDS: Running, Stopped…; null when the service does not exist. */
  ntdsService: z.string().nullable(),
  readOnly: z.boolean(),
  /** NTDS\Parameters `DSA Database file`, `Database log files path`; Netlogon\Parameters `SysVol`. */
  databaseFile: z.string(),
  logPath: z.string(),
  sysvolPath: z.string(),
  /** Where Windows itself lives ($env:SystemDrive, e.g. `C:`): in the set means a boot-from-SAN DC. */
  systemDrive: z.string(),
  /** NTDS\Parameters `Dsa Not Writable`: 4 after a detected USN rollback; null when absent. */
  dsaNotWritable: z.number().int().nullable(),
  /** Directory Service events 2095 (USN rollback detected) and 2103 (restored by an unsupported procedure). */
  rollbackEvents: z.array(z.object({ id: z.number().int(), at: z.string() })),
  /** tombstoneLifetime on CN=Directory Service,CN=Windows NT,CN=Services,CN=Configuration; null when not set. */
  tombstoneLifetimeDays: z.number().int().nullable(),
  /** Every DC of the domain, this one included. */
  domainControllers: z.array(DomainControllerPeer),
  fsmoRoles: z.array(FsmoRoleHolder),
});
export type DomainControllerFacts = z.infer<typeof DomainControllerFacts>;

/** The first label of a host name, upper case: DC01.contoso.local and dc01 are one DC. */
export function shortHostName(name: string): string {
  return (name.split('.')[0] ?? name).toUpperCase();
}
