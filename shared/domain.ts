/**
 * The ShadowSwap domain as it crosses process boundaries. Every type here is a zod schema so that the
 * main process, the gateway and the CLI validate the same shapes the renderer relies on.
 * No electron, react or Node imports: this file is loaded on both sides.
 */
import { z } from 'zod';

/** VDS_STORAGE_IDENTIFIER_TYPE numbering (vdslun.h): 1 VendorId, 2 EUI64, 3 FCPHName (NAA), 8 ScsiNameString. */
export const IdentifierType = z.number().int().min(0).max(8);

/**
 * One SCSI VPD page 0x83 identifier. `association` is the SPC field (0 logical unit, 1 target port,
 * 2 target device); VDS does not report it, so it may be unknown (null).
 */
export const LunIdentifier = z.object({
  type: IdentifierType,
  codeSet: z.enum(['binary', 'ascii', 'utf8']),
  association: z.union([z.literal(0), z.literal(1), z.literal(2), z.null()]),
  value: z.string().min(1),
});
export type LunIdentifier = z.infer<typeof LunIdentifier>;

export const PartitionStyle = z.enum(['MBR', 'GPT', 'RAW']);
export const DiskKind = z.enum(['basic', 'dynamic']);

export const Volume = z.object({
  /** `\\?\Volume{guid}\` */
  guidPath: z.string(),
  /** `E:` or null when the volume has no drive letter. */
  driveLetter: z.string().nullable(),
  label: z.string(),
  fileSystem: z.enum(['NTFS', 'ReFS', 'RAW']),
  damaged: z.boolean(),
});
export type Volume = z.infer<typeof Volume>;

/**
 * What the array knows of a LUN. `maskedTo` is the resolved list of host names the LUN is unmasked to;
 * `maskAll` is true when the mask is `*` (every host, including ones added later).
 */
/** A contentChecksum starting with this means the backend cannot read the LUN's data (no checksum to compare). */
export const NOT_SAMPLED = 'not-sampled:';

export const LunState = z.enum(['healthy', 'damaged', 'shadow', 'forensic-hold']);
export const Lun = z.object({
  id: z.string(),
  name: z.string(),
  arrayId: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  identifiers: z.array(LunIdentifier),
  partitionStyle: PartitionStyle,
  diskKind: DiskKind,
  /** MBR: 8 upper-case hex digits; GPT: the disk GUID, lower-case without braces; null when uninitialised. */
  signature: z.string().nullable(),
  volumes: z.array(Volume),
  readOnly: z.boolean(),
  hidden: z.boolean(),
  maskedTo: z.array(z.string()),
  maskAll: z.boolean(),
  /** SHA-256 (hex) of the simulated or sampled data; equal checksums mean the data is the same. */
  contentChecksum: z.string(),
  state: LunState,
  /** Set on shadow LUNs: the original LUN this one is a point-in-time copy of. */
  shadowOf: z.string().nullable(),
});
export type Lun = z.infer<typeof Lun>;

/**
 * How Windows manages an array's LUNs and masks: through the Storage Management API (an SMI-S provider or a vendor
 * Storage Management Provider: virtual disks and masking sets, Windows Server 2012 and later), or only through a VDS
 * hardware provider (diskraid), which Microsoft has superseded (docs/windows-facts.md#vds-is-superseded-by-the-storage-management-api).
 */
export const ArrayManagement = z.enum(['storage-management', 'vds']);
export type ArrayManagement = z.infer<typeof ArrayManagement>;

export const StorageArray = z.object({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  model: z.string(),
  /** The VSS hardware provider that makes shadow copies on this array. */
  providerId: z.string(),
  providerName: z.string(),
  /** Records written before arrays declared their path were all masked with diskraid, so they read as VDS. */
  management: ArrayManagement.default('vds'),
  /**
   * Where the console's picture of the array comes from: read from the live system (the Storage Management API,
   * at `at`), or declared (the operator's SAN map on Windows, the scenario in the Lab) because discovery cannot see
   * it; `note` says why when discovery was tried and failed.
   */
  source: z.object({ kind: z.enum(['discovered', 'declared']), at: z.string().nullable(), note: z.string().nullable() }).optional(),
});
export type StorageArray = z.infer<typeof StorageArray>;

