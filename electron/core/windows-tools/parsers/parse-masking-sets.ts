/**
 * The masking sets that hold a virtual disk, from `maskingSetsOfVirtualDiskCommand` (MSFT_MaskingSet's documented
 * FriendlyName and UniqueId properties, https://learn.microsoft.com/windows-hardware/drivers/storage/msft-maskingset).
 * Tolerant of one object instead of an array and of no output at all; no capture from a real array exists yet, so the
 * tests use synthetic fixtures built from the documented class.
 */
import { parsePowerShellJson, requiredString } from './parse-powershell-json';

export interface MaskingSetRef {
  friendlyName: string;
  uniqueId: string;
}

export function parseMaskingSets(output: string): MaskingSetRef[] {
  const what = 'Get-MaskingSet';
  return parsePowerShellJson(output, what).map((item) => ({
    friendlyName: requiredString(item, 'FriendlyName', what),
    uniqueId: requiredString(item, 'UniqueId', what),
  }));
}
