/**
 * Partitions from `Get-Disk | Get-Partition | Select-Object ... | ConvertTo-Json` (powershell-commands.ts
 * PARTITION_PROPERTIES): one object for a single partition, an array for several, nothing for none. A letterless
 * partition's DriveLetter is a NUL character (docs/windows-facts.md#letterless-volumes). AccessPaths lists the drive
 * letter root, the `\\?\Volume{GUID}\` path and any folder mount points; the last are what `mountPoints` keeps.
 */
import {
  itemError,
  optionalBoolean,
  optionalDriveLetter,
  optionalInteger,
  parsePowerShellJson,
  type JsonObject,
} from './parse-powershell-json';

export interface PartitionInfo {
  diskNumber: number | null;
  partitionNumber: number;
  /** `E:`, or null when the partition has no drive letter. */
  driveLetter: string | null;
  /** Folders the volume is mounted at (not drive letter roots, not the volume GUID path). */
  mountPoints: string[];
  isReadOnly: boolean;
  isHidden: boolean;
  isShadowCopy: boolean;
  noDefaultDriveLetter: boolean;
}

const WHAT = 'Get-Partition';

function mountPoints(item: JsonObject): string[] {
  const paths = item['AccessPaths'];
  if (paths === undefined || paths === null) return [];
  const list = Array.isArray(paths) ? paths : [paths];
  if (!list.every((p): p is string => typeof p === 'string')) throw itemError(WHAT, item, 'AccessPaths is not a list of paths');
  return list.filter((p) => !/^[A-Za-z]:\\?$/.test(p) && !/^\\\\\?\\Volume\{/i.test(p));
}

/** A flag the step decides on: missing would read as "clear", so it is an error instead. */
function flag(item: JsonObject, key: string): boolean {
  const value = optionalBoolean(item, key, WHAT);
  if (value === null) throw itemError(WHAT, item, `${key} is missing`);
  return value;
}

export function parsePartitions(json: string): PartitionInfo[] {
  return parsePowerShellJson(json, WHAT).map((item) => {
    const partitionNumber = optionalInteger(item, 'PartitionNumber', WHAT);
    if (partitionNumber === null) throw itemError(WHAT, item, 'PartitionNumber is missing');
    return {
      diskNumber: optionalInteger(item, 'DiskNumber', WHAT),
      partitionNumber,
      driveLetter: optionalDriveLetter(item, WHAT),
      mountPoints: mountPoints(item),
      isReadOnly: flag(item, 'IsReadOnly'),
      isHidden: flag(item, 'IsHidden'),
      isShadowCopy: flag(item, 'IsShadowCopy'),
      noDefaultDriveLetter: flag(item, 'NoDefaultDriveLetter'),
    };
  });
}
