/**
 * What each kind of recovery step needs to run, resume and compensate: its params, journaled with the plan.
 * They are checked when a journal is reopened, so a run is never driven from params it cannot read.
 * One schema per kind; shared/recovery.ts pairs each with its kind in the plan step union.
 */
import { z } from 'zod';
import { BreakMode } from './domain';

export const LunRef = z.object({ lunId: z.string(), name: z.string() });
export type LunRef = z.infer<typeof LunRef>;

/** An access list to set: exactly these hosts (`*` every host, none nobody). */
/** `expected`: the list the plan expects the LUN to have when the step runs; the backend refuses another (drift). */
export const MaskTarget = LunRef.extend({ hosts: z.array(z.string()), expected: z.array(z.string()).optional() });
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
export const MakeReadWriteParams = z.object({ host: z.string(), shadowLuns: z.array(LunRef) });
export const RepointPair = ResourceTarget.extend({ shadowLunId: z.string() });
export type RepointPair = z.infer<typeof RepointPair>;
export const RepointResourcesParams = z.object({ pairs: z.array(RepointPair) });
/** Each node that must see recovered LUNs, with those LUNs: it is rescanned, then checked by what it lists itself. */
export const NodeLuns = z.object({ host: z.string(), luns: z.array(LunRef) });
export type NodeLuns = z.infer<typeof NodeLuns>;
export const RescanNodesParams = z.object({ nodes: z.array(NodeLuns) });
export const StartDependentsParams = z.object({ dependents: z.array(ResourceTarget) });
/** The dependents are absent in plans made before they were tracked. */
export const VerifyParams = z.object({ pairs: z.array(VerifyPair), dependents: z.array(ResourceTarget).optional() });
