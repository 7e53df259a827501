/**
 * diskshadow and vshadow run on the host that imports and breaks a set, and diskraid on a host that loses the LUN it
 * masks (diskraid-session.ts), whichever computer the console runs on: one
 * PowerShell remoting session to that host (New-PSSession), the set's metadata .cab copied into it when the console
 * is another computer (Copy-Item -ToSession), the diskshadow script written there from the text passed in (never a
 * path on the console's disk), the tool run there, and its exit code and output brought back as one JSON object
 * (docs/windows-facts.md#running-a-tool-on-the-import-host). A set is created on its source host the same way, its
 * new .cab then copied back to the console (Copy-Item -FromSession,
 * docs/windows-facts.md#creating-a-set-on-its-source-host).
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

/**
 * One session to `host`: `before` runs on the console with `$session` open, then `remote` runs in it, then `after` on
 * the console with the tool's answer in `$answer`, which is answered last; the session is always closed.
 */
function inSession(host: string, before: string, remote: string, after = ''): string {
  const computer = psQuote(validateHostName(host, 'host to run the tool on'));
  return (
    `${STOP_ON_ERROR}; $session = New-PSSession -ComputerName ${computer}; try { ${before}` +
    `$answer = Invoke-Command -Session $session -ScriptBlock { ${STOP_ON_ERROR}; ${remote} }; ${after}$answer | ${ANSWER} ` +
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
 * Inside the remote block: `diskshadow /s` on `script`. The script lines travel as single-quoted strings and are
 * written into the work folder with `Set-Content -Encoding ASCII` (CRLF, no BOM: docs/windows-facts.md#script-file-encoding).
 */
function diskshadowInWorkFolder(script: string): string {
  const lines = script.split('\r\n').filter((line, index, all) => !(line === '' && index === all.length - 1));
  const write = `$script = Join-Path $work 'script.dsh'; Set-Content -LiteralPath $script -Value @(${lines.map(psQuote).join(', ')}) -Encoding ASCII; `;
  return runInWorkFolder("(Join-Path $env:SystemRoot 'System32\\diskshadow.exe')", "@('/s', $script)", write);
}

/** `diskshadow /s` on `host`, the set's .cab copied there first when the request names it. */
export function diskshadowOnHostCommand(request: DiskshadowOnHostRequest): string {
  const copy = request.copyMetadata === null ? '' : copyIntoSession(request.copyMetadata, request.host);
  return inSession(request.host, copy, diskshadowInWorkFolder(request.script));
}

export interface CreateOnHostRequest {
  /** The set's source host; the console is another computer. */
  host: string;
  /** The create script from diskshadow-scripts.ts, whose `set metadata` names `metadataPath`. */
  script: string;
  /** Where diskshadow writes the set's .cab on `host`, and where it is copied to on the console. */
  metadataPath: string;
}

/**
 * diskshadow's create script run on the set's source host, its new .cab then copied back to the same path on the
 * console, where the catalog, the reading of its Backup Components Document and later imports expect it
 * (docs/windows-facts.md#creating-a-set-on-its-source-host). `set metadata` replaces an existing file without asking,
 * and a .cab may be the only record of a set: a path already taken on the console or on the host stops everything
 * before diskshadow runs, and the copy replaces nothing and is checked against the host's file by SHA-256.
 */
export function createOnHostCommand(request: CreateOnHostRequest): string {
  const host = validateHostName(request.host, 'host to run the tool on');
  const path = validateMetadataCabPath(request.metadataPath);
  const cab = psQuote(path);
  const recorded = `The set exists on the array but ShadowSwap has not recorded it; ${path} on ${host} is its only record.`;
  const consoleTaken = psQuote(
    `${path} already exists on this computer, so diskshadow was not run on ${host}: the new set's metadata is copied back to that path, ` +
      'and the file there may be the only record of another shadow copy set. Move it away (do not delete it), then create the set again.',
  );
  const hostTaken = psQuote(
    `${path} already exists on ${host}, so diskshadow was not run there: its set metadata command replaces an existing file, ` +
      `and that file may be the only record of another shadow copy set. Move it away on ${host} (do not delete it), then create the set again.`,
  );
  const notBroughtBack = psQuote(
    `diskshadow created the set on ${host}, but its metadata could not be copied back to ${path} on this computer: `,
  );
  const copyByHand = psQuote(
    `. ${recorded} Copy it to the same path here by hand, replacing nothing, and check that Get-FileHash gives the same SHA-256 on both computers.`,
  );
  const differs = psQuote(
    `diskshadow created the set on ${host}, but the copy of ${path} on this computer differs from the file there (SHA-256), so it is not trusted. ` +
      `${recorded} Move the copy here away (do not delete either file), copy the file again by hand and check that Get-FileHash gives the same SHA-256 on both computers.`,
  );
  const appeared = psQuote('a file appeared at that path while diskshadow ran, and it is not replaced');
  const freeThere = `if (Test-Path -LiteralPath ${cab}) { throw ${hostTaken} }; New-Item -ItemType Directory -Force -Path ${psQuote(folderOf(path))} | Out-Null; `;
  const copyBack =
    'if ($answer.ExitCode -eq 0) { ' +
    `try { if (Test-Path -LiteralPath ${cab}) { throw ${appeared} }; $there = Invoke-Command -Session $session -ScriptBlock { ${STOP_ON_ERROR}; (Get-FileHash -LiteralPath ${cab} -Algorithm SHA256).Hash }; ` +
    `Copy-Item -LiteralPath ${cab} -Destination ${cab} -FromSession $session } catch { throw (${notBroughtBack} + $_.Exception.Message + ${copyByHand}) }; ` +
    `if ((Get-FileHash -LiteralPath ${cab} -Algorithm SHA256).Hash -ne $there) { throw ${differs} } }; `;
  return inSession(
    host,
    `if (Test-Path -LiteralPath ${cab}) { throw ${consoleTaken} }; `,
    freeThere + diskshadowInWorkFolder(request.script),
    copyBack,
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
