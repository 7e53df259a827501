/**
 * Which LUNs of a set the operator may leave out of a recovery, and why
 * (docs/recovery-procedure.md#leaving-luns-out-of-the-scope). Within an application's group (its cluster group,
 * else the set's host), the LUNs holding its databases' data files and transaction logs are one consistency group:
 * a database needs both from one point in time, so they go back together or not at all. A LUN holding only backups
 * or only tempdb (which SQL Server re-creates at every start) is read by no database at start: it may stay as it is.
 * A LUN whose files the backend cannot read, or does not recognise, stays with its group. A damaged LUN never stays.
 */
import { ShadowSwapError } from '../../../shared/errors';
import type { PreflightCheck, RecoveryOptions } from '../../../shared/recovery';
import type { LeaveOutVerdict, LunContents } from '../../../shared/recovery-scope';

const DATA_FILE = /\.(mdf|ndf)$/i;
const LOG_FILE = /\.ldf$/i;
const BACKUP_FILE = /\.(bak|trn)$/i;
/** tempdb's files as SQL Server names them by default: tempdb.mdf, tempdb_mssql_N.ndf, templog.ldf. */
const TEMPDB_FILE = /^temp(db|log)[^\\/]*\.(mdf|ndf|ldf)$/i;

/** What a LUN holds, from its files' names; null: the backend cannot read them. */
export function contentsOf(files: readonly string[] | null): LunContents {
  if (files === null || files.length === 0) return 'unknown';
  const names = files.map((file) => file.split(/[\\/]/).pop() ?? file);
  if (names.every((name) => BACKUP_FILE.test(name))) return 'backups';
  if (names.every((name) => TEMPDB_FILE.test(name))) return 'tempdb';
  const userFiles = names.filter((name) => !TEMPDB_FILE.test(name));
  if (!userFiles.every((name) => DATA_FILE.test(name) || LOG_FILE.test(name) || BACKUP_FILE.test(name))) return 'unknown';
  const data = userFiles.some((name) => DATA_FILE.test(name));
  const logs = userFiles.some((name) => LOG_FILE.test(name));
  return data && logs ? 'database-files' : data ? 'data-files' : logs ? 'log-files' : 'unknown';
}

/** Read by no database at start: the LUN may stay as it is while its group goes back. */
const standsAlone = (contents: LunContents) => contents === 'backups' || contents === 'tempdb';

const contentsText: Record<LunContents, string> = {
  'data-files': 'the data files (.mdf, .ndf)',
  'log-files': 'the transaction logs (.ldf)',
  'database-files': 'data files and transaction logs',
  tempdb: 'only tempdb',
  backups: 'only backup files (.bak, .trn)',
  unknown: 'files ShadowSwap cannot classify',
};

export interface LeaveOutFacts {
  id: string;
  name: string;
  group: string;
  damaged: boolean;
  contents: LunContents;
  /** The backend read the LUN's files (false: contents is unknown because nothing was read). */
  filesRead: boolean;
  /** The importing host sees the original now: with the original identity kept, the break fails while it does. */
  presentOnImportHost: boolean;
}

/** Per LUN: may it be left out, and why, under these options. */
export function leaveOutVerdicts(
  luns: readonly LeaveOutFacts[],
  options: Pick<RecoveryOptions, 'identity'>,
  importHost: string,
): Map<string, LeaveOutVerdict> {
  return new Map(luns.map((lun) => [lun.id, verdictOf(lun, luns, options, importHost)]));
}

