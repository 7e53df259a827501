/**
 * The Windows backend's picture of the SAN: what discovery read from the live system, completed by the operator's
 * SAN map only where discovery cannot see (docs/windows-facts.md#discovery-through-the-storage-management-api).
 *
 * - An array the Storage Management API reports is taken from discovery: its LUNs are its virtual disks (matched to
 *   the SAN map's LUNs by UniqueId, never by number or name), each LUN's access list is the hosts of the masking sets
 *   that hold it, and each masking set's hosts are those whose initiators (Get-InitiatorPort) it holds. The SAN map
 *   adds only what no cmdlet tells: the VSS hardware provider of the array, the console's names for LUNs, which LUN
 *   is a shadow of which. A SAN map's access lists for such an array are ignored.
 * - An array discovery does not report (a VDS-only array) comes from the SAN map as declared, and says so.
 * Pure: the inputs are the SAN map as read and the last discovery as recorded.
 */
import { ShadowSwapError } from '../../../../../shared/errors';
import type { Initiator } from '../../../../../shared/domain';
import type { DiscoveredArray } from '../../../windows-tools/parsers/parse-discovery';
import { normalWwn } from '../../../windows-tools/parsers/parse-discovery';
import type { SanMap, SanMapHost, SanMapLun } from './san-map';
import { sameName } from './windows-views';

export interface HostDiscovery {
  name: string;
  /** Its initiator ports, or null when the host did not answer (then the SAN map's list is used, if any). */
  initiators: Initiator[] | null;
  error: string | null;
}

export interface SanDiscovery {
  discoveredAt: string;
  /** Arrays with a Storage Management provider that can mask (empty when none answered). */
  arrays: DiscoveredArray[];
  hosts: HostDiscovery[];
  /** Why the array read failed, when it did: every array is then as the SAN map declares it. */
  error: string | null;
}

export type ArraySource = { kind: 'discovered' | 'declared'; at: string | null; note: string | null };

export interface SanPicture extends SanMap {
  /** Where each array's picture comes from, by array id. */
  sources: Record<string, ArraySource>;
}

const EMPTY_MAP: SanMap = { format: 'shadowswap-san-map', version: 1, arrays: [], hosts: [], maskingSets: [], luns: [] };

const addressOf = (initiator: Initiator): string => (initiator.kind === 'fc' ? initiator.wwn : initiator.iqn.toLowerCase());
const idAddress = (address: string): string => normalWwn(address) ?? address.toLowerCase();

function hostsOf(map: SanMap, discovery: SanDiscovery): SanMapHost[] {
  const names = [...map.hosts.map((h) => h.name), ...discovery.hosts.map((h) => h.name)].filter(
    (name, i, all) => all.findIndex((other) => sameName(other, name)) === i,
  );
  return names.map((name) => {
    const declared = map.hosts.find((h) => sameName(h.name, name));
    const found = discovery.hosts.find((h) => sameName(h.name, name))?.initiators ?? null;
    return {
      name,
      osVersion: declared?.osVersion ?? '',
      clusterName: declared?.clusterName ?? null,
      initiators: found ?? declared?.initiators ?? [],
    };
  });
}

/** A stable console id for a discovered array or LUN the SAN map does not name. */
const idOf = (prefix: string, uniqueId: string): string => `${prefix}-${uniqueId.replace(/[{}]/g, '').toLowerCase()}`;

function discoveredArray(map: SanMap, array: DiscoveredArray, hosts: readonly SanMapHost[]) {
  const declared = map.arrays.find((a) => sameName(a.name, array.friendlyName));
  const arrayId = declared?.id ?? idOf('array', array.uniqueId);
  const maskingSets = array.maskingSets.map((set) => {
    const ids = new Set(set.initiatorIds.map((id) => idAddress(id.address)));
    return {
      friendlyName: set.friendlyName,
      uniqueId: set.uniqueId,
      arrayId,
      hosts: hosts.filter((h) => h.initiators.some((i) => ids.has(addressOf(i)))).map((h) => h.name),
      virtualDiskUniqueIds: set.virtualDiskUniqueIds,
    };
  });
  const luns: SanMapLun[] = array.virtualDisks.map((disk) => {
    const named = map.luns.find((l) => l.uniqueId.toUpperCase() === disk.uniqueId);
    const maskedTo = maskingSets.filter((s) => s.virtualDiskUniqueIds.includes(disk.uniqueId)).flatMap((s) => s.hosts);
    return {
      id: named?.id ?? idOf('lun', disk.uniqueId),
      name: named?.name ?? disk.friendlyName,
      arrayId,
      ...(named?.diskraidLun === undefined ? {} : { diskraidLun: named.diskraidLun }),
      uniqueId: disk.uniqueId,
      maskedTo: [...new Set(maskedTo)],
      maskAll: false,
      shadowOf: named?.shadowOf ?? null,
    };
  });
  return {
    array: {
      id: arrayId,
      name: array.friendlyName,
      vendor: array.manufacturer || (declared?.vendor ?? ''),
      model: array.model || (declared?.model ?? ''),
      // The VSS hardware provider of an array is not a Storage Management property: only the SAN map can name it.
      providerId: declared?.providerId ?? '',
      providerName: declared?.providerName ?? '',
      management: 'storage-management' as const,
      diskraidSubsystem: declared?.diskraidSubsystem ?? 0,
    },
    maskingSets: maskingSets.map(({ virtualDiskUniqueIds: _ids, ...set }) => set),
    luns,
  };
}

/** The picture from the SAN map (null: none written) and the last discovery (null: none run yet). */
export function sanPicture(map: SanMap | null, discovery: SanDiscovery | null, mapFile: string): SanPicture {
  if (map === null && discovery === null)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `ShadowSwap knows no SAN yet: discovery has not run and there is no SAN map at ${mapFile}. Open the arrays page (or run "shadowswap inventory arrays") to discover the arrays the Storage Management API reports; an array it cannot see (VDS only) is declared in that SAN map.`,
      { file: mapFile },
    );
  const declared = map ?? EMPTY_MAP;
  const declaredSource = (note: string | null): ArraySource => ({ kind: 'declared', at: null, note });
  if (discovery === null)
    return { ...declared, sources: Object.fromEntries(declared.arrays.map((a) => [a.id, declaredSource('discovery has not run yet')])) };
  const hosts = hostsOf(declared, discovery);
  const found = discovery.arrays.map((array) => discoveredArray(declared, array, hosts));
  const foundIds = new Set(found.map((f) => f.array.id));
  const notSeen = declared.arrays.filter((a) => !foundIds.has(a.id));
  const foundLunIds = new Set(found.flatMap((f) => f.luns.map((l) => l.id)));
  const why = discovery.error ?? 'no Storage Management provider reports it';
  return {
    ...declared,
    arrays: [...found.map((f) => f.array), ...notSeen],
    hosts,
    maskingSets: [...found.flatMap((f) => f.maskingSets), ...declared.maskingSets.filter((s) => !foundIds.has(s.arrayId))],
    luns: [...found.flatMap((f) => f.luns), ...declared.luns.filter((l) => !foundIds.has(l.arrayId) && !foundLunIds.has(l.id))],
    sources: Object.fromEntries([
      ...found.map((f) => [f.array.id, { kind: 'discovered', at: discovery.discoveredAt, note: null } satisfies ArraySource] as const),
      ...notSeen.map((a) => [a.id, declaredSource(`${why} (discovery at ${discovery.discoveredAt})`)] as const),
    ]),
  };
}
