/**
 * Whole recoveries through the Windows backend, on Linux: the real RecoveryEngine plans and drives the two-node
 * SQLCLUS estate (SQL01 + SQL02, two original LUNs and their two shadow LUNs on one array, a transportable set in
 * the catalog) while a ReplayLauncher answers every diskshadow, diskraid, vshadow, whoami and PowerShell call from
 * the synthetic transcripts in tests/fixtures/windows/transcripts (see the README there). A call the engine should
 * not make, a call out of order, or a call the transcript lacks fails the replay; an unused entry is left over.
 * Segments for calls made since the files were written are built by sqlclus-transcript.ts. The recorded console ran on
 * SQL01; the same answers replayed to a console on ADMIN01 (outside the cluster) show every command sent to its node.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../../electron/core/rpc/event-bus';
import { ReplayLauncher } from '../../../../electron/core/backends/windows/running/replay-launcher';
import { readTranscript, type TranscriptEntry } from '../../../../electron/core/backends/windows/running/transcript';
import { createWindowsBackend } from '../../../../electron/core/backends/windows/windows-backend';
import { RecoveryEngine } from '../../../../electron/core/recovery/engine';
import { readJournal } from '../../../../electron/core/recovery/journal';
import type { RunEvent } from '../../../../electron/core/recovery/run-events';
import { buildImportScript } from '../../../../electron/core/windows-tools/commands/diskshadow-scripts';
import { diskshadowOnHostCommand } from '../../../../electron/core/windows-tools/commands/tool-on-host-commands';
import {
  getDataPartitionsCommand,
  getDiskCommand,
  getShadowCopiesCommand,
  nodeReadinessCommand,
} from '../../../../electron/core/windows-tools/commands/powershell-commands';
import { createSegment } from './created-set-transcript';
import { expectInOrder } from './in-order';
import { storageManagementSanMap, throughMaskingSets } from './masking-set-transcript';
import {
  breakSegment,
  diskraidOnHost,
  IMPORTED_COPIES,
  importSegment,
  isImportOnHost,
  makeReadWriteInMaintenanceSegment,
  makeReadWriteSegment,
  rescanSegment,
  resumeSegment,
  rollbackSegment,
  segment,
  startDependentsSegment,
  stopSegment,
  suspendSegment,
  toolAnswer,
  verifySegment,
} from './sqlclus-transcript';

const TRANSCRIPTS = fileURLToPath(new URL('../../../fixtures/windows/transcripts/', import.meta.url));
const SET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
/**
 * The Windows backend cannot read the VPD association (docs/windows-facts.md#vds-identifier-types-and-no-association-field), so each
 * original LUN is a warning to acknowledge.
 */
const ACKNOWLEDGED = ['compliance:sql-data', 'compliance:sql-log'];
const CLEAN_RUN = [
  'step-1-stop-resources',
  'step-2-mask-originals',
  'step-3-import-set',
  'step-4-break-revert',
  'step-6-unmask-shadows',
  'step-6b-rescan-nodes',
  'step-7-start-resources',
  'step-5-make-usable-after-start',
  'step-8-start-dependents',
  'step-9-verify',
];
/** The same run in maintenance mode: the disks stay online, suspended, so step 5 runs before maintenance mode ends. */
const MAINTENANCE_RUN = [
  'step-1-suspend-resources',
  ...CLEAN_RUN.slice(1, CLEAN_RUN.indexOf('step-7-start-resources')),
  'step-5-make-usable-in-maintenance',
  'step-7-resume-resources',
  'step-8-start-dependents',
  'step-9-verify',
];

/** SQL01 as the tools are laid out there: System32, and vshadow.exe copied into C:\Tools. */
const SQL01_FILES = new Set(
  ['diskshadow.exe', 'diskraid.exe', 'whoami.exe', 'WindowsPowerShell\\v1.0\\powershell.exe']
    .map((f) => `C:\\Windows\\System32\\${f}`)
    .concat('C:\\Tools\\vshadow.exe'),
);
const SQL01_LOCATOR = {
  platform: 'win32' as const,
  env: { SystemRoot: 'C:\\Windows', Path: 'C:\\Windows\\System32;C:\\Tools' },
  isFile: (file: string) => SQL01_FILES.has(file),
};

/** Segments whose calls changed since the files were written, and the new ones, built from the recorded ones. */
const BUILT: Record<string, () => TranscriptEntry[]> = {
  'step-1-stop-resources': () => stopSegment('step-1-stop-resources'),
  'step-1-stop-access-denied': () => stopSegment('step-1-stop-access-denied'),
  'step-3-import-set': () => importSegment('step-3-import-set'),
  'step-4-break-revert': () => breakSegment('step-4-break-revert'),
  'step-4-break-revert-failed': () => breakSegment('step-4-break-revert-failed'),
  'step-6b-rescan-nodes': () => rescanSegment(),
  'step-5-make-usable-after-start': makeReadWriteSegment,
  'step-8-start-dependents': startDependentsSegment,
  'step-9-verify': verifySegment,
  'step-1-suspend-resources': suspendSegment,
  'step-5-make-usable-in-maintenance': makeReadWriteInMaintenanceSegment,
  'step-7-resume-resources': resumeSegment,
  'rollback-after-break-failed': () => rollbackSegment('rollback-after-break-failed'),
  'rollback-after-partial-import': () => rollbackSegment('rollback-after-partial-import'),
};

function transcript(...names: string[]): TranscriptEntry[] {
  return names.flatMap((name) => BUILT[name]?.() ?? segment(name));
}

const dataDirs: string[] = [];
let consoles = 0;
afterEach(() => {
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data directory holding the operator's SAN map (or `sanMap`) and ShadowSwap's snapshot catalog for SQLCLUS. */
function sqlclusDataDir(sanMap?: unknown): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-win-replay-'));
  dataDirs.push(dataDir);
  fs.mkdirSync(path.join(dataDir, 'windows'));
  if (sanMap === undefined) fs.copyFileSync(path.join(TRANSCRIPTS, 'sqlclus.san-map.json'), path.join(dataDir, 'windows', 'san-map.json'));
  else fs.writeFileSync(path.join(dataDir, 'windows', 'san-map.json'), JSON.stringify(sanMap));
  fs.copyFileSync(path.join(TRANSCRIPTS, 'sqlclus.snapshot-sets.json'), path.join(dataDir, 'windows', 'snapshot-sets.json'));
  return dataDir;
}

/** One ShadowSwap console on SQL01: a Windows backend replaying `entries`, and the engine over it. */
function openConsole(dataDir: string, entries: TranscriptEntry[], thisComputer = 'SQL01', clock: { now?: Date } = {}) {
  const launcher = new ReplayLauncher(entries);
  const record = path.join(dataDir, `console-${(consoles += 1)}-calls.jsonl`);
  const backend = createWindowsBackend({
    dataDir,
    launcher,
    transcript: record,
    thisComputer,
    runner: { locator: SQL01_LOCATOR },
    now: () => clock.now ?? new Date('2022-08-25T14:40:00Z'),
  });
  // A replay answers calls in the order they were recorded, so a step's operations run one at a time here.
  const engine = new RecoveryEngine({
    backend,
    dataDir,
    bus: new EventBus(),
    operator: 'CONTOSO\\dba',
    machine: 'SQL01',
    operationsAtOnce: 1,
  });
  /** The calls that changed something, as the runner recorded them (reads are left out), with how each ended. */
  const calls = (): TranscriptEntry[] => (fs.existsSync(record) ? readTranscript(record) : []);
  /** `withRescans`: each node's rescan too, in its place (it changes no access, but a rollback must make it). */
  const changes = ({ withRescans = false } = {}): string[] =>
    calls().flatMap((entry) => {
      const rescanned = /Invoke-Command -ComputerName '([^']+)' .*Update-HostStorageCache;/.exec(entry.argv.at(-1) ?? '')?.[1];
      if (withRescans && rescanned !== undefined) return [`Update-HostStorageCache on ${rescanned}`];
      const label = describeChange(entry);
      if (label === null) return [];
      if (entry.ending !== 'exited') return [`${label} → ${entry.ending}`];
      // A tool run on another host: PowerShell succeeded if the session did; the tool's own exit code is in its answer.
      const exitCode =
        sessionHost(entry) === undefined || entry.exitCode !== 0
          ? entry.exitCode
          : (JSON.parse(entry.stdout) as { ExitCode: number }).ExitCode;
      return [exitCode === 0 ? label : `${label} → exit ${exitCode}`];
    });
  return { backend, engine, launcher, changes, calls };
}

