/**
 * What the Lab stores about a domain controller: the Active Directory facts a recovery must respect
 * (docs/windows-facts.md, "Active Directory"). A DC's database lives on a LUN; which database it runs on,
 * its invocation ID and its USN decide whether its replication partners accept it after a restore.
 */
import { z } from 'zod';
import { FsmoRoleHolder } from '../../../../shared/domain-controller';

export const BootMode = z.enum(['normal', 'dsrm']);
export type BootMode = z.infer<typeof BootMode>;

/** One entry of the Directory Service event log. */
export const DirectoryServiceEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  message: z.string(),
});
export type DirectoryServiceEvent = z.infer<typeof DirectoryServiceEvent>;

/** The values of HKLM\SYSTEM\CurrentControlSet\Services\NTDS\Parameters the restore rules read. */
export const NtdsParameters = z.object({
  'DSA Database file': z.string(),
  'Database log files path': z.string(),
  /** REG_DWORD 1 before the first normal start on a restored database: take a new invocation ID. */
  'Database restored from backup': z.number().int().nullable(),
  'DSA Previous Restore Count': z.number().int().nonnegative(),
  /** 4 after a detected USN rollback: the DC refuses changes and must be demoted. */
  'Dsa Not Writable': z.number().int().nullable(),
});
export type NtdsParameters = z.infer<typeof NtdsParameters>;

/** How far a partner has replicated this DC's changes, under the invocation ID it knew them by. */
export const ReplicationPartner = z.object({
  host: z.string(),
  /** The highest USN of this DC the partner holds (its up-to-dateness vector entry). */
  seenUsn: z.number().int().nonnegative(),
  seenInvocationId: z.string(),
});
export type ReplicationPartner = z.infer<typeof ReplicationPartner>;

/** The state of a database at the moment a snapshot set captured it. */
export const DatabaseImage = z.object({
  setId: z.string(),
  usn: z.number().int().nonnegative(),
  /** How many of the domain's changes the database held (a stand-in for its directory content). */
  changesHeld: z.number().int().nonnegative(),
});
export type DatabaseImage = z.infer<typeof DatabaseImage>;

export const LabDomainController = z.object({
  host: z.string(),
  domain: z.string(),
  readOnly: z.boolean(),
  bootMode: BootMode,
  invocationId: z.string(),
  usn: z.number().int().nonnegative(),
  changesHeld: z.number().int().nonnegative(),
  /** The LUN the running directory opened its database on; null while AD DS is not running. */
  runningOnLunId: z.string().nullable(),
  /** The LUN the database lived on when the DC last ran normally: a different one means a restored database. */
  databaseLunId: z.string(),
  ntds: NtdsParameters,
  /** Netlogon\Parameters SysVol: where the SYSVOL share points. */
  sysvolPath: z.string(),
  /** Where Windows itself lives ($env:SystemDrive): a drive on one of the DC's LUNs means it boots from the SAN. */
  systemDrive: z.string().default('C:'),
  /** What Get-ADReplicationFailure reports for this DC: how many failures, and the last error. */
  replicationFailures: z.number().int().nonnegative().default(0),
  lastReplicationError: z.string().nullable().default(null),
  netlogonPaused: z.boolean(),
  partners: z.array(ReplicationPartner),
  images: z.array(DatabaseImage),
  events: z.array(DirectoryServiceEvent),
  /** The DFS Replication log's SYSVOL events (4114, 4602, 4604, 4614); absent in estates made before it was kept. */
  dfsrEvents: z.array(DirectoryServiceEvent).default([]),
});
export type LabDomainController = z.infer<typeof LabDomainController>;

/**
 * The forest and domain facts every DC of the estate shares (one domain per Lab estate): the tombstone lifetime
 * (null: the attribute is not set) and who holds each operations master role, with when and where it last changed.
 */
export const LabDirectory = z.object({
  tombstoneLifetimeDays: z.number().int().nullable(),
  fsmoRoles: z.array(FsmoRoleHolder),
});
export type LabDirectory = z.infer<typeof LabDirectory>;
