/**
 * The Lab's catalogue of state-changing operations, one per mutating method of the Backend port: how
 * long the real thing takes (scaled by the estate's latency setting), which faults make sense for it,
 * and the real error an injected `fail` returns. `shadowswap lab fault ops` prints this table.
 */
import type { Backend } from '../../backend';
import type { FaultKind } from './lab-model';
import type { WindowsErrorSymbol } from './windows-errors';

type ReadOrLifecycle =
  | 'describe'
  | 'preflightChecks'
  | 'listArrays'
  | 'sanReading'
  | 'listLuns'
  | 'listHosts'
  | 'listSnapshotSets'
  | 'listClusters'
  | 'readPartitions'
  | 'listHostDisks'
  | 'readLunFiles'
  | 'previewCommands'
  | 'readDomainController'
  | 'onChange'
  | 'close'
  | 'expectedDurationMs'
  // A batch is not an operation of its own: each LUN it changes counts as one setLunMask (its latency, its faults).
  | 'setLunMasks';
export type LabOperationName = Exclude<keyof Backend, ReadOrLifecycle>;

export interface OperationSpec {
  summary: string;
  /** Typical duration on a real SAN, in milliseconds. */
  latencyMs: number;
  faultKinds: readonly FaultKind[];
  /** What an injected `fail` returns: the error the real tool reports when this step fails. */
  failsWith: WindowsErrorSymbol;
}

const whole = ['fail', 'delay', 'crash'] as const;
const splittable = ['fail', 'delay', 'crash', 'partial'] as const;

export const labOperations: Record<LabOperationName, OperationSpec> = {
  createSnapshotSet: {
    summary: 'create a transportable hardware shadow copy set',
    latencyMs: 6_000,
    faultKinds: whole,
    failsWith: 'VSS_E_PROVIDER_VETO',
  },
  setLunMask: {
    summary: 'replace the access list of a LUN on the array',
    latencyMs: 1_500,
    faultKinds: whole,
    failsWith: 'VDS_E_PROVIDER_FAILURE',
  },
  importSnapshotSet: {
    summary: 'import a set on a host (partial: some shadow copies do not arrive)',
    latencyMs: 8_000,
    faultKinds: splittable,
    failsWith: 'VSS_E_UNEXPECTED_PROVIDER_ERROR',
  },
  breakSnapshotSet: {
    summary: 'break an imported set (plain, writable, revert identity)',
    latencyMs: 3_000,
    faultKinds: whole,
    failsWith: 'VSS_E_PROVIDER_VETO',
  },
  setVolumesReadWrite: {
    summary: 'make volumes read/write, visible and mounted (partial: some LUNs stay read-only and hidden)',
    latencyMs: 800,
    faultKinds: splittable,
    failsWith: 'VDS_E_PROVIDER_FAILURE',
  },
  rescanHostStorage: {
    summary: "rescan a host's disks (Update-HostStorageCache) so it discovers LUNs unmasked to it",
    latencyMs: 2_500,
    faultKinds: whole,
    failsWith: 'VDS_E_PROVIDER_FAILURE',
  },
  exposeShadowCopy: {
    summary: 'expose an imported shadow copy as a drive letter',
    latencyMs: 1_000,
    faultKinds: whole,
    failsWith: 'VSS_E_UNEXPECTED_PROVIDER_ERROR',
  },
  suspendResource: {
    summary: 'turn maintenance mode on for a disk resource',
    latencyMs: 500,
    faultKinds: whole,
    failsWith: 'ERROR_INVALID_STATE',
  },
  resumeResource: {
    summary: 'turn maintenance mode off for a disk resource',
    latencyMs: 2_000,
    faultKinds: whole,
    failsWith: 'ERROR_RESOURCE_FAILED',
  },
  stopResource: { summary: 'take a disk resource offline', latencyMs: 1_500, faultKinds: whole, failsWith: 'ERROR_RESOURCE_FAILED' },
  startResource: { summary: 'bring a disk resource online', latencyMs: 3_000, faultKinds: whole, failsWith: 'ERROR_RESOURCE_FAILED' },
  startApplicationResource: {
    summary: 'bring an application resource (SQL Server, a network name) online',
    latencyMs: 4_000,
    faultKinds: whole,
    failsWith: 'ERROR_RESOURCE_FAILED',
  },
  stopApplicationResource: {
    summary: 'take an application resource offline',
    latencyMs: 2_000,
    faultKinds: whole,
    failsWith: 'ERROR_RESOURCE_FAILED',
  },
  moveGroup: { summary: 'move a cluster group to another node', latencyMs: 5_000, faultKinds: whole, failsWith: 'ERROR_RESOURCE_FAILED' },
  restartDomainController: {
    summary: 'restart a domain controller into DSRM or back to a normal start, and wait for it',
    latencyMs: 90_000,
    faultKinds: whole,
    failsWith: 'ERROR_SHUTDOWN_IN_PROGRESS',
  },
  setDatabaseRestoredFlag: {
    summary: 'set or remove "Database restored from backup" on a domain controller',
    latencyMs: 300,
    faultKinds: whole,
    failsWith: 'ERROR_ACCESS_DENIED',
  },
  resyncSysvol: {
    summary: "resynchronise a domain controller's SYSVOL (KB 2218556)",
    latencyMs: 60_000,
    faultKinds: whole,
    failsWith: 'ERROR_TIMEOUT',
  },
  setResourceDiskIdentity: {
    summary: 'repoint a disk resource at another signature (last resort)',
    latencyMs: 300,
    faultKinds: whole,
    failsWith: 'ERROR_INVALID_STATE',
  },
};

export function isLabOperation(name: string): name is LabOperationName {
  return Object.hasOwn(labOperations, name);
}
