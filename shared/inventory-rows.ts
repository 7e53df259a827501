/**
 * What the inventory pages fetch: windows of slim rows, filtered and sorted by the core, so a page over
 * 26,000 LUNs moves a hundred rows (tens of kilobytes) instead of the whole estate (~20 MB of JSON).
 * Tree tables (snapshot sets → shadow copies, clusters → nodes, groups → disk and application resources) come flattened,
 * each row with its level, children listed under the parents the caller expanded.
 */
import { z } from 'zod';
import {
  ApplicationResourceState,
  ClusterGroupState,
  ClusterNodeState,
  DiskKind,
  DiskResource,
  DiskResourceState,
  Host,
  Initiator,
  Lun,
  LunState,
  PartitionStyle,
  SnapshotSetState,
  StorageArray,
} from './domain';
import { LunRole } from './lun-roles';
import { FindingKind } from './masking-findings';

/** Big enough to fill a tall screen twice, small enough that validating and sending it stays cheap. */
export const MAX_PAGE_ROWS = 500;

export const SortDirection = z.enum(['ascending', 'descending']);
export type SortDirection = z.infer<typeof SortDirection>;
export const Sort = z.object({ column: z.string().max(40), direction: SortDirection }).strict();
export type Sort = z.infer<typeof Sort>;

/** Params every paged method takes. Tree tables also take `expanded`: the ids of the parents shown open. */
export const pageParams = {
  filter: z.string().max(200).default(''),
  sort: Sort.nullable().default(null),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(MAX_PAGE_ROWS).default(100),
};
export const expandedParam = { expanded: z.array(z.string().max(200)).max(5_000).default([]) };

export function pageOf<Row extends z.ZodType>(row: Row) {
  return z.object({
    /** Items before filtering (top-level items in a tree). */
    total: z.number().int().nonnegative(),
    /** Items the filter matched. */
    matched: z.number().int().nonnegative(),
    /** Rows in the table: the matched items plus the children shown under them. */
    rowCount: z.number().int().nonnegative(),
    offset: z.number().int().nonnegative(),
    rows: z.array(row),
  });
}

export const ComplianceVerdict = z.enum(['compliant', 'warning', 'not-compliant']);
export const Compliance = z.object({ verdict: ComplianceVerdict, reason: z.string() });

/** A host list cut short: masks of `*` resolve to every host, which a table cell cannot show anyway. */
export const MASK_PREVIEW = 6;

export const LunRow = z.object({
  id: z.string(),
  name: z.string(),
  arrayId: z.string(),
  sizeBytes: z.number(),
  /** e.g. "type 3, type 8 (association unknown)". */
  identifiers: z.string(),
  compliance: Compliance,
  partitionStyle: PartitionStyle,
  diskKind: DiskKind,
  signature: z.string().nullable(),
  /** Drive letters and labels, e.g. "E: SQLData". */
  volumes: z.string(),
  maskAll: z.boolean(),
  maskedTo: z.array(z.string()).max(MASK_PREVIEW),
  maskedCount: z.number().int().nonnegative(),
  /** The cluster disk resource this LUN backs. */
  disk: z.object({ cluster: z.string(), resource: z.string(), state: DiskResourceState }).nullable(),
  state: LunState,
  /** Production, evidence, spare shadow copy or unassigned (shared/lun-roles.ts). */
  role: LunRole,
  shadowOf: z.string().nullable(),
});
export type LunRow = z.infer<typeof LunRow>;

export const SetRef = z.object({
  setId: z.string(),
  createdAt: z.string(),
  state: SnapshotSetState,
  sourceHost: z.string(),
  shadowCopyId: z.string(),
  shadowLunId: z.string(),
  shadowLunName: z.string(),
});
export type SetRef = z.infer<typeof SetRef>;

export const LunDetail = z.object({
  lun: Lun,
  compliance: Compliance,
  array: StorageArray.nullable(),
  disk: z.object({ cluster: z.string(), resource: DiskResource }).nullable(),
  /** The snapshot sets holding a point-in-time copy of this LUN, newest first. */
  copiesIn: z.array(SetRef),
  /** For a shadow LUN: the set it belongs to. */
  shadowIn: SetRef.nullable(),
  /** For a shadow LUN: the original's name. */
  originalName: z.string().nullable(),
});
export type LunDetail = z.infer<typeof LunDetail>;

