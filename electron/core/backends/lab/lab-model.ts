/**
 * The Lab's persisted model. It stores facts once: masks live on LUNs, cluster membership lives on the
 * cluster, set attributes follow from the set's state; what a host sees, which cluster a host is in and
 * what a group's state is are derived (lab-views.ts), exactly as a real array answers REPORT LUNS from
 * its masking table.
 */
import { z } from 'zod';
import { FaultKind, LabFault, LabLanguage } from '../../../../shared/lab-contract';
import {
  ApplicationResource,
  BreakMode,
  ClusterNodeState,
  DiskKind,
  DiskResource,
  Initiator,
  LunIdentifier,
  LunState,
  PartitionStyle,
  ShadowCopy,
  SnapshotSetState,
  StorageArray,
  Volume,
} from '../../../../shared/domain';
import { LabDirectory, LabDomainController } from './domain-controller-model';

/**
 * The attributes of a LUN's data partitions (docs/windows-facts.md#partition-attributes-after-the-break): an imported
 * shadow copy's carry all four, and they stay after the break until step 5 clears them. Held once per LUN, as diskpart
 * sets them on an MBR disk: the Lab's LUNs hold one data volume each.
 */
export const PartitionAttributes = z.object({
  readOnly: z.boolean(),
  hidden: z.boolean(),
  shadowCopy: z.boolean(),
  noDefaultDriveLetter: z.boolean(),
});
export type PartitionAttributes = z.infer<typeof PartitionAttributes>;

export const CLEAR_PARTITION: PartitionAttributes = { readOnly: false, hidden: false, shadowCopy: false, noDefaultDriveLetter: false };
export const SHADOW_COPY_PARTITION: PartitionAttributes = { readOnly: true, hidden: true, shadowCopy: true, noDefaultDriveLetter: true };

/** Estates saved before partition attributes were modelled have a LUN-wide `hidden` flag: a hidden LUN was a shadow copy's. */
function withPartitionAttributes(lun: unknown): unknown {
  if (lun === null || typeof lun !== 'object' || 'partition' in lun) return lun;
  const { hidden, ...rest } = lun as { hidden?: unknown };
  return { ...rest, partition: hidden === true ? SHADOW_COPY_PARTITION : CLEAR_PARTITION };
}

const LabLunFields = z.object({
  id: z.string(),
  name: z.string(),
  arrayId: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  identifiers: z.array(LunIdentifier),
  partitionStyle: PartitionStyle,
  diskKind: DiskKind,
  signature: z.string().nullable(),
  volumes: z.array(Volume),
  /** The disk's read-only flag (Set-Disk -IsReadOnly); the partitions' own attributes are in `partition`. */
  readOnly: z.boolean(),
  partition: PartitionAttributes,
  /** Host names, or `*` alone; replaced whole by every masking call. */
  mask: z.array(z.string()),
  contentChecksum: z.string(),
  /** A small listing of what the volume holds, so a drill can show that the data came back. */
  files: z.array(z.string()),
  state: LunState,
  shadowOf: z.string().nullable(),
});
export const LabLun = z.preprocess(withPartitionAttributes, LabLunFields);
export type LabLun = z.infer<typeof LabLunFields>;

export const LabHost = z.object({
  name: z.string(),
  osVersion: z.string(),
  initiators: z.array(Initiator),
  /** Whether PowerShell remoting (WinRM) reaches the host: every command that runs on it goes through remoting. */
  reachable: z.boolean().default(true),
  /**
   * LUNs the array presents to this host that its disk cache has not discovered yet: unmasked to it since its last
   * rescan. The host does not list them until it rescans (Update-HostStorageCache); an import rescans the importing
   * host itself. Estates saved before this was modelled have none.
   */
  undiscoveredLunIds: z.array(z.string()).default([]),
});
export type LabHost = z.infer<typeof LabHost>;

/**
 * A masking set on a Storage Management array (MSFT_MaskingSet): initiators of one or more hosts that see every
 * virtual disk added to it. Which LUNs it holds is not stored twice: a LUN is in the set when every host of the
 * set is on the LUN's mask, because the Lab changes masks on these arrays only by adding or removing the LUN to
 * or from whole sets (array-masking.ts). A host is in at most one masking set per array.
 */
