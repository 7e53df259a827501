/**
 * The SQLCLUS replay transcripts: the synthetic segments in tests/fixtures/windows/transcripts, plus the calls the
 * Windows backend has made since they were written, built here from the same command builders the backend uses
 * (so a changed command still fails the replay) instead of editing the segment files:
 *
 * - every cluster reading now also asks Get-ClusterResourceDependency, which answers that SQL Server depends on
 *   both disks and the cluster name on its IP address (synthetic, like the segments: no capture of it exists);
 * - step 1 reads the cluster once more before stopping anything, to record SQL Server's state;
 * - a new step after the disks are back starts SQL Server, which Stop-ClusterResource took offline with them;
 * - verify then finds SQL Server Online (the recorded verify segment saw it left Offline), and reads it once more;
 * - a rollback that restarts the disks then restarts SQL Server;
 * - a rollback that unmasks the originals to both nodes again then rescans each node and asks it for its disks, which
 *   list the originals as they did when the plan was made (before the disks are started again);
 * - a successful import is read back through CIM (Get-CimInstance Win32_ShadowCopy, the same in every display
 *   language), which lists the set's two shadow copies as imported (synthetic, shaped as ConvertTo-Json writes
 *   the documented properties; no capture of it exists).
 * - while the set is imported on SQL01, every inventory of it reads Win32_ShadowCopy there, which lists the same two
 *   shadow copies: the import step's probe after the import, then the break step's probe and capture before vshadow;
 *
 * - masking on this VDS-only array is one checked diskraid session driven by PowerShell (diskraid-session.ts) instead
 *   of a `diskraid /s` script: each recorded diskraid call becomes that session, with the same outcome;
 * - preflight then checks, with one Test-Path, that the set's metadata .cab is on the import host (it is);
 * - a new step after the unmask rescans each node (Update-HostStorageCache, through remoting even to SQL01) and asks
 *   each node for its own disks: SQL02 lists the recovered disks only after its rescan (its readings are those the
 *   step-6 segment recorded, less the two shadow disks before the rescan);
 * - step 5's probe and the verify step read the disks from the node they concern (SQL01, the import host and owner
 *   node), with its own Get-Disk through remoting, instead of taking whichever host answered first (SQL01 lists what
 *   it listed locally in the recorded verify segment).
 *
 * - step 5 (make the volumes usable) no longer runs right after the break, where the break had left the disks
 *   writable and the step was skipped: it runs after the disks are started, reads the partitions through Get-Partition
 *   (the break left them read-only, hidden, shadow copy, no default drive letter, without a letter), puts each disk in
 *   maintenance mode, clears the attributes and gives back E: and F: with Set-Disk and Set-Partition, ends maintenance
 *   mode, and reads everything back; verify reads the partitions once more. The Get-Partition and Set-Partition
 *   answers are synthetic, shaped as ConvertTo-Json writes the documented MSFT_Partition properties (no capture of
 *   them exists).
 *
 * - diskshadow import and break and vshadow's break run on the import host through one PowerShell remoting session
 *   (tool-on-host-commands.ts; here the console and the import host are both SQL01, so no .cab is copied): each
 *   recorded call becomes that session, answering the tool's exit code and output as one JSON object; preflight reads
 *   the .cab on the console, then the import host's readiness through remoting (synthetic, as the doctor's tests).
 *
 * - a run in maintenance mode (no recording of one exists): synthetic suspend, step-5 and resume segments built from
 *   the recorded readings, SQL Server taken offline on its owner node before the disks are suspended and started again
 *   after they are resumed (maintenance mode alone would leave it running on disks that vanish).
 *
 * A "cluster reading" is what listClusters asks, in order: the resource list, the dependencies, each disk's
 * parameters, the nodes, the groups.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { ownerNodeCommand } from '../../../../electron/core/windows-tools/render-operation';
import {
  diskshadowOnHostCommand,
  toolAnswerOnHostCommand,
  vshadowOnHostCommand,
} from '../../../../electron/core/windows-tools/commands/tool-on-host-commands';
import { checkedMaskingSessionCommand } from '../../../../electron/core/windows-tools/commands/diskraid-session';
import type { LunAccess } from '../../../../electron/core/windows-tools/commands/diskraid-scripts';
import {
  clearPartitionAttributesCommand,
  getClusterGroupCommand,
  getClusterResourceCommand,
  getClusterResourceDependencyCommand,
  getDataPartitionsCommand,
  getDiskCommand,
  getDiskResourceParametersCommand,
  getOperatingSystemCommand,
  getShadowCopiesCommand,
  metadataPresentCommand,
  nodeDisksCommand,
  nodeReadinessCommand,
  rescanNodeCommand,
  setDiskWritableCommand,
} from '../../../../electron/core/windows-tools/commands/powershell-commands';
import { readTranscript, type TranscriptEntry } from '../../../../electron/core/backends/windows/running/transcript';

const TRANSCRIPTS = fileURLToPath(new URL('../../../fixtures/windows/transcripts/', import.meta.url));
const CLUSTER = 'SQLCLUS';
const SQL_SERVER = 'SQL Server';
const OWNER = 'SQL01';
const ONLINE = 2;
const OFFLINE = 3;

const DEPENDENCIES = [
  { Resource: 'Cluster IP Address', DependencyExpression: '' },
  { Resource: 'Cluster Name', DependencyExpression: '[Cluster IP Address]' },
  { Resource: 'Cluster Disk 1', DependencyExpression: '' },
  { Resource: 'Cluster Disk 2', DependencyExpression: '' },
  { Resource: SQL_SERVER, DependencyExpression: '[Cluster Disk 1] and [Cluster Disk 2]' },
];

const commandOf = (entry: TranscriptEntry): string => entry.argv.at(-1) ?? '';
const isListing = (entry: TranscriptEntry): boolean => commandOf(entry) === getClusterResourceCommand({ cluster: CLUSTER });
const isGroups = (entry: TranscriptEntry): boolean => commandOf(entry) === getClusterGroupCommand({ cluster: CLUSTER });

function powershell(command: string, stdout: unknown, at: string): TranscriptEntry {
  return {
    tool: 'powershell',
    argv: ['-NoProfile', '-NonInteractive', '-Command', command],
    script: null,
    stdout: JSON.stringify(stdout),
    stderr: '',
    log: null,
    exitCode: 0,
    ending: 'exited',
    durationMs: 850,
    at,
  };
}

const SAN_LUNS = (
  JSON.parse(fs.readFileSync(path.join(TRANSCRIPTS, 'sqlclus.san-map.json'), 'utf8')) as {
    luns: { id: string; name: string; diskraidLun: number; uniqueId: string }[];
  }
).luns;
const METADATA = 'C:\\ShadowSwap\\metadata\\set-20220825T121610.cab';

function accessOf(list: string): LunAccess {
  if (list === 'none') return { kind: 'none' };
  if (list.startsWith('wwn=')) return { kind: 'wwn', wwns: list.slice(4).split(';') };
  throw new Error(`the segment unmasks with "${list}", which the replay does not translate`);
}

/** A recorded `diskraid /s` masking call as the checked session that replaces it, with the same output and outcome. */
function asCheckedSession(entry: TranscriptEntry): TranscriptEntry {
  const script = /select subsystem (\d+)\r\nselect lun (\d+)\r\nunmask lun (\S+)( uninstall)?\r\n/.exec(entry.script ?? '');
  const lun = SAN_LUNS.find((l) => l.diskraidLun === Number(script?.[2]));
  if (script === null || lun === undefined) throw new Error(`unexpected diskraid script in a segment: ${entry.script}`);
  const command = checkedMaskingSessionCommand({
    lunName: lun.name,
    subsystem: Number(script[1]),
    lun: lun.diskraidLun,
    uniqueId: lun.uniqueId,
    access: accessOf(script[3] ?? ''),
    uninstallLocalDisk: script[4] !== undefined,
  });
  return { ...entry, tool: 'powershell', argv: ['-NoProfile', '-NonInteractive', '-Command', command], script: null };
}

