/**
 * The SAN as the Storage Management API reports it (commands/discovery-commands.ts), read tolerantly: one object
 * where an array was expected, a missing or null list, enums as numbers (Windows PowerShell 5.1) or as names.
 * Property names and enum values are the documented ones of MSFT_StorageSubSystem, MSFT_VirtualDisk,
 * MSFT_MaskingSet, MSFT_InitiatorId, MSFT_TargetPort and MSFT_InitiatorPort
 * (docs/windows-facts.md#discovery-through-the-storage-management-api). No capture from a real array exists: the
 * tests use synthetic fixtures built from the documented classes.
 */
import type { Initiator } from '../../../../shared/domain';
import { ParseError } from './parse-error';
import {
  itemError,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requiredString,
  type JsonObject,
  parsePowerShellJson,
} from './parse-powershell-json';

export type DiscoveredHealth = 'Healthy' | 'Warning' | 'Unhealthy' | 'Unknown';

export interface DiscoveredVirtualDisk {
  friendlyName: string;
  uniqueId: string;
  sizeBytes: number | null;
  isSnapshot: boolean;
}

/** How an initiator id names its initiator (MSFT_InitiatorId.Type). */
export type InitiatorIdType = 'PortWWN' | 'NodeWWN' | 'HostName' | 'iSCSI Name' | 'SwitchWWN' | 'SASAddress' | 'Other';

export interface DiscoveredMaskingSet {
  friendlyName: string;
  uniqueId: string;
  initiatorIds: { address: string; type: InitiatorIdType }[];
  virtualDiskUniqueIds: string[];
}

export interface DiscoveredArray {
  friendlyName: string;
  uniqueId: string;
  manufacturer: string;
  model: string;
  health: DiscoveredHealth;
  virtualDisks: DiscoveredVirtualDisk[];
  maskingSets: DiscoveredMaskingSet[];
  targetPorts: { friendlyName: string; portAddress: string | null; nodeAddress: string | null }[];
}

/** An enum written as its number or its name; null when neither is known. */
function enumValue<T extends string>(item: JsonObject, key: string, names: Record<number, T>, what: string): T | null {
  const raw = item[key];
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number') return names[raw] ?? null;
  if (typeof raw === 'string') {
    const byName = Object.values(names).find((name) => name.toLowerCase() === raw.trim().toLowerCase());
    if (byName !== undefined) return byName;
    if (/^\d+$/.test(raw.trim())) return names[Number(raw.trim())] ?? null;
    return null;
  }
  throw itemError(what, item, `${key} is neither a number nor a name`);
}

/** A nested list: an array, one object alone, or nothing. */
function list(item: JsonObject, key: string, what: string): JsonObject[] {
  const raw = item[key];
  if (raw === undefined || raw === null) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  return items.map((entry) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw itemError(what, item, `${key} holds something that is not an object`);
    return entry as JsonObject;
  });
}

function strings(item: JsonObject, key: string, what: string): string[] {
  const raw = item[key];
  if (raw === undefined || raw === null) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  return items.map((entry) => {
    if (typeof entry !== 'string' || entry === '') throw itemError(what, item, `${key} holds something that is not an identifier`);
    return entry;
  });
}

const HEALTH: Record<number, DiscoveredHealth> = { 0: 'Healthy', 1: 'Warning', 2: 'Unhealthy' };
const INITIATOR_ID_TYPES: Record<number, InitiatorIdType> = {
  1: 'Other',
  2: 'PortWWN',
  3: 'NodeWWN',
  4: 'HostName',
  5: 'iSCSI Name',
  6: 'SwitchWWN',
  7: 'SASAddress',
};
const CONNECTION_TYPES: Record<number, 'Other' | 'Fibre Channel' | 'iSCSI' | 'SAS'> = {
  0: 'Other',
  1: 'Fibre Channel',
  2: 'iSCSI',
  3: 'SAS',
};