/** FC WWNs are 16 hex digits; iSCSI names are IQNs. */
export const Initiator = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fc'), wwn: z.string().regex(/^[0-9a-f]{16}$/i) }),
  z.object({ kind: z.literal('iscsi'), iqn: z.string().regex(/^iqn\.\d{4}-\d{2}\.[^\s]+$/) }),
]);
export type Initiator = z.infer<typeof Initiator>;

export const Host = z.object({
  name: z.string(),
  osVersion: z.string(),
  initiators: z.array(Initiator),
  clusterName: z.string().nullable(),
  /** Derived from masking at read time, never stored: the LUN ids this host can see. */
  visibleLunIds: z.array(z.string()),
});
export type Host = z.infer<typeof Host>;

export const BackendKind = z.enum(['lab', 'windows']);
export type BackendKind = z.infer<typeof BackendKind>;

export const BackendInfo = z.object({
  kind: BackendKind,
  /** What the header shows, e.g. "Lab (two-node-sql)". */
  label: z.string(),
  /** Where this backend keeps its state, when it has any. */
  dataDir: z.string().nullable(),
});
export type BackendInfo = z.infer<typeof BackendInfo>;

export const AppInfo = z.object({
  product: z.literal('ShadowSwap'),
  version: z.string(),
  platform: z.string(),
  backend: BackendInfo,
});
export type AppInfo = z.infer<typeof AppInfo>;

/** What happened, in an operator's words. Every state-changing Backend operation returns one. */
export const OperationResult = z.object({
  /** The Backend port method that ran, e.g. "breakSnapshotSet". */
  operation: z.string(),
  /** One sentence: what changed, on what, and what it means for the recovery. */
  summary: z.string(),
  /** One line per object changed, before → after. */
  changes: z.array(z.string()),
  /** Things that went half-right or need attention (a partial import, a rewritten signature). */
  warnings: z.array(z.string()),
  /** A non-error status code the real tool returned, e.g. VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED. */
  status: z.object({ hresult: z.string(), symbol: z.string() }).nullable(),
});
export type OperationResult = z.infer<typeof OperationResult>;

export const SnapshotSetCreated = OperationResult.extend({ snapshotSetId: z.string() });
export type SnapshotSetCreated = z.infer<typeof SnapshotSetCreated>;

/**
 * created: on the array, not yet in any host's system (only the .cab knows it); imported: surfaced on a
 * host, read-only; broken: the shadow LUNs are ordinary LUNs now; exposed: a shadow copy has a drive
 * letter; failed: an import failed and VSS left its LUNs for the requester to clean up.
 */
export const SnapshotSetState = z.enum(['created', 'imported', 'broken', 'exposed', 'failed']);
export type SnapshotSetState = z.infer<typeof SnapshotSetState>;

export const BreakMode = z.enum(['plain', 'writable', 'revert-identity']);
export type BreakMode = z.infer<typeof BreakMode>;

/** The identity VSS records for the original disk (VDS_LUN_INFO in the Backup Components Document). */
export const DiskIdentity = z.object({ partitionStyle: PartitionStyle, signature: z.string().nullable() });
export type DiskIdentity = z.infer<typeof DiskIdentity>;

export const ShadowCopy = z.object({
  id: z.string(),
  originalLunId: z.string(),
  /** The array LUN holding the shadow copy; empty while it is not linked (see shadowLunIdentifiers). */
  shadowLunId: z.string(),
  /**
   * The shadow LUN's page 0x83 identifiers as the hardware provider recorded them in the set's Backup Components
   * Document (Windows backend): what links the copy to an array LUN by UniqueId once the array shows it.
   */
  shadowLunIdentifiers: z.array(z.string()).optional(),
  /** `\\?\Volume{guid}\` of the original volume, as diskshadow prints "Original volume name". */
  originalVolume: z.string(),
  originalDriveLetter: z.string().nullable(),
  originalIdentity: DiskIdentity,
  /** Surfaced on the importing host; false for the ones a partial import left behind. */
  imported: z.boolean(),
  /** The drive letter it is exposed as, when exposed. */
  exposedAs: z.string().nullable(),
});
export type ShadowCopy = z.infer<typeof ShadowCopy>;