const isOsRead = (entry: TranscriptEntry): boolean => commandOf(entry) === getOperatingSystemCommand();

/** SQL01 answering the import host's readiness reading: an administrator session, diskshadow and vshadow there. */
export const SQL01_READY = {
  Caption: 'Microsoft Windows Server 2022 Datacenter',
  Version: '10.0.20348',
  ServicePackMajorVersion: 0,
  Administrator: true,
  DiskShadow: true,
  DiskRaid: true,
  VShadow: true,
  StorageSubSystems: ['Windows Storage on SQL01'],
};

/** The preflight's reads of the .cab on the console and of the import host, SQL01, through remoting. */
export function importPreflight(at: string, importHost = OWNER): TranscriptEntry[] {
  return [powershell(metadataPresentCommand({ path: METADATA }), true, at), powershell(nodeReadinessCommand(importHost), SQL01_READY, at)];
}

/** The tool's own answer as the remote session brings it back: its exit code, stdout and stderr in one object. */
export function toolAnswer(exitCode: number | null, stdout: string, stderr = ''): string {
  return JSON.stringify({ ExitCode: exitCode, Output: stdout, Errors: stderr });
}

/**
 * A recorded diskshadow or vshadow call as the remoting session that runs it on `host` now, answering what the tool
 * answered; `copyMetadata` when the console is another computer. A call the runner killed stays killed.
 */
