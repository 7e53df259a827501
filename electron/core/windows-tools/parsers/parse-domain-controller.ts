/**
 * What domain-controller-commands.ts reads back: the DC's state as its JSON object, and its health from the text
 * `repadmin /replsummary` and `dcdiag` print (English output; their layout is the one Microsoft's pages show, see
 * docs/windows-facts.md#active-directory-restore). A layout these parsers do not recognise is an error, never a
 * clean result.
 */
import { z } from 'zod';
import type { DcHealth, DomainControllerStatus } from '../../../../shared/domain-controller';
import { ParseError } from './parse-error';

const EventJson = z.object({ Id: z.number().int(), At: z.string() });
const StatusJson = z.object({
  ReadAt: z.string(),
  BootupState: z.string().nullable(),
  NtdsRunning: z.boolean(),
  InvocationId: z.string().nullable(),
  RestoreCount: z.number().int().nullable(),
  RestoredFlag: z.number().int().nullable(),
  DsaNotWritable: z.number().int().nullable(),
  DatabasePath: z.string(),
  DatabasePresent: z.boolean(),
  Shares: z.array(z.string()),
  DirectoryEvents: z.array(EventJson),
  DfsrEvents: z.array(EventJson),
  Partners: z.array(z.string()),
});

/** Null when the host has no NTDS service: it is not a domain controller. */
export function parseDomainControllerStatus(host: string, stdout: string): DomainControllerStatus | null {
  const text = stdout.trim();
  if (text === 'null') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ParseError(`The state of domain controller ${host} is not JSON`, 1, text);
  }
  const parsed = StatusJson.safeParse(json);
  if (!parsed.success)
    throw new ParseError(`The state of domain controller ${host} lacks ${parsed.error.issues[0]?.path.join('.')}`, 1, text);
  const s = parsed.data;
  const shares = s.Shares.map((name) => name.toUpperCase());
  const events = (list: z.infer<typeof EventJson>[]) => list.map((e) => ({ id: e.Id, at: e.At }));
  return {
    host,
    readAt: s.ReadAt,
    // DSRM is a safe boot in which AD DS does not run; a normal boot with NTDS stopped is Restartable AD DS, not DSRM.
    bootMode: !s.NtdsRunning && s.BootupState !== null && s.BootupState !== 'Normal boot' ? 'dsrm' : 'normal',
    directoryRunning: s.NtdsRunning,
    invocationId: s.InvocationId,
    restoreCount: s.RestoreCount ?? 0,
    restoredFlag: s.RestoredFlag,
    dsaNotWritable: s.DsaNotWritable,
    databasePath: s.DatabasePath,
    databasePresent: s.DatabasePresent,
    sysvolShared: shares.includes('SYSVOL'),
    netlogonShared: shares.includes('NETLOGON'),
    directoryEvents: events(s.DirectoryEvents),
    dfsrEvents: events(s.DfsrEvents),
    partners: s.Partners,
    health: null,
  };
}

/** `DC01   06m:42s   0 /   5    0`: a row of either table, with its failed and total replications. */
const SUMMARY_ROW = /^\s*\S+\s+\S.*?\s(\d+)\s*\/\s*(\d+)\s+\d+/;
const DCDIAG_RESULT = /\.{3,}\s*\S+\s+(passed|failed)\s+test\s+(\S+)/i;
export const DCDIAG_TESTS = ['Replications', 'SysVolCheck', 'Advertising'] as const;

export function parseDomainControllerHealth(host: string, replsummary: string, dcdiag: string): DcHealth {
  const lines = replsummary.split(/\r\n|\n|\r/);
  const rows = lines.flatMap((line) => {
    const match = SUMMARY_ROW.exec(line);
    return match ? [Number(match[1])] : [];
  });
  if (rows.length === 0)
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