export const SnapshotSet = z.object({
  id: z.string(),
  createdAt: z.string(),
  sourceHost: z.string(),
  state: SnapshotSetState,
  /** diskshadow's `Attributes:` tokens, e.g. Persistent No_Auto_Release Transportable Hardware Imported. */
  attributes: z.array(z.string()),
  providerId: z.string(),
  /** The metadata .cab holding the Backup Components Document; import needs it. */
  metadataFile: z.string(),
  importedTo: z.string().nullable(),
  breakMode: BreakMode.nullable(),
  shadowCopies: z.array(ShadowCopy),
});
export type SnapshotSet = z.infer<typeof SnapshotSet>;

export const ClusterNodeState = z.enum(['Up', 'Down', 'Paused']);
export const ClusterNode = z.object({ name: z.string(), state: ClusterNodeState });
export type ClusterNode = z.infer<typeof ClusterNode>;

export const ClusterGroupState = z.enum(['Online', 'Offline', 'Failed', 'PartialOnline']);
export const ClusterGroup = z.object({ name: z.string(), ownerNode: z.string(), state: ClusterGroupState });
export type ClusterGroup = z.infer<typeof ClusterGroup>;

/** As Get-ClusterResource shows it; `Online(Maintenance)` is the display of MaintenanceMode on an online disk. */
export const DiskResourceState = z.enum(['Online', 'Offline', 'Failed', 'Online(Maintenance)']);
export type DiskResourceState = z.infer<typeof DiskResourceState>;

export const DiskResource = z.object({
  name: z.string(),
  group: z.string(),
  /** A resource is owned by the node that owns its group. */
  ownerNode: z.string(),
  state: DiskResourceState,
  maintenanceMode: z.boolean(),
  /** The Physical Disk private properties: DiskIdType 0 (MBR) with DiskSignature, or 1 (GPT) with DiskIdGuid. */
  diskIdType: z.enum(['MBR', 'GPT']),
  diskSignature: z.string().nullable(),
  diskIdGuid: z.string().nullable(),
  /** Resources this one depends on (they must be online first). */
  dependencies: z.array(z.string()),
  /** The last cluster event about this resource, e.g. ClusDisk 1034, when it failed. */
  lastEvent: z.string().nullable(),
});
export type DiskResource = z.infer<typeof DiskResource>;

/**
 * A resource that is not a Physical Disk: the application and what it needs (SQL Server, a network name, an
 * IP address). Stop-ClusterResource on a disk takes every resource that depends on it offline first, so a
 * recovery must know these to bring them back.
 */
export const ApplicationResourceState = z.enum(['Online', 'Offline', 'Failed']);
export type ApplicationResourceState = z.infer<typeof ApplicationResourceState>;

export const ApplicationResource = z.object({
  name: z.string(),
  group: z.string(),
  ownerNode: z.string(),
  state: ApplicationResourceState,
  /** As Get-ClusterResource names it, e.g. "SQL Server", "Network Name", "IP Address". */
  resourceType: z.string(),
  /** Resources this one depends on (disks or application resources), by name. */
  dependencies: z.array(z.string()),
});
export type ApplicationResource = z.infer<typeof ApplicationResource>;

export const Cluster = z.object({
  name: z.string(),
  nodes: z.array(ClusterNode),
  groups: z.array(ClusterGroup),
  diskResources: z.array(DiskResource),
  applicationResources: z.array(ApplicationResource),
});
export type Cluster = z.infer<typeof Cluster>;