export function onImportHost(entry: TranscriptEntry, host = OWNER, copyMetadata: string | null = null): TranscriptEntry {
  const command =
    entry.tool === 'vshadow'
      ? vshadowOnHostCommand({ host, args: entry.argv })
      : diskshadowOnHostCommand({ host, script: entry.script ?? '', copyMetadata });
  const exited = entry.ending === 'exited';
  return {
    ...entry,
    tool: 'powershell',
    argv: ['-NoProfile', '-NonInteractive', '-Command', command],
    script: null,
    stdout: exited ? toolAnswer(entry.exitCode, entry.stdout, entry.stderr) : '',
    stderr: '',
    exitCode: exited ? 0 : entry.exitCode,
  };
}

const LOCAL_SESSION_START = "$ErrorActionPreference = 'Stop'; ";
const LOCAL_SESSION_END = '; $log; exit $p.ExitCode';

/**
 * A recorded checked diskraid session (run on the console, PowerShell exiting with diskraid's exit code) as the one
 * remoting session that runs it on `host` now: the same statements there, diskraid's exit code and output answered as
 * one object. `uninstall` as it is sent there (the host loses the LUN, so it uninstalls its own disk first).
 */
export function diskraidOnHost(entry: TranscriptEntry, host: string, { uninstall = true } = {}): TranscriptEntry {
  const local = commandOf(entry);
  if (!local.startsWith(LOCAL_SESSION_START) || !local.endsWith(LOCAL_SESSION_END)) throw new Error('not a checked diskraid session');
  const statements = local
    .slice(LOCAL_SESSION_START.length, -LOCAL_SESSION_END.length)
    .replace(
      /WriteLine\('(unmask lun [^']*?)( uninstall)?'\)/,
      (_all, unmask: string) => `WriteLine('${unmask}${uninstall ? ' uninstall' : ''}')`,
    );
  const exited = entry.ending === 'exited';
  return {
    ...entry,
    argv: [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      toolAnswerOnHostCommand(host, `${statements}; [pscustomobject]@{ ExitCode = $p.ExitCode; Output = $log; Errors = '' }`),
    ],
    stdout: exited ? toolAnswer(entry.exitCode, entry.stdout.replace(/On computer: \S+/, `On computer: ${host}`)) : '',
    stderr: '',
    exitCode: exited ? 0 : entry.exitCode,
  };
}

/** Whether a call imports a set on a host (the remoting session holding diskshadow's `import` line). */
export const isImportOnHost = (entry: TranscriptEntry): boolean =>
  / 'import', /.test(commandOf(entry)) && commandOf(entry).includes('diskshadow.exe');

/** A recorded segment, each cluster reading followed by the dependency read it makes now, in today's calls. */
export function segment(name: string): TranscriptEntry[] {
  return readTranscript(path.join(TRANSCRIPTS, `${name}.synthetic.jsonl`)).flatMap((entry) => {
    if (isListing(entry)) return [entry, powershell(getClusterResourceDependencyCommand({ cluster: CLUSTER }), DEPENDENCIES, entry.at)];
    if (entry.tool === 'diskraid') return [asCheckedSession(entry)];
    if (isOsRead(entry)) return [entry, ...importPreflight(entry.at)];
    if (entry.tool === 'diskshadow' || entry.tool === 'vshadow') return [onImportHost(entry)];
    return [entry];
  });
}

