/**
 * The Windows backend reads a domain controller (issue 17 items 1 and 2), replayed: one call, built by the same
 * command builder the backend uses and answered with the synthetic ConvertTo-Json fixture
 * (tests/fixtures/windows/dc-reading.synthetic.json); a changed command fails the replay. The same reading serves
 * the preflight, the plan, the steps' probes and the verification.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplayLauncher } from '../../../../../electron/core/backends/windows/running/replay-launcher';
import type { TranscriptEntry } from '../../../../../electron/core/backends/windows/running/transcript';
import { createWindowsBackend } from '../../../../../electron/core/backends/windows/windows-backend';
import { SanMapStore } from '../../../../../electron/core/backends/windows/state/san-map';
import { readDomainControllerCommand } from '../../../../../electron/core/windows-tools/commands/domain-controller-commands';
import { domainControllerChecks } from '../../../../../electron/core/recovery/domain-controller-checks';
import { dcSet } from '../../recovery/dc-transcript';
import { fixture } from '../../windows-tools/fixtures';

const READ_AT = new Date('2025-03-14T09:30:00.000Z');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function ps(command: string, stdout: string): TranscriptEntry {
  return {
    tool: 'powershell',
    argv: ['-NoProfile', '-NonInteractive', '-Command', command],
    script: null,
    stdout,
    stderr: '',
    log: null,
    exitCode: 0,
    ending: 'exited',
    durationMs: 900,
    at: READ_AT.toISOString(),
  };
}

/** The preflight's reading of DC01: one call, with the domain facts. */
const preflightReading = (computer?: string) =>
  ps(readDomainControllerCommand({ ...(computer && { computer }), domainFacts: true }), fixture('dc-reading.synthetic.json'));

function backendOn(thisComputer: string, entries: TranscriptEntry[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-win-dc-'));
  dirs.push(dataDir);
  const launcher = new ReplayLauncher(entries);
  return { backend: createWindowsBackend({ dataDir, launcher, thisComputer, now: () => READ_AT }), launcher, dataDir };
}

const SET = dcSet('2025-03-13T22:00:00.000Z');

describe('reading a domain controller on Windows (replayed)', () => {
  it('reads DC01 from the console through remoting in one call, and the preflight weighs it', async () => {
    const { backend, launcher } = backendOn('CONSOLE', [preflightReading('DC01')]);
    const dc = await backend.readDomainController({ host: 'DC01', domainFacts: true });
    expect(launcher.remaining).toBe(0);
    expect(dc).toMatchObject({
      host: 'DC01',
      domain: 'contoso.local',
      readAt: '2025-03-14T09:30:00.0000000Z',
      domainRole: 5,
      bootMode: 'normal',
      directoryRunning: true,
      readOnly: false,
      databaseFile: 'D:\\NTDS\\ntds.dit',
      logPath: 'L:\\',
      sysvolPath: 'S:\\SYSVOL\\sysvol',
      systemDrive: 'C:',
      dsaNotWritable: null,
      restoreCount: 0,
      health: null,
    });
    expect(dc?.domainControllers).toEqual([
      { name: 'DC01', readOnly: false },
      { name: 'DC02', readOnly: false },
      { name: 'BRANCH-RODC', readOnly: true },
    ]);
    expect(dc?.domainFacts).toMatchObject({
      tombstoneLifetimeDays: 180,
      replicationFailures: [{ dc: 'DC02', failures: 3, lastError: '8453' }],
    });
    if (!dc) throw new Error('DC01 was not read as a DC');
    const estate = { luns: new Map(), hosts: new Map(), sets: [SET], clusters: [] };
    const verdicts = Object.fromEntries(domainControllerChecks(dc, SET, estate).map((c) => [c.id, c.verdict]));
    expect(verdicts).toMatchObject({
      'dc-recognised': 'pass',
      'dc-writable': 'pass',
      'dc-volumes': 'pass',
      'dc-tombstone': 'pass',
      // The fixture holds events 2095 and 2103, DC02 failing to replicate, and the RID master seized by DC02 this morning.
      'dc-no-rollback': 'fail',
      'dc-replication': 'warn',
      'dc-fsmo': 'fail',
      'dc-writer': 'pass',
      'dc-dsrm-ready': 'warn',
    });
  });

  it('reads this computer without remoting', async () => {
    const { backend, launcher } = backendOn('DC01', [preflightReading()]);
    expect((await backend.readDomainController({ host: 'dc01.contoso.local', domainFacts: true }))?.host).toBe('DC01');
    expect(launcher.remaining).toBe(0);
  });

  it('a member server answers null to the same one call, and the SAN map is not asked', async () => {
    const { backend, launcher } = backendOn('CONSOLE', [ps(readDomainControllerCommand({ computer: 'FS01' }), 'null\r\n')]);
    expect(await backend.readDomainController({ host: 'FS01' })).toBeNull();
    expect(launcher.remaining).toBe(0);
  });

  it('gates on DomainRole 4 or 5 (a safe boot with the NTDS service passes too), and reads the NTDS values as Windows spells them', () => {
    const command = readDomainControllerCommand({ computer: 'DC01' });
    expect(command).toMatch(
      /^\$ErrorActionPreference = 'Stop'; Invoke-Command -ComputerName 'DC01' -ErrorAction Stop -ScriptBlock \{ \$ErrorActionPreference = 'Stop'; \$cs = Get-CimInstance -ClassName Win32_ComputerSystem; /,
    );
    expect(command).toContain(
      "if ($cs.DomainRole -lt 4 -and -not ($cs.BootupState -ne 'Normal boot' -and $null -ne $ntds)) { 'null'; return }",
    );
    expect(command).toContain("Get-ItemProperty -LiteralPath 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\NTDS\\Parameters'");
    for (const value of [
      'DSA Database file',
      'Database log files path',
      'Dsa Not Writable',
      'DSA Previous Restore Count',
      'Database restored from backup',
    ])
      expect(command).toContain(`$p.'${value}'`);
    // The parts only the preflight and the verification need are asked for only then.
    expect(command).not.toContain('Get-ADReplicationFailure');
    expect(command).not.toContain('repadmin');
    expect(readDomainControllerCommand({ computer: 'DC01', domainFacts: true })).toContain('Get-ADReplicationFailure');
    expect(readDomainControllerCommand({ computer: 'DC01', health: true })).toContain('repadmin /replsummary');
  });

  it('a SAN map from an earlier version that marks hosts `domainController` still loads, and the mark decides nothing', async () => {
    const { backend, launcher, dataDir } = backendOn('CONSOLE', [ps(readDomainControllerCommand({ computer: 'FS01' }), 'null\r\n')]);
    fs.mkdirSync(path.join(dataDir, 'windows'), { recursive: true });
    const oldMap = {
      format: 'shadowswap-san-map',
      version: 1,
      arrays: [],
      hosts: [{ name: 'FS01', initiators: [], domainController: true }],
      luns: [],
    };
    fs.writeFileSync(path.join(dataDir, 'windows', 'san-map.json'), JSON.stringify(oldMap));
    const map = new SanMapStore(path.join(dataDir, 'windows')).read();
    expect(map.hosts).toEqual([{ name: 'FS01', osVersion: '', initiators: [], clusterName: null }]);
    // Marked a DC in the map, FS01 is asked, and its DomainRole says it is not one.
    expect(await backend.readDomainController({ host: 'FS01' })).toBeNull();
    expect(launcher.remaining).toBe(0);
  });
});
