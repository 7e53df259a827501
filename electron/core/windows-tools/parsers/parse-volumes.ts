/**
 * Volumes from `Get-Disk | Get-Partition | Get-Volume | Select-Object ... | ConvertTo-Json`
 * (powershell-commands.ts getDiskVolumesCommand). Partitions without a volume (MSR, recovery) do not appear.
 */
import { normalizeVolumePath } from './shadow-listing';
import { itemError, optionalDriveLetter, optionalString, parsePowerShellJson } from './parse-powershell-json';

export interface VolumeInfo {
  /** `E:`, or null when the volume has no drive letter. */
  driveLetter: string | null;
  /** `\\?\Volume{guid}\`, GUID lower-cased. */
  path: string;
  label: string;
  fileSystem: string | null;
}

export function parseVolumes(json: string): VolumeInfo[] {
  const what = 'Get-Volume';
  return parsePowerShellJson(json, what).map((item) => {
    const volumePath = optionalString(item, 'Path', what);
    if (volumePath === null || !/^\\\\\?\\Volume\{[0-9a-fA-F-]{36}\}\\$/.test(volumePath))
      throw itemError(what, item, 'Path is not a \\\\?\\Volume{GUID}\\ path');
    return {
      driveLetter: optionalDriveLetter(item, what),
      path: normalizeVolumePath(volumePath),
      label: optionalString(item, 'FileSystemLabel', what) ?? '',
      fileSystem: optionalString(item, 'FileSystem', what),
    };
  });
}