/** The cluster reading that ends last before `end` (default: the segment's last). */
function lastReading(entries: readonly TranscriptEntry[], end = entries.length): TranscriptEntry[] {
  const start = entries.slice(0, end).findLastIndex(isListing);
  const stop = entries.findIndex((e, i) => i > start && isGroups(e));
  if (start < 0 || stop < 0) throw new Error('the segment holds no complete cluster reading');
  return entries.slice(start, stop + 1);
}

/** The same readings with resources in other states: what the cluster answers once a new call changed them. */
function withStates(entries: readonly TranscriptEntry[], states: Record<string, number>): TranscriptEntry[] {
  return entries.map((entry) => {
    if (!isListing(entry)) return entry;
    const resources = JSON.parse(entry.stdout) as Array<{ Name: string; State: number }>;
    return { ...entry, stdout: JSON.stringify(resources.map((r) => ({ ...r, State: states[r.Name] ?? r.State }))) };
  });
}

const DISKS_BACK = { 'Cluster Disk 1': ONLINE, 'Cluster Disk 2': ONLINE };

/**
 * The owner-node read and Start- or Stop-ClusterResource 'SQL Server', as startApplicationResource and
 * stopApplicationResource make them; the cmdlet answers the resource in its new state.
 */
function sqlServerCall(operation: 'startApplicationResource' | 'stopApplicationResource', at: string): TranscriptEntry[] {
  const sqlServer = (state: number) => ({
    Name: SQL_SERVER,
    State: state,
    OwnerGroup: 'SQL Server (MSSQLSERVER)',
    OwnerNode: OWNER,
    ResourceType: 'SQL Server',
  });
  const [before, after] = operation === 'startApplicationResource' ? [OFFLINE, ONLINE] : [ONLINE, OFFLINE];
  return [
    powershell(getClusterResourceCommand({ cluster: CLUSTER, names: [SQL_SERVER] }), sqlServer(before), at),
    powershell(ownerNodeCommand(operation, { cluster: CLUSTER, resource: SQL_SERVER, onNode: OWNER }), sqlServer(after), at),
  ];
}

const startSqlServer = (at: string): TranscriptEntry[] => sqlServerCall('startApplicationResource', at);

/** Step 1 records SQL Server's state before the stop takes it down: one more reading before the first stop. */
export function stopSegment(name: 'step-1-stop-resources' | 'step-1-stop-access-denied'): TranscriptEntry[] {
  const entries = segment(name);
  const firstStop = entries.findIndex((e) => commandOf(e).includes('Stop-ClusterResource'));
  const readResource = firstStop - 1; // runOwnerNodeOperation reads the resource just before it acts
  return [...entries.slice(0, readResource), ...lastReading(entries, readResource), ...entries.slice(readResource)];
}

/**
 * The new step: probe, capture and apply each read the cluster (disks back, SQL Server Offline), then the owner-node
 * read and Start-ClusterResource 'SQL Server'; the probe after it finds SQL Server Online.
 */
export function startDependentsSegment(): TranscriptEntry[] {
  const before = withStates(lastReading(segment('step-7-start-resources')), { ...DISKS_BACK, [SQL_SERVER]: OFFLINE });
  return [...before, ...before, ...before, ...startSqlServer(before.at(-1)?.at ?? ''), ...withStates(before, { [SQL_SERVER]: ONLINE })];
}

/** The Get-Disk a segment's console (SQL01) answered locally: SQL01's own disks at that point. */
function sql01Disks(entries: readonly TranscriptEntry[]): TranscriptEntry {
  const local = entries.find((e) => commandOf(e) === getDiskCommand());
  if (local === undefined) throw new Error('the segment holds no local Get-Disk');
  return local;
}

/** SQL01's own Get-Disk (through remoting), answering what SQL01 listed locally in the recorded verify segment. */
function sql01DisksAtVerify(sql01: (disks: unknown[]) => unknown[] = (disks) => disks): TranscriptEntry {
  const local = sql01Disks(segment('step-8-verify'));
  return powershell(nodeDisksCommand(OWNER), sql01(JSON.parse(local.stdout) as unknown[]), local.at);
}

