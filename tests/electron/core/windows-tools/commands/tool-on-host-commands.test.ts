/** diskshadow and vshadow run on the import host through one remoting session: the exact text, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { buildBreakScript, buildImportScript } from '../../../../../electron/core/windows-tools/commands/diskshadow-scripts';
import { powershellInvocation } from '../../../../../electron/core/windows-tools/commands/tool-argv';
import { diskshadowOnHostCommand, vshadowOnHostCommand } from '../../../../../electron/core/windows-tools/commands/tool-on-host-commands';
import { parseToolOnHost } from '../../../../../electron/core/windows-tools/parsers/parse-tool-on-host';

const CAB = 'C:\\ShadowSwap\\metadata\\set-20220825T121610.cab';
const SET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

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
        "Invoke-Command -Session $session -ScriptBlock { $ErrorActionPreference = 'Stop'; " +
        RUN_IN_WORK_FOLDER(
          "-FilePath (Join-Path $env:SystemRoot 'System32\\diskshadow.exe') -ArgumentList @('/s', $script)",
          `$script = Join-Path $work 'script.dsh'; Set-Content -LiteralPath $script -Value @('load metadata ${CAB}', 'import', 'exit') -Encoding ASCII; `,
        ) +
        ' } | Select-Object -Property ExitCode,Output,Errors | ConvertTo-Json -Depth 4 -Compress } finally { Remove-PSSession -Session $session }',
    );
    // powershell.exe -Command takes one line of printable ASCII without double quotes.
    expect(() => powershellInvocation(command)).not.toThrow();
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
