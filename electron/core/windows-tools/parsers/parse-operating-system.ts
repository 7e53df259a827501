/**
 * This computer's Windows release from `Get-CimInstance Win32_OperatingSystem | ... | ConvertTo-Json`
 * (powershell-commands.ts getOperatingSystemCommand). Version is "major.minor.build" (10.0.20348 = Server 2022,
 * 6.1.7601 = 2008 R2 SP1); the caption is kept as written, for the operator.
 */
import { itemError, optionalInteger, optionalString, parsePowerShellJson, requiredString } from './parse-powershell-json';
import { ParseError } from './parse-error';

export interface OperatingSystemInfo {
  caption: string | null;
  version: string;
  major: number;
  minor: number;
  servicePack: number | null;
}

export function parseOperatingSystem(json: string): OperatingSystemInfo {
  const what = 'Win32_OperatingSystem';
  const [item, ...others] = parsePowerShellJson(json, what);
  if (item === undefined || others.length > 0) throw new ParseError(`${what} output should hold exactly one object`, 1, json.slice(0, 200));
  const version = requiredString(item, 'Version', what).trim();
  const parts = /^(\d+)\.(\d+)(?:\.\d+)*$/.exec(version);
  if (parts === null) throw itemError(what, item, 'Version is not major.minor[.build]');
  return {
    caption: optionalString(item, 'Caption', what)?.trim() ?? null,
    version,
    major: Number(parts[1]),
    minor: Number(parts[2]),
    servicePack: optionalInteger(item, 'ServicePackMajorVersion', what),
  };
}
