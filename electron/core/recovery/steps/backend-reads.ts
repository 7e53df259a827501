/**
 * The reads every step kind's probe, capture and action make through the Backend port, with the errors an
 * operator sees when what the plan named is gone.
 */
import type { ApplicationResource, Cluster, DiskResource, Lun, SnapshotSet } from '../../../../shared/domain';
import { ShadowSwapError } from '../../../../shared/errors';
import type { ResourceTarget } from '../../../../shared/recovery-step-params';
import { ALL_HOSTS, type Backend } from '../../backend';

export function maskOf(lun: Lun): string[] {
  return lun.maskAll ? [ALL_HOSTS] : [...lun.maskedTo];
}

export function sameHosts(a: readonly string[], b: readonly string[]): boolean {
  const left = [...a].map((h) => h.toUpperCase()).sort();
  const right = [...b].map((h) => h.toUpperCase()).sort();
  return left.length === right.length && left.every((h, i) => h === right[i]);
}

export async function lunsById(backend: Backend): Promise<Map<string, Lun>> {
  return new Map((await backend.listLuns()).map((lun) => [lun.id, lun]));
}

export function lunOf(luns: Map<string, Lun>, lunId: string): Lun {
  const lun = luns.get(lunId);
  if (!lun)
    throw new ShadowSwapError(
      'NOT_FOUND',
      `LUN ${lunId} is no longer on the array. Nothing further was changed; check the array before resuming.`,
    );
  return lun;
}

export async function setOf(backend: Backend, setId: string): Promise<SnapshotSet> {
  const set = (await backend.listSnapshotSets()).find((s) => s.id === setId);
  if (!set) throw new ShadowSwapError('NOT_FOUND', `Snapshot set ${setId} is no longer known to the backend.`);
  return set;
}

export async function resourceOf(backend: Backend, target: ResourceTarget): Promise<{ cluster: Cluster; resource: DiskResource }> {
  // Windows names are case-insensitive; tools print them in whatever case they were created with.
  const cluster = (await backend.listClusters()).find((c) => c.name.toUpperCase() === target.cluster.toUpperCase());
  const resource = cluster?.diskResources.find((r) => r.name.toUpperCase() === target.resource.toUpperCase());
  if (!cluster || !resource)
    throw new ShadowSwapError('NOT_FOUND', `Cluster resource "${target.resource}" in ${target.cluster} was not found.`);
  return { cluster, resource };
}

export async function applicationOf(backend: Backend, target: ResourceTarget): Promise<ApplicationResource> {
  const cluster = (await backend.listClusters()).find((c) => c.name.toUpperCase() === target.cluster.toUpperCase());
  const resource = cluster?.applicationResources.find((r) => r.name.toUpperCase() === target.resource.toUpperCase());
  if (!resource)
    throw new ShadowSwapError(
      'NOT_FOUND',
      `Cluster resource "${target.resource}" in ${target.cluster} was not found; it was there when the recovery was planned. Check the cluster's resources before resuming.`,
    );
  return resource;
}
