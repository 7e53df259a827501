/**
 * What VSS holds on the hosts a set is imported on, read through CIM (Win32_ShadowCopy, the same in every display language;
 * docs/windows-channels.md#which-channel-serves-each-field-of-the-inventory) and laid over the catalog's sets.
 * A transportable set exists on a host only once it is imported
 * (docs/windows-facts.md#transportable-sets-are-not-on-the-system-until-imported) and VSS lets go of it at the
 * break, so only sets imported or exposed are read, on the host that holds them: for them the inventory shows which
 * shadow copies VSS still lists as imported, which are exposed and where, and the set's attributes by their CIM names. Identity (set and
 * shadow copy IDs, original volume, LUNs) stays the catalog's: CIM does not know which array LUN a copy is on.
 */
import type { ShadowCopy, SnapshotSet } from '../../../../../shared/domain';
import { getShadowCopiesCommand } from '../../../windows-tools/commands/powershell-commands';
import { parseShadowCopies, type CimShadowCopy } from '../../../windows-tools/parsers/parse-shadow-copies';
import { isThisComputer, powershellJson, type WindowsContext } from './windows-context';

/** The host a set is imported or exposed on: where Win32_ShadowCopy lists its shadow copies; null when none. */
function holderOf(set: SnapshotSet): string | null {
  return (set.state === 'imported' || set.state === 'exposed') && set.importedTo !== null ? set.importedTo : null;
}

/** Imported or exposed on some host, so CIM there knows it. */
export function isHeld(set: SnapshotSet): boolean {
  return holderOf(set) !== null;
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

/**
 * The sets held by a host read through CIM: one Get-CimInstance per host holding any (on this computer directly, on
 * another through remoting); no call when none is held.
 */
export async function withHeldShadowCopies(context: WindowsContext, sets: readonly SnapshotSet[]): Promise<SnapshotSet[]> {
  const holders = new Map<string, string>();
  for (const set of sets) {
    const holder = holderOf(set);
    if (holder !== null && !holders.has(holder.toUpperCase())) holders.set(holder.toUpperCase(), holder);
  }
  const listedOn = new Map<string, CimShadowCopy[]>();
  for (const [key, host] of holders)
    listedOn.set(
      key,
      await powershellJson(context, getShadowCopiesCommand(isThisComputer(context, host) ? undefined : host), parseShadowCopies),
    );
  return sets.map((set) => {
    const listed = listedOn.get(holderOf(set)?.toUpperCase() ?? '');
    return listed === undefined ? set : asListedByCim(set, listed);
  });
}
