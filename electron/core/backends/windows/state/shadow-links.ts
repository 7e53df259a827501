/**
 * Which array LUN holds each shadow copy: the identifiers the hardware provider recorded in the set's Backup
 * Components Document, matched to the UniqueId of a LUN the console knows
 * (docs/windows-facts.md#the-backup-components-document-names-each-shadow-lun,
 * docs/windows-facts.md#uniqueid-is-the-page-0x83-identifier). Never by number or by name.
 */
import type { ShadowCopy, SnapshotSet } from '../../../../../shared/domain';
import type { ShadowLunRecord } from '../../../windows-tools/parsers/parse-backup-components';
import type { SanMapLun } from './san-map';

type KnownLun = Pick<SanMapLun, 'id' | 'uniqueId'>;

/** The copy with its shadow LUN filled in when one known LUN has one of the recorded identifiers. */
export function linkShadowLun(copy: ShadowCopy, luns: readonly KnownLun[]): ShadowCopy {
  if (copy.shadowLunId !== '' || (copy.shadowLunIdentifiers ?? []).length === 0) return copy;
  const wanted = new Set(copy.shadowLunIdentifiers?.map((id) => id.toUpperCase()));
  const matches = luns.filter((lun) => wanted.has(lun.uniqueId.toUpperCase()));
  // Two LUNs with one identifier would be a broken map; linking neither leaves planning to say so.
  const [only, ...more] = matches;
  return only !== undefined && more.length === 0 ? { ...copy, shadowLunId: only.id } : copy;
}

/** The set with every copy that can be linked now linked; the same object when nothing changed. */
export function linkShadowLuns(set: SnapshotSet, luns: readonly KnownLun[]): SnapshotSet {
  const copies = set.shadowCopies.map((copy) => linkShadowLun(copy, luns));
  return copies.every((copy, i) => copy === set.shadowCopies[i]) ? set : { ...set, shadowCopies: copies };
}

/** Whether the set has a copy that could be linked now: no LUN yet, but identifiers to look for. */
export const hasUnlinkedCopy = (set: SnapshotSet): boolean =>
  set.shadowCopies.some((copy) => copy.shadowLunId === '' && (copy.shadowLunIdentifiers ?? []).length > 0);

/** The identifiers recorded for a shadow copy (empty when the document names none for it). */
export function recordedIdentifiers(records: readonly ShadowLunRecord[], shadowCopyId: string): string[] {
  return records.find((r) => r.shadowCopyId === shadowCopyId.replace(/[{}]/g, '').toLowerCase())?.identifiers ?? [];
}
