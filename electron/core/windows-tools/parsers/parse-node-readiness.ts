/**
 * One node's readiness from nodeReadinessCommand (powershell-commands.ts): its Windows release (read as
 * parse-operating-system.ts reads Win32_OperatingSystem), whether the remote session is an administrator, which
 * tools it has, and the storage subsystems it shows, or the error Get-StorageSubSystem gave. ConvertTo-Json writes a
 * one-element array as an array inside an object, but a lone string is accepted too.
 */
import { parseOperatingSystem, type OperatingSystemInfo } from './parse-operating-system';
import { itemError, optionalBoolean, parsePowerShellJson } from './parse-powershell-json';

export interface NodeReadiness {
  os: OperatingSystemInfo;
  administrator: boolean | null;
  tools: { diskshadow: boolean | null; diskraid: boolean | null; vshadow: boolean | null };
  /** The subsystems' friendly names, or the error text when Get-StorageSubSystem failed. */
  storage: { subsystems: string[] } | { error: string };
}

export function parseNodeReadiness(json: string): NodeReadiness {
  const what = 'node readiness';
  // Throws unless the output is exactly one object.
  const os = parseOperatingSystem(json);
  const item = parsePowerShellJson(json, what)[0] ?? {};
  const storage = item['StorageSubSystems'];
  const names = storage === null || storage === undefined ? [] : Array.isArray(storage) ? storage : [storage];
  if (!names.every((n): n is string => typeof n === 'string')) throw itemError(what, item, 'StorageSubSystems is not a list of names');
  const error = names.length === 1 && names[0]?.startsWith('error: ') ? names[0].slice('error: '.length) : null;
  return {
    os,
    administrator: optionalBoolean(item, 'Administrator', what),
    tools: {
      diskshadow: optionalBoolean(item, 'DiskShadow', what),
      diskraid: optionalBoolean(item, 'DiskRaid', what),
      vshadow: optionalBoolean(item, 'VShadow', what),
    },
    storage: error === null ? { subsystems: names } : { error },
  };
}
