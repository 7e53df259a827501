/**
 * Where the Windows backend reads its SAN picture (san-picture.ts): the last discovery, recorded in
 * discovered-san.json, completed by the operator's optional san-map.json. A masking change ShadowSwap makes is
 * recorded where that LUN's access list comes from: in the discovery record for a discovered array (its masking sets
 * now hold the LUN or not), in the SAN map for a declared one.
 */
import path from 'node:path';
import { z } from 'zod';
import { Initiator } from '../../../../../shared/domain';
import { withFileLockAsync } from '../../../storage/file-lock';
import { readJsonFile, writeJsonAtomic } from '../../../storage/json-file';
import { SanMapFile, SanMapStore, type SanMap } from './san-map';
import { sanPicture, type SanDiscovery, type SanPicture } from './san-picture';
import { sameName } from './windows-views';

const DiscoveryFile = z.object({
  format: z.literal('shadowswap-san-discovery'),
  version: z.literal(1),
  discoveredAt: z.string(),
  error: z.string().nullable(),
  hosts: z.array(z.object({ name: z.string(), initiators: z.array(Initiator).nullable(), error: z.string().nullable() })),
  arrays: z.array(
    z.object({
      friendlyName: z.string(),
      uniqueId: z.string(),
      manufacturer: z.string(),
      model: z.string(),
      health: z.enum(['Healthy', 'Warning', 'Unhealthy', 'Unknown']),
      virtualDisks: z.array(
        z.object({ friendlyName: z.string(), uniqueId: z.string(), sizeBytes: z.number().nullable(), isSnapshot: z.boolean() }),
      ),
      maskingSets: z.array(
        z.object({
          friendlyName: z.string(),
          uniqueId: z.string(),
          initiatorIds: z.array(
            z.object({
              address: z.string(),
              type: z.enum(['PortWWN', 'NodeWWN', 'HostName', 'iSCSI Name', 'SwitchWWN', 'SASAddress', 'Other']),
            }),
          ),
          virtualDiskUniqueIds: z.array(z.string()),
        }),
      ),
      targetPorts: z.array(z.object({ friendlyName: z.string(), portAddress: z.string().nullable(), nodeAddress: z.string().nullable() })),
    }),
  ),
});

export class SanPictureStore {
  /** The operator's SAN map (optional). */
  readonly file: string;
  private readonly declared: SanMapStore;
  private readonly discoveryFile: string;
  private readonly lockFile: string;

  constructor(dir: string) {
    this.declared = new SanMapStore(dir);
    this.file = this.declared.file;
    this.discoveryFile = path.join(dir, 'discovered-san.json');
    this.lockFile = path.join(dir, 'discovered-san.lock');
  }

  /** The SAN map as written, or null when there is none. */
  readDeclared(): SanMap | null {
    return readJsonFile(this.file, SanMapFile, 'SAN map');
  }

  discovery(): SanDiscovery | null {
    return readJsonFile(this.discoveryFile, DiscoveryFile, 'SAN discovery');
  }

  read(): SanPicture {
    return sanPicture(this.readDeclared(), this.discovery(), this.file);
  }

  recordDiscovery(discovery: SanDiscovery): Promise<void> {
    return withFileLockAsync(this.lockFile, 'The SAN discovery', () =>
      writeJsonAtomic(this.discoveryFile, { format: 'shadowswap-san-discovery', version: 1, ...discovery }),
    );
  }

  /** Records a LUN's new access list after the array accepted it, where that list is read from. */
  async recordMask(lunId: string, mask: { maskedTo: string[]; maskAll: boolean }): Promise<void> {
    const picture = this.read();
    const lun = picture.luns.find((l) => l.id === lunId);
    const discovery = this.discovery();
    if (lun === undefined || discovery === null || picture.sources[lun.arrayId]?.kind !== 'discovered') {
      await this.declared.recordMask(lunId, mask);
      return;
    }
    const sets = new Map(picture.maskingSets.filter((s) => s.arrayId === lun.arrayId).map((s) => [s.uniqueId, s.hosts]));
    const sees = (uniqueId: string) => (sets.get(uniqueId) ?? []).some((host) => mask.maskedTo.some((h) => sameName(h, host)));
    await this.recordDiscovery({
      ...discovery,
      arrays: discovery.arrays.map((array) => ({
        ...array,
        maskingSets: array.maskingSets.map((set) => {
          if (!sets.has(set.uniqueId)) return set;
          const others = set.virtualDiskUniqueIds.filter((id) => id !== lun.uniqueId.toUpperCase());
          return { ...set, virtualDiskUniqueIds: sees(set.uniqueId) ? [...others, lun.uniqueId.toUpperCase()] : others };
        }),
      })),
    });
  }
}