export const LabMaskingSet = z.object({
  friendlyName: z.string(),
  uniqueId: z.string(),
  arrayId: z.string(),
  hosts: z.array(z.string()),
});
export type LabMaskingSet = z.infer<typeof LabMaskingSet>;

export const LabSnapshotSet = z.object({
  id: z.string(),
  createdAt: z.string(),
  sourceHost: z.string(),
  providerId: z.string(),
  persistent: z.boolean(),
  state: SnapshotSetState,
  metadataFile: z.string(),
  importedTo: z.string().nullable(),
  breakMode: BreakMode.nullable(),
  shadowCopies: z.array(ShadowCopy),
  /** False for a `set context persistent nowriters` set: no VSS writer (the NTDS writer included) took part. */
  writers: z.boolean().default(true),
});
export type LabSnapshotSet = z.infer<typeof LabSnapshotSet>;

/** As the cluster shows it, less what is derived: the owner node is the group's, and maintenance is a flag. */
export const LabDiskResource = DiskResource.omit({ ownerNode: true, state: true }).extend({
  /** Stored without maintenance: `Online(Maintenance)` is Online plus the maintenance flag. */
  state: z.enum(['Online', 'Offline', 'Failed']),
});
export type LabDiskResource = z.infer<typeof LabDiskResource>;

/** An application resource, less its owner node (its group's). */
export const LabApplicationResource = ApplicationResource.omit({ ownerNode: true });
export type LabApplicationResource = z.infer<typeof LabApplicationResource>;

export const LabCluster = z.object({
  name: z.string(),
  nodes: z.array(z.object({ name: z.string(), state: ClusterNodeState })),
  groups: z.array(z.object({ name: z.string(), ownerNode: z.string() })),
  resources: z.array(LabDiskResource),
  // Estates saved before applications were modelled have none: they read as disks only.
  applicationResources: z.array(LabApplicationResource).default([]),
});
export type LabCluster = z.infer<typeof LabCluster>;

// Faults (lab.faults.list) and the display language (lab.language) cross the contract, so their schemas live there.
export { FaultKind, LabFault, LabLanguage };

export const LabSettings = z.object({
  /** Multiplies every operation's realistic latency: 1 feels like a SAN, 0 is instant (tests). */
  latencyScale: z.number().nonnegative(),
  /** The display language of the simulated hosts: what their tools print in. Estates saved before it are English. */
  language: LabLanguage.default('en-US'),
  /**
   * The computer the Windows console runs on (`lab console --computer NAME`); null, as in estates saved before it, for
   * the console the procedure is written for: the host that imports the set (lab-addressing.ts).
   */
  consoleComputer: z.string().nullable().default(null),
});
export type LabSettings = z.infer<typeof LabSettings>;

export const LabState = z.object({
  scenario: z.string(),
  /** Bumped on every saved change; derived views are cached per revision. */
  revision: z.number().int().nonnegative(),
  /**
   * Made only because a backend opened on a data directory without an estate: nobody chose it, so `lab init`
   * may replace it without --force while it is unchanged (revision 0).
   */
  provisional: z.boolean().optional(),
  settings: LabSettings,
  arrays: z.array(StorageArray),
  luns: z.array(LabLun),
  hosts: z.array(LabHost),
  // Estates saved before masking sets were modelled have VDS arrays only, which have none.
  maskingSets: z.array(LabMaskingSet).default([]),
  /**
   * The Storage Management arrays whose provider does not answer (`shadowswap lab array unreachable`): discovery
   * cannot read them and their masking sets cannot be changed. Estates saved before it have none.
   */
  unreachableArrayIds: z.array(z.string()).default([]),
  clusters: z.array(LabCluster),
  snapshotSets: z.array(LabSnapshotSet),
  faults: z.array(LabFault),
  // Estates saved before domain controllers were modelled have none.
  domainControllers: z.array(LabDomainController).default([]),
  // The forest the domain controllers belong to; null in estates without one.
  directory: LabDirectory.nullable().default(null),
});
export type LabState = z.infer<typeof LabState>;

/** The file header that tells our state file from anything else that happens to be JSON. */
export const LAB_FORMAT = 'shadowswap-lab';
export const LAB_FORMAT_VERSION = 2;
export const LabFile = z.object({
  format: z.literal(LAB_FORMAT),
  version: z.literal(LAB_FORMAT_VERSION),
  savedAt: z.string(),
  state: LabState,
});
export type LabFile = z.infer<typeof LabFile>;
