/**
 * The one reading of a domain controller (readDomainControllerCommand in domain-controller-commands.ts): its JSON
 * object, with the health part's `repadmin /replsummary` and `dcdiag` text (English output; their layout is the one
 * Microsoft's pages show, see docs/windows-facts.md#active-directory-restore). A layout these parsers do not
 * recognise is an error, never a clean result. A DN that names a DC (`CN=NTDS Settings,CN=DC01,CN=Servers,…`)
 * becomes the DC's name.
 */
import { z } from 'zod';
import {
  FsmoRole,
  shortHostName,
  type DcHealth,
  type DcReplicationFailures,
  type DomainController,
  type DomainFacts,
  type FsmoRoleHolder,
} from '../../../../shared/domain-controller';
import { ParseError } from './parse-error';

/** ConvertTo-Json writes a list of one as that one item and an empty list as null when @() was lost on the way. */
const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((value) => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

const EventJson = z.object({ Id: z.number().int(), At: z.string() });
const FailureJson = z.object({ Server: z.string(), FailureCount: z.number().int().nullable(), LastError: z.string().nullable() });
const FsmoJson = z.object({ Role: z.string(), Owner: z.string(), ChangedAt: z.string().nullable(), ChangedOn: z.string().nullable() });
const ReadingJson = z.object({
  ReadAt: z.string(),
  Name: z.string(),
  Domain: z.string(),
  DomainRole: z.number().int(),
  BootupState: z.string().nullable(),
  SystemDrive: z.string(),
  NtdsRunning: z.boolean(),
  IsReadOnly: z.boolean().nullable(),
  InvocationId: z.string().nullable(),
  DatabasePath: z.string(),
  LogPath: z.string(),
  SysVol: z.string(),
  DatabasePresent: z.boolean(),
  RestoreCount: z.number().int().nullable(),
  RestoredFlag: z.number().int().nullable(),
  DsaNotWritable: z.number().int().nullable(),
  Shares: listOf(z.string()),
  DirectoryEvents: listOf(EventJson),
  DfsrEvents: listOf(EventJson),
  DomainControllers: listOf(z.object({ Name: z.string(), IsReadOnly: z.boolean().nullable() })),
  DomainFacts: z
    .object({ TombstoneLifetime: z.number().int().nullable(), ReplicationFailures: listOf(FailureJson), FsmoRoles: listOf(FsmoJson) })
    .nullable(),
  Health: z.object({ Replsummary: z.string(), Dcdiag: z.string() }).nullable(),
});

/**
 * The DC a DN names: the CN after `CN=NTDS Settings` (`CN=NTDS Settings,CN=DC01,CN=Servers,…` is DC01). A DN of
 * another shape is kept whole, so the operator still sees what Windows said.
 */
export function serverOfDn(dn: string): string {
  const match = /^CN=NTDS Settings[^,]*,CN=([^,]+),/i.exec(dn.trim());
  return match?.[1] ?? dn.trim();
}

function fsmoRoles(host: string, roles: z.infer<typeof FsmoJson>[], text: string): FsmoRoleHolder[] {
  return roles.map((item) => {
    const role = FsmoRole.safeParse(item.Role);
    if (!role.success)
      throw new ParseError(`${host}'s operations master role ${item.Role} is not one of ${FsmoRole.options.join(', ')}`, 1, text);
    return {
      role: role.data,
      holder: serverOfDn(item.Owner),
      changedAt: item.ChangedAt,
      changedOn: item.ChangedOn === null || item.ChangedOn === '' ? null : serverOfDn(item.ChangedOn),
    };
  });
}

/** Get-ADReplicationFailure's rows summed per DC (one row per failing partner), with the last real error. */
function replicationFailures(rows: z.infer<typeof FailureJson>[]): DcReplicationFailures[] {
  const byDc = new Map<string, DcReplicationFailures>();
  for (const row of rows) {
    const dc = shortHostName(row.Server);
    const entry = byDc.get(dc) ?? { dc, failures: 0, lastError: null };
    entry.failures += row.FailureCount ?? 0;
    if (row.LastError !== null && row.LastError !== '' && row.LastError !== '0') entry.lastError = row.LastError;
    byDc.set(dc, entry);
  }
  return [...byDc.values()].filter((entry) => entry.failures > 0);
}

/** Null when the host is not a domain controller (the script printed `null`). */
export function parseDomainController(stdout: string): DomainController | null {
  const text = stdout.trim();
  if (text === 'null') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ParseError('The domain controller reading is not JSON', 1, text);
  }
  const parsed = ReadingJson.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ParseError(`The domain controller reading has no valid ${issue?.path.join('.')} (${issue?.message})`, 1, text);
  }
  const s = parsed.data;
  const host = s.Name;
  const shares = s.Shares.map((name) => name.toUpperCase());
  const events = (list: z.infer<typeof EventJson>[]) => list.map((e) => ({ id: e.Id, at: e.At }));
  const domainFacts: DomainFacts | null =
    s.DomainFacts === null
      ? null
      : {
          tombstoneLifetimeDays: s.DomainFacts.TombstoneLifetime,
          replicationFailures: replicationFailures(s.DomainFacts.ReplicationFailures),
          fsmoRoles: fsmoRoles(host, s.DomainFacts.FsmoRoles, text),
        };
  return {
    host,
    domain: s.Domain,
    readAt: s.ReadAt,
    domainRole: s.DomainRole,
    // DSRM is a safe boot in which AD DS does not run; a normal boot with NTDS stopped is Restartable AD DS, not DSRM.
    bootMode: !s.NtdsRunning && s.BootupState !== null && s.BootupState !== 'Normal boot' ? 'dsrm' : 'normal',
    directoryRunning: s.NtdsRunning,
    readOnly: s.IsReadOnly ?? false,
    invocationId: s.InvocationId,
    systemDrive: s.SystemDrive.toUpperCase(),
    databaseFile: s.DatabasePath,
    logPath: s.LogPath,
    sysvolPath: s.SysVol,
    databasePresent: s.DatabasePresent,
    restoreCount: s.RestoreCount ?? 0,
    restoredFlag: s.RestoredFlag,
    dsaNotWritable: s.DsaNotWritable,
    sysvolShared: shares.includes('SYSVOL'),
    netlogonShared: shares.includes('NETLOGON'),
    directoryEvents: events(s.DirectoryEvents),
    dfsrEvents: events(s.DfsrEvents),
    domainControllers: s.DomainControllers.map((dc) => ({ name: dc.Name, readOnly: dc.IsReadOnly ?? false })),
    domainFacts,
    health:
      s.Health === null
        ? null
        : parseDomainControllerHealth(host, s.Health.Replsummary, s.Health.Dcdiag, {
            alone: s.DomainControllers.length > 0 && s.DomainControllers.every((dc) => dc.Name.toUpperCase() === host.toUpperCase()),
          }),
  };
}

