/**
 * Who sees what, derived from masking alone (the array's REPORT LUNS answer), and the disk identity a
 * cluster or Windows matches disks by.
 */
import { ALL_HOSTS } from '../../backend';
import type { LabLun } from './lab-model';
import { normalizeGuid } from './lab-lookup';

export function isVisibleTo(lun: LabLun, hostName: string): boolean {
  return lun.mask.includes(ALL_HOSTS) || lun.mask.some((name) => name.toLowerCase() === hostName.toLowerCase());
}

/** How Windows tells disks apart: MBR signature or GPT disk GUID, normalised; null for a raw disk. */
export function identityKey(partitionStyle: string, signature: string | null): string | null {
  if (signature === null || partitionStyle === 'RAW') return null;
  return partitionStyle === 'GPT' ? `GPT:${normalizeGuid(signature)}` : `MBR:${signature.toUpperCase()}`;
}

export function lunIdentityKey(lun: LabLun): string | null {
  return identityKey(lun.partitionStyle, lun.signature);
}
