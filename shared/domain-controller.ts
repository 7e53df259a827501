/**
 * What a backend reads of a domain controller for its recovery (docs/recovery-procedure.md#domain-controllers):
 * how it booted, whether Active Directory runs, the NTDS registry values a restore changes, the Directory Service
 * and DFS Replication events that prove how it came back, whether SYSVOL and NETLOGON are shared, and, when asked,
 * the replication and dcdiag health. The Lab models every field; the Windows backend reads them with PowerShell.
 */
import { z } from 'zod';

export const DcBootMode = z.enum(['normal', 'dsrm']);
export type DcBootMode = z.infer<typeof DcBootMode>;

export const DcEvent = z.object({ id: z.number().int(), at: z.string() });
export type DcEvent = z.infer<typeof DcEvent>;

export const DcHealth = z.object({
  /** Failed replications in `repadmin /replsummary` for this DC, as source or destination. */
  replicationFailures: z.number().int().nonnegative(),
  /** Each dcdiag test run (Replications, SysVolCheck, Advertising) and whether this DC passed it. */
  dcdiag: z.array(z.object({ test: z.string(), passed: z.boolean() })),
});
export type DcHealth = z.infer<typeof DcHealth>;

export const DomainControllerStatus = z.object({
  host: z.string(),
  /** The DC's own clock when this was read: events are compared with it, never with the console's clock. */
  readAt: z.string(),
  bootMode: DcBootMode,
  /** AD DS runs (the NTDS service): never in DSRM. */
  directoryRunning: z.boolean(),
  /** The DC's invocation ID; null while AD DS is not running (it is read from the directory). */
  invocationId: z.string().nullable(),
  /** NTDS\Parameters `DSA Previous Restore Count`. */
  restoreCount: z.number().int().nonnegative(),
  /** NTDS\Parameters `Database restored from backup`: 1 until the next normal start consumes it. */
  restoredFlag: z.number().int().nullable(),
  /** NTDS\Parameters `Dsa Not Writable`: 4 after a detected USN rollback. */
  dsaNotWritable: z.number().int().nullable(),
  /** NTDS\Parameters `DSA Database file`, and whether the DC sees that file. */
  databasePath: z.string(),
  databasePresent: z.boolean(),
  sysvolShared: z.boolean(),
  netlogonShared: z.boolean(),
  /** Directory Service events 1109, 2095 and 2103. */
  directoryEvents: z.array(DcEvent),
  /** DFS Replication events 4114, 4602, 4604 and 4614 (SYSVOL disabled, initialised authoritatively or from a partner). */
  dfsrEvents: z.array(DcEvent),
  /** Other writable DCs this DC replicates with: none means it is the only DC of its domain. */
  partners: z.array(z.string()),
  /** Read only when asked for (it runs repadmin and dcdiag); null otherwise. */
  health: DcHealth.nullable(),
});
export type DomainControllerStatus = z.infer<typeof DomainControllerStatus>;

/** Directory Service event 1109: the DC took a new invocation ID after a restore. */
export const EVENT_INVOCATION_ID_CHANGED = 1109;
/** Directory Service events 2095 (USN rollback detected) and 2103 (restored by an unsupported procedure). */
export const EVENTS_USN_ROLLBACK = [2095, 2103] as const;
/** DFS Replication: 4602 SYSVOL initialised authoritatively; 4604 initialised from a partner (non-authoritative). */
export const EVENT_SYSVOL_AUTHORITATIVE = 4602;
export const EVENT_SYSVOL_NON_AUTHORITATIVE = 4604;

/** Events of these ids logged at or after `since` (both on the DC's clock). */
export function eventsSince(events: readonly DcEvent[], ids: readonly number[], since: string): DcEvent[] {
  const from = Date.parse(since);
  return events.filter((event) => ids.includes(event.id) && Date.parse(event.at) >= from);
}