function verdictOf(
  lun: LeaveOutFacts,
  luns: readonly LeaveOutFacts[],
  options: Pick<RecoveryOptions, 'identity'>,
  importHost: string,
): LeaveOutVerdict {
  const partners = standsAlone(lun.contents)
    ? []
    : luns.filter((other) => other.id !== lun.id && other.group === lun.group && !standsAlone(other.contents));
  const together = partners.map((p) => p.id);
  const names = partners.map((p) => p.name).join(', ');
  if (lun.damaged) return { allowed: false, why: `${lun.name} is damaged: it is what this recovery puts back`, together };
  const damagedPartner = partners.find((p) => p.damaged);
  if (damagedPartner !== undefined) {
    const why =
      lun.contents === 'unknown'
        ? `ShadowSwap cannot tell what ${lun.name} holds (${lun.filesRead ? 'its files are not database, tempdb or backup files it knows' : 'this backend does not read which files a volume holds'}), so it goes back with ${names}: an application's data and logs are never split (group ${lun.group})`
        : `${lun.name} holds ${contentsText[lun.contents]} of the databases on ${names}: they go back together to one point in time, or the databases would start with data and logs that do not match (group ${lun.group})`;
    return { allowed: false, why, together };
  }
  // The break with revert fails if any original of the set is present on the importing host, and a LUN left out stays.
  if (options.identity === 'revert' && lun.presentOnImportHost)
    return {
      allowed: false,
      why: `${lun.name} would stay present on ${importHost}, and keeping the original disk identity makes the break fail while any original of the set is present there (VSS_E_BREAK_REVERT_ID_FAILED). To leave it out, choose new disk signatures (Options step, or --identity new-signature)`,
      together,
    };
  if (standsAlone(lun.contents))
    return {
      allowed: true,
      why:
        lun.contents === 'backups'
          ? `${lun.name} holds ${contentsText.backups}: no database reads it at start, and the backups taken since the recovery point stay`
          : `${lun.name} holds ${contentsText.tempdb}, which SQL Server re-creates at every start`,
      together,
    };
  return {
    allowed: true,
    why:
      partners.length === 0
        ? `no damaged LUN shares its data: ${lun.name} is alone in its consistency group (group ${lun.group})`
        : `no LUN of its consistency group is damaged, so ${lun.name} may stay as it is, together with ${names} (group ${lun.group})`,
    together,
  };
}

/** The original LUN ids the options leave out, refusing a name that is not a LUN of the set. */
export function leftOutIds(requested: readonly string[], luns: ReadonlyArray<{ id: string; name: string }>, setId: string): Set<string> {
  return new Set(
    requested.map((asked) => {
      const lun = luns.find((l) => l.id === asked || l.name.toUpperCase() === asked.toUpperCase());
      if (lun === undefined)
        throw new ShadowSwapError(
          'INVALID_REQUEST',
          `"${asked}" is not a LUN of set ${setId}, so it cannot be left out. Its LUNs: ${luns.map((l) => l.name).join(', ')}.`,
          { setId },
        );
      return lun.id;
    }),
  );
}

/**
 * The preflight verdict on what the operator left out: a fail names each LUN that may not be left out and why, or
 * the consistency group it would split; null when nothing is left out.
 */
export function leaveOutCheck(
  leftOut: ReadonlySet<string>,
  luns: readonly LeaveOutFacts[],
  verdicts: ReadonlyMap<string, LeaveOutVerdict>,
): PreflightCheck | null {
  if (leftOut.size === 0) return null;
  const asked = luns.filter((l) => leftOut.has(l.id));
  const nameOf = (id: string) => luns.find((l) => l.id === id)?.name ?? id;
  const problems: string[] = [];
  const fixes: string[] = [];
  for (const lun of asked) {
    const verdict = verdicts.get(lun.id);
    if (verdict === undefined) continue;
    if (!verdict.allowed) {
      problems.push(verdict.why);
      fixes.push(`put ${lun.name} back in scope`);
      continue;
    }
    const stay = verdict.together.filter((id) => !leftOut.has(id));
    if (stay.length > 0) {
      problems.push(
        `${lun.name} is left out but ${stay.map(nameOf).join(', ')} of its consistency group ${lun.group} is not: they go back together, or stay together`,
      );
      fixes.push(`leave out ${[lun.id, ...verdict.together].map(nameOf).join(', ')} together, or none of them`);
    }
  }
  if (problems.length === 0)
    return {
      id: 'leave-out',
      title: 'The LUNs left out split no consistency group',
      verdict: 'pass',
      reason: `Left out, staying in production as they are: ${asked.map((l) => `${l.name} (${verdicts.get(l.id)?.why ?? ''})`).join('; ')}`,
      fix: null,
    };
  return {
    id: 'leave-out',
    title: 'The LUNs left out split no consistency group',
    verdict: 'fail',
    reason: `${asked.map((l) => l.name).join(', ')} cannot be left out as asked: ${problems.join('; ')}`,
    fix: `${fixes.join('; ')}, then plan again.`.replace(/^./, (c) => c.toUpperCase()),
  };
}
