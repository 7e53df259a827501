import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { runDoctor, type DoctorEnvironment } from '../../../electron/core/backends/windows/doctor';
import { formatDoctorReport } from '../../../electron/cli/commands/doctor';
import {
  getClusterNodeCommand,
  getShadowProvidersCommand,
  nodeReadinessCommand,
} from '../../../electron/core/windows-tools/commands/powershell-commands';
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
        // Synthetic, shaped as ConvertTo-Json writes the readiness object (no capture exists).
        entry(
          'powershell',
          ['-NoProfile', '-NonInteractive', '-Command', nodeReadinessCommand('SQLNODE1')],
          '{"Caption":"Microsoft Windows Server 2022 Datacenter","Version":"10.0.20348","ServicePackMajorVersion":0,"Administrator":true,"DiskShadow":true,"DiskRaid":true,"VShadow":false,"StorageSubSystems":["Windows Storage on SQLNODE1","Contoso X1"]}',
        ),
        entry('powershell', ['-NoProfile', '-NonInteractive', '-Command', nodeReadinessCommand('SQLNODE2')], '', {
          exitCode: 1,
          // Synthetic: the shape of a PowerShell remoting connection failure, as Invoke-Command reports it.
          stderr:
            '[SQLNODE2] Connecting to remote server SQLNODE2 failed with the following error message : WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access from this computer.',
        }),
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
    // Each node is checked on itself: one answers with everything a recovery needs but vshadow, the other is unreachable.
    expect(report.nodes).toEqual([
      {
        name: 'SQLNODE1',
        reachable: true,
        how: 'Invoke-Command',
        administrator: true,
        os: 'Microsoft Windows Server 2022 Datacenter 10.0.20348',
        osSupported: true,
        tools: [
          { tool: 'diskshadow', present: true },
          { tool: 'diskraid', present: true },
          { tool: 'vshadow', present: false },
        ],
        storageSubSystems: ['Windows Storage on SQLNODE1', 'Contoso X1'],
      },
      expect.objectContaining({
        name: 'SQLNODE2',
        reachable: false,
        how: expect.stringMatching(/^Invoke-Command to SQLNODE2 failed: .*WinRM cannot complete/),
      }),
    ]);
    const text = formatDoctorReport(report);
    expect(text).toContain(
      '  SQLNODE1: WinRM reachable; administrator yes; Microsoft Windows Server 2022 Datacenter 10.0.20348\n' +
        '    diskshadow present, diskraid present, vshadow missing; storage subsystems: Windows Storage on SQLNODE1, Contoso X1\n',
    );
    expect(text).toMatch(/ {2}SQLNODE2: WinRM not reachable — Invoke-Command to SQLNODE2 failed: .*WinRM cannot complete/);
  });

  it('a node below the OS floor whose storage provider does not answer says both', async () => {
    const report = await runDoctor(
      windows([
        entry('whoami', ['/groups'], WHOAMI_ELEVATED),
        entry('powershell', ['-NoProfile', '-NonInteractive', '-Command', getShadowProvidersCommand()], '[]'),
        entry(
          'powershell',
          ['-NoProfile', '-NonInteractive', '-Command', getClusterNodeCommand()],
          '{"Name":"OLDNODE","Id":"1","State":"Up"}',
        ),
        entry(
          'powershell',
          ['-NoProfile', '-NonInteractive', '-Command', nodeReadinessCommand('OLDNODE')],
          '{"Caption":"Microsoft Windows Server 2012 Standard","Version":"6.2.9200","ServicePackMajorVersion":0,"Administrator":false,"DiskShadow":true,"DiskRaid":true,"VShadow":false,"StorageSubSystems":"error: The service is not running"}',
        ),
      ]),
    );
    expect(report.nodes[0]).toMatchObject({
      name: 'OLDNODE',
      administrator: false,
      osSupported: false,
      storageSubSystems: null,
      how: 'Invoke-Command; Get-StorageSubSystem failed there: The service is not running',
    });
    expect(formatDoctorReport(report)).toContain(
      'administrator no; Microsoft Windows Server 2012 Standard 6.2.9200 (older than the supported floor)',
    );
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