/**
 * Verify after the new steps: after the inventory's disks it reads the recovered partitions, SQL Server is Online,
 * and it is read once more after the disks are checked. The recovered disks are read from their owner node, SQL01,
 * by its own Get-Disk (through remoting), once, after the first resource is read; `sql01` replaces what SQL01 lists
 * (its recorded local reading by default).
 */
export function verifySegment(sql01?: (disks: unknown[]) => unknown[]): TranscriptEntry[] {
  const entries = withStates(segment('step-8-verify'), { [SQL_SERVER]: ONLINE });
  const firstReadingEnds = entries.findIndex(isGroups) + 1;
  return [
    ...entries.slice(0, 2), // listLuns: Get-Disk on SQL01, then on SQL02
    ...partitionReads(true, entries[0]?.at ?? ''),
    ...entries.slice(2, firstReadingEnds),
    sql01DisksAtVerify(sql01),
    ...entries.slice(firstReadingEnds),
    ...lastReading(entries),
  ];
}

/** Each node rescans (Update-HostStorageCache) and is then asked for its own disks, listing what `disks` gives it. */
function rescanEach(disks: { SQL01: unknown[]; SQL02: unknown[] }, at: string): TranscriptEntry[] {
  return (['SQL01', 'SQL02'] as const).flatMap((node) => [
    powershell(rescanNodeCommand(node), disks[node], at),
    powershell(nodeDisksCommand(node), disks[node], at),
  ]);
}

/** What each node listed by Get-Disk when the plan was made (the originals among its disks): SQL01 locally, SQL02 remoted. */
function disksBeforeRun(): { SQL01: unknown[]; SQL02: unknown[] } {
  const reads = segment('plan').filter((e) => commandOf(e).includes('Get-Disk'));
  const [sql01, sql02] = [reads.find((e) => !commandOf(e).includes('Invoke-Command')), reads.find((e) => commandOf(e).includes("'SQL02'"))];
  if (sql01 === undefined || sql02 === undefined) throw new Error('the plan segment holds no Get-Disk of both nodes');
  return { SQL01: JSON.parse(sql01.stdout) as unknown[], SQL02: JSON.parse(sql02.stdout) as unknown[] };
}

/**
 * A rollback: once the originals are unmasked to both nodes again (the segment's last diskraid call), each node
 * rescans and lists them, as before the run; then the disks are started again and SQL Server, Online before the run,
 * is started too.
 */
export function rollbackSegment(name: 'rollback-after-break-failed' | 'rollback-after-partial-import'): TranscriptEntry[] {
  const entries = segment(name);
  const originalsBack = entries.findLastIndex((e) => commandOf(e).includes('diskraid.exe')) + 1;
  const at = entries[originalsBack - 1]?.at ?? '';
  const disksBack = withStates(lastReading(entries), { ...DISKS_BACK, [SQL_SERVER]: OFFLINE });
  return [
    ...entries.slice(0, originalsBack),
    ...rescanEach(disksBeforeRun(), at),
    ...entries.slice(originalsBack),
    ...disksBack,
    ...startSqlServer(entries.at(-1)?.at ?? ''),
  ];
}

/** A shadow copy of the SQLCLUS set as Win32_ShadowCopy reports it once imported on SQL01. */
function importedCopy(id: string, volume: string, device: number) {
  return {
    ID: `{${id.toUpperCase()}}`,
    SetID: '{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}',
    ProviderID: '{781C006A-5829-4A25-81E3-D5E43BD005AB}',
    DeviceObject: `\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy${device}`,
    VolumeName: volume,
    InstallDate: '/Date(1661429776000)/',
    OriginatingMachine: 'SQL01.contoso.local',
    ServiceMachine: 'SQL01.contoso.local',
    Count: 2,
    ExposedName: null,
    State: 12,
    Persistent: true,
    ClientAccessible: false,
    NoAutoRelease: true,
    NoWriters: false,
    Transportable: true,
    NotSurfaced: false,
    HardwareAssisted: true,
    Differential: true,
    Plex: false,
    Imported: true,
    ExposedRemotely: false,
    ExposedLocally: false,
  };
}