export const SnapshotRow = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('set'),
    id: z.string(),
    level: z.literal(1),
    childCount: z.number().int().nonnegative(),
    createdAt: z.string(),
    sourceHost: z.string(),
    /** The cluster the source host is a node of; null for a standalone host. */
    cluster: z.string().nullable(),
    provider: z.string(),
    attributes: z.array(z.string()),
    state: SnapshotSetState,
    importedTo: z.string().nullable(),
    metadataFile: z.string(),
  }),
  z.object({
    kind: z.literal('copy'),
    id: z.string(),
    level: z.literal(2),
    setId: z.string(),
    originalVolume: z.string(),
    originalDriveLetter: z.string().nullable(),
    originalLunId: z.string(),
    originalLunName: z.string(),
    shadowLunId: z.string(),
    shadowLunName: z.string(),
    imported: z.boolean(),
    exposedAs: z.string().nullable(),
  }),
]);
export type SnapshotRow = z.infer<typeof SnapshotRow>;

/** What a group's disk and application resources show alike: where they run and what must be online first. */
const resourceRowFields = {
  id: z.string(),
  level: z.literal(3),
  cluster: z.string(),
  group: z.string(),
  name: z.string(),
  ownerNode: z.string(),
  /** Resources this one depends on, by name: they come online before it. */
  dependencies: z.array(z.string()),
};

export const ClusterRow = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('cluster'),
      id: z.string(),
      level: z.literal(1),
      childCount: z.number().int(),
      name: z.string(),
      nodesUp: z.number().int(),
      nodeCount: z.number().int(),
      disksOnline: z.number().int(),
      diskCount: z.number().int(),
      applicationsOnline: z.number().int(),
      applicationCount: z.number().int(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('node'),
      id: z.string(),
      level: z.literal(2),
      cluster: z.string(),
      name: z.string(),
      state: ClusterNodeState,
    })
    .strict(),
  z
    .object({
      kind: z.literal('group'),
      id: z.string(),
      level: z.literal(2),
      childCount: z.number().int(),
      cluster: z.string(),
      name: z.string(),
      ownerNode: z.string(),
      state: ClusterGroupState,
      /** Its resources that are Offline or Failed: why a group is PartialOnline, named on its row. */
      down: z.array(z.object({ name: z.string(), state: z.enum(['Offline', 'Failed']) }).strict()),
    })
    .strict(),
  z
    .object({
      ...resourceRowFields,
      kind: z.literal('disk'),
      state: DiskResourceState,
      maintenanceMode: z.boolean(),
      diskIdType: z.enum(['MBR', 'GPT']),
      diskId: z.string().nullable(),
      /** The LUN the resource is bound to: the one with its identity that the cluster's nodes see; its state shows damage the disk's Online hides. */
      lun: z.object({ id: z.string(), name: z.string(), state: LunState }).strict().nullable(),
      lastEvent: z.string().nullable(),
    })
    .strict(),
  z
    .object({
      ...resourceRowFields,
      kind: z.literal('application'),
      state: ApplicationResourceState,
      /** As Get-ClusterResource names it: "SQL Server", "Network Name", "IP Address". */
      resourceType: z.string(),
    })
    .strict(),
]);
export type ClusterRow = z.infer<typeof ClusterRow>;

export const HostRow = z.object({
  name: z.string(),
  osVersion: z.string(),
  clusterName: z.string().nullable(),
  initiators: z.array(Initiator),
  visibleCount: z.number().int().nonnegative(),
});
export type HostRow = z.infer<typeof HostRow>;

/** A host's detail: it and the LUNs it sees, the first ones listed when it sees thousands. */
export const HostDetail = z.object({
  host: Host.omit({ visibleLunIds: true }),
  luns: z.array(LunRow).max(MAX_PAGE_ROWS),
  lunCount: z.number().int(),
});
export type HostDetail = z.infer<typeof HostDetail>;

/** A matrix column: the hosts, grouped by cluster (nodes first, cluster by cluster, then standalone hosts). */
export const MatrixHost = z.object({ name: z.string(), cluster: z.string().nullable() });
export type MatrixHost = z.infer<typeof MatrixHost>;

export const MatrixRow = z.object({
  lunId: z.string(),
  name: z.string(),
  state: LunState,
  /** The cluster and resource the LUN backs; null when it is not a cluster disk. */
  cluster: z.string().nullable(),
  resource: z.string().nullable(),
  /** Indexes into the hosts list of the hosts that see this LUN. */
  seenBy: z.array(z.number().int().nonnegative()),
  findings: z.array(FindingKind),
});
export type MatrixRow = z.infer<typeof MatrixRow>;
