/**
 * The Lab's persisted model. It stores facts once: masks live on LUNs, and what a host sees is derived
 * (see lab-backend.ts), exactly as a real array answers REPORT LUNS from its masking table.
 */
import { z } from 'zod';
import { DiskKind, Initiator, LunIdentifier, LunState, PartitionStyle, StorageArray, Volume } from '../../../../shared/domain';

/** `*` = every host, present and future; an empty list = nobody (diskraid/IVdsLun::SetMask semantics). */
export const ALL_HOSTS = '*';

export const LabLun = z.object({
  id: z.string(),
  name: z.string(),
  arrayId: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  identifiers: z.array(LunIdentifier),
  partitionStyle: PartitionStyle,
  diskKind: DiskKind,
  signature: z.string().nullable(),
  volumes: z.array(Volume),
  readOnly: z.boolean(),
  hidden: z.boolean(),
  mask: z.array(z.string()),
  contentChecksum: z.string(),
  files: z.array(z.string()),
  state: LunState,
  shadowOf: z.string().nullable(),
});
export type LabLun = z.infer<typeof LabLun>;

export const LabHost = z.object({
  name: z.string(),
  osVersion: z.string(),
  initiators: z.array(Initiator),
  clusterName: z.string().nullable(),
});
export type LabHost = z.infer<typeof LabHost>;

export const LabState = z.object({
  scenario: z.string(),
  arrays: z.array(StorageArray),
  luns: z.array(LabLun),
  hosts: z.array(LabHost),
});
export type LabState = z.infer<typeof LabState>;

/** The file header that tells our state file from anything else that happens to be JSON. */
export const LAB_FORMAT = 'shadowswap-lab';
export const LAB_FORMAT_VERSION = 1;
export const LabFile = z.object({
  format: z.literal(LAB_FORMAT),
  version: z.literal(LAB_FORMAT_VERSION),
  savedAt: z.string(),
  state: LabState,
});
export type LabFile = z.infer<typeof LabFile>;