function virtualDisk(item: JsonObject): DiscoveredVirtualDisk {
  const what = 'Get-VirtualDisk';
  return {
    friendlyName:
      optionalString(item, 'FriendlyName', what) ?? optionalString(item, 'Name', what) ?? requiredString(item, 'UniqueId', what),
    uniqueId: requiredString(item, 'UniqueId', what).toUpperCase(),
    sizeBytes: optionalInteger(item, 'Size', what),
    isSnapshot: optionalBoolean(item, 'IsSnapshot', what) ?? false,
  };
}

function maskingSet(item: JsonObject): DiscoveredMaskingSet {
  const what = 'Get-MaskingSet';
  return {
    friendlyName: requiredString(item, 'FriendlyName', what),
    uniqueId: requiredString(item, 'UniqueId', what),
    initiatorIds: list(item, 'InitiatorIds', what).map((id) => ({
      address: requiredString(id, 'InitiatorAddress', 'Get-InitiatorId'),
      type: enumValue(id, 'Type', INITIATOR_ID_TYPES, 'Get-InitiatorId') ?? 'Other',
    })),
    virtualDiskUniqueIds: strings(item, 'VirtualDiskUniqueIds', what).map((id) => id.toUpperCase()),
  };
}

/** The arrays `storageDiscoveryCommand` found (empty output or `[]`: no array with a Storage Management provider). */
export function parseStorageDiscovery(output: string): DiscoveredArray[] {
  const what = 'Get-StorageSubSystem';
  return parsePowerShellJson(output, what).map((item) => ({
    friendlyName: requiredString(item, 'FriendlyName', what),
    uniqueId: requiredString(item, 'UniqueId', what),
    manufacturer: optionalString(item, 'Manufacturer', what) ?? '',
    model: optionalString(item, 'Model', what) ?? '',
    health: enumValue(item, 'HealthStatus', HEALTH, what) ?? 'Unknown',
    virtualDisks: list(item, 'VirtualDisks', what).map(virtualDisk),
    maskingSets: list(item, 'MaskingSets', what).map(maskingSet),
    targetPorts: list(item, 'TargetPorts', what).map((port) => ({
      friendlyName: optionalString(port, 'FriendlyName', 'Get-TargetPort') ?? '',
      portAddress: optionalString(port, 'PortAddress', 'Get-TargetPort'),
      nodeAddress: optionalString(port, 'NodeAddress', 'Get-TargetPort'),
    })),
  }));
}

/** A WWN as the domain writes it: 16 hex digits, lower case (Windows may add colons or write upper case). */
export function normalWwn(address: string): string | null {
  const hex = address.replace(/[:\s-]/g, '').toLowerCase();
  return /^[0-9a-f]{16}$/.test(hex) ? hex : null;
}

/**
 * A host's initiators from `initiatorPortsCommand`: an FC port is its PortAddress (the WWPN), an iSCSI initiator
 * its NodeAddress (the IQN). SAS and other ports are not masked by initiator and are left out.
 */
export function parseInitiatorPorts(output: string): Initiator[] {
  const what = 'Get-InitiatorPort';
  const found: Initiator[] = [];
  for (const item of parsePowerShellJson(output, what)) {
    const type = enumValue(item, 'ConnectionType', CONNECTION_TYPES, what);
    if (type === 'Fibre Channel') {
      const wwn = normalWwn(requiredString(item, 'PortAddress', what));
      if (wwn === null) throw itemError(what, item, 'PortAddress is not a 16-digit WWN');
      found.push({ kind: 'fc', wwn });
    } else if (type === 'iSCSI') {
      const iqn = requiredString(item, 'NodeAddress', what);
      if (!/^iqn\.\d{4}-\d{2}\.\S+$/.test(iqn)) throw new ParseError(`${what}: NodeAddress ${iqn} is not an iSCSI qualified name`, 1, iqn);
      if (!found.some((i) => i.kind === 'iscsi' && i.iqn === iqn)) found.push({ kind: 'iscsi', iqn });
    }
  }
  return found;
}
