/**
 * What the planner read from the estate for one recovery, handed to every step kind's draft, and the
 * derivations several drafts share (who confirms, which resources and dependents, their changes).
 */
import type { ApplicationResource, DiskResource, Lun, ShadowCopy, SnapshotSet } from '../../../../shared/domain';
import type { DomainController } from '../../../../shared/domain-controller';
import type { RecoveryOptions, StepChange } from '../../../../shared/recovery';
import type { LunRef, ResourceTarget } from '../../../../shared/recovery-step-params';
import type { Estate } from '../estate';

/** A shadow copy of the set with both its LUNs on the array, and the disk resource its original backs. */
export interface RecoveryPair {
  copy: ShadowCopy;
  original: Lun;
  shadow: Lun;
  resource: DiskResource | undefined;
}

export interface DraftInputs {
  estate: Estate;
  set: SnapshotSet;
  options: RecoveryOptions;
  cluster: string | null;
  /** The pairs swapped. */
  pairs: RecoveryPair[];
  /** The pairs the operator left out: their originals stay in production, their shadows only surface with the import. */
  leftOut: RecoveryPair[];
  /** The disk resources the originals back, with the node that owns each. */
  resources: Array<ResourceTarget & { ownerNode: string }>;
  /** Application resources on the disks that are Online now, in start order. */
  dependents: ApplicationResource[];
  importHost: string;
  /** The set's host as a domain controller, as it was read for the plan; null when it is not one. */
  domainController: DomainController | null;
}

export function lunRef(lun: Lun): LunRef {
  return { lunId: lun.id, name: lun.name };
}

/** What the operator types to confirm a destructive step: the cluster, else the importing host. */
export function confirmPhraseOf(inputs: DraftInputs): string {
  return inputs.cluster ?? inputs.importHost;
}

export function shadowLunsOf(inputs: DraftInputs): LunRef[] {
  return inputs.pairs.map((p) => lunRef(p.shadow));
}

export function resourceTargetsOf(inputs: DraftInputs): ResourceTarget[] {
  return inputs.resources.map(({ cluster, resource, group }) => ({ cluster, resource, group }));
}

export function resourceChanges(inputs: DraftInputs, before: string, after: string): StepChange[] {
  return inputs.resources.map((r) => ({ kind: 'resource', cluster: r.cluster, resource: r.resource, before, after }));
}

export function dependentTargetsOf(inputs: DraftInputs): ResourceTarget[] {
  const { cluster } = inputs;
  return cluster ? inputs.dependents.map((r) => ({ cluster, resource: r.name, group: r.group })) : [];
}

export function dependentChanges(inputs: DraftInputs, before: string, after: string): StepChange[] {
  return dependentTargetsOf(inputs).map((r) => ({ kind: 'resource', cluster: r.cluster, resource: r.resource, before, after }));
}

export function dependentNamesOf(inputs: DraftInputs): string {
  return inputs.dependents.map((r) => r.name).join(', ');
}

/** The DC whose set this is, when it is one: the host every domain controller step acts on. */
export function domainControllerHost(inputs: DraftInputs): string | null {
  return inputs.domainController?.host ?? null;
}