export const IMPORTED_COPIES = [
  importedCopy('5f1d8c2a-1b2c-4d3e-8f40-123456789abc', '\\\\?\\Volume{ab12cd34-0000-0000-0000-100000000000}\\', 7),
  importedCopy('6a2e9d3b-2c3d-4e4f-9051-23456789abcd', '\\\\?\\Volume{ab12cd34-0000-0000-0000-200000000000}\\', 8),
];

/** The import segment with its read-back through CIM on SQL01 after the diskshadow import, listing `copies`. */
export function importSegment(name: string, copies: readonly unknown[] = IMPORTED_COPIES): TranscriptEntry[] {
  const entries = segment(name);
  const at = entries.findIndex(isImportOnHost);
  const imported = entries[at];
  if (imported === undefined) throw new Error(`${name} holds no diskshadow import`);
  // ConvertTo-Json writes one object alone, not in an array.
  const stdout = copies.length === 1 ? copies[0] : copies;
  // A whole import is then checked by the step's probe, which reads the set, imported here, through CIM too.
  const probed = copies.length === IMPORTED_COPIES.length ? [powershell(getShadowCopiesCommand(), stdout, imported.at)] : [];
  return [...entries.slice(0, at + 1), powershell(getShadowCopiesCommand(OWNER), stdout, imported.at), ...entries.slice(at + 1), ...probed];
}

/**
 * A break segment after the inventory reads it makes now: the set is imported on SQL01, so the break step's probe and
 * capture each read it as Win32_ShadowCopy lists it there (the two shadow copies, imported), before vshadow runs.
 */
export function breakSegment(name: 'step-4-break-revert' | 'step-4-break-revert-failed'): TranscriptEntry[] {
  const entries = segment(name);
  const at = entries[0]?.at ?? '';
  const inventory = () => powershell(getShadowCopiesCommand(), IMPORTED_COPIES, at);
  return [inventory(), inventory(), ...entries];
}

// ---- step 5: the volumes made usable, after the disks are started, in a maintenance window ----

const DISKS = ['Cluster Disk 1', 'Cluster Disk 2'];
/** The recovered LUNs in plan order: the disk each backs, its MBR partition's volume, the letter its original had. */
const RECOVERED = [
  { lun: 'sql-data-shadow', disk: 3, volume: '\\\\?\\Volume{ab12cd34-0000-0000-0000-100000000000}\\', letter: 'E' },
  { lun: 'sql-log-shadow', disk: 4, volume: '\\\\?\\Volume{ab12cd34-0000-0000-0000-200000000000}\\', letter: 'F' },
].map((r) => ({ ...r, uniqueId: SAN_LUNS.find((l) => l.id === r.lun)?.uniqueId ?? '' }));

/** One MBR data partition as Get-Partition | ConvertTo-Json writes it alone (an object, not an array). */
function partition(r: (typeof RECOVERED)[number], usable: boolean) {
  return {
    DiskNumber: r.disk,
    PartitionNumber: 1,
    // A hidden partition has no drive letter and no volume GUID path: DriveLetter is a [char] 0.
    DriveLetter: usable ? r.letter : '\u0000',
    AccessPaths: usable ? [`${r.letter}:\\`, r.volume] : null,
    IsReadOnly: !usable,
    IsHidden: !usable,
    IsShadowCopy: !usable,
    NoDefaultDriveLetter: !usable,
  };
}

function partitionReads(usable: boolean, at: string): TranscriptEntry[] {
  return RECOVERED.map((r) => powershell(getDataPartitionsCommand({ disk: { uniqueId: r.uniqueId } }), partition(r, usable), at));
}

/** The readings with these disks' MaintenanceMode parameter at 1 (Online(Maintenance)). */
function withMaintenance(entries: readonly TranscriptEntry[], inMaintenance: readonly string[]): TranscriptEntry[] {
  return entries.map((entry) => {
    const disk = inMaintenance.find((name) => commandOf(entry) === getDiskResourceParametersCommand({ cluster: CLUSTER, resource: name }));
    if (disk === undefined) return entry;
    const parameters = JSON.parse(entry.stdout) as Array<{ Name: string; Value: unknown }>;
    return { ...entry, stdout: JSON.stringify(parameters.map((p) => (p.Name === 'MaintenanceMode' ? { ...p, Value: 1 } : p))) };
  });
}

