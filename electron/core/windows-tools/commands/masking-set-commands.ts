/**
 * PowerShell command TEXT for masking through the Storage Management API (the Storage module), for arrays whose
 * provider (SMI-S or a vendor Storage Management Provider) Windows manages: a LUN is a virtual disk, and a host
 * sees it when the virtual disk is in a masking set holding that host's initiator ids (MSFT_MaskingSet). Access is
 * added and removed per masking set, never replaced (docs/windows-facts.md#masking-sets-add-and-remove).
 *
 * - Virtual disks are addressed by `UniqueId` (the page 0x83 identifier Get-Disk shows on every host), never by an
 *   enumeration index; `Add-VirtualDiskToMaskingSet` takes the virtual disk's `Name`, so the script reads it from
 *   the disk found by UniqueId in the same session.
 *   https://learn.microsoft.com/powershell/module/storage/add-virtualdisktomaskingset
 *   https://learn.microsoft.com/powershell/module/storage/remove-virtualdiskfrommaskingset
 *   Both take several names in `-VirtualDiskNames` (String[]): one change per masking set names every virtual disk
 *   of a batch (https://learn.microsoft.com/windows-hardware/drivers/storage/msft-maskingset-addvirtualdisk).
 * - The masking sets that hold a virtual disk: `Get-MaskingSet -VirtualDisk` (parameter set ByVirtualDisk),
 *   https://learn.microsoft.com/powershell/module/storage/get-maskingset ; `@(...)` with `-InputObject` so that no
 *   masking set prints `[]` rather than nothing.
 * - A host without a masking set gets one from `New-MaskingSet -StorageSubSystemFriendlyName -FriendlyName
 *   -InitiatorAddresses`, https://learn.microsoft.com/powershell/module/storage/new-maskingset
 */
import type { Initiator } from '../../../../shared/domain';
import { JSON_DEPTH, psQuote } from './powershell-commands';
import { invalid, validateDiskUniqueId, validateIqn, validateWwn } from './validate';

const STOP_ON_ERROR = "$ErrorActionPreference = 'Stop'";

const MASKING_SET_ID_ALLOWED = 'a masking set UniqueId or FriendlyName: letters, digits, space and - _ . : { } only, up to 256 characters';

/** A masking set's UniqueId or FriendlyName as the provider reports it (vendor-defined text). */
export function validateMaskingSetName(value: unknown, field = 'masking set'): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 256 || !/^[A-Za-z0-9 _.:{}-]+$/.test(value))
    throw invalid(field, value, 'it is empty, too long or has a character outside the allowed set', MASKING_SET_ID_ALLOWED);
  return value;
}

function virtualDisk(uniqueId: string): string {
  return `Get-VirtualDisk -UniqueId ${psQuote(validateDiskUniqueId(uniqueId, 'virtual disk UniqueId'))}`;
}

/** The masking sets that hold the virtual disk, as JSON: an array of {FriendlyName, UniqueId} (empty when none). */
export function maskingSetsOfVirtualDiskCommand(virtualDiskUniqueId: string): string {
  return (
    `${STOP_ON_ERROR}; $disk = ${virtualDisk(virtualDiskUniqueId)}; ` +
    `ConvertTo-Json -InputObject @(Get-MaskingSet -VirtualDisk $disk | Select-Object -Property FriendlyName,UniqueId) -Depth ${JSON_DEPTH} -Compress`
  );
}

/**
 * `$names`: the virtual disks' `Name`s, each found by UniqueId in this session; one that is not found stops the
 * command before the masking set changes (`$ErrorActionPreference = 'Stop'`).
 */
function virtualDiskNames(uniqueIds: readonly string[]): string {
  if (uniqueIds.length === 0) throw new Error('a masking-set change names at least one virtual disk');
  return `$names = @(${uniqueIds.map((id) => `(${virtualDisk(id)}).Name`).join(', ')})`;
}

/**
 * Grants every initiator of the masking set read/write access to the virtual disks, in one call: `-VirtualDiskNames`
 * takes several names and `-DeviceAccesses` one access per name (docs/windows-facts.md#masking-sets-add-and-remove).
 */
export function addVirtualDiskToMaskingSetCommand(request: {
  maskingSetUniqueId: string;
  virtualDiskUniqueIds: readonly string[];
}): string {
  const set = psQuote(validateMaskingSetName(request.maskingSetUniqueId, 'masking set UniqueId'));
  const accesses = request.virtualDiskUniqueIds.map(() => 'ReadWrite').join(',');
  return `${STOP_ON_ERROR}; ${virtualDiskNames(request.virtualDiskUniqueIds)}; Add-VirtualDiskToMaskingSet -MaskingSetUniqueId ${set} -VirtualDiskNames $names -DeviceAccesses ${accesses}`;
}

/** Takes the virtual disks away from every initiator of the masking set, in one call; other masking sets keep them. */
export function removeVirtualDiskFromMaskingSetCommand(request: {
  maskingSetUniqueId: string;
  virtualDiskUniqueIds: readonly string[];
}): string {
  const set = psQuote(validateMaskingSetName(request.maskingSetUniqueId, 'masking set UniqueId'));
  return `${STOP_ON_ERROR}; ${virtualDiskNames(request.virtualDiskUniqueIds)}; Remove-VirtualDiskFromMaskingSet -MaskingSetUniqueId ${set} -VirtualDiskNames $names -Confirm:$false`;
}

/** The command an administrator runs to give a host a masking set on an array (ShadowSwap never runs it itself). */
export function newMaskingSetCommand(request: { arrayName: string; friendlyName: string; initiators: readonly Initiator[] }): string {
  const addresses = request.initiators.map((i, n) =>
    psQuote(i.kind === 'fc' ? validateWwn(i.wwn, `WWN ${n + 1}`) : validateIqn(i.iqn, `iSCSI initiator ${n + 1}`)),
  );
  const array = psQuote(validateMaskingSetName(request.arrayName, 'array name'));
  const name = psQuote(validateMaskingSetName(request.friendlyName, 'masking set name'));
  return `New-MaskingSet -StorageSubSystemFriendlyName ${array} -FriendlyName ${name} -InitiatorAddresses ${addresses.join(',') || "''"}`;
}

/** The array as the Storage Management API sees it (MSFT_StorageSubSystem FriendlyName and HealthStatus): empty when no provider answers for it. */
export function storageSubSystemCommand(arrayName: string): string {
  const name = psQuote(validateMaskingSetName(arrayName, 'array name'));
  return `${STOP_ON_ERROR}; ConvertTo-Json -InputObject @(Get-StorageSubSystem -FriendlyName ${name} | Select-Object -Property FriendlyName,HealthStatus) -Depth ${JSON_DEPTH} -Compress`;
}
