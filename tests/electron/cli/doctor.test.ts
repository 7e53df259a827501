import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { runDoctor, type DoctorEnvironment } from '../../../electron/core/backends/windows/doctor';
import { getClusterNodeCommand, getShadowProvidersCommand } from '../../../electron/core/windows-tools/commands/powershell-commands';
import type { ProcessLauncher } from '../../../electron/core/backends/windows/running/process-launcher';
import { ReplayLauncher } from '../../../electron/core/backends/windows/running/replay-launcher';
import { ToolRunner } from '../../../electron/core/backends/windows/running/tool-runner';
import type { TranscriptEntry } from '../../../electron/core/backends/windows/running/transcript';

const noSpawning: ProcessLauncher = {
  launch: () => {
    throw new Error('the doctor started a process');
  },
};

const SYSTEM32 = 'C:\\Windows\\System32';
const present = new Set([
  `${SYSTEM32}\\diskshadow.exe`,
  `${SYSTEM32}\\diskraid.exe`,
  `${SYSTEM32}\\whoami.exe`,
  `${SYSTEM32}\\WindowsPowerShell\\v1.0\\powershell.exe`,
  'D:\\Tools\\vshadow.exe',
]);

function windows(entries: TranscriptEntry[], files = present): DoctorEnvironment {
  const locator = {
    platform: 'win32' as const,
    env: { SystemRoot: 'C:\\Windows', Path: 'C:\\Windows;D:\\Tools' },
    isFile: (f: string) => files.has(f),
  };
  return {
    platform: 'win32',
    release: '10.0.20348',
    arch: 'x64',
    hostname: 'SQLNODE1',
    locator,
    runner: new ToolRunner({ launcher: new ReplayLauncher(entries), locator }),
  };
}

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

const WHOAMI_ELEVATED = 'Mandatory Label\\High Mandatory Level Label S-1-16-12288';

describe('doctor', () => {
  it('on Linux says the Lab is in use and why, without starting anything', async () => {
    const locator = { platform: 'linux' as const, env: {}, isFile: () => true };
    const report = await runDoctor({
      platform: 'linux',
      release: '6.1',
      arch: 'x64',
      hostname: 'build',
      locator,
      runner: new ToolRunner({ launcher: noSpawning, locator }),
    });
    expect(report.backend).toEqual({ kind: 'lab', why: expect.stringMatching(/This is linux, not Windows: .*built-in Lab/) });
    expect(report.tools.every((t) => t.path === null)).toBe(true);
    expect(report.elevated.value).toBeNull();
  });

  it('on an elevated cluster node finds the tools, lists providers through CIM, reports membership and the Windows backend', async () => {
    // One provider: ConvertTo-Json writes it as an object, not an array.
    const providers =
      '{"ID":"{B5946137-7B9F-4925-AF80-51ABD60B20D5}","Name":"Microsoft Software Shadow Copy provider 1.0","Type":1,"Version":"1.0.0.7"}';
    const report = await runDoctor(
      windows([
        entry('whoami', ['/groups'], WHOAMI_ELEVATED),
        entry('powershell', ['-NoProfile', '-NonInteractive', '-Command', getShadowProvidersCommand()], providers),
        entry(
          'powershell',
          ['-NoProfile', '-NonInteractive', '-Command', getClusterNodeCommand()],
          '[{"Name":"SQLNODE1","Id":"1","State":"Up"},{"Name":"SQLNODE2","Id":"2","State":"Up"}]',
        ),
      ]),
    );
    expect(report.tools.map((t) => [t.tool, t.path])).toEqual([
      ['diskshadow', `${SYSTEM32}\\diskshadow.exe`],
      ['diskraid', `${SYSTEM32}\\diskraid.exe`],
      ['vshadow', 'D:\\Tools\\vshadow.exe'],
      ['powershell', `${SYSTEM32}\\WindowsPowerShell\\v1.0\\powershell.exe`],
      ['whoami', `${SYSTEM32}\\whoami.exe`],
    ]);
    expect(report.elevated.value).toBe(true);
    expect(report.vssProviders).toEqual({
      providers: [
        { id: 'b5946137-7b9f-4925-af80-51abd60b20d5', name: 'Microsoft Software Shadow Copy provider 1.0', type: 1, version: '1.0.0.7' },
      ],
      how: 'Get-CimInstance Win32_ShadowProvider',
    });
    expect(report.cluster).toMatchObject({
      member: true,
      nodes: [
        { name: 'SQLNODE1', state: 'Up' },
        { name: 'SQLNODE2', state: 'Up' },
      ],
    });
    expect(report.backend.kind).toBe('windows');
  });

  it('not elevated and not clustered: the Lab, and the providers are not even asked for', async () => {
    const report = await runDoctor(
      windows([
        entry('whoami', ['/groups'], 'Mandatory Label\\Medium Mandatory Level Label S-1-16-8192'),
        entry('powershell', ['-NoProfile', '-NonInteractive', '-Command', getClusterNodeCommand()], '', {
          exitCode: 1,
          stderr: 'Get-ClusterNode : The term is not recognized',
        }),
      ]),
    );
    expect(report.elevated.value).toBe(false);
    expect(report.vssProviders).toEqual({ providers: null, how: 'not listed: the VSS WMI classes need an elevated process' });
    expect(report.cluster.member).toBe(false);
    expect(report.backend).toEqual({ kind: 'lab', why: expect.stringMatching(/not elevated/) });
  });

  it('names the missing tools', async () => {
    const report = await runDoctor(
      windows(
        [
          entry('whoami', ['/groups'], WHOAMI_ELEVATED),
          entry('powershell', ['-NoProfile', '-NonInteractive', '-Command', getClusterNodeCommand()], ''),
        ],
        new Set([`${SYSTEM32}\\whoami.exe`, `${SYSTEM32}\\WindowsPowerShell\\v1.0\\powershell.exe`]),
      ),
    );
    expect(report.backend.why).toBe('The Lab is used: diskshadow.exe, diskraid.exe not found on this computer.');
  });

  it('shadowswap doctor --json prints the report', async () => {
    let stdout = '';
    const code = await runCli(
      ['doctor', '--json'],
      {
        stdout: (t) => void (stdout += t),
        stderr: () => undefined,
        env: {},
        untilInterrupted: () => Promise.resolve(),
        ask: () => Promise.resolve(null),
      },
      '9.9.9',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { platform: { os: string }; backend: { kind: string } };
    expect(report.platform.os).toBe(process.platform);
    if (process.platform !== 'win32') expect(report.backend.kind).toBe('lab');
  });
});
