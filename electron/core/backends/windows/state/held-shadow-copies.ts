/**
 * What VSS holds on this computer, read through CIM (Win32_ShadowCopy, the same in every display language;
 * docs/windows-channels.md#which-channel-serves-each-field-of-the-inventory) and laid over the catalog's sets.
 * A transportable set exists on a host only once it is imported
 * (docs/windows-facts.md#transportable-sets-are-not-on-the-system-until-imported) and VSS lets go of it at the
 * break, so only sets imported or exposed here are read: for them the inventory shows which shadow copies VSS still
 * lists as imported, which are exposed and where, and the set's attributes by their CIM names. Identity (set and
 * shadow copy IDs, original volume, LUNs) stays the catalog's: CIM does not know which array LUN a copy is on.
 */
import type { ShadowCopy, SnapshotSet } from '../../../../../shared/domain';
import { getShadowCopiesCommand } from '../../../windows-tools/commands/powershell-commands';
import { parseShadowCopies, type CimShadowCopy } from '../../../windows-tools/parsers/parse-shadow-copies';
import { isThisComputer, powershellJson, type WindowsContext } from './windows-context';

/** Imported or exposed on this computer: the sets whose shadow copies Win32_ShadowCopy lists here. */
export function isHeldHere(context: WindowsContext, set: SnapshotSet): boolean {
  return (set.state === 'imported' || set.state === 'exposed') && set.importedTo !== null && isThisComputer(context, set.importedTo);
}

/** `E:` for a drive letter (`E:` or `E:\`), else the mount point as CIM wrote it; null when not exposed. */
function exposedAs(copy: CimShadowCopy): string | null {
  if (copy.exposedName === null) return null;
  const letter = /^([A-Za-z]):\\?$/.exec(copy.exposedName.trim());
  return letter === null ? copy.exposedName : `${(letter[1] ?? '').toUpperCase()}:`;
}

/**
 * The set as CIM lists it: a copy VSS no longer lists (deleted, released, a partial import) is not imported and not
 * exposed, whatever the catalog recorded. The set's state stays the catalog's: it is the procedure's record.
 */
export function asListedByCim(set: SnapshotSet, listed: readonly CimShadowCopy[]): SnapshotSet {
  const ofSet = new Map(listed.filter((c) => c.setId === set.id).map((c) => [c.id, c]));
  const shadowCopies = set.shadowCopies.map((copy): ShadowCopy => {
    const cim = ofSet.get(copy.id);
    return { ...copy, imported: cim?.flags.includes('Imported') ?? false, exposedAs: cim === undefined ? null : exposedAs(cim) };
  });
  const [first] = ofSet.values();
  return { ...set, attributes: first === undefined ? set.attributes : [...first.flags], shadowCopies };
}

/** The sets with those held here read through CIM, in one Get-CimInstance; no call when none is held here. */
export async function withHeldShadowCopies(context: WindowsContext, sets: readonly SnapshotSet[]): Promise<SnapshotSet[]> {
  if (!sets.some((set) => isHeldHere(context, set))) return [...sets];
  const listed = await powershellJson(context, getShadowCopiesCommand(), parseShadowCopies);
  return sets.map((set) => (isHeldHere(context, set) ? asListedByCim(set, listed) : set));
}
