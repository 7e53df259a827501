/**
 * What each LUN is for, as an operator after a recovery needs to tell them apart: production runs on it
 * (after a recovery that is the former shadow LUN `*-SC-<date>`), evidence (an original kept out of
 * production: swapped out by a recovery, or held for forensics), a spare shadow copy (a point-in-time copy
 * not exposed to anyone), or unassigned (seen by no host, and no copy of it is in production).
 */
import { z } from 'zod';
import type { Lun } from './domain';

export const LunRole = z.enum(['production', 'evidence', 'spare-shadow', 'unassigned']);
export type LunRole = z.infer<typeof LunRole>;

type RoleFacts = Pick<Lun, 'id' | 'state' | 'shadowOf' | 'maskedTo' | 'maskAll'>;

const seenByAHost = (lun: RoleFacts) => lun.maskAll || lun.maskedTo.length > 0;

/** The role of every LUN, by id: an original's role depends on whether a copy of it now serves production. */
export function lunRoles(luns: readonly RoleFacts[]): Map<string, LunRole> {
  const replacedInProduction = new Set(
    luns.filter((lun) => lun.shadowOf !== null && lun.state !== 'shadow' && seenByAHost(lun)).map((lun) => lun.shadowOf as string),
  );
  return new Map(
    luns.map((lun): [string, LunRole] => {
      if (lun.state === 'shadow') return [lun.id, 'spare-shadow'];
      if (lun.state === 'forensic-hold') return [lun.id, 'evidence'];
      if (replacedInProduction.has(lun.id)) return [lun.id, 'evidence'];
      return [lun.id, seenByAHost(lun) ? 'production' : 'unassigned'];
    }),
  );
}

export const lunRoleText: Record<LunRole, string> = {
  production: 'Production',
  evidence: 'Evidence (original kept)',
  'spare-shadow': 'Spare shadow copy',
  unassigned: 'Unassigned',
};
