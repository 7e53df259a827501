/**
 * Disks from `Get-Disk | Select-Object ... | ConvertTo-Json` (powershell-commands.ts DISK_PROPERTIES).
 *
 * Enum fields may arrive as names or numbers. UniqueIdFormat numbers are decoded with the
 * VDS_STORAGE_IDENTIFIER_TYPE numbering (docs/windows-facts.md#vds-identifier-types-and-no-association-field: 1 VendorId, 2 EUI64, 3
 * FCPHName, 8 ScsiNameString...): the Storage module reports the same VPD 0x83 designator types (INFERRED). PartitionStyle
 * numbers are NOT decoded: no public page gives the MSFT_Disk numbering (docs/windows-facts.md#uniqueid-is-the-page-0x83-identifier),
 * and the cluster's DiskIdType numbering (0 MBR, 1 GPT) is a different enum, so reusing it would be a guess. Such values stay in
 * partitionStyleRaw.
 */
import { guidOrNull } from './guid-text';
import { itemError, optionalBoolean, optionalInteger, optionalString, parsePowerShellJson, type JsonObject } from './parse-powershell-json';

export const STORAGE_IDENTIFIER_TYPES: Readonly<Record<number, string>> = {
  0: 'VendorSpecific',
  1: 'VendorId',
  2: 'EUI64',
  3: 'FCPHName',
  4: 'PortRelative',
  5: 'TargetPortGroup',
  6: 'LogicalUnitGroup',
  7: 'MD5LogicalUnitIdentifier',
  8: 'ScsiNameString',
};

export interface DiskInfo {
  number: number | null;
  friendlyName: string | null;
  serialNumber: string | null;
  sizeBytes: number | null;
  uniqueId: string | null;
  /** Identifier type name (VendorId, EUI64, FCPHName, ScsiNameString...), or the text as written when not one of those. */
  uniqueIdFormat: string | null;
  /** The numeric identifier type (also derived from a known name). */
  uniqueIdFormatCode: number | null;
  partitionStyle: 'MBR' | 'GPT' | 'RAW' | null;
  /** PartitionStyle as received when it was not MBR/GPT/RAW (e.g. a number or a localized name). */
  partitionStyleRaw: string | number | null;
  /** MBR signature as 8 upper-case hex digits, or null. */
  signature: string | null;
  /** GPT disk GUID lower-case without braces, or null. */
  guid: string | null;
  isReadOnly: boolean | null;
  isOffline: boolean | null;
}

function uniqueIdFormat(item: JsonObject, what: string): { uniqueIdFormat: string | null; uniqueIdFormatCode: number | null } {
  const v = item['UniqueIdFormat'];
  if (v === undefined || v === null) return { uniqueIdFormat: null, uniqueIdFormatCode: null };
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw itemError(what, item, 'UniqueIdFormat is not a whole number');
    return { uniqueIdFormat: STORAGE_IDENTIFIER_TYPES[v] ?? null, uniqueIdFormatCode: v };
  }
  if (typeof v === 'string') {
    const squashed = v.replace(/[\s_-]/g, '').toLowerCase();
    for (const [code, name] of Object.entries(STORAGE_IDENTIFIER_TYPES)) {
      if (name.toLowerCase() === squashed) return { uniqueIdFormat: name, uniqueIdFormatCode: Number(code) };
    }
    if (/^\d+$/.test(v.trim())) return uniqueIdFormat({ ...item, UniqueIdFormat: Number(v.trim()) }, what);
    return { uniqueIdFormat: v, uniqueIdFormatCode: null };
  }
  throw itemError(what, item, 'UniqueIdFormat is neither a name nor a number');
}

function partitionStyle(item: JsonObject, what: string): Pick<DiskInfo, 'partitionStyle' | 'partitionStyleRaw'> {
  const v = item['PartitionStyle'];
  if (v === undefined || v === null) return { partitionStyle: null, partitionStyleRaw: null };
  if (typeof v === 'string') {
    const u = v.trim().toUpperCase();
    if (u === 'MBR' || u === 'GPT' || u === 'RAW') return { partitionStyle: u, partitionStyleRaw: null };
    return { partitionStyle: null, partitionStyleRaw: v };
  }
  if (typeof v === 'number') return { partitionStyle: null, partitionStyleRaw: v };
  throw itemError(what, item, 'PartitionStyle is neither a name nor a number');
}

function signature(item: JsonObject, what: string): string | null {
  const n = optionalInteger(item, 'Signature', what);
  if (n === null) return null;
  if (n < 0 || n > 0xffffffff) throw itemError(what, item, 'Signature is not a DWORD');
  return n.toString(16).toUpperCase().padStart(8, '0');
}

export function parseDisks(json: string): DiskInfo[] {
  const what = 'Get-Disk';
  return parsePowerShellJson(json, what).map((item) => {
    const guidText = optionalString(item, 'Guid', what);
    let guid: string | null = null;
    if (guidText !== null && guidText.trim() !== '') {
      guid = guidOrNull(guidText);
      if (guid === null) throw itemError(what, item, 'Guid is not a GUID');
    }
    const size = optionalInteger(item, 'Size', what);
    if (size !== null && size < 0) throw itemError(what, item, 'Size is negative');
    return {
      number: optionalInteger(item, 'Number', what),
      friendlyName: optionalString(item, 'FriendlyName', what),
      serialNumber: optionalString(item, 'SerialNumber', what),
      sizeBytes: size,
      uniqueId: optionalString(item, 'UniqueId', what),
      ...uniqueIdFormat(item, what),
      ...partitionStyle(item, what),
      signature: signature(item, what),
      guid,
      isReadOnly: optionalBoolean(item, 'IsReadOnly', what),
      isOffline: optionalBoolean(item, 'IsOffline', what),
    };
  });
}
