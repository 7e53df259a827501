/** diskshadow and vshadow run on the import host, and a create on the source host, through one remoting session: the exact text, and what it refuses. */
import { describe, expect, it } from 'vitest';
import {
  buildBreakScript,
  buildImportScript,
  buildTransportableCreateScript,
} from '../../../../../electron/core/windows-tools/commands/diskshadow-scripts';
import { powershellInvocation } from '../../../../../electron/core/windows-tools/commands/tool-argv';
import {
  createOnHostCommand,
  diskshadowOnHostCommand,
  vshadowOnHostCommand,
} from '../../../../../electron/core/windows-tools/commands/tool-on-host-commands';
import { parseToolOnHost } from '../../../../../electron/core/windows-tools/parsers/parse-tool-on-host';

const CAB = 'C:\\ShadowSwap\\metadata\\set-20220825T121610.cab';
const SET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PROVIDER = '781c006a-5829-4a25-81e3-d5e43bd005ab';

/** What runs in the session on the host, around the tool's own start. */
const RUN_IN_WORK_FOLDER = (start: string, prepare = '') =>
  "$work = Join-Path $env:SystemRoot ('Temp\\ShadowSwap-' + [guid]::NewGuid().ToString('N')); New-Item -ItemType Directory -Path $work | Out-Null; try { " +
  prepare +
  "$out = Join-Path $work 'out.txt'; $err = Join-Path $work 'err.txt'; " +
  `$process = Start-Process ${start} -RedirectStandardOutput $out -RedirectStandardError $err -NoNewWindow -Wait -PassThru; ` +
  '$oem = [Text.Encoding]::GetEncoding((Get-Culture).TextInfo.OEMCodePage); ' +
  '[pscustomobject]@{ ExitCode = $process.ExitCode; Output = [IO.File]::ReadAllText($out, $oem); Errors = [IO.File]::ReadAllText($err, $oem) } ' +
  '} finally { Remove-Item -LiteralPath $work -Recurse -Force }';

