/**
 * The Lab answers discovery as a Windows host would: it prints what `storageDiscoveryCommand` prints for its arrays
 * that have a Storage Management provider (docs/windows-facts.md#discovery-through-the-storage-management-api), and
 * that output goes through the same parser the Windows backend uses. So the inventory shows, for both backends, which
 * arrays were discovered and when, and which are only declared (a VDS-only array: no Storage Management provider
 * reports it; the scenario declares it as the SAN map does on Windows). An array whose provider does not answer
 * (`shadowswap lab array unreachable`) is not in that output: its reading is a failure the inventory names.
 */
import type { StorageArray } from '../../../../shared/domain';
import { ALL_HOSTS } from '../../backend';
import { parseStorageDiscovery } from '../../windows-tools/parsers/parse-discovery';
import { PROVIDER_SILENT, providerAnswers } from './array-provider';
import type { LabLun, LabMaskingSet, LabState } from './lab-model';

/**
 * The virtual disks each masking set of one array holds: a LUN is in the masking set of each host that sees it (the
 * first set naming the host, as maskingSetOf finds it). One pass over the LUNs, so an estate of 26,000 LUNs and 500
 * hosts is not read once per masking set and host.
 */
function virtualDisksOfMaskingSets(
  sets: readonly LabMaskingSet[],
  luns: readonly LabLun[],
  uniqueIdOf: (lun: LabLun) => string,
): Map<LabMaskingSet, string[]> {
  const setOfHost = new Map<string, LabMaskingSet>();
  for (const set of sets) for (const host of set.hosts) if (!setOfHost.has(host.toUpperCase())) setOfHost.set(host.toUpperCase(), set);
  const everySet = [...new Set(setOfHost.values())];
  const disks = new Map<LabMaskingSet, string[]>(sets.map((set) => [set, []]));
  for (const lun of luns) {
    const seeing = lun.mask.includes(ALL_HOSTS) ? everySet : lun.mask.map((host) => setOfHost.get(host.toUpperCase()));
    for (const set of new Set(seeing)) if (set !== undefined) disks.get(set)?.push(uniqueIdOf(lun));
  }
  return disks;
}

/** ConvertTo-Json of the Lab's Storage Management arrays, with the documented property names (enums as numbers). */
export function labStorageDiscoveryOutput(state: LabState): string {
  const arrays = state.arrays
    .filter((array) => array.management === 'storage-management' && providerAnswers(state, array))
    .map((array) => {
      const luns = state.luns.filter((lun) => lun.arrayId === array.id);
      const uniqueIdOf = (lun: (typeof luns)[number]) => lun.identifiers[0]?.value ?? lun.id;
      const arraySets = state.maskingSets.filter((set) => set.arrayId === array.id);
      const disksOf = virtualDisksOfMaskingSets(arraySets, luns, uniqueIdOf);
      const hostsOf = (set: LabMaskingSet) => {
        const members = new Set(set.hosts.map((host) => host.toUpperCase()));
        return state.hosts.filter((host) => members.has(host.name.toUpperCase()));
      };
      return {
        FriendlyName: array.name,
        UniqueId: `{lab-${array.id}}`,
        Manufacturer: array.vendor,
        Model: array.model,
        HealthStatus: 0,
        VirtualDisks: luns.map((lun) => ({
          FriendlyName: lun.name,
          Name: lun.id,
          UniqueId: uniqueIdOf(lun),
          Size: lun.sizeBytes,
          IsSnapshot: lun.shadowOf !== null,
        })),
        MaskingSets: arraySets.map((set) => ({
          FriendlyName: set.friendlyName,
          UniqueId: set.uniqueId,
          InitiatorIds: hostsOf(set).flatMap((host) =>
            host.initiators.map((i) =>
              i.kind === 'fc' ? { InitiatorAddress: i.wwn.toUpperCase(), Type: 2 } : { InitiatorAddress: i.iqn, Type: 5 },
            ),
          ),
          VirtualDiskUniqueIds: disksOf.get(set) ?? [],
        })),
        TargetPorts: [],
      };
    });
  return JSON.stringify(arrays);
}

/**
 * The names discovery reports depend on the state alone, so they are read once per state revision: rendering and
 * parsing the output of an estate of 26,000 LUNs takes about a second, and the console lists arrays on many pages.
 */
const discoveredByState = new WeakMap<LabState, { revision: number; names: ReadonlySet<string> }>();

function discoveredArrayNames(state: LabState): ReadonlySet<string> {
  const known = discoveredByState.get(state);
  if (known && known.revision === state.revision) return known.names;
  const names = new Set(parseStorageDiscovery(labStorageDiscoveryOutput(state)).map((found) => found.friendlyName));
  discoveredByState.set(state, { revision: state.revision, names });
  return names;
}

/** The Lab's arrays with where each one's picture comes from, read back through the Windows parser. */
export function labArrays(state: LabState, now: Date): StorageArray[] {
  const discovered = discoveredArrayNames(state);
  return state.arrays.map((array) =>
    discovered.has(array.name)
      ? { ...array, source: { kind: 'discovered', at: now.toISOString(), note: null } }
      : {
          ...array,
          source: {
            kind: 'declared',
            at: null,
            note:
              array.management === 'vds'
                ? 'VDS only: no Storage Management provider reports it; the scenario declares it'
                : `${PROVIDER_SILENT}; the scenario declares it`,
          },
        },
  );
}