/** The host a tool runs on through one remoting session (tool-on-host-commands.ts), if it does. */
const sessionHost = (entry: TranscriptEntry): string | undefined =>
  /New-PSSession -ComputerName '([^']+)'/.exec(entry.argv.at(-1) ?? '')?.[1];

/** A diskshadow or vshadow run on a host through remoting (tool-on-host-commands.ts): the tool, its script lines or arguments, the host. */
function onHost(entry: TranscriptEntry): string | null {
  const command = entry.argv.at(-1) ?? '';
  const host = sessionHost(entry);
  const values = (list: string) => [...list.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const script = /-Value @\(([^)]*)\)/.exec(command);
  if (host !== undefined && script !== null && command.includes('diskshadow.exe'))
    return `diskshadow ${values(script[1] ?? '')
      .filter((line) => line !== 'exit')
      .join('; ')} on ${host}`;
  const args = /vshadow\.exe'.*-ArgumentList @\(([^)]*)\)/.exec(command);
  if (host !== undefined && args !== null) return `vshadow ${values(args[1] ?? '').join(' ')} on ${host}`;
  return null;
}

function describeChange(entry: TranscriptEntry): string | null {
  const script = (entry.script ?? '').split('\r\n').filter((line) => line !== '' && line !== 'exit');
  const tool = onHost(entry);
  if (tool !== null) return tool;
  const session = /WriteLine\('(select lun \d+)'\).*WriteLine\('(unmask lun [^']+)'\)/.exec(entry.argv.at(-1) ?? '');
  const remoted = sessionHost(entry);
  if (session !== null) return `diskraid ${session[1]}: ${session[2]}${remoted === undefined ? '' : ` on ${remoted}`}`;
  if (entry.tool === 'diskshadow') return `diskshadow ${script.join('; ')}`;
  if (entry.tool === 'vshadow') return `vshadow ${entry.argv.join(' ')}`;
  const maskingSet = /(Add-VirtualDiskToMaskingSet|Remove-VirtualDiskFromMaskingSet) -MaskingSetUniqueId '[^']*(..)\}'/.exec(
    entry.argv.at(-1) ?? '',
  );
  const disk = /Get-VirtualDisk -UniqueId '[0-9A-F]*(\d)'/.exec(entry.argv.at(-1) ?? '');
  if (maskingSet !== null) return `${maskingSet[1]} SQL${maskingSet[2]} disk ${disk?.[1] ?? '?'}`;
  const cluster = /(Stop|Start|Suspend|Resume)-ClusterResource -Name '([^']+)'/.exec(entry.argv.at(-1) ?? '');
  const node = /Invoke-Command -ComputerName '([^']+)'/.exec(entry.argv.at(-1) ?? '');
  return cluster === null ? null : `${cluster[1]}-ClusterResource ${cluster[2]} on ${node?.[1] ?? 'this computer'}`;
}

/** A call as a plan shows it: a tool's script, PowerShell's -Command text, vshadow's command line. */
function shownAs(entry: TranscriptEntry): string {
  if (entry.tool === 'vshadow') return ['vshadow.exe', ...entry.argv].join(' ');
  return entry.script ?? entry.argv.at(-1) ?? '';
}

/** Reads (Get-*, a host's readiness, locally or through Invoke-Command) and the elevation check change nothing, so no plan shows them. */
function changesSomething(entry: TranscriptEntry): boolean {
  const read =
    /^\$ErrorActionPreference = 'Stop'; (?:Invoke-Command -ComputerName '[^']+' -ErrorAction Stop -ScriptBlock \{ \$ErrorActionPreference = 'Stop'; )?(?:Get-|Test-Path |\$os = Get-CimInstance )/;
  return entry.tool !== 'whoami' && !(entry.tool === 'powershell' && read.test(entry.argv.at(-1) ?? ''));
}

function sanMasks(dataDir: string): Record<string, string[]> {
  const map = JSON.parse(fs.readFileSync(path.join(dataDir, 'windows', 'san-map.json'), 'utf8')) as {
    luns: { id: string; maskedTo: string[] }[];
  };
  return Object.fromEntries(map.luns.map((lun) => [lun.id, lun.maskedTo]));
}

function setState(dataDir: string): string {
  const catalog = JSON.parse(fs.readFileSync(path.join(dataDir, 'windows', 'snapshot-sets.json'), 'utf8')) as { sets: { state: string }[] };
  return catalog.sets[0]?.state ?? 'missing';
}

const LOCAL = "$ErrorActionPreference = 'Stop'; ";
/** The plan's reads as a console on ADMIN01 makes them: the Get-Disk SQL01 answered locally, through remoting. */
function fromAdminWorkstation(entries: readonly TranscriptEntry[]): TranscriptEntry[] {
  const remoted = (command: string) =>
    `${LOCAL}Invoke-Command -ComputerName 'SQL01' -ErrorAction Stop -ScriptBlock { ${LOCAL}${command.slice(LOCAL.length)} }`;
  return entries.map((entry) =>
    (entry.argv.at(-1) ?? '').startsWith(`${LOCAL}Get-Disk`)
      ? { ...entry, argv: ['-NoProfile', '-NonInteractive', '-Command', remoted(entry.argv.at(-1) ?? '')] }
      : entry,
  );
}

/**
 * The whole recorded run as a console on ADMIN01 makes it: what SQL01 did locally goes to it through remoting (its
 * disks and partitions, read and changed); the diskraid sessions that take a LUN from SQL01, which holds its disk, run
 * there through remoting with `uninstall`, those that take it from nobody stay on ADMIN01; and the import copies the
 * .cab from ADMIN01 to SQL01 first.
 */
