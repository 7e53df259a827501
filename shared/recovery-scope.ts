/**
 * What a recovery swaps and what it loses, said plainly: per LUN of the set, whether it is damaged, healthy but
 * in the same consistency group as a damaged LUN, or unrelated to the damage; and, per volume, that every change
 * written after the recovery point (the set's creation) is not in the recovered LUN while the original, kept as
 * evidence, still holds it. A consistency group is what an application fails over and recovers as one: the
 * cluster group whose disk resource a LUN backs (data and logs together), else the host the set was taken on.
 */
import { z } from 'zod';

export const ScopeRole = z.enum(['damaged', 'same-group', 'unrelated']);
export type ScopeRole = z.infer<typeof ScopeRole>;

export const LunScope = z.object({
  lunId: z.string(),
  lunName: z.string(),
  role: ScopeRole,
  /** The consistency group: the cluster group, else the host the set was taken on. */
  group: z.string(),
  /** Each volume on the LUN as the operator knows it: drive letter (or volume path) and label. */
  volumes: z.array(z.string()),
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
  return scope.map(
    (lun) =>
      `${lun.lunName}${lun.volumes.length > 0 ? ` (${lun.volumes.join(', ')})` : ''}, ${roleClause(lun)}: goes back to ${recoveryPoint}; every change written to it after that is not in the recovered LUN. The original keeps those changes as evidence, so data can be copied back from it.`,
  );
}
