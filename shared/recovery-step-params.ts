/**
 * What each kind of recovery step needs to run, resume and compensate: its params, journaled with the plan.
 * They are checked when a journal is reopened, so a run is never driven from params it cannot read.
 * One schema per kind; shared/recovery.ts pairs each with its kind in the plan step union.
 */
import { z } from 'zod';
import { BreakMode } from './domain';

export const LunRef = z.object({ lunId: z.string(), name: z.string() });
export type LunRef = z.infer<typeof LunRef>;

/**
 * An access list to set: exactly these hosts (`*` every host, none nobody). `expected`: the list the plan expects the
 * LUN to have when the step runs; the backend refuses another (drift). `diskHolder`: the node that owned the cluster
 * disk resource the LUN backs when the plan was made, where diskraid runs on a VDS-only array; absent for a LUN no
 * disk resource uses, and in plans made before it was recorded.
 */
export const MaskTarget = LunRef.extend({
  hosts: z.array(z.string()),
  expected: z.array(z.string()).optional(),
  diskHolder: z.string().optional(),
});
export type MaskTarget = z.infer<typeof MaskTarget>;

export const ResourceTarget = z.object({ cluster: z.string(), resource: z.string(), group: z.string() });
export type ResourceTarget = z.infer<typeof ResourceTarget>;

export const VerifyPair = z.object({
  originalLunId: z.string(),
  shadowLunId: z.string(),
  name: z.string(),
  expectedChecksum: z.string(),
  /** The cluster disk resource the recovered LUN must now back, if clustered. */
  resource: ResourceTarget.nullable(),
  /** The host the recovered disk is read from when it backs no resource (the importing host); absent in older plans. */
  host: z.string().optional(),
});
export type VerifyPair = z.infer<typeof VerifyPair>;

/** Taking the disks away: the dependents are those that can go down with them (absent in plans made before they were tracked). */
export const ReleaseDisksParams = z.object({ resources: z.array(ResourceTarget), dependents: z.array(ResourceTarget).optional() });
export const ReturnDisksParams = z.object({ resources: z.array(ResourceTarget) });
export const MaskParams = z.object({ targets: z.array(MaskTarget) });
export const ImportSetParams = z.object({ setId: z.string(), host: z.string(), shadowLuns: z.array(LunRef) });
export const BreakSetParams = z.object({ setId: z.string(), mode: BreakMode });
/** The drive letter (`E:`) each recovered LUN's volume gets back, by LUN id: its original's; a LUN absent here had none. */
export const DriveLetters = z.record(z.string(), z.string());
export type DriveLetters = z.infer<typeof DriveLetters>;
/**
 * Step 5 on `host`. `maintenanceWindow`: the disk resources the step itself puts in maintenance mode and takes out of
 * it again (offline mode, where nothing else leaves the disks online in maintenance). Both are absent in plans made
 * before step 5 cleared the partition attributes.
 */
export const MakeReadWriteParams = z.object({
  host: z.string(),
  shadowLuns: z.array(LunRef),
  driveLetters: DriveLetters.default({}),
  maintenanceWindow: z.array(ResourceTarget).default([]),
});
export const RepointPair = ResourceTarget.extend({ shadowLunId: z.string() });
export type RepointPair = z.infer<typeof RepointPair>;
export const RepointResourcesParams = z.object({ pairs: z.array(RepointPair) });
/** Each node that must see recovered LUNs, with those LUNs: it is rescanned, then checked by what it lists itself. */
export const NodeLuns = z.object({ host: z.string(), luns: z.array(LunRef) });
export type NodeLuns = z.infer<typeof NodeLuns>;
export const RescanNodesParams = z.object({ nodes: z.array(NodeLuns) });
export const StartDependentsParams = z.object({ dependents: z.array(ResourceTarget) });
/** A domain controller the plan restarts, flags or resynchronises. */
export const DomainControllerParams = z.object({ host: z.string() });
/** SYSVOL after the restore: from a partner (non-authoritative), or as the copy of record when the DC is the only one. */
export const ResyncSysvolParams = DomainControllerParams.extend({ authoritative: z.boolean() });
/** What the DC was before the run, read when the plan was made, on the DC's own clock: verify proves it changed. */
export const DomainControllerBaseline = z.object({
  host: z.string(),
  invocationId: z.string().nullable(),
  restoreCount: z.number().int().nonnegative(),
  readAt: z.string(),
  /** The only DC of its domain: no partner gives the changes since the snapshot back. */
  onlyDc: z.boolean(),
});
export type DomainControllerBaseline = z.infer<typeof DomainControllerBaseline>;
/**
 * The dependents are absent in plans made before they were tracked; `volumes` (where to read the recovered volumes
 * back and the letters they must have) in plans made before it; the domain controller is in plans for a DC only.
 */
/** A LUN the operator left out, as the plan found it: verify proves the recovery left it so. */
export const LeftOutLun = z.object({
  lunId: z.string(),
  name: z.string(),
  /** Its access list when planned. */
  hosts: z.array(z.string()),
  /** Its disk resource and that resource's state when planned, if clustered. */
  resource: ResourceTarget.extend({ state: z.string() }).nullable(),
});
export type LeftOutLun = z.infer<typeof LeftOutLun>;

export const VerifyParams = z.object({
  pairs: z.array(VerifyPair),
  /** Absent in plans made before LUNs could be left out. */
  leftOut: z.array(LeftOutLun).optional(),
  dependents: z.array(ResourceTarget).optional(),
  volumes: z.object({ host: z.string(), driveLetters: DriveLetters }).optional(),
  domainController: DomainControllerBaseline.optional(),
});