/** `DC01   06m:42s   0 /   5    0`: a row of either table, with its failed and total replications. */
const SUMMARY_ROW = /^\s*\S+\s+\S.*?\s(\d+)\s*\/\s*(\d+)\s+\d+/;
const DCDIAG_RESULT = /\.{3,}\s*\S+\s+(passed|failed)\s+test\s+(\S+)/i;
export const DCDIAG_TESTS = ['Replications', 'SysVolCheck', 'Advertising'] as const;

/** The headings of repadmin /replsummary's two tables. */
const SUMMARY_TABLES = [/^\s*Source DSA\s+largest delta\s+fails\/total/i, /^\s*Destination DSA\s+largest delta\s+fails\/total/i];

/**
 * `alone`: the domain has no other DC, so the DC replicates with nobody and repadmin's two tables are printed without
 * a row (docs/windows-facts.md#active-directory-restore): that is clean when both headings are there, never when
 * they are not.
 */
export function parseDomainControllerHealth(
  host: string,
  replsummary: string,
  dcdiag: string,
  options: { alone?: boolean } = {},
): DcHealth {
  const lines = replsummary.split(/\r\n|\n|\r/);
  const rows = lines.flatMap((line) => {
    const match = SUMMARY_ROW.exec(line);
    return match ? [Number(match[1])] : [];
  });
  const emptyTables = SUMMARY_TABLES.every((heading) => lines.some((line) => heading.test(line)));
  if (rows.length === 0 && !(options.alone === true && emptyTables))
    throw new ParseError(`repadmin /replsummary printed no replication row for ${host}; read its output on ${host}`, 0, replsummary);
  // Errors repadmin could not even attribute to a partner are failures too.
  const operational = lines.findIndex((line) => /operational errors/i.test(line));
  const unattributed = operational < 0 ? 0 : lines.slice(operational + 1).filter((line) => /^\s+\S/.test(line)).length;
  const results = dcdiag.split(/\r\n|\n|\r/).flatMap((line) => {
    const match = DCDIAG_RESULT.exec(line);
    return match ? [{ test: match[2] ?? '', passed: match[1]?.toLowerCase() === 'passed' }] : [];
  });
  for (const test of DCDIAG_TESTS) {
    if (!results.some((r) => r.test.toLowerCase() === test.toLowerCase()))
      throw new ParseError(`dcdiag printed no result for its ${test} test on ${host}; read its output on ${host}`, 0, dcdiag);
  }
  return { replicationFailures: rows.reduce((sum, fails) => sum + fails, 0) + unattributed, dcdiag: results };
}
