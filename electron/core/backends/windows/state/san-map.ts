/**
 * The SAN map: the operator's optional override for what discovery cannot see (san-picture.ts,
 * docs/windows-facts.md#discovery-through-the-storage-management-api): each array's VSS hardware provider, the
 * console's names for LUNs and which LUN is a shadow of which, the hosts to ask for their initiators, and arrays with
 * only a VDS provider. For such an array DiskRAID's `list luns` / `detail lun` output was not found in any public
 * source (docs/windows-facts.md#diskraid-exit-codes-and-output), so which array LUN (diskraid subsystem and LUN
 * number) is which Windows disk (its Get-Disk UniqueId) and its current access list are declared here, and ShadowSwap
 * keeps `maskedTo`/`maskAll` current after every masking change it makes. For a discovered array they are ignored.
 */
import path from 'node:path';
import { z } from 'zod';
import { Initiator, StorageArray } from '../../../../../shared/domain';
import { ShadowSwapError } from '../../../../../shared/errors';
import { withFileLockAsync } from '../../../storage/file-lock';
import { readJsonFile, writeJsonAtomic } from '../../../storage/json-file';

export const SanMapFile = z.object({
  format: z.literal('shadowswap-san-map'),
  version: z.literal(1),
  /** Where diskshadow writes metadata .cab files: an absolute local folder without spaces (diskshadow cannot quote). */
  metadataDir: z.string().optional(),
  arrays: z.array(StorageArray.extend({ diskraidSubsystem: z.number().int().min(0).max(65535) })),
  hosts: z.array(
    z.object({
      name: z.string().min(1),
      osVersion: z.string().default(''),
      initiators: z.array(Initiator),
      clusterName: z.string().nullable().default(null),
      // A `domainController` mark written by earlier versions is dropped like any unknown key: Windows itself says
      // whether a host is a DC (its DomainRole), so the mark no longer decides anything (docs/windows-facts.md#recognising-a-domain-controller).
    }),
  ),
  /** Masking sets on Storage Management arrays, with the hosts whose initiators each holds (Get-MaskingSet, Get-InitiatorId). */
  maskingSets: z
    .array(
      z.object({ friendlyName: z.string().min(1), uniqueId: z.string().min(1), arrayId: z.string().min(1), hosts: z.array(z.string()) }),
    )
    .default([]),
  luns: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      arrayId: z.string().min(1),
      /** diskraid's index for the LUN: needed on a VDS-only array only. */
      diskraidLun: z.number().int().min(0).max(65535).optional(),
      /** The disk's UniqueId as Get-Disk shows it on the hosts (VPD page 0x83). */
      uniqueId: z.string().min(1),
      maskedTo: z.array(z.string()).default([]),
      maskAll: z.boolean().default(false),
      shadowOf: z.string().nullable().default(null),
    }),
  ),
});
export type SanMap = z.output<typeof SanMapFile>;
export type SanMapLun = SanMap['luns'][number];
export type SanMapHost = SanMap['hosts'][number];

const EXAMPLE =
  '{"format":"shadowswap-san-map","version":1,"metadataDir":"C:\\\\ShadowSwap\\\\metadata",' +
  '"arrays":[{"id":"array1","name":"Array 1","vendor":"Contoso","model":"X1","providerId":"<hardware VSS provider GUID>","providerName":"<provider name>","diskraidSubsystem":0}],' +
  '"hosts":[{"name":"SQLNODE1","initiators":[{"kind":"fc","wwn":"<16 hex digits>"}],"clusterName":"SQLCLUSTER"}],' +
  '"luns":[{"id":"sql-data","name":"SQL data","arrayId":"array1","diskraidLun":5,"uniqueId":"<Get-Disk UniqueId>","maskedTo":["SQLNODE1"]}]}';

export class SanMapStore {
  readonly file: string;
  private readonly lockFile: string;

  constructor(dir: string) {
    this.file = path.join(dir, 'san-map.json');
    this.lockFile = path.join(dir, 'san-map.lock');
  }

  /** The map; PRECONDITION_FAILED naming what is missing and how to write it when there is none. */
  read(): SanMap {
    const map = readJsonFile(this.file, SanMapFile, 'SAN map');
    if (map === null) {
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `The Windows backend needs a SAN map at ${this.file}, and there is none. DiskRAID's LUN listing format is not documented anywhere ShadowSwap could check, ` +
          "so the map declares which array LUN (diskraid subsystem and LUN number) is which Windows disk (Get-Disk UniqueId), each host's initiators, and " +
          `each LUN's current access list. Write it from your array's management tool, for example: ${EXAMPLE}`,
        { file: this.file },
      );
    }
    return map;
  }

  /** Records a LUN's new access list after the array accepted it. */
  recordMask(lunId: string, mask: { maskedTo: string[]; maskAll: boolean }): Promise<void> {
    return withFileLockAsync(this.lockFile, 'The SAN map', async () => {
      const map = this.read();
      await writeJsonAtomic(this.file, { ...map, luns: map.luns.map((l) => (l.id === lunId ? { ...l, ...mask } : l)) });
    });
  }
}
