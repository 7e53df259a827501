/**
 * The Lab answers discovery as a Windows host would: it prints what `storageDiscoveryCommand` prints for its arrays
 * that have a Storage Management provider (docs/windows-facts.md#discovery-through-the-storage-management-api), and
 * that output goes through the same parser the Windows backend uses. So the inventory shows, for both backends, which
 * arrays were discovered and when, and which are only declared (a VDS-only array: no Storage Management provider
 * reports it; the scenario declares it as the SAN map does on Windows). An array whose provider does not answer
 * (`shadowswap lab array unreachable`) is not in that output: its reading is a failure the inventory names.
 */
import type { StorageArray } from '../../../../shared/domain';
import { parseStorageDiscovery } from '../../windows-tools/parsers/parse-discovery';
import { maskingSetOf } from './array-masking';
import { PROVIDER_SILENT, providerAnswers } from './array-provider';
import type { LabState } from './lab-model';
import { isVisibleTo } from './visibility';

/** ConvertTo-Json of the Lab's Storage Management arrays, with the documented property names (enums as numbers). */
export function labStorageDiscoveryOutput(state: LabState): string {
  const arrays = state.arrays
    .filter((array) => array.management === 'storage-management' && providerAnswers(state, array))
    .map((array) => {
      const luns = state.luns.filter((lun) => lun.arrayId === array.id);
      const uniqueIdOf = (lun: (typeof luns)[number]) => lun.identifiers[0]?.value ?? lun.id;
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
        MaskingSets: state.maskingSets
          .filter((set) => set.arrayId === array.id)
          .map((set) => ({
            FriendlyName: set.friendlyName,
            UniqueId: set.uniqueId,
            InitiatorIds: state.hosts
              .filter((host) => set.hosts.some((h) => h.toUpperCase() === host.name.toUpperCase()))
              .flatMap((host) =>
                host.initiators.map((i) =>
                  i.kind === 'fc' ? { InitiatorAddress: i.wwn.toUpperCase(), Type: 2 } : { InitiatorAddress: i.iqn, Type: 5 },
                ),
              ),
            VirtualDiskUniqueIds: luns
              .filter((lun) => set.hosts.some((host) => isVisibleTo(lun, host) && maskingSetOf(state, array.id, host) === set))
              .map(uniqueIdOf),
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