function wholeRunFromAdminWorkstation(entries: readonly TranscriptEntry[]): TranscriptEntry[] {
  const remoted = (command: string) =>
    `${LOCAL}Invoke-Command -ComputerName 'SQL01' -ErrorAction Stop -ScriptBlock { ${LOCAL}${command.slice(LOCAL.length)} }`;
  return entries.map((entry) => {
    const command = entry.argv.at(-1) ?? '';
    const withCommand = (text: string) => ({ ...entry, argv: ['-NoProfile', '-NonInteractive', '-Command', text] });
    if (
      /^\$ErrorActionPreference = 'Stop'; (?:Get-Disk|Set-Disk|Get-Partition|Set-Partition|foreach \(\$p in @\(Get-Disk|Get-CimInstance -ClassName Win32_ShadowCopy)/.test(
        command,
      )
    )
      return withCommand(remoted(command));
    if (command.includes("uninstall')")) return diskraidOnHost(entry, 'SQL01');
    if (isImportOnHost(entry))
      return withCommand(
        diskshadowOnHostCommand({ host: 'SQL01', script: buildImportScript({ metadataPath: METADATA }), copyMetadata: METADATA }),
      );
    return entry;
  });
}

const BREAK = `vshadow -rw -forcerevert -bex={${SET}} on SQL01`;
const METADATA = 'C:\\ShadowSwap\\metadata\\set-20220825T121610.cab';
const IMPORT = `diskshadow load metadata ${METADATA}; import on SQL01`;
const BOTH_NODES = 'unmask lun wwn=10000000C9A1B201;10000000C9A1B202';
/** Step 5 in offline mode: the disks into maintenance mode for Set-Disk and Set-Partition, and out of it again. */
const MAINTENANCE_WINDOW = [
  'Suspend-ClusterResource Cluster Disk 1 on SQL01',
  'Suspend-ClusterResource Cluster Disk 2 on SQL01',
  'Resume-ClusterResource Cluster Disk 1 on SQL01',
  'Resume-ClusterResource Cluster Disk 2 on SQL01',
];
const FORWARD_UNTIL_IMPORT = [
  'Stop-ClusterResource Cluster Disk 1 on SQL01',
  'Stop-ClusterResource Cluster Disk 2 on SQL01',
  'diskraid select lun 5: unmask lun none uninstall',
  'diskraid select lun 6: unmask lun none uninstall',
];
/**
 * Rollback after the import: shadow LUNs masked away, originals back to both nodes and each node rescanned to list
 * them, disks online: step 3, 2, 1.
 */
const COMPENSATIONS = [
  'diskraid select lun 7: unmask lun none uninstall',
  'diskraid select lun 8: unmask lun none uninstall',
  `diskraid select lun 5: ${BOTH_NODES}`,
  `diskraid select lun 6: ${BOTH_NODES}`,
  'Update-HostStorageCache on SQL01',
  'Update-HostStorageCache on SQL02',
  'Start-ClusterResource Cluster Disk 1 on SQL01',
  'Start-ClusterResource Cluster Disk 2 on SQL01',
  // Stopping the disks took SQL Server offline first; it was Online before the run.
  'Start-ClusterResource SQL Server on SQL01',
];
const ORIGINAL_MASKS = { 'sql-data': ['SQL01', 'SQL02'], 'sql-log': ['SQL01', 'SQL02'], 'sql-data-shadow': [], 'sql-log-shadow': [] };

/** A second console rolls the run back from a transcript: it must end rolled back with every compensation replayed. */
async function rollBackInAnotherConsole(dataDir: string, runId: string, segment: string) {
  const second = openConsole(dataDir, transcript(segment));
  await second.engine.rollback(runId, 'SQLCLUS');
  const done = await second.engine.settled(runId);
  expect(done.lastError).toBeNull();
  expect(done.state).toBe('rolled-back');
  expect(second.changes({ withRescans: true })).toEqual(COMPENSATIONS);
  expect(second.launcher.remaining).toBe(0);
  // Before the disks start again, each node was asked for its own disks: it lists both originals.
  const mask = second.engine.get(runId).steps.find((s) => s.id === '2-mask-originals');
  expect(mask?.output.filter((line) => /^ *SQL0\d (rescanned|lists) /.test(line))).toEqual([
    'SQL01 rescanned its disks (Update-HostStorageCache); it lists 3 disk(s).',
    '  SQL01 lists SQL-DATA (disk 1), SQL-LOG (disk 2)',
    'SQL01 lists SQL-DATA (disk 1), SQL-LOG (disk 2)',
    'SQL02 rescanned its disks (Update-HostStorageCache); it lists 3 disk(s).',
    '  SQL02 lists SQL-DATA (disk 1), SQL-LOG (disk 2)',
    'SQL02 lists SQL-DATA (disk 1), SQL-LOG (disk 2)',
  ]);
  return second;
}

describe('a recovery through the Windows backend, replayed', () => {
  it('runs the whole plan: every recorded call is made, in order, and the shadow LUNs replace the originals', async () => {
    const dataDir = sqlclusDataDir();
    const { engine, launcher, changes, calls } = openConsole(dataDir, transcript('plan', ...CLEAN_RUN));

    const run = await engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    const done = await engine.settled(run.id);

    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(launcher.remaining).toBe(0);
    // The imported set is read through CIM (the import's read-back, the import's probe, the break's probe and
    // capture), never from a text listing that changes with the server's display language.
    const recorded = calls();
    const throughCim = [getShadowCopiesCommand(), getShadowCopiesCommand('SQL01')];
    expect(recorded.filter((c) => throughCim.includes(c.argv.at(-1) ?? ''))).toHaveLength(4);
    expect(recorded.filter((c) => /list shadows|vssadmin/i.test(`${c.argv.join(' ')} ${c.script ?? ''}`))).toEqual([]);
    expect(changes()).toEqual([
      ...FORWARD_UNTIL_IMPORT,
      IMPORT,
      BREAK,
      `diskraid select lun 7: ${BOTH_NODES}`,
      `diskraid select lun 8: ${BOTH_NODES}`,
      'Start-ClusterResource Cluster Disk 1 on SQL01',
      'Start-ClusterResource Cluster Disk 2 on SQL01',
      ...MAINTENANCE_WINDOW,
      'Start-ClusterResource SQL Server on SQL01',
    ]);
    const detail = engine.get(run.id);
    expect(detail.plan.preflight.filter((c) => c.id.startsWith('windows-')).map((c) => [c.id, c.verdict])).toEqual([
      ['windows-tools', 'pass'],
      ['windows-vshadow', 'pass'],
      ['windows-elevated', 'pass'],
      ['windows-os', 'pass'],
    ]);
    expect(detail.plan.preflight.find((c) => c.id === 'windows-os')?.reason).toBe(
      'this computer runs Microsoft Windows Server 2022 Datacenter 10.0.20348',
    );
    // The break left the partitions read-only and hidden: step 8 cleared them and gave back E: and F:, and verify read them.
    expect(detail.steps.find((s) => s.id === '8-make-read-write')).toMatchObject({
      state: 'succeeded',
      output: expect.arrayContaining([
        '  SQL-DATA shadow on SQL01: read-only → writable; partitions visible, not a shadow copy, mounted as E:',
        '  SQL-LOG shadow on SQL01: read-only → writable; partitions visible, not a shadow copy, mounted as F:',
      ]),
    });
    expect(detail.steps.find((s) => s.id === '10-verify')?.output).toContain(
      'SQL-LOG: volume F: read/write, visible, not a shadow copy on SQL01',
    );
    expect(detail.steps.find((s) => s.id === '10-verify')?.output).toContain(
      'Cluster Disk 1: Online on SQL01, backed by the recovered LUN SQL-DATA',
    );
    expect(detail.steps.find((s) => s.id === '10-verify')?.output).toContain('SQL Server: Online on SQL01, as before the recovery');
    // SQL02 did not list the recovered disks until it rescanned; then its own Get-Disk shows them by UniqueId.
    expect(detail.steps.find((s) => s.id === '6-rescan-nodes')?.output).toEqual([
      'SQL01 rescanned its disks (Update-HostStorageCache); it lists 3 disk(s).',
      '  SQL01 lists SQL-DATA shadow (disk 3), SQL-LOG shadow (disk 4)',
      'SQL01 lists SQL-DATA shadow (disk 3), SQL-LOG shadow (disk 4)',
      'SQL02 rescanned its disks (Update-HostStorageCache); it lists 3 disk(s).',
      '  SQL02 lists SQL-DATA shadow (disk 3), SQL-LOG shadow (disk 4)',
      'SQL02 lists SQL-DATA shadow (disk 3), SQL-LOG shadow (disk 4)',
    ]);
    expect(sanMasks(dataDir)).toEqual({
      'sql-data': [],
      'sql-log': [],
      'sql-data-shadow': ['SQL01', 'SQL02'],
      'sql-log-shadow': ['SQL01', 'SQL02'],
    });
    expect(setState(dataDir)).toBe('broken');
  });

  it('a set ShadowSwap creates plans and recovers: each shadow copy is linked to its LUN through the Backup Components Document', async () => {
    const dataDir = sqlclusDataDir();
    fs.rmSync(path.join(dataDir, 'windows', 'snapshot-sets.json'));
    const { backend, engine, launcher, changes } = openConsole(
      dataDir,
      [...createSegment(), ...transcript('plan', ...CLEAN_RUN)],
      'SQL01',
      {
        now: new Date('2022-08-25T12:16:10Z'),
      },
    );

    const created = await backend.createSnapshotSet({ host: 'SQL01', lunIds: ['sql-data', 'sql-log'], persistent: true });
    expect(created.snapshotSetId).toBe(SET);
    expect(created.warnings).toEqual([]);
    const [set] = await backend.listSnapshotSets();
    expect(set?.metadataFile).toBe(METADATA);
    expect(set?.shadowCopies.map((c) => [c.originalLunId, c.shadowLunId])).toEqual([
      ['sql-data', 'sql-data-shadow'],
      ['sql-log', 'sql-log-shadow'],
    ]);

    const run = await engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    const done = await engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(launcher.remaining).toBe(0);
    expect(changes()).toEqual([
      `diskshadow set context persistent; set option transportable; set metadata ${METADATA}; begin backup; add volume E: provider {781c006a-5829-4a25-81e3-d5e43bd005ab}; add volume F: provider {781c006a-5829-4a25-81e3-d5e43bd005ab}; create; end backup`,
      ...FORWARD_UNTIL_IMPORT,
      IMPORT,
      BREAK,
      `diskraid select lun 7: ${BOTH_NODES}`,
      `diskraid select lun 8: ${BOTH_NODES}`,
      'Start-ClusterResource Cluster Disk 1 on SQL01',
      'Start-ClusterResource Cluster Disk 2 on SQL01',
      ...MAINTENANCE_WINDOW,
      'Start-ClusterResource SQL Server on SQL01',
    ]);
    expect(setState(dataDir)).toBe('broken');
  });

  it('a created set whose shadow LUNs the console does not know yet: planning names each copy and the identifier it waits for', async () => {
    const dataDir = sqlclusDataDir();
    fs.rmSync(path.join(dataDir, 'windows', 'snapshot-sets.json'));
    const map = JSON.parse(fs.readFileSync(path.join(TRANSCRIPTS, 'sqlclus.san-map.json'), 'utf8')) as {
      luns: { shadowOf: string | null }[];
    };
    fs.writeFileSync(
      path.join(dataDir, 'windows', 'san-map.json'),
      JSON.stringify({ ...map, luns: map.luns.filter((l) => l.shadowOf === null) }),
    );
    const plan = transcript('plan');
    const { backend, engine, launcher } = openConsole(dataDir, [...createSegment(), ...plan], 'SQL01', {
      now: new Date('2022-08-25T12:16:10Z'),
    });
    const created = await backend.createSnapshotSet({ host: 'SQL01', lunIds: ['sql-data', 'sql-log'], persistent: true });
    expect(created.warnings.join(' ')).toMatch(/not linked to array LUNs yet/);
    await expect(engine.plan({ setId: SET })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(
        /nothing to recover: shadow copy \{5f1d8c2a-1b2c-4d3e-8f40-123456789abc\} of SQL-DATA: no LUN on the array has the identifier its provider recorded \(60002AC0000000000000000A00001236\); shadow copy \{6a2e9d3b-2c3d-4e4f-9051-23456789abcd\} of SQL-LOG: .*ShadowSwap never guesses/,
      ),
    });
    expect(launcher.remaining).toBe(0);
  });

  it('the plan shows, byte for byte, every script and command the run makes, in the order it makes them', async () => {
    const dataDir = sqlclusDataDir();
    const { engine, calls } = openConsole(dataDir, transcript('plan', ...CLEAN_RUN));
    const run = await engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    expect((await engine.settled(run.id)).state).toBe('succeeded');

    const detail = engine.get(run.id);
    const ran = new Set(detail.steps.filter((s) => s.state === 'succeeded').map((s) => s.id));
    const planned = detail.plan.steps.filter((s) => ran.has(s.id)).flatMap((s) => s.commands);
    expect(planned.map((c) => c.text)).toEqual(calls().filter(changesSomething).map(shownAs));
    expect(planned.length).toBe(21);
    // Every tool runs on its node: the rescans on each node that must see the recovered LUNs, the rest on SQL01.
    expect(planned.filter((c) => c.text.includes('Update-HostStorageCache')).map((c) => c.runsOn)).toEqual(['SQL01', 'SQL02']);
    expect(new Set(planned.map((c) => c.runsOn))).toEqual(new Set(['SQL01', 'SQL02']));
    expect(detail.plan.steps.every((s) => !s.commandsSimulated)).toBe(true);
    const readWrite = detail.plan.steps.find((s) => s.kind === 'make-read-write')?.commands.map((c) => c.text) ?? [];
    expect(readWrite.filter((text) => text.includes('Set-Partition')).map((text) => /-NewDriveLetter '(.)'/.exec(text)?.[1])).toEqual([
      'E',
      'F',
    ]);
  });

  it('a node that does not list a recovered disk after its rescan fails the rescan step, naming the node and the LUNs', async () => {
    const dataDir = sqlclusDataDir();
    const { engine, launcher, changes } = openConsole(dataDir, [
      ...transcript('plan', ...CLEAN_RUN.slice(0, CLEAN_RUN.indexOf('step-6b-rescan-nodes'))),
      ...rescanSegment(false),
    ]);
    const run = await engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    const stopped = await engine.settled(run.id);

    expect(stopped).toMatchObject({ state: 'failed', attentionStepId: '6-rescan-nodes' });
    expect(stopped.lastError).toMatch(
      /1 of 2 operations are in place\. Rescan SQL01 and check it lists SQL-DATA shadow, SQL-LOG shadow: done\. Rescan SQL02 and check it lists SQL-DATA shadow, SQL-LOG shadow: failed: After a rescan, SQL02 does not list SQL-DATA shadow, SQL-LOG shadow: the array presents the LUN\(s\) to it, but the node did not find a disk with that UniqueId\..*run Update-HostStorageCache there, then resume/,
    );
    // Nothing is started on a cluster one of whose nodes could not take the disks over.
    expect(changes().some((c) => c.startsWith('Start-ClusterResource'))).toBe(false);
    expect(launcher.remaining).toBe(0);
  });

  it('verify reads the owner node: SQL01 lists no disk for SQL-DATA (SQL02 still does), so verification fails naming SQL01', async () => {
    const dataDir = sqlclusDataDir();
    const sqlData = '60002AC0000000000000000A00001236';
    const withoutSqlData = (disks: unknown[]) => disks.filter((d) => (d as { UniqueId: string }).UniqueId !== sqlData);
    // SQL01 lost its path to the recovered SQL-DATA disk after the resources started; SQL02 still lists it.
    // Synthetic: Get-Disk's not-found error (docs/windows-facts.md#get-disk-without-a-match-fails); only its identifier is read.
    const notListed = [
      `Get-Disk : No MSFT_Disk objects found with property 'UniqueId' equal to '${sqlData}'.  Verify the value of the property and retry.`,
      `    + CategoryInfo          : ObjectNotFound: (${sqlData}:String) [Get-Disk], CimJobException`,
      '    + FullyQualifiedErrorId : CmdletizationQuery_NotFound_UniqueId,Get-Disk',
    ].join('\r\n');
    const verify = verifySegment(withoutSqlData).map((entry) => {
      const command = entry.argv.at(-1) ?? '';
      if (command === getDiskCommand()) return { ...entry, stdout: JSON.stringify(withoutSqlData(JSON.parse(entry.stdout) as unknown[])) };
      // Its partitions cannot be read either: Get-Disk finds no disk with that UniqueId on SQL01.
      if (command === getDataPartitionsCommand({ disk: { uniqueId: sqlData } }))
        return { ...entry, stdout: '', stderr: notListed, exitCode: 1 };
      return entry;
    });
    const { engine, launcher } = openConsole(dataDir, [...transcript('plan', ...CLEAN_RUN.slice(0, -1)), ...verify]);
    const run = await engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    const stopped = await engine.settled(run.id);

    expect(stopped).toMatchObject({ state: 'failed', attentionStepId: '10-verify' });
    expect(stopped.lastError).toMatch(
      /^Verification found 3 problem\(s\): SQL-DATA: SQL01 does not see the recovered disk; SQL01 does not list the recovered LUN of SQL-DATA \(no disk with its UniqueId\); Cluster Disk 1 is not backed by the recovered LUN on SQL01 \(it lists 0 disk\(s\) with signature /,
    );
    expect(launcher.remaining).toBe(0);
  });

  it('refuses to start, before any step, when whoami shows a process that is not elevated', async () => {
    const dataDir = sqlclusDataDir();
    const notElevated = transcript('plan').map((e) =>
      e.tool === 'whoami'
        ? {
            ...e,
            stdout: e.stdout.replace(
              /High Mandatory Level {7}Label {12}S-1-16-12288/,
              'Medium Mandatory Level     Label            S-1-16-8192',
            ),
          }
        : e,
    );
    const { engine, launcher, changes } = openConsole(dataDir, notElevated);

    await expect(engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/ShadowSwap runs elevated .*not started as administrator.*"Run as administrator"/),
    });
    expect(launcher.remaining).toBe(0);
    expect(changes()).toEqual([]);
  });

  it('maintenance mode: SQL Server is stopped on its owner node before the disks go into maintenance mode, recorded, and started after it ends', async () => {
    const dataDir = sqlclusDataDir();
    const { engine, launcher, changes } = openConsole(dataDir, transcript('plan', ...MAINTENANCE_RUN));
    const run = await engine.start({ setId: SET, mode: 'maintenance' }, ACKNOWLEDGED, { autoConfirm: true });
    const done = await engine.settled(run.id);

    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(launcher.remaining).toBe(0);
    expect(changes()).toEqual([
      // Maintenance mode only turns health checking off: SQL Server would keep running on a disk that vanishes.
      'Stop-ClusterResource SQL Server on SQL01',
      'Suspend-ClusterResource Cluster Disk 1 on SQL01',
      'Suspend-ClusterResource Cluster Disk 2 on SQL01',
      'diskraid select lun 5: unmask lun none uninstall',
      'diskraid select lun 6: unmask lun none uninstall',
      IMPORT,
      BREAK,
      `diskraid select lun 7: ${BOTH_NODES}`,
      `diskraid select lun 8: ${BOTH_NODES}`,
      'Resume-ClusterResource Cluster Disk 1 on SQL01',
      'Resume-ClusterResource Cluster Disk 2 on SQL01',
      'Start-ClusterResource SQL Server on SQL01',
    ]);
    const detail = engine.get(run.id);
    const suspend = detail.plan.steps.find((s) => s.kind === 'suspend-resources');
    expect(suspend?.why).toMatch(/maintenance mode only turns health checking off: SQL Server would keep running/);
    expect(suspend?.changes).toContainEqual({
      kind: 'resource',
      cluster: 'SQLCLUS',
      resource: 'SQL Server',
      before: 'Online',
      after: 'Offline',
    });
    // Recorded before the stop, so a rollback starts it again too.
    const started = readJournal<RunEvent>(detail.journalFile)
      .records.map((r) => r.event)
      .find((e) => e.type === 'step.started' && e.stepId === suspend?.id);
    expect(started).toMatchObject({ before: { 'SQL Server': { state: 'Online' } } });
    expect(detail.steps.find((s) => s.id === '10-verify')?.output).toContain('SQL Server: Online on SQL01, as before the recovery');
    expect(sanMasks(dataDir)).toEqual({
      'sql-data': [],
      'sql-log': [],
      'sql-data-shadow': ['SQL01', 'SQL02'],
      'sql-log-shadow': ['SQL01', 'SQL02'],
    });
  });

  it('maintenance mode with new signatures is refused in preflight, before any step: the repoint would need the disks Offline', async () => {
    const dataDir = sqlclusDataDir();
    // The same reads as any plan (inventory, cluster, readiness); the refusal comes from what they show, not from a call.
    const { engine, launcher, changes, calls } = openConsole(dataDir, transcript('plan'));
    const options = { setId: SET, mode: 'maintenance', identity: 'new-signature' } as const;

    await expect(engine.start(options, [...ACKNOWLEDGED, 'identity', 'dependents'], { autoConfirm: true })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(
        /^Preflight refused this recovery: The disk resources can be repointed: .*accepts only while the resource is Offline; maintenance mode keeps it Online\(Maintenance\), so the run would fail after the irreversible break\. Fix: Keep the original identity \(revert\), or take the disk resources offline \(mode offline\)/,
      ),
    });
    expect(launcher.remaining).toBe(0);
    // Nothing that changes anything was sent: only reads, and the set was never imported.
    expect(changes()).toEqual([]);
    expect(calls().filter(changesSomething)).toEqual([]);
    expect(engine.list()).toEqual([]);
    expect(sanMasks(dataDir)).toEqual(ORIGINAL_MASKS);
    expect(setState(dataDir)).toBe('created');
  });

  it('access denied on the owner node: step 1 fails with the reason and the remedy; resumed, the run completes', async () => {
    const dataDir = sqlclusDataDir();
    const first = openConsole(dataDir, transcript('plan', 'step-1-stop-access-denied'));
    const run = await first.engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    const stopped = await first.engine.settled(run.id);

    expect(stopped).toMatchObject({ state: 'failed', attentionStepId: '1-stop-resources' });
    expect(stopped.lastError).toMatch(
      /^Take 2 disk resource\(s\) offline stopped part-way: \d of 2 operations are in place\. .*PowerShell remoting to the node was refused \(Access is denied\): the account is not an administrator on that node.*UAC remote restrictions.*Run ShadowSwap as a domain account in the Administrators group of every cluster node/,
    );
    expect(first.launcher.remaining).toBe(0);
    expect(first.changes()).toEqual(['Stop-ClusterResource Cluster Disk 1 on SQL01 → exit 1']);

    // The operator signs in with a domain administrator and resumes: step 1 is probed and run again from the start.
    const second = openConsole(dataDir, transcript(...CLEAN_RUN));
    await second.engine.resume(run.id, { autoConfirm: true });
    const done = await second.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(second.launcher.remaining).toBe(0);
    expect(second.changes()[0]).toBe('Stop-ClusterResource Cluster Disk 1 on SQL01');
  });

  it('identity revert refused (0x800423F6): the break stops with the reason; rollback replays the compensations in reverse order', async () => {
    const dataDir = sqlclusDataDir();
    const first = openConsole(dataDir, transcript('plan', ...CLEAN_RUN.slice(0, 3), 'step-4-break-revert-failed'));
    const run = await first.engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    const stopped = await first.engine.settled(run.id);

    expect(stopped).toMatchObject({ state: 'failed', attentionStepId: '4-break-set' });
    expect(stopped.lastError).toMatch(
      /^Breaking the shadow copy set with disk identity revert failed: at least one original LUN is still visible.*Mask the original LUNs from this computer \(and every cluster node\), rescan, then run the break again/,
    );
    expect(first.changes()).toEqual([...FORWARD_UNTIL_IMPORT, IMPORT, `${BREAK} → exit 2`]);
    expect(first.launcher.remaining).toBe(0);

    const second = await rollBackInAnotherConsole(dataDir, run.id, 'rollback-after-break-failed');
    expect(
      second.engine
        .get(run.id)
        .steps.find((s) => s.id === '4-break-set')
        ?.output.join('\n'),
    ).toMatch(/cannot be undone/);
    expect(sanMasks(dataDir)).toEqual(ORIGINAL_MASKS);
    // VSS cannot un-import: the set stays imported, its LUNs masked away and kept.
    expect(setState(dataDir)).toBe('imported');
  });

  it('partial import (VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED): the import stops with the reason; rollback masks every shadow LUN away', async () => {
    const dataDir = sqlclusDataDir();
    const first = openConsole(dataDir, transcript('plan', ...CLEAN_RUN.slice(0, 2), 'step-3-import-partial'));
    const run = await first.engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    const stopped = await first.engine.settled(run.id);

    expect(stopped).toMatchObject({ state: 'failed', attentionStepId: '3-import-set' });
    expect(stopped.lastError).toMatch(
      /^The import was only partial: some shadow copies were not imported.*Do not break the set\. Rescan disks, check which shadow LUNs are visible, then clean up/,
    );
    expect(first.changes()).toEqual([...FORWARD_UNTIL_IMPORT, IMPORT]);
    expect(setState(dataDir)).toBe('failed');

    await rollBackInAnotherConsole(dataDir, run.id, 'rollback-after-partial-import');
    expect(sanMasks(dataDir)).toEqual(ORIGINAL_MASKS);
  });

  it('a partial import diskshadow did not report: CIM lists one of the two copies, so the import stops, naming which', async () => {
    const dataDir = sqlclusDataDir();
    const oneCopy = importSegment('step-3-import-set', IMPORTED_COPIES.slice(0, 1));
    const first = openConsole(dataDir, [...transcript('plan', ...CLEAN_RUN.slice(0, 2)), ...oneCopy]);
    const direct = openConsole(sqlclusDataDir(), oneCopy.slice(oneCopy.findIndex(isImportOnHost)));
    expect((await direct.backend.importSnapshotSet({ setId: SET, host: 'SQL01' })).partial).toMatchObject({
      imported: ['5f1d8c2a-1b2c-4d3e-8f40-123456789abc'],
      notImported: ['6a2e9d3b-2c3d-4e4f-9051-23456789abcd'],
    });
    const run = await first.engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    const stopped = await first.engine.settled(run.id);

    expect(stopped).toMatchObject({ state: 'failed', attentionStepId: '3-import-set' });
    expect(stopped.lastError).toMatch(
      /^The import was only partial: some shadow copies were not imported \(Win32_ShadowCopy on SQL01 lists 1 of the 2 shadow copies of set \{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\} as imported; missing: \{6a2e9d3b-2c3d-4e4f-9051-23456789abcd\}\).*Do not break the set/,
    );
    expect(first.changes()).toEqual([...FORWARD_UNTIL_IMPORT, IMPORT]);
    expect(first.launcher.remaining).toBe(0);
    expect(setState(dataDir)).toBe('failed');
  });

  it('a timeout: Start-ClusterResource is killed, the step fails as unknown; resumed, it finds Cluster Disk 1 online and starts only Cluster Disk 2', async () => {
    const dataDir = sqlclusDataDir();
    const first = openConsole(dataDir, transcript('plan', ...CLEAN_RUN.slice(0, 6), 'step-7-start-timeout'));
    const run = await first.engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    const stopped = await first.engine.settled(run.id);

    expect(stopped).toMatchObject({ state: 'failed', attentionStepId: '7-start-resources' });
    expect(stopped.lastError).toMatch(
      /^Bring the disk resources online stopped part-way: 0 of 2 operations are in place\. .*powershell did not finish within 600 s and was stopped.*What it changed before it was stopped is unknown: take a fresh inventory/,
    );
    expect(first.changes().at(-1)).toBe('Start-ClusterResource Cluster Disk 1 on SQL01 → timed-out');
    expect(first.launcher.remaining).toBe(0);

    const second = openConsole(
      dataDir,
      transcript('step-7-resumed-after-timeout', 'step-5-make-usable-after-start', 'step-8-start-dependents', 'step-9-verify'),
    );
    await second.engine.resume(run.id, { autoConfirm: true });
    const done = await second.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(second.changes()).toEqual([
      'Start-ClusterResource Cluster Disk 2 on SQL01',
      ...MAINTENANCE_WINDOW,
      'Start-ClusterResource SQL Server on SQL01',
    ]);
    expect(second.engine.get(run.id).steps.find((s) => s.id === '7-start-resources')?.output).toContain('Cluster Disk 1: already online');
    expect(second.launcher.remaining).toBe(0);
  });

  describe('on a Storage Management array, through masking sets', () => {
    it('runs the whole plan: each mask read, changed per masking set by UniqueId, read back, in order, no diskraid', async () => {
      const dataDir = sqlclusDataDir(storageManagementSanMap());
      const { engine, launcher, changes, calls } = openConsole(dataDir, throughMaskingSets(transcript('plan', ...CLEAN_RUN)));
      const run = await engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
      const done = await engine.settled(run.id);
      expect(done.lastError).toBeNull();
      expect(done.state).toBe('succeeded');
      expect(launcher.remaining).toBe(0);
      expect(changes()).toEqual([
        'Stop-ClusterResource Cluster Disk 1 on SQL01',
        'Stop-ClusterResource Cluster Disk 2 on SQL01',
        'Remove-VirtualDiskFromMaskingSet SQL01 disk 4',
        'Remove-VirtualDiskFromMaskingSet SQL02 disk 4',
        'Remove-VirtualDiskFromMaskingSet SQL01 disk 5',
        'Remove-VirtualDiskFromMaskingSet SQL02 disk 5',
        IMPORT,
        BREAK,
        'Add-VirtualDiskToMaskingSet SQL02 disk 6',
        'Add-VirtualDiskToMaskingSet SQL02 disk 7',
        'Start-ClusterResource Cluster Disk 1 on SQL01',
        'Start-ClusterResource Cluster Disk 2 on SQL01',
        ...MAINTENANCE_WINDOW,
        'Start-ClusterResource SQL Server on SQL01',
      ]);
      expect(calls().some((c) => c.tool === 'diskraid' || (c.argv.at(-1) ?? '').includes('System32\\diskraid.exe'))).toBe(false);
      const detail = engine.get(run.id);
      // The plan shows each masking read, change and read-back as sent (preflight's array reading is no step's).
      const planned = detail.plan.steps.flatMap((s) => s.commands.map((c) => c.text));
      const sent = calls()
        .filter((c) => changesSomething(c) && !(c.argv.at(-1) ?? '').includes('Get-StorageSubSystem'))
        .map(shownAs);
      expect(planned).toEqual(sent);
      expect(detail.plan.preflight.find((c) => c.id === 'provider:Contoso X1')).toMatchObject({ verdict: 'pass' });
      expect(detail.plan.preflight.find((c) => c.id === 'masking-sets')).toMatchObject({ verdict: 'pass' });
      expect(sanMasks(dataDir)).toEqual({
        'sql-data': [],
        'sql-log': [],
        'sql-data-shadow': ['SQL01', 'SQL02'],
        'sql-log-shadow': ['SQL01', 'SQL02'],
      });
    });

    it('refuses the mask step when the array shows another list than the plan expected, naming the difference, and changes nothing there', async () => {
      const dataDir = sqlclusDataDir(storageManagementSanMap());
      const entries = throughMaskingSets(transcript('plan', ...CLEAN_RUN.slice(0, 2)));
      const firstRead = entries.findIndex((e) => (e.argv.at(-1) ?? '').includes('Get-MaskingSet -VirtualDisk'));
      const drifted = entries[firstRead];
      if (drifted === undefined) throw new Error('no masking read in the transcript');
      // Someone took SQL-DATA away from SQL02 after the plan was made.
      const onlySql01 = JSON.stringify(
        (JSON.parse(drifted.stdout) as { FriendlyName: string }[]).filter((s) => s.FriendlyName.startsWith('SQL01')),
      );
      const { engine, launcher, changes } = openConsole(dataDir, [...entries.slice(0, firstRead), { ...drifted, stdout: onlySql01 }]);
      const run = await engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
      const stopped = await engine.settled(run.id);
      expect(stopped).toMatchObject({ state: 'failed', attentionStepId: '2-mask-originals' });
      expect(stopped.lastError).toMatch(
        /^Mask the 2 damaged original LUN\(s\) from every host stopped part-way: 0 of 2 operations are in place\. .*SQL-DATA's access list changed since the plan was made: the array shows SQL01, the plan expected SQL01, SQL02 \(SQL02 lost it\)\. Nothing was changed/,
      );
      expect(changes()).toEqual(['Stop-ClusterResource Cluster Disk 1 on SQL01', 'Stop-ClusterResource Cluster Disk 2 on SQL01']);
      expect(launcher.remaining).toBe(0);
      expect(sanMasks(dataDir)['sql-data']).toEqual(['SQL01', 'SQL02']);
    });
  });

  it('the hardware provider fails the import mid-run: the step stops with the reason, and the rollback, through masking sets, takes the shadow LUNs away and gives the originals back', async () => {
    const dataDir = sqlclusDataDir(storageManagementSanMap());
    // Synthetic: the provider's HRESULT as diskshadow prints a failed COM call; the words around it have no capture,
    // and ShadowSwap reads only the code and the exit code (docs/windows-facts.md#diskshadow-exit-codes).
    const vetoed = segment('step-3-import-partial').map((entry) =>
      isImportOnHost(entry)
        ? {
            ...entry,
            stdout: toolAnswer(
              1,
              (JSON.parse(entry.stdout) as { Output: string }).Output.replace(
                'VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED',
                'COM call "lvssObject->ImportSnapshots" failed: 0x80042306.\r\nThe command script failed.',
              ),
            ),
            durationMs: 95000,
          }
        : entry,
    );
    const forward = [...transcript('plan', ...CLEAN_RUN.slice(0, 2)), ...vetoed];
    // One array behind both consoles: the rollback's reads answer what the failed run left.
    const translatedForward = throughMaskingSets(forward);
    const both = throughMaskingSets([...forward, ...transcript('rollback-after-partial-import')]);
    const first = openConsole(dataDir, translatedForward);
    const run = await first.engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    const stopped = await first.engine.settled(run.id);

    expect(stopped).toMatchObject({ state: 'failed', attentionStepId: '3-import-set' });
    expect(stopped.lastError).toMatch(
      /^The shadow copy provider refused the operation: .*Check the Application event log for the provider's error/,
    );
    expect(first.launcher.remaining).toBe(0);
    expect(setState(dataDir)).toBe('failed');

    const second = openConsole(dataDir, both.slice(translatedForward.length));
    await second.engine.rollback(run.id, 'SQLCLUS');
    const done = await second.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('rolled-back');
    expect(second.changes({ withRescans: true })).toEqual([
      'Remove-VirtualDiskFromMaskingSet SQL01 disk 6',
      'Remove-VirtualDiskFromMaskingSet SQL01 disk 7',
      'Add-VirtualDiskToMaskingSet SQL01 disk 4',
      'Add-VirtualDiskToMaskingSet SQL02 disk 4',
      'Add-VirtualDiskToMaskingSet SQL01 disk 5',
      'Add-VirtualDiskToMaskingSet SQL02 disk 5',
      'Update-HostStorageCache on SQL01',
      'Update-HostStorageCache on SQL02',
      'Start-ClusterResource Cluster Disk 1 on SQL01',
      'Start-ClusterResource Cluster Disk 2 on SQL01',
      'Start-ClusterResource SQL Server on SQL01',
    ]);
    expect(second.calls().some((c) => c.tool === 'diskraid' || (c.argv.at(-1) ?? '').includes('diskraid'))).toBe(false);
    expect(second.launcher.remaining).toBe(0);
    expect(sanMasks(dataDir)).toEqual(ORIGINAL_MASKS);
  });

  it('an import host that remoting cannot reach fails preflight: the run does not start and nothing changes', async () => {
    const dataDir = sqlclusDataDir();
    // A console on an admin workstation: SQL01 is reached through remoting. It answers the inventory's Get-Disk, then
    // stops answering before the preflight's readiness reading (the host went down between the two reads).
    const unreachable = fromAdminWorkstation(transcript('plan')).map((entry) =>
      (entry.argv.at(-1) ?? '') === nodeReadinessCommand('SQL01')
        ? {
            ...entry,
            stdout: '',
            // Synthetic: the shape of a PowerShell remoting connection failure, as Invoke-Command reports it.
            stderr:
              '[SQL01] Connecting to remote server SQL01 failed with the following error message : WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access from this computer.',
            exitCode: 1,
          }
        : entry,
    );
    const { engine, launcher, changes } = openConsole(dataDir, unreachable, 'ADMIN01');
    const plan = await engine.plan({ setId: SET });
    expect(plan.preflight.find((c) => c.id === 'import-host-reachable')).toMatchObject({
      verdict: 'fail',
      reason: expect.stringMatching(/^SQL01 did not answer: .*WinRM cannot complete the operation/),
    });
    // The .cab is on the console, from where the import would copy it.
    expect(plan.preflight.find((c) => c.id === 'metadata-present')).toMatchObject({ verdict: 'pass' });
    expect(plan.blocked).toBe(true);
    expect(launcher.remaining).toBe(0);
    expect(changes()).toEqual([]);
  });

  it('a console on ADMIN01, outside the cluster: the .cab is copied to SQL01 and diskshadow imports there, vshadow breaks there, all through one remoting session each', async () => {
    const dataDir = sqlclusDataDir();
    // What SQL01 answers is the recorded import and break (segments step-3 and step-4); only the console moved.
    const recorded = segment('step-3-import-set');
    const imported = recorded.find(isImportOnHost);
    const readBack = importSegment('step-3-import-set').find((e) => e.argv.at(-1) === getShadowCopiesCommand('SQL01'));
    const [broken] = segment('step-4-break-revert');
    if (imported === undefined || readBack === undefined || broken === undefined) throw new Error('the segments changed');
    const copyAndImport = diskshadowOnHostCommand({
      host: 'SQL01',
      script: buildImportScript({ metadataPath: METADATA }),
      copyMetadata: METADATA,
    });
    const withCommand = (entry: TranscriptEntry, command: string): TranscriptEntry => ({
      ...entry,
      argv: ['-NoProfile', '-NonInteractive', '-Command', command],
    });
    const { backend, launcher, changes, calls } = openConsole(
      dataDir,
      [...fromAdminWorkstation(transcript('plan')), withCommand(imported, copyAndImport), readBack, broken],
      'ADMIN01',
    );
    const plan = await backend.previewCommands([{ operation: 'importSnapshotSet', setId: SET, host: 'SQL01' }]);
    const breakPlan = await backend.previewCommands([
      { operation: 'breakSnapshotSet', setId: SET, mode: 'revert-identity', host: 'SQL01' },
    ]);

    const preflight = await new RecoveryEngine({
      backend,
      dataDir,
      bus: new EventBus(),
      operator: 'CONTOSO\\dba',
      machine: 'ADMIN01',
      operationsAtOnce: 1,
    }).plan({ setId: SET });
    expect(preflight.preflight.filter((c) => ['metadata-present', 'import-host-reachable', 'import-host-able'].includes(c.id))).toEqual([
      expect.objectContaining({ id: 'metadata-present', verdict: 'pass', reason: `${METADATA} is there` }),
      expect.objectContaining({ id: 'import-host-reachable', verdict: 'pass', reason: 'SQL01 answered over WinRM' }),
      expect.objectContaining({ id: 'import-host-able', verdict: 'pass' }),
    ]);
    expect((await backend.importSnapshotSet({ setId: SET, host: 'SQL01' })).partial).toBeNull();
    await backend.breakSnapshotSet({ setId: SET, mode: 'revert-identity' });

    expect(launcher.remaining).toBe(0);
    expect(changes()).toEqual([IMPORT, BREAK]);
    const [importCall, readBackCall, breakCall] = calls()
      .slice(-3)
      .map((c) => c.argv.at(-1) ?? '');
    // The commands sent, in the order they run: a session to SQL01; the .cab's folder made there, a file already at its
    // path compared by SHA-256 (another one stops everything, the same one is used), else the .cab copied from ADMIN01;
    // diskshadow run there on the script passed in; the session closed whatever happened.
    const order = [
      "New-PSSession -ComputerName 'SQL01'",
      "New-Item -ItemType Directory -Force -Path 'C:\\ShadowSwap\\metadata'",
      `if ($there -and $there -ne $source) { throw '${METADATA} on SQL01 is another file`,
      `if (-not $there) { Copy-Item -LiteralPath '${METADATA}' -Destination '${METADATA}' -ToSession $session }`,
      `-Value @('load metadata ${METADATA}', 'import', 'exit') -Encoding ASCII`,
      "Start-Process -FilePath (Join-Path $env:SystemRoot 'System32\\diskshadow.exe') -ArgumentList @('/s', $script)",
      'Remove-PSSession -Session $session',
    ].map((part) => importCall?.indexOf(part));
    expect(order.every((at) => at !== undefined && at >= 0)).toBe(true);
    expect([...order].sort((a = 0, b = 0) => a - b)).toEqual(order);
    expect(readBackCall).toContain("Invoke-Command -ComputerName 'SQL01'");
    expect(readBackCall).toContain('Win32_ShadowCopy');
    expect(breakCall).toContain("New-PSSession -ComputerName 'SQL01'");
    expect(breakCall).toContain(`-ArgumentList @('-rw', '-forcerevert', '-bex={${SET}}')`);
    expect(breakCall).not.toContain('Copy-Item');
    // "Copy as script" and the review step show exactly what was sent, and where it runs.
    expect(plan).toEqual([{ tool: 'powershell', runsOn: 'SQL01', text: importCall }]);
    expect(breakPlan).toEqual([{ tool: 'powershell', runsOn: 'SQL01', text: breakCall }]);
    expect(setState(dataDir)).toBe('broken');
  });

  it('a console on the import host copies nothing: the .cab is already where diskshadow loads it', async () => {
    const onNode = openConsole(sqlclusDataDir(), [], 'SQL01');
    const [command] = await onNode.backend.previewCommands([{ operation: 'importSnapshotSet', setId: SET, host: 'SQL01' }]);
    expect(command?.text).toContain("New-PSSession -ComputerName 'SQL01'");
    expect(command?.text).not.toContain('Copy-Item');
  });

  it('a whole recovery from a console on ADMIN01: every command goes to its node, the .cab to SQL01 before the import', async () => {
    const dataDir = sqlclusDataDir();
    const { engine, launcher, changes, calls } = openConsole(
      dataDir,
      wholeRunFromAdminWorkstation(transcript('plan', ...CLEAN_RUN)),
      'ADMIN01',
    );
    const run = await engine.start({ setId: SET }, ACKNOWLEDGED, { autoConfirm: true });
    const done = await engine.settled(run.id);

    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(launcher.remaining).toBe(0);
    expect(changes()).toEqual([
      'Stop-ClusterResource Cluster Disk 1 on SQL01',
      'Stop-ClusterResource Cluster Disk 2 on SQL01',
      // SQL01 holds the originals' disks: diskraid runs there, through remoting, and uninstalls them before masking.
      'diskraid select lun 5: unmask lun none uninstall on SQL01',
      'diskraid select lun 6: unmask lun none uninstall on SQL01',
      IMPORT,
      BREAK,
      `diskraid select lun 7: ${BOTH_NODES}`,
      `diskraid select lun 8: ${BOTH_NODES}`,
      'Start-ClusterResource Cluster Disk 1 on SQL01',
      'Start-ClusterResource Cluster Disk 2 on SQL01',
      ...MAINTENANCE_WINDOW,
      'Start-ClusterResource SQL Server on SQL01',
    ]);
    const detail = engine.get(run.id);
    const ran = new Set(detail.steps.filter((s) => s.state === 'succeeded').map((s) => s.id));
    const planned = detail.plan.steps.filter((s) => ran.has(s.id)).flatMap((s) => s.commands);
    // Only the masking that takes a LUN from nobody runs on the console; every other command runs on its node: the
    // diskraid sessions that take the originals from SQL01, each checking the LUN's identity there before unmasking,
    // then the import, copying the .cab first, and the break.
    expect(planned.filter((c) => c.runsOn === 'ADMIN01').map((c) => /WriteLine\('(unmask lun [^']+)'\)/.exec(c.text)?.[1])).toEqual([
      BOTH_NODES,
      BOTH_NODES,
    ]);
    const sessions = planned.filter((c) => c.text.includes('New-PSSession'));
    expect(sessions.map((c) => [c.runsOn, c.text.includes('diskraid.exe'), c.text.includes('Copy-Item')])).toEqual([
      ['SQL01', true, false],
      ['SQL01', true, false],
      ['SQL01', false, true],
      ['SQL01', false, false],
    ]);
    for (const session of sessions.slice(0, 2))
      expectInOrder(session.text, [
        "New-PSSession -ComputerName 'SQL01'",
        "WriteLine('detail lun')",
        'IndexOf(',
        "WriteLine('unmask lun none uninstall')",
        'Remove-PSSession',
      ]);
    expect(calls().filter((c) => c.tool !== 'powershell' && c.tool !== 'whoami')).toEqual([]);
    expect(setState(dataDir)).toBe('broken');
    expect(planned.map((c) => c.text)).toEqual(calls().filter(changesSomething).map(shownAs));
  });
});