/** The owner-node read of a disk and the Suspend- or Resume-ClusterResource call on it, as runOwnerNodeOperation makes them. */
function maintenanceCall(operation: 'suspendResource' | 'resumeResource', disk: string, at: string): TranscriptEntry[] {
  const resource = { Name: disk, State: ONLINE, OwnerGroup: 'SQL Server (MSSQLSERVER)', OwnerNode: OWNER, ResourceType: 'Physical Disk' };
  return [
    powershell(getClusterResourceCommand({ cluster: CLUSTER, names: [disk] }), resource, at),
    powershell(ownerNodeCommand(operation, { cluster: CLUSTER, resource: disk, onNode: OWNER }), resource, at),
  ];
}

/** Set-Disk then Set-Partition on each recovered disk, each answering with what it reads back. */
function makeUsable(disks: readonly TranscriptEntry[], at: string): TranscriptEntry[] {
  const listed = JSON.parse(disks[0]?.stdout ?? '[]') as Array<{ UniqueId: string }>;
  return RECOVERED.flatMap((r) => [
    powershell(
      setDiskWritableCommand({ disk: { uniqueId: r.uniqueId } }),
      listed.find((d) => d.UniqueId === r.uniqueId),
      at,
    ),
    powershell(clearPartitionAttributesCommand({ disk: { uniqueId: r.uniqueId }, driveLetter: `${r.letter}:` }), partition(r, true), at),
  ]);
}

/**
 * Step 5 after the disks are started: the probe (disks writable, partitions not), then each disk into maintenance
 * mode, the volumes read again (still not usable) then Set-Disk and Set-Partition, each disk out of it again, and the
 * probe that finds it all in place.
 */
export function makeReadWriteSegment(): TranscriptEntry[] {
  const disks = [sql01DisksAtVerify()]; // the probe reads the step's host, SQL01, by its own Get-Disk
  const at = disks[0]?.at ?? '';
  const reading = withStates(lastReading(segment('step-7-start-resources')), { ...DISKS_BACK, [SQL_SERVER]: OFFLINE });
  const [first = '', second = ''] = DISKS;
  return [
    ...disks,
    ...partitionReads(false, at),
    ...reading,
    ...maintenanceCall('suspendResource', first, at),
    ...withMaintenance(reading, [first]),
    ...maintenanceCall('suspendResource', second, at),
    ...disks,
    ...partitionReads(false, at),
    ...makeUsable(disks, at),
    ...withMaintenance(reading, DISKS),
    ...maintenanceCall('resumeResource', first, at),
    ...withMaintenance(reading, [second]),
    ...withMaintenance(reading, [second]),
    ...maintenanceCall('resumeResource', second, at),
    ...reading,
    ...disks,
    ...partitionReads(true, at),
    ...reading,
    ...reading,
  ];
}

// ---- maintenance mode: SQL Server stopped before the disks go into maintenance mode, started after it ends ----

/**
 * The suspend step (maintenance mode): SQL Server, Online before the run, is taken offline on its owner node before
 * the disks go into maintenance mode, then each disk is suspended there. Synthetic: no recording of a maintenance-mode
 * run exists; the readings are step 1's last one before its first stop (everything Online), with SQL Server and the
 * disks' MaintenanceMode changed as each call changes them.
 */
export function suspendSegment(): TranscriptEntry[] {
  const entries = segment('step-1-stop-resources');
  const firstStop = entries.findIndex((e) => commandOf(e).includes('Stop-ClusterResource'));
  const online = lastReading(entries, firstStop - 1); // runOwnerNodeOperation reads the resource just before it acts
  const at = entries[firstStop]?.at ?? '';
  const sqlServerDown = withStates(online, { [SQL_SERVER]: OFFLINE });
  const suspended = withMaintenance(sqlServerDown, DISKS);
  const [first = '', second = ''] = DISKS;
  return [
    ...online, // the probe: SQL Server still runs
    ...online, // the capture records SQL Server's state, then each disk's
    ...online,
    ...online,
    ...online, // SQL Server, read before it is stopped
    ...sqlServerCall('stopApplicationResource', at),
    ...sqlServerDown,
    ...maintenanceCall('suspendResource', first, at),
    ...withMaintenance(sqlServerDown, [first]),
    ...maintenanceCall('suspendResource', second, at),
    ...suspended, // the probe after: SQL Server offline, then each disk in maintenance mode
    ...suspended,
    ...suspended,
  ];
}

