/** The Windows backend's own preflight: tools, elevation and OS version, each judged, and "unknown" never a pass. */
import { describe, expect, it } from 'vitest';
import type { PreflightCheck } from '../../../../../shared/recovery';
import { getOperatingSystemCommand } from '../../../../../electron/core/windows-tools/commands/powershell-commands';
import { ReplayLauncher } from '../../../../../electron/core/backends/windows/running/replay-launcher';
import { ToolRunner } from '../../../../../electron/core/backends/windows/running/tool-runner';
import type { TranscriptEntry } from '../../../../../electron/core/backends/windows/running/transcript';
import { windowsPreflightChecks } from '../../../../../electron/core/backends/windows/windows-preflight';

const SYSTEM32 = 'C:\\Windows\\System32';
const ALL = [
  `${SYSTEM32}\\diskshadow.exe`,
  `${SYSTEM32}\\diskraid.exe`,
  `${SYSTEM32}\\whoami.exe`,
  `${SYSTEM32}\\WindowsPowerShell\\v1.0\\powershell.exe`,
  'C:\\Tools\\vshadow.exe',
];
const ELEVATED = 'Mandatory Label\\High Mandatory Level       Label            S-1-16-12288';
const MEDIUM = 'Mandatory Label\\Medium Mandatory Level     Label            S-1-16-8192';
const SERVER_2022 = '{"Caption":"Microsoft Windows Server 2022 Datacenter","Version":"10.0.20348","ServicePackMajorVersion":0}';

function entry(tool: TranscriptEntry['tool'], argv: string[], stdout: string, extra: Partial<TranscriptEntry> = {}): TranscriptEntry {
  return {
    tool,
    argv,
    script: null,
    stdout,
    stderr: '',
    log: null,
    exitCode: 0,
    ending: 'exited',
    durationMs: 1,
    at: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
}
const whoami = (stdout: string, extra: Partial<TranscriptEntry> = {}) => entry('whoami', ['/groups'], stdout, extra);
const os = (stdout: string, extra: Partial<TranscriptEntry> = {}) =>
  entry('powershell', ['-NoProfile', '-NonInteractive', '-Command', getOperatingSystemCommand()], stdout, extra);

async function checks(entries: TranscriptEntry[], files: readonly string[] = ALL): Promise<Record<string, PreflightCheck>> {
  const launcher = new ReplayLauncher(entries);
  const present = new Set(files);
  const runner = new ToolRunner({
    launcher,
    locator: { platform: 'win32', env: { SystemRoot: 'C:\\Windows', Path: 'C:\\Tools' }, isFile: (f) => present.has(f) },
  });
  const result = await windowsPreflightChecks(runner);
  expect(launcher.remaining).toBe(0);
  return Object.fromEntries(result.map((c) => [c.id, c]));
}

describe('Windows preflight checks', () => {
  it('passes an elevated Windows Server 2022 node with every tool, naming what it found', async () => {
    const result = await checks([whoami(ELEVATED), os(SERVER_2022)]);
    expect(Object.values(result).map((c) => [c.id, c.verdict, c.fix])).toEqual([
      ['windows-tools', 'pass', null],
      ['windows-vshadow', 'pass', null],
      ['windows-elevated', 'pass', null],
      ['windows-os', 'pass', null],
    ]);
    expect(result['windows-vshadow']?.reason).toMatch(/C:\\Tools\\vshadow\.exe/);
    expect(result['windows-os']?.reason).toBe('this computer runs Microsoft Windows Server 2022 Datacenter 10.0.20348');
  });

  it('warns without vshadow that the identity revert will not be possible, and fails without diskraid', async () => {
    const result = await checks(
      [whoami(ELEVATED), os(SERVER_2022)],
      ALL.filter((f) => !/vshadow|diskraid/.test(f)),
    );
    expect(result['windows-vshadow']).toMatchObject({
      verdict: 'warn',
      reason: expect.stringMatching(/identity revert will not be possible/),
      fix: expect.stringMatching(/--identity new-signature/),
    });
    expect(result['windows-tools']).toMatchObject({
      verdict: 'fail',
      reason: expect.stringMatching(/^not found: diskraid\.exe \(not in %SystemRoot%\\System32 or on PATH\)/),
    });
  });

  it('fails a process that is not elevated', async () => {
    const result = await checks([whoami(MEDIUM), os(SERVER_2022)]);
    expect(result['windows-elevated']).toMatchObject({ verdict: 'fail', fix: expect.stringMatching(/Run as administrator/) });
  });

  it('says "could not be determined" (a warning) when whoami is missing or fails, and when the OS cannot be read', async () => {
    const noWhoami = await checks(
      [os(SERVER_2022)],
      ALL.filter((f) => !f.includes('whoami')),
    );
    expect(noWhoami['windows-elevated']).toMatchObject({
      verdict: 'warn',
      reason: 'elevation could not be determined (not checked: whoami.exe was not found)',
    });
    const whoamiFailed = await checks([
      whoami('', { exitCode: 1 }),
      os('', { exitCode: 1, stderr: "Get-CimInstance : The term 'Get-CimInstance' is not recognized" }),
    ]);
    expect(whoamiFailed['windows-elevated']).toMatchObject({ verdict: 'warn', reason: expect.stringMatching(/exited with code 1/) });
    expect(whoamiFailed['windows-os']).toMatchObject({
      verdict: 'warn',
      reason: expect.stringMatching(/^the Windows version could not be read \(Get-CimInstance Win32_OperatingSystem failed: /),
    });
    const garbled = await checks([whoami(ELEVATED), os('{"Caption":"Windows","Version":"unknown"}')]);
    expect(garbled['windows-os']?.verdict).toBe('warn');
  });

  it('fails Windows older than 2012 R2 (2008 R2 included) and accepts 2012 R2 itself', async () => {
    const server2008R2 = await checks([
      whoami(ELEVATED),
      os('{"Caption":"Microsoft Windows Server 2008 R2 Enterprise ","Version":"6.1.7601","ServicePackMajorVersion":1}'),
    ]);
    expect(server2008R2['windows-os']).toMatchObject({
      verdict: 'fail',
      reason: expect.stringMatching(
        /runs Microsoft Windows Server 2008 R2 Enterprise 6\.1\.7601 SP1, older than Windows Server 2012 R2 \(6\.3\)/,
      ),
    });
    const server2012 = await checks([
      whoami(ELEVATED),
      os('{"Caption":"Microsoft Windows Server 2012 Datacenter","Version":"6.2.9200","ServicePackMajorVersion":0}'),
    ]);
    expect(server2012['windows-os']?.verdict).toBe('fail');
    const server2012R2 = await checks([
      whoami(ELEVATED),
      os('{"Caption":"Microsoft Windows Server 2012 R2 Standard","Version":"6.3.9600","ServicePackMajorVersion":0}'),
    ]);
    expect(server2012R2['windows-os']).toMatchObject({
      verdict: 'pass',
      reason: 'this computer runs Microsoft Windows Server 2012 R2 Standard 6.3.9600',
    });
  });
});