describe('tools on the import host', () => {
  it('copies the .cab into the session unless the same file is there, refuses another file, writes the import script there and runs diskshadow on it (golden)', () => {
    const command = diskshadowOnHostCommand({ host: 'SQL01', script: buildImportScript({ metadataPath: CAB }), copyMetadata: CAB });
    expect(command).toBe(
      "$ErrorActionPreference = 'Stop'; $session = New-PSSession -ComputerName 'SQL01'; try { " +
        `$source = (Get-FileHash -LiteralPath '${CAB}' -Algorithm SHA256).Hash; ` +
        "$there = Invoke-Command -Session $session -ScriptBlock { $ErrorActionPreference = 'Stop'; New-Item -ItemType Directory -Force -Path 'C:\\ShadowSwap\\metadata' | Out-Null; " +
        `if (Test-Path -LiteralPath '${CAB}' -PathType Leaf) { (Get-FileHash -LiteralPath '${CAB}' -Algorithm SHA256).Hash } }; ` +
        `if ($there -and $there -ne $source) { throw '${CAB} on SQL01 is another file than the one on this computer, so nothing was copied or run. ` +
        "It may be the only record of another shadow copy set: move it away there (do not delete it), then retry.' }; " +
        `if (-not $there) { Copy-Item -LiteralPath '${CAB}' -Destination '${CAB}' -ToSession $session }; ` +
        "$answer = Invoke-Command -Session $session -ScriptBlock { $ErrorActionPreference = 'Stop'; " +
        RUN_IN_WORK_FOLDER(
          "-FilePath (Join-Path $env:SystemRoot 'System32\\diskshadow.exe') -ArgumentList @('/s', $script)",
          `$script = Join-Path $work 'script.dsh'; Set-Content -LiteralPath $script -Value @('load metadata ${CAB}', 'import', 'exit') -Encoding ASCII; `,
        ) +
        ' }; $answer | Select-Object -Property ExitCode,Output,Errors | ConvertTo-Json -Depth 4 -Compress } finally { Remove-PSSession -Session $session }',
    );
    // powershell.exe -Command takes one line of printable ASCII without double quotes.
    expect(() => powershellInvocation(command)).not.toThrow();
  });

  it('creates a set on its source host: refuses a .cab path taken on the console or there before diskshadow runs, then copies the new .cab back and checks its SHA-256 (golden)', () => {
    const script = buildTransportableCreateScript({ metadataPath: CAB, providerId: PROVIDER, volumes: [{ volume: 'E:' }] });
    const command = createOnHostCommand({ host: 'SQL01', script, metadataPath: CAB });
    const recorded = `The set exists on the array but ShadowSwap has not recorded it; ${CAB} on SQL01 is its only record.`;
    expect(command).toBe(
      "$ErrorActionPreference = 'Stop'; $session = New-PSSession -ComputerName 'SQL01'; try { " +
        `if (Test-Path -LiteralPath '${CAB}') { throw '${CAB} already exists on this computer, so diskshadow was not run on SQL01: the new set''s metadata is copied back to that path, ` +
        "and the file there may be the only record of another shadow copy set. Move it away (do not delete it), then create the set again.' }; " +
        "$answer = Invoke-Command -Session $session -ScriptBlock { $ErrorActionPreference = 'Stop'; " +
        `if (Test-Path -LiteralPath '${CAB}') { throw '${CAB} already exists on SQL01, so diskshadow was not run there: its set metadata command replaces an existing file, ` +
        "and that file may be the only record of another shadow copy set. Move it away on SQL01 (do not delete it), then create the set again.' }; " +
        "New-Item -ItemType Directory -Force -Path 'C:\\ShadowSwap\\metadata' | Out-Null; " +
        RUN_IN_WORK_FOLDER(
          "-FilePath (Join-Path $env:SystemRoot 'System32\\diskshadow.exe') -ArgumentList @('/s', $script)",
          "$script = Join-Path $work 'script.dsh'; Set-Content -LiteralPath $script -Value @('set context persistent', 'set option transportable', " +
            `'set metadata ${CAB}', 'begin backup', 'add volume E: provider {${PROVIDER}}', 'create', 'end backup', 'exit') -Encoding ASCII; `,
        ) +
        ' }; if ($answer.ExitCode -eq 0) { ' +
        `try { if (Test-Path -LiteralPath '${CAB}') { throw 'a file appeared at that path while diskshadow ran, and it is not replaced' }; ` +
        `$there = Invoke-Command -Session $session -ScriptBlock { $ErrorActionPreference = 'Stop'; (Get-FileHash -LiteralPath '${CAB}' -Algorithm SHA256).Hash }; ` +
        `Copy-Item -LiteralPath '${CAB}' -Destination '${CAB}' -FromSession $session } ` +
        `catch { throw ('diskshadow created the set on SQL01, but its metadata could not be copied back to ${CAB} on this computer: ' + $_.Exception.Message + ` +
        `'. ${recorded} Copy it to the same path here by hand, replacing nothing, and check that Get-FileHash gives the same SHA-256 on both computers.') }; ` +
        `if ((Get-FileHash -LiteralPath '${CAB}' -Algorithm SHA256).Hash -ne $there) { throw 'diskshadow created the set on SQL01, but the copy of ${CAB} on this computer differs from the file there (SHA-256), so it is not trusted. ` +
        `${recorded} Move the copy here away (do not delete either file), copy the file again by hand and check that Get-FileHash gives the same SHA-256 on both computers.' } }; ` +
        '$answer | Select-Object -Property ExitCode,Output,Errors | ConvertTo-Json -Depth 4 -Compress } finally { Remove-PSSession -Session $session }',
    );
    expect(() => powershellInvocation(command)).not.toThrow();
    expect(() => createOnHostCommand({ host: 'SQL01', script, metadataPath: 'C:\\my sets\\a.cab' })).toThrow(/metadata file/);
  });

  it('copies nothing when the console is the import host, and breaks in a session of its own', () => {
    const command = diskshadowOnHostCommand({ host: 'DC01.contoso.local', script: buildBreakScript(SET, true), copyMetadata: null });
    expect(command).not.toContain('Copy-Item');
    expect(command).toContain("New-PSSession -ComputerName 'DC01.contoso.local'");
    expect(command).toContain(`-Value @('break writable {${SET}}', 'exit')`);
  });

  it('runs vshadow found on the host PATH, its arguments one by one', () => {
    const command = vshadowOnHostCommand({ host: 'SQL01', args: ['-rw', '-forcerevert', `-bex={${SET}}`] });
    expect(command).toContain(
      RUN_IN_WORK_FOLDER(
        `-FilePath (Get-Command -Name 'vshadow.exe' -CommandType Application | Select-Object -First 1).Path -ArgumentList @('-rw', '-forcerevert', '-bex={${SET}}')`,
      ),
    );
    expect(() => powershellInvocation(command)).not.toThrow();
  });

  it('refuses a host name or a .cab path that is not one, before building anything', () => {
    expect(() => diskshadowOnHostCommand({ host: "SQL01'; Stop-Computer", script: 'import\r\n', copyMetadata: null })).toThrow(
      /host to run the tool on/,
    );
    expect(() => diskshadowOnHostCommand({ host: 'SQL01', script: 'import\r\n', copyMetadata: 'C:\\my sets\\a.cab' })).toThrow(
      /metadata file/,
    );
  });

  it('reads the answer: the exit code and what the tool wrote, and refuses an answer without an exit code', () => {
    expect(parseToolOnHost('{"ExitCode":1,"Output":"The command script failed.\\r\\n","Errors":""}', 'diskshadow')).toEqual({
      exitCode: 1,
      stdout: 'The command script failed.\r\n',
      stderr: '',
    });
    expect(parseToolOnHost('{"ExitCode":0,"Output":null,"Errors":null}', 'vshadow')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(() => parseToolOnHost('{"Output":"done"}', 'diskshadow')).toThrow(/ExitCode is missing/);
    expect(() => parseToolOnHost('', 'diskshadow')).toThrow(/expected one answer, got 0/);
  });
});
