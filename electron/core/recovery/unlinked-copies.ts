/**
 * Shadow copies the planner cannot pair with an array LUN, each with what is missing in the operator's words: a set
 * ShadowSwap created is linked to its shadow LUNs by the identifiers its hardware provider recorded
 * (docs/windows-facts.md#the-backup-components-document-names-each-shadow-lun), and until that link exists the set
 * cannot be recovered.
 */
import type { Lun, ShadowCopy, SnapshotSet } from '../../../shared/domain';

function originalName(copy: ShadowCopy, luns: ReadonlyMap<string, Lun>): string {
  return luns.get(copy.originalLunId)?.name ?? copy.originalDriveLetter ?? copy.originalVolume;
}

function whatIsMissing(copy: ShadowCopy, luns: ReadonlyMap<string, Lun>): string | null {
  const of = `shadow copy {${copy.id}} of ${originalName(copy, luns)}`;
  if (!luns.has(copy.originalLunId)) return `${of}: its original LUN ${copy.originalLunId || '(unknown)'} is not on the array`;
  if (copy.shadowLunId !== '')
    return luns.has(copy.shadowLunId) ? null : `${of}: its shadow LUN ${copy.shadowLunId} is not on the array any more`;
  const identifiers = copy.shadowLunIdentifiers ?? [];
  if (identifiers.length === 0)
    return `${of}: ShadowSwap does not know which array LUN holds it (the set's metadata named no shadow LUN when it was read)`;
  return `${of}: no LUN on the array has the identifier its provider recorded (${identifiers.join(' or ')})`;
}

/** One sentence per copy that has no pair, empty when every copy has one. */
export function unlinkedCopies(set: SnapshotSet, luns: ReadonlyMap<string, Lun>): string[] {
  return set.shadowCopies.flatMap((copy) => whatIsMissing(copy, luns) ?? []);
}

export const LINK_REMEDY =
  'Once the array shows the shadow LUNs (they are made with the set; the array tool lists them), refresh the inventory so the console discovers them by that UniqueId (or declare them where discovery cannot see), then plan again. ShadowSwap never guesses which LUN is a shadow copy.';
