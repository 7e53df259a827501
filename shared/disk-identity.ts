/**
 * How a failover cluster recognises its disks: a Physical Disk resource expects an MBR signature
 * (DiskSignature) or a GPT disk GUID (DiskIdGuid), and binds to the LUN that carries it. The recovery
 * planner, the inventory pages and the masking findings all match LUNs to resources with these functions.
 */
import type { Cluster, DiskResource, Lun } from './domain';

/** GUIDs compare without braces and case, as diskshadow, vssadmin and WMI print them differently. */
export function normalizeGuid(text: string): string {
  return text
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
}

/** The identity the cluster looks for: DiskSignature for MBR, DiskIdGuid for GPT. */
export function resourceIdentity(resource: DiskResource): string | null {
  if (resource.diskIdType === 'MBR') return resource.diskSignature?.toUpperCase().replace(/^0X/, '').padStart(8, '0') ?? null;
  return resource.diskIdGuid ? normalizeGuid(resource.diskIdGuid) : null;
}

export function lunIdentity(lun: Pick<Lun, 'signature' | 'partitionStyle'>): string | null {
  if (!lun.signature) return null;
  return lun.partitionStyle === 'GPT' ? normalizeGuid(lun.signature) : lun.signature.toUpperCase().padStart(8, '0');
}

/** The disk resource that expects this LUN's identity, if any. */
export function resourceForLun(cluster: Cluster | undefined, lun: Pick<Lun, 'signature' | 'partitionStyle'>): DiskResource | undefined {
  const identity = lunIdentity(lun);
  if (!cluster || identity === null) return undefined;
  return cluster.diskResources.find((resource) => resourceIdentity(resource) === identity);
}
