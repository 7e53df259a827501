/**
 * Masking on a VDS-only array without trusting a remembered LUN index. diskraid selects a LUN by an index it
 * assigns while enumerating, and "these indexes can change each time DiskRAID is run" (IVdsLunNumber::GetLunNumber,
 * https://learn.microsoft.com/windows/win32/api/vds/nf-vds-ivdslunnumber-getlunnumber); a `diskraid /s` script cannot
 * look before it acts. So one PowerShell command drives ONE interactive diskraid session: `select subsystem`,
 * `select lun`, `detail lun`, and only if that detail shows the LUN's page 0x83 identifier does it send `unmask`.
 * Otherwise it exits without unmasking and fails, naming the LUN (docs/windows-facts.md#diskraid-lun-numbers-change-between-runs).
 *
 * No public capture shows `detail lun` output, so the check reads no layout: it looks for the identifier's hex
 * digits anywhere in what `detail lun` printed, with every non-hex character removed. A format that hides them
 * makes the check fail, which refuses rather than guesses. The `DISKRAID>` prompt is the one Learn's diskraid
 * examples show (https://learn.microsoft.com/windows-server/administration/windows-commands/diskraid).
 * On another host the same session runs inside one PowerShell remoting session (tool-on-host-commands.ts), its
 * refusal thrown there and its exit code and output brought back as the tools run on the import host answer
 * (docs/windows-facts.md#diskraid-uninstall-runs-on-a-host-that-loses-the-lun).
 * Not yet run against a real VDS provider.
 */
import { ShadowSwapError } from '../../../../shared/errors';
import { unmaskCommand, type LunAccess } from './diskraid-scripts';
import { psQuote } from './powershell-commands';
import { toolAnswerOnHostCommand } from './tool-on-host-commands';
import { validateDiskraidNumber, validateDiskUniqueId } from './validate';

export interface CheckedMaskingRequest {
  lunName: string;
  subsystem: number;
  lun: number;
  /** The LUN's page 0x83 identifier (Get-Disk UniqueId); its hex digits must appear in `detail lun`. */
  uniqueId: string | null;
  access: LunAccess;
  uninstallLocalDisk: boolean;
}

/** The hex digits of an identifier, lower case: what the session looks for in `detail lun`. */
export function identifierDigits(uniqueId: string): string {
  return uniqueId.replace(/[^0-9a-f]/gi, '').toLowerCase();
}

/** The session's statements, up to diskraid's exit: `$log` holds what it printed, `$p.ExitCode` how it ended. */
function checkedMaskingSession(request: CheckedMaskingRequest): string[] {
  if (request.access.kind === 'all')
    throw new ShadowSwapError(
      'INVALID_REQUEST',
      `"all" is never sent to a VDS provider: it grants only the computer diskraid runs on. Name the hosts that must see ${request.lunName}.`,
    );
  const digits = request.uniqueId === null ? '' : identifierDigits(validateDiskUniqueId(request.uniqueId, `${request.lunName} UniqueId`));
  if (digits.length < 16)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${request.lunName} reports no page 0x83 identifier ShadowSwap can look for in diskraid's "detail lun", so the LUN diskraid selects cannot be checked and it is not masked. Mask it with the array vendor's tool.`,
      { lun: request.lunName },
    );
  const subsystem = validateDiskraidNumber(request.subsystem, 'subsystem number');
  const lun = validateDiskraidNumber(request.lun, 'LUN number');
  const unmask = unmaskCommand(request.access, request.uninstallLocalDisk);
  const refusal = psQuote(
    `diskraid LUN ${lun} of subsystem ${subsystem} is not ${request.lunName}: detail lun does not show its identifier ${digits}, so nothing was unmasked (diskraid renumbers LUNs as they are created). Find the LUN with diskraid list luns and detail lun, or mask it with the array vendor tool.`,
  );
  const send = (line: string) => `$p.StandardInput.WriteLine(${psQuote(line)})`;
  return [
    '$p = New-Object System.Diagnostics.Process',
    "$p.StartInfo.FileName = Join-Path $env:SystemRoot 'System32\\diskraid.exe'",
    '$p.StartInfo.UseShellExecute = $false',
    '$p.StartInfo.RedirectStandardInput = $true',
    '$p.StartInfo.RedirectStandardOutput = $true',
    '[void]$p.Start()',
    "function Read-Prompt { $text = ''; while ($text -notmatch 'DISKRAID>\\s*$') { $c = $p.StandardOutput.Read(); if ($c -lt 0) { break }; $text += [char]$c }; $text }",
    '$log = Read-Prompt',
    `${send(`select subsystem ${subsystem}`)}; $log += Read-Prompt`,
    `${send(`select lun ${lun}`)}; $log += Read-Prompt`,
    `${send('detail lun')}; $detail = Read-Prompt; $log += $detail`,
    `if (($detail -replace '[^0-9A-Fa-f]', '').ToLower().IndexOf(${psQuote(digits)}) -lt 0) { ${send('exit')}; $p.WaitForExit(); throw ${refusal} }`,
    `${send(unmask)}; $log += Read-Prompt`,
    `${send('exit')}; $log += $p.StandardOutput.ReadToEnd(); $p.WaitForExit()`,
  ];
}

/** The session on the console's own computer: PowerShell prints what diskraid printed and exits with its exit code. */
export function checkedMaskingSessionCommand(request: CheckedMaskingRequest): string {
  return ["$ErrorActionPreference = 'Stop'", ...checkedMaskingSession(request), '$log', 'exit $p.ExitCode'].join('; ');
}

/** The session on `host`, through remoting: diskraid's exit code and output come back as one JSON answer. */
export function checkedMaskingSessionOnHostCommand(host: string, request: CheckedMaskingRequest): string {
  return toolAnswerOnHostCommand(
    host,
    [...checkedMaskingSession(request), "[pscustomobject]@{ ExitCode = $p.ExitCode; Output = $log; Errors = '' }"].join('; '),
  );
}
