/**
 * What a recovery swaps and what it loses, said plainly: per LUN of the set, whether it is damaged, healthy but
 * in the same consistency group as a damaged LUN, or unrelated to the damage; whether the operator may leave it out
 * and why; and, per volume, that every change written after the recovery point (the set's creation) is not in the
 * recovered LUN while the original, kept as evidence, still holds it. A LUN left out stays in production as it is.
 * The group is the application's: the cluster group whose disk resource a LUN backs, else the host the set was
 * taken on; within it, the LUNs holding its databases' data and logs form the consistency group that goes back
 * whole (docs/recovery-procedure.md#leaving-luns-out-of-the-scope).
 */
import { z } from 'zod';

export const ScopeRole = z.enum(['damaged', 'same-group', 'unrelated']);
export type ScopeRole = z.infer<typeof ScopeRole>;

/** What the application keeps on a LUN, as far as its files tell. */
export const LunContents = z.enum(['data-files', 'log-files', 'database-files', 'tempdb', 'backups', 'unknown']);
export type LunContents = z.infer<typeof LunContents>;

/** Whether the operator may leave a LUN out of the recovery, why, and the LUNs that must share its fate. */
export const LeaveOutVerdict = z.object({
  allowed: z.boolean(),
  why: z.string(),
  /** The other LUN ids of its consistency group: left out with it, or not at all. */
  together: z.array(z.string()),
});
export type LeaveOutVerdict = z.infer<typeof LeaveOutVerdict>;

export const LunScope = z.object({
  lunId: z.string(),
  lunName: z.string(),
  role: ScopeRole,
  /** The application's group: the cluster group, else the host the set was taken on. */
  group: z.string(),
  /** Each volume on the LUN as the operator knows it: drive letter (or volume path) and label. */
  volumes: z.array(z.string()),
  /** The shadow copy LUN that replaces it (absent in older journals). */
  shadowLunId: z.string().optional(),
  /** What the application keeps on it (absent in older journals). */
  contents: LunContents.optional(),
  /** Whether it may be left out (absent in older journals). */
  leaveOut: LeaveOutVerdict.optional(),
  /** Left out: its original stays in production untouched, its shadow copy is kept masked as a spare. */
  leftOut: z.boolean().default(false),
});
export type LunScope = z.infer<typeof LunScope>;

export interface ScopeFacts {
  id: string;
  name: string;
  group: string;
  damaged: boolean;
  volumes: string[];
}

export function scopeOf(luns: readonly ScopeFacts[]): LunScope[] {
  const damagedGroups = new Set(luns.filter((lun) => lun.damaged).map((lun) => lun.group));
  return luns.map((lun) => ({
    lunId: lun.id,
    lunName: lun.name,
    role: lun.damaged ? 'damaged' : damagedGroups.has(lun.group) ? 'same-group' : 'unrelated',
    group: lun.group,
    volumes: lun.volumes,
    leftOut: false,
  }));
}

export const scopeRoleText: Record<ScopeRole, string> = {
  damaged: 'Damaged',
  'same-group': 'Healthy, same consistency group as a damaged LUN',
  unrelated: 'Healthy, no damaged LUN in its consistency group',
};

const roleClause = (lun: LunScope): string =>
  lun.role === 'damaged' ? 'damaged' : lun.role === 'same-group' ? `healthy, swapped with its consistency group ${lun.group}` : 'healthy';

/** One sentence per LUN: what goes back to the recovery point (given as the caller writes times) and where the rest stays. */
export function dataLossLines(scope: readonly LunScope[], recoveryPoint: string): string[] {
  return scope.map((lun) => {
    const named = `${lun.lunName}${lun.volumes.length > 0 ? ` (${lun.volumes.join(', ')})` : ''}`;
    if (lun.leftOut)
      return `${named}, left out: stays in production as it is, so nothing on it is lost (${lun.leaveOut?.why ?? 'the operator left it out'}). Its shadow copy is kept on the array, masked from every host.`;
    return `${named}, ${roleClause(lun)}: goes back to ${recoveryPoint}; every change written to it after that is not in the recovered LUN. The original keeps those changes as evidence, so data can be copied back from it.`;
  });
}

/** Whether the LUN is left out, may be, or may not be, and why; null in plans made before LUNs could be left out. */
export function leaveOutText(lun: LunScope): string | null {
  if (lun.leaveOut === undefined) return null;
  const said = lun.leftOut ? 'Left out' : lun.leaveOut.allowed ? 'May be left out' : 'Cannot be left out';
  return `${said}: ${lun.leaveOut.why}.`;
}
