/**
 * diskshadow and vshadow run on the host that imports and breaks a set, and diskraid on a host that loses the LUN it
 * masks (diskraid-session.ts), whichever computer the console runs on: one
 * PowerShell remoting session to that host (New-PSSession), the set's metadata .cab copied into it when the console
 * is another computer (Copy-Item -ToSession), the diskshadow script written there from the text passed in (never a
 * path on the console's disk), the tool run there, and its exit code and output brought back as one JSON object
 * (docs/windows-facts.md#running-a-tool-on-the-import-host).
 *
 * The tool is started with Start-Process and its output redirected to files, read back in the host's OEM code page:
 * a native program's stderr inside a remote script block under `$ErrorActionPreference = 'Stop'` would otherwise end
 * the block before the exit code is known. The work folder is under %SystemRoot%\Temp, a path without spaces, because
 * Start-Process joins its argument list unquoted.
 */
import { psQuote } from './powershell-commands';
import { validateHostName, validateMetadataCabPath } from './validate';

const STOP_ON_ERROR = "$ErrorActionPreference = 'Stop'";
/** ExitCode, Output and Errors only: Invoke-Command adds PSComputerName and RunspaceId to what comes back. */
const ANSWER = 'Select-Object -Property ExitCode,Output,Errors | ConvertTo-Json -Depth 4 -Compress';

/** Inside the remote block: runs `exe` with `args` in a fresh work folder after `prepare`, answers ExitCode, Output, Errors. */
function runInWorkFolder(exe: string, args: string, prepare = ''): string {
  return (
    "$work = Join-Path $env:SystemRoot ('Temp\\ShadowSwap-' + [guid]::NewGuid().ToString('N')); " +
    'New-Item -ItemType Directory -Path $work | Out-Null; ' +
    'try { ' +
    prepare +
    "$out = Join-Path $work 'out.txt'; $err = Join-Path $work 'err.txt'; " +
    `$process = Start-Process -FilePath ${exe} -ArgumentList ${args} -RedirectStandardOutput $out -RedirectStandardError $err -NoNewWindow -Wait -PassThru; ` +
    '$oem = [Text.Encoding]::GetEncoding((Get-Culture).TextInfo.OEMCodePage); ' +
    '[pscustomobject]@{ ExitCode = $process.ExitCode; Output = [IO.File]::ReadAllText($out, $oem); Errors = [IO.File]::ReadAllText($err, $oem) } ' +
    '} finally { Remove-Item -LiteralPath $work -Recurse -Force }'
  );
}

/** One session to `host`: `before` runs on the console with `$session` open, then `remote` runs in it; the session is always closed. */
function inSession(host: string, before: string, remote: string): string {
  const computer = psQuote(validateHostName(host, 'host to run the tool on'));
  return (
    `${STOP_ON_ERROR}; $session = New-PSSession -ComputerName ${computer}; try { ${before}` +
    `Invoke-Command -Session $session -ScriptBlock { ${STOP_ON_ERROR}; ${remote} } | ${ANSWER} ` +
    '} finally { Remove-PSSession -Session $session }'
  );
}

/**
 * `remote` run on `host` in one session; it must end with the answer, an object with ExitCode, Output and Errors
 * (parse-tool-on-host.ts reads it).
 */
export function toolAnswerOnHostCommand(host: string, remote: string): string {
  return inSession(host, '', remote);
}

/** The folder part of a validated `X:\folder\file.cab` path. */
function folderOf(cab: string): string {
  return cab.slice(0, cab.lastIndexOf('\\'));
}

/**
 * Copies the .cab to the same path on the session's host, creating its folder there first. A file already at that path
 * is never replaced: the same file (same SHA-256) is used as it is, another one stops everything before the tool runs,
 * because a metadata .cab may be the only record of its set.
 */
function copyIntoSession(metadataPath: string, host: string): string {
  const cab = psQuote(validateMetadataCabPath(metadataPath));
  const folder = psQuote(folderOf(validateMetadataCabPath(metadataPath)));
  const refusal = psQuote(
    `${validateMetadataCabPath(metadataPath)} on ${host} is another file than the one on this computer, so nothing was copied or run. ` +
      'It may be the only record of another shadow copy set: move it away there (do not delete it), then retry.',
  );
  return (
    `$source = (Get-FileHash -LiteralPath ${cab} -Algorithm SHA256).Hash; ` +
    `$there = Invoke-Command -Session $session -ScriptBlock { ${STOP_ON_ERROR}; New-Item -ItemType Directory -Force -Path ${folder} | Out-Null; ` +
    `if (Test-Path -LiteralPath ${cab} -PathType Leaf) { (Get-FileHash -LiteralPath ${cab} -Algorithm SHA256).Hash } }; ` +
    `if ($there -and $there -ne $source) { throw ${refusal} }; ` +
    `if (-not $there) { Copy-Item -LiteralPath ${cab} -Destination ${cab} -ToSession $session }; `
  );
}

export interface DiskshadowOnHostRequest {
  host: string;
  /** The script text from diskshadow-scripts.ts (CRLF-terminated ASCII lines). */
  script: string;
  /** The .cab to copy from the console to the same path on `host` first; null when the console is `host`. */
  copyMetadata: string | null;
}

/**
 * `diskshadow /s` on `host`. The script lines travel as single-quoted strings and are written there with
 * `Set-Content -Encoding ASCII` (CRLF, no BOM: docs/windows-facts.md#script-file-encoding).
 */
export function diskshadowOnHostCommand(request: DiskshadowOnHostRequest): string {
  const lines = request.script.split('\r\n').filter((line, index, all) => !(line === '' && index === all.length - 1));
  const copy = request.copyMetadata === null ? '' : copyIntoSession(request.copyMetadata, request.host);
  const write = `$script = Join-Path $work 'script.dsh'; Set-Content -LiteralPath $script -Value @(${lines.map(psQuote).join(', ')}) -Encoding ASCII; `;
  return inSession(
    request.host,
    copy,
    runInWorkFolder("(Join-Path $env:SystemRoot 'System32\\diskshadow.exe')", "@('/s', $script)", write),
  );
}

/** `vshadow <args>` on `host`, found on its PATH (as the doctor looks for it there). */
export function vshadowOnHostCommand(request: { host: string; args: readonly string[] }): string {
  return inSession(
    request.host,
    '',
    runInWorkFolder(
      "(Get-Command -Name 'vshadow.exe' -CommandType Application | Select-Object -First 1).Path",
      `@(${request.args.map(psQuote).join(', ')})`,
    ),
  );
}