/**
 * Step 5 in maintenance mode: the disks are online in maintenance mode already, so no window of its own; the probe
 * (disks writable, partitions not), the volumes read again then Set-Disk and Set-Partition, and the probe after.
 */
export function makeReadWriteInMaintenanceSegment(): TranscriptEntry[] {
  const disks = [sql01DisksAtVerify()];
  const at = disks[0]?.at ?? '';
  return [
    ...disks,
    ...partitionReads(false, at),
    ...disks,
    ...partitionReads(false, at),
    ...makeUsable(disks, at),
    ...disks,
    ...partitionReads(true, at),
  ];
}

/**
 * The resume step: each disk, online in maintenance mode on the recovered LUN, leaves maintenance mode on its owner
 * node (Resume-ClusterResource) and reads Online after it, so nothing starts it; SQL Server stays Offline until the
 * start-dependents step. Synthetic readings, as the suspend step's.
 */
export function resumeSegment(): TranscriptEntry[] {
  const reading = withStates(lastReading(segment('step-7-start-resources')), { ...DISKS_BACK, [SQL_SERVER]: OFFLINE });
  const at = reading[0]?.at ?? '';
  const inMaintenance = withMaintenance(reading, DISKS);
  const [first = '', second = ''] = DISKS;
  return [
    ...inMaintenance, // the probe: Cluster Disk 1 is still in maintenance mode
    ...inMaintenance, // the capture, each disk
    ...inMaintenance,
    ...inMaintenance,
    ...maintenanceCall('resumeResource', first, at),
    ...withMaintenance(reading, [second]), // Online after the resume: not started again
    ...withMaintenance(reading, [second]),
    ...maintenanceCall('resumeResource', second, at),
    ...reading,
    ...reading, // the probe after, each disk
    ...reading,
  ];
}

const SHADOW_UNIQUE_IDS = new Set(SAN_LUNS.filter((l) => / shadow$/.test(l.name)).map((l) => l.uniqueId));

/** The last Get-Disk each node answered in the step-6 segment (after the unmask): what it lists once it has rescanned. */
function disksAfterUnmask(): { SQL01: unknown[]; SQL02: unknown[]; at: string } {
  const entries = segment('step-6-unmask-shadows').filter((e) => commandOf(e).includes('Get-Disk'));
  const last = (remote: boolean) => entries.findLast((e) => commandOf(e).includes('Invoke-Command') === remote);
  const local = last(false);
  const sql02 = last(true);
  if (local === undefined || sql02 === undefined) throw new Error('step-6-unmask-shadows holds no Get-Disk of both nodes');
  return { SQL01: JSON.parse(local.stdout) as unknown[], SQL02: JSON.parse(sql02.stdout) as unknown[], at: sql02.at };
}

const withoutShadows = (disks: unknown[]): unknown[] => disks.filter((d) => !SHADOW_UNIQUE_IDS.has((d as { UniqueId: string }).UniqueId));

/**
 * The rescan step: the probe asks each node for its disks (SQL02 has not discovered the recovered ones), then each
 * node rescans and is asked again (one operation per node; the replay runs them one at a time) and finds them, and
 * the engine's probe after the step finds them too. `sql02Finds`
 * false: SQL02 still does not list them after its rescan (a zoning or masking-set problem on that node).
 */
export function rescanSegment(sql02Finds = true): TranscriptEntry[] {
  const { SQL01, SQL02, at } = disksAfterUnmask();
  const sql02After = sql02Finds ? SQL02 : withoutShadows(SQL02);
  const read = (sql02: unknown[]) => [powershell(nodeDisksCommand('SQL01'), SQL01, at), powershell(nodeDisksCommand('SQL02'), sql02, at)];
  return [...read(withoutShadows(SQL02)), ...rescanEach({ SQL01, SQL02: sql02After }, at), ...(sql02Finds ? read(sql02After) : [])];
}
