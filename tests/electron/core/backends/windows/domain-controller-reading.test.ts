/**
 * The Windows backend reads a domain controller (issue 17 items 1 and 2), replayed: the transcript is the calls the
 * backend must make, in order, each built by the same command builders and answered with the synthetic ConvertTo-Json
 * fixtures (tests/fixtures/windows/dc-*.synthetic.json); a changed command fails the replay.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplayLauncher } from '../../../../../electron/core/backends/windows/running/replay-launcher';
import type { TranscriptEntry } from '../../../../../electron/core/backends/windows/running/transcript';
import { createWindowsBackend } from '../../../../../electron/core/backends/windows/windows-backend';
import {
  computerSystemCommand,
  domainControllersCommand,
  fsmoRolesCommand,
  ntdsParametersCommand,
  ntdsServiceCommand,
  replicationFailuresCommand,
  rollbackEventsCommand,
  sysvolPathCommand,
  tombstoneLifetimeCommand,
  type OnComputer,
} from '../../../../../electron/core/windows-tools/commands/dc-preflight-commands';
import { domainControllerChecks } from '../../../../../electron/core/recovery/domain-controller-checks';
import type { SnapshotSet } from '../../../../../shared/domain';
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

/** Every reading of a DC, in the order the backend makes them. */
function dcReadings(on: OnComputer): TranscriptEntry[] {
  return [
    ps(computerSystemCommand(on), fixture('dc-computer-system.synthetic.json')),
    ps(ntdsServiceCommand(on), fixture('dc-ntds-service.synthetic.json')),
    ps(ntdsParametersCommand(on), fixture('dc-ntds-parameters.synthetic.json')),
    ps(sysvolPathCommand(on), fixture('dc-netlogon-sysvol.synthetic.json')),
    ps(rollbackEventsCommand(on), fixture('dc-rollback-events.synthetic.json')),
    ps(tombstoneLifetimeCommand(on), fixture('dc-tombstone-lifetime.synthetic.json')),
    ps(domainControllersCommand(on), fixture('dc-domain-controllers.synthetic.json')),
    ps(replicationFailuresCommand(on), fixture('dc-replication-failures.synthetic.json')),
    ps(fsmoRolesCommand(on), fixture('dc-fsmo-roles.synthetic.json')),
  ];
}

function backendOn(thisComputer: string, entries: TranscriptEntry[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-win-dc-'));
  dirs.push(dataDir);
  const launcher = new ReplayLauncher(entries);
  return { backend: createWindowsBackend({ dataDir, launcher, thisComputer, now: () => READ_AT }), launcher };
}

const SET: SnapshotSet = {
  id: '6d1c9a52-0b7e-4f3a-9c21-5e8d7a4b3f10',
  createdAt: '2025-03-13T22:00:00.000Z',
  sourceHost: 'DC01',
  state: 'created',
  attributes: ['Persistent', 'No_Auto_Release', 'Transportable', 'Hardware'],
  providerId: '781c006a-5829-4a25-81e3-d5e43bd005ab',
  metadataFile: 'C:\\ShadowSwap\\metadata\\DC01.cab',
  importedTo: null,
  breakMode: null,
  shadowCopies: ['D:', 'L:', 'S:'].map((drive, i) => ({
    id: `0000000${i}-0000-4000-8000-000000000000`,
    originalLunId: `lun-${i}`,
    shadowLunId: `shadow-${i}`,
    originalVolume: `\\\\?\\Volume{0000000${i}-0000-4000-8000-00000000000a}\\`,
    originalDriveLetter: drive,
    originalIdentity: { partitionStyle: 'MBR', signature: `1A2B3C4${i}` },
    imported: false,
    exposedAs: null,
  })),
};

describe('reading a domain controller on Windows (replayed)', () => {
  it('reads DC01 from the console through remoting, nine readings, and the preflight weighs them', async () => {
    const { backend, launcher } = backendOn('CONSOLE', dcReadings({ computer: 'DC01' }));
    const facts = await backend.readDomainControllerFacts('DC01');
    expect(launcher.remaining).toBe(0);
    expect(facts).toMatchObject({
      host: 'DC01',
      domain: 'contoso.local',
      readAt: READ_AT.toISOString(),
      domainRole: 5,
      ntdsService: 'Running',
      readOnly: false,
      databaseFile: 'D:\\NTDS\\ntds.dit',
      logPath: 'L:\\',
      sysvolPath: 'S:\\SYSVOL\\sysvol',
      systemDrive: 'C:',
      dsaNotWritable: null,
      tombstoneLifetimeDays: 180,
    });
    expect(facts?.domainControllers).toEqual([
      { name: 'DC01', readOnly: false, replicationFailures: 0, lastError: null },
      { name: 'DC02', readOnly: false, replicationFailures: 3, lastError: '8453' },
      { name: 'BRANCH-RODC', readOnly: true, replicationFailures: 0, lastError: null },
    ]);
    if (!facts) throw new Error('DC01 was not read as a DC');
    const estate = { luns: new Map(), hosts: new Map(), sets: [SET], clusters: [] };
    const verdicts = Object.fromEntries(domainControllerChecks(facts, SET, estate).map((c) => [c.id, c.verdict]));
    expect(verdicts).toMatchObject({
      'dc-recognised': 'pass',
      'dc-writable': 'pass',
      'dc-volumes': 'pass',
      'dc-tombstone': 'pass',
      // The fixtures hold events 2095 and 2103, DC02 failing to replicate, and the RID master seized by DC02 this morning.
      'dc-no-rollback': 'fail',
      'dc-replication': 'warn',
      'dc-fsmo': 'fail',
      'dc-writer': 'pass',
      'dc-dsrm-ready': 'warn',
    });
  });

  it('reads this computer without remoting', async () => {
    const { backend, launcher } = backendOn('DC01', dcReadings({}));
    expect((await backend.readDomainControllerFacts('dc01.contoso.local'))?.host).toBe('DC01');
    expect(launcher.remaining).toBe(0);
  });

  it('asks a member server one question only', async () => {
    const member = JSON.stringify({ Name: 'FS01', Domain: 'contoso.local', DomainRole: 3, SystemDrive: 'C:' });
    const { backend, launcher } = backendOn('CONSOLE', [ps(computerSystemCommand({ computer: 'FS01' }), member)]);
    expect(await backend.readDomainControllerFacts('FS01')).toBeNull();
    expect(launcher.remaining).toBe(0);
  });

  it('runs the NTDS reading remoted, with its registry path and value names as Windows spells them', () => {
    expect(ntdsParametersCommand({ computer: 'DC01' })).toBe(
      "$ErrorActionPreference = 'Stop'; Invoke-Command -ComputerName 'DC01' -ErrorAction Stop -ScriptBlock { $ErrorActionPreference = 'Stop'; " +
        "Get-ItemProperty -LiteralPath 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\NTDS\\Parameters' | Select-Object -Property 'DSA Database file','Database log files path','Dsa Not Writable','DSA Previous Restore Count','Database restored from backup' | ConvertTo-Json -Depth 4 -Compress }",
    );
  });
});
