/**
 * The replay transcript of a whole standalone DC recovery on Windows (docs/recovery-procedure.md#domain-controllers),
 * from a console on BACKUP01: DC01, the only DC of contoso.local, keeps its database (D:), logs (L:) and SYSVOL (S:)
 * on three iSCSI LUNs of a VDS-only array, as the Lab's `standalone-dc` estate does; last night's transportable set
 * holds all three (dcSet in dc-transcript.ts). The DC's own calls (its reading, DSRM in and out, the restore flag,
 * SYSVOL, the verification) are dc-transcript.ts's `standaloneDcSegments`; this module adds what the LUN swap between
 * DSRM's entry and exit asks. Synthetic, like every segment: no capture from a real server exists. Each call is built
 * with the command builder the backend uses (a changed command fails the replay); each answer is shaped as the
 * SQLCLUS segments' answers to the same call (sqlclus-transcript.ts): Get-Disk and Get-Partition as ConvertTo-Json
 * writes them, diskraid's banner, diskshadow and vshadow run on DC01 through one remoting session each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TranscriptEntry } from '../../../../electron/core/backends/windows/running/transcript';
import { buildImportScript } from '../../../../electron/core/windows-tools/commands/diskshadow-scripts';
import { checkedMaskingSessionOnHostCommand } from '../../../../electron/core/windows-tools/commands/diskraid-session';
import { initiatorPortsCommand, storageDiscoveryCommand } from '../../../../electron/core/windows-tools/commands/discovery-commands';
import {
  clearPartitionAttributesCommand,
  getDataPartitionsCommand,
  getDiskCommand,
  getShadowCopiesCommand,
  metadataPresentCommand,
  nodeReadinessCommand,
  setDiskWritableCommand,
} from '../../../../electron/core/windows-tools/commands/powershell-commands';
import { diskshadowOnHostCommand, vshadowOnHostCommand } from '../../../../electron/core/windows-tools/commands/tool-on-host-commands';
import { DC, dcSet, standaloneDcSegments } from './dc-transcript';
import { SQL01_READY, toolAnswer } from './sqlclus-transcript';

const TRANSCRIPTS = fileURLToPath(new URL('../../../fixtures/windows/transcripts/', import.meta.url));
export const CONSOLE = 'BACKUP01';
export const SET = dcSet('2026-11-30T06:58:00.000Z');
const AT = '2026-11-30T07:58:12.123Z';
const DC01_IQN = 'iqn.1991-05.com.microsoft:dc01.contoso.local';
const BACKUP01_WWN = '10000000c9b0c001';

/** DC01's three volumes: the LUN names the console gives them, the letter each had, and their array identifiers. */
const VOLUMES = ['NTDS', 'NTDS-LOGS', 'SYSVOL'].map((name, i) => ({
  index: i,
  name: `DC01-${name}`,
  letter: ['D', 'L', 'S'][i] ?? '',
  originalId: `60002AC0000000000000000B0000100${i}`,
  shadowId: `60002AC0000000000000000B0000200${i}`,
  volume: SET.shadowCopies[i]?.originalVolume ?? '',
}));

/**
 * The operator's SAN map: one VDS-only array (diskraid masks its LUNs), DC01 by its iSCSI initiator and BACKUP01 by its
 * FC port, the three originals seen by DC01 alone, and their shadow LUNs seen by nobody until the import.
 */
export function standaloneDcSanMap(): unknown {
  return {
    format: 'shadowswap-san-map',
    version: 1,
    metadataDir: 'C:\\ShadowSwap\\metadata',
    arrays: [
      {
        id: 'array1',
        name: 'Contoso X1',
        vendor: 'Contoso',
        model: 'X1',
        providerId: '781c006a-5829-4a25-81e3-d5e43bd005ab',
        providerName: 'Contoso X1 VSS Hardware Provider',
        diskraidSubsystem: 0,
      },
    ],
    hosts: [
      { name: DC, osVersion: 'Windows Server 2019 Standard', initiators: [{ kind: 'iscsi', iqn: DC01_IQN }] },
      { name: CONSOLE, osVersion: 'Windows Server 2022 Datacenter', initiators: [{ kind: 'fc', wwn: BACKUP01_WWN }] },
    ],
    luns: VOLUMES.flatMap((v) => [
      {
        id: `lun-${v.index}`,
        name: v.name,
        arrayId: 'array1',
        diskraidLun: v.index,
        uniqueId: v.originalId,
        maskedTo: [DC],
        shadowOf: null,
      },
      {
        id: `shadow-${v.index}`,
        name: `${v.name} shadow`,
        arrayId: 'array1',
        diskraidLun: 3 + v.index,
        uniqueId: v.shadowId,
        maskedTo: [],
        shadowOf: `lun-${v.index}`,
      },
    ]),
  };
}

export const METADATA = SET.metadataFile ?? '';

function powershell(command: string, stdout: unknown, durationMs = 1200): TranscriptEntry {
  return {
    tool: 'powershell',
    argv: ['-NoProfile', '-NonInteractive', '-Command', command],
    script: null,
    stdout: typeof stdout === 'string' ? stdout : JSON.stringify(stdout),
    stderr: '',
    log: null,
    exitCode: 0,
    ending: 'exited',
    durationMs,
    at: AT,
  };
}

const BOOT = {
  Number: 0,
  FriendlyName: 'Msft Virtual Disk',
  SerialNumber: '',
  Size: 136365211648,
  UniqueId: '60022480D5A1F2E3B4C5D6E7F8091A2B',
  UniqueIdFormat: 'FCPH Name',
  PartitionStyle: 'GPT',
  Signature: null,
  Guid: '{5C2E7A10-3B4D-4F6E-8A9B-0C1D2E3F4A5B}',
  IsReadOnly: false,
  IsOffline: false,
};
const arrayDisk = (number: number, uniqueId: string, index: number) => ({
  Number: number,
  FriendlyName: 'CONTOSO X1',
  SerialNumber: `X1-${uniqueId.slice(-5)}`,
  Size: [53687091200, 21474836480, 10737418240][index],
  UniqueId: uniqueId,
  UniqueIdFormat: 'FCPH Name',
  PartitionStyle: 'MBR',
  Signature: 0x1a2b3c40 + index,
  Guid: null,
  IsReadOnly: false,
  IsOffline: false,
});
/** What DC01 lists: its boot disk, the originals the array still shows it, and the shadow disks once imported. */
const dc01Disks = (originals: readonly number[], shadows: boolean) => [
  BOOT,
  ...VOLUMES.filter((v) => originals.includes(v.index)).map((v) => arrayDisk(v.index + 1, v.originalId, v.index)),
  ...(shadows ? VOLUMES.map((v) => arrayDisk(v.index + 4, v.shadowId, v.index)) : []),
];
/** BACKUP01 lists only its own boot disk: no LUN of DC01's is presented to it. */
const BACKUP01_DISKS = [{ ...BOOT, UniqueId: '60022480A9B8C7D6E5F4A3B2C1D0E9F8', Guid: '{7D3F8B21-4C5E-4A7F-9B0C-1D2E3F4A5B6C}' }];

/** The inventory's reading of the LUNs: Get-Disk on each host of the SAN map, DC01 through remoting, BACKUP01 here. */
const luns = (originals: readonly number[], shadows: boolean): TranscriptEntry[] => [
  powershell(getDiskCommand({ computer: DC }), dc01Disks(originals, shadows)),
  powershell(getDiskCommand(), BACKUP01_DISKS),
];
/** DC01's own Get-Disk, as the steps that concern it ask (the same command as the inventory's to DC01). */
const dc01Own = () => powershell(getDiskCommand({ computer: DC }), dc01Disks([], true));

const recorded = (name: string) =>
  fs
    .readFileSync(path.join(TRANSCRIPTS, `${name}.synthetic.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TranscriptEntry);

/**
 * Planning: the LUNs; discovery (no array answers the Storage Management API, so the array is the SAN map's; each
 * host's initiator ports); the console's elevation and Windows release (answered as the SQLCLUS console's); the .cab
 * on the console and DC01's readiness through remoting; then DC01 read as a DC with its domain facts.
 */
export function planSegment(): TranscriptEntry[] {
  const [whoami, os] = ['whoami', 'Win32_OperatingSystem'].map((call) =>
    recorded('plan').find((e) => e.tool === call || (e.argv.at(-1) ?? '').includes(`-ClassName ${call} `)),
  );
  if (whoami === undefined || os === undefined) throw new Error('the SQLCLUS plan segment changed');
  return [
    ...luns([0, 1, 2], false),
    powershell(storageDiscoveryCommand(), []),
    powershell(initiatorPortsCommand({ computer: DC }), [{ NodeAddress: DC01_IQN, PortAddress: 'ISCSI ANY PORT', ConnectionType: 2 }]),
    powershell(initiatorPortsCommand(), [{ NodeAddress: '20000000c9b0c001', PortAddress: BACKUP01_WWN, ConnectionType: 1 }]),
    whoami,
    os,
    powershell(metadataPresentCommand({ path: METADATA }), true),
    powershell(nodeReadinessCommand(DC), {
      ...SQL01_READY,
      Caption: 'Microsoft Windows Server 2019 Standard',
      Version: '10.0.17763',
      StorageSubSystems: ['Windows Storage on DC01'],
    }),
    ...standaloneDcSegments.plan(),
  ];
}

/** diskraid's banner and selections, as the SQLCLUS segments print them, on DC01. */
const diskraidSaid = (lun: number) =>
  [
    '',
    'Microsoft Diskraid version 10.0.20348.1',
    'Copyright (C) 1999-2018 Microsoft Corporation.',
    `On computer: ${DC}`,
    '',
    'Subsystem 0 is now the selected subsystem.',
    '',
    `LUN ${lun} is now the selected LUN.`,
    '',
  ].join('\r\n');

/**
 * Masking the originals away (DC01 is in DSRM): the step's probe and capture read the LUNs; each LUN is read, then its
 * checked diskraid session, on DC01 through remoting (DC01 holds the disks, BACKUP01 never had them), uninstalls the
 * disk there and sets `none`; the probes find them masked.
 */
export function maskSegment(): TranscriptEntry[] {
  const session = (i: number) =>
    powershell(
      checkedMaskingSessionOnHostCommand(DC, {
        lunName: VOLUMES[i]?.name ?? '',
        subsystem: 0,
        lun: i,
        uniqueId: VOLUMES[i]?.originalId ?? '',
        access: { kind: 'none' },
        uninstallLocalDisk: true,
      }),
      toolAnswer(0, diskraidSaid(i)),
      2600,
    );
  return [
    ...luns([0, 1, 2], false),
    ...luns([0, 1, 2], false),
    ...luns([0, 1, 2], false),
    session(0),
    ...luns([1, 2], false),
    session(1),
    ...luns([2], false),
    session(2),
    ...luns([], false),
    ...luns([], false),
  ];
}

/** The set's three shadow copies as Win32_ShadowCopy lists them on DC01 once imported. */
const IMPORTED = SET.shadowCopies.map((copy, i) => ({
  ID: `{${copy.id.toUpperCase()}}`,
  SetID: `{${SET.id.toUpperCase()}}`,
  ProviderID: '{781C006A-5829-4A25-81E3-D5E43BD005AB}',
  DeviceObject: `\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy${i + 3}`,
  VolumeName: copy.originalVolume,
  InstallDate: '/Date(1764485880000)/',
  OriginatingMachine: 'DC01.contoso.local',
  ServiceMachine: 'DC01.contoso.local',
  Count: 3,
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
}));

/**
 * The import on DC01 through one remoting session, the .cab copied there from BACKUP01 first (diskshadow's output as
 * the SQLCLUS import printed it, on DC01); the read-back through CIM on DC01, the import's probe, then the break's
 * probe and capture, each listing the three imported copies; then vshadow's break there.
 */
export function importAndBreakSegment(): TranscriptEntry[] {
  const diskshadowSaid = [
    'Microsoft DiskShadow version 1.0',
    'Copyright (C) 2013 Microsoft Corporation',
    'On computer:  DC01,  11/30/2026 8:05:11 AM',
    '',
    `-> load metadata ${METADATA}`,
    '-> import',
    '-> exit',
    '',
  ].join('\r\n');
  const vshadowSaid = [
    'VSHADOW.EXE 3.0 - Volume Shadow Copy sample client.',
    'Copyright (C) 2005 Microsoft Corporation. All rights reserved.',
    '',
    '(Option: make readwrite)',
    '(Option: force disk identity revert)',
    '(Option: Break shadow copy set using BreakSnapshotSetEx)',
    '- Setting the VSS context to: 0xffffffff',
    `- Calling BreakSnapshotSetEx on {${SET.id}} ...`,
    '(Waiting for the asynchronous operation to finish...)',
    'BreakEx done.',
    '',
  ].join('\r\n');
  const readCopies = () => powershell(getShadowCopiesCommand(DC), IMPORTED);
  return [
    powershell(
      diskshadowOnHostCommand({ host: DC, script: buildImportScript({ metadataPath: METADATA }), copyMetadata: METADATA }),
      toolAnswer(0, diskshadowSaid),
      95_000,
    ),
    readCopies(),
    readCopies(),
    readCopies(),
    readCopies(),
    powershell(vshadowOnHostCommand({ host: DC, args: ['-rw', '-forcerevert', `-bex={${SET.id}}`] }), toolAnswer(0, vshadowSaid), 21_000),
  ];
}

/** One data partition as Get-Partition | ConvertTo-Json writes it alone: as the break left it, or made usable. */
function partition(v: (typeof VOLUMES)[number], usable: boolean) {
  return {
    DiskNumber: v.index + 4,
    PartitionNumber: 1,
    DriveLetter: usable ? v.letter : '\u0000',
    AccessPaths: usable ? [`${v.letter}:\\`, v.volume] : null,
    IsReadOnly: !usable,
    IsHidden: !usable,
    IsShadowCopy: !usable,
    NoDefaultDriveLetter: !usable,
  };
}
const partitions = (usable: boolean) =>
  VOLUMES.map((v) => powershell(getDataPartitionsCommand({ disk: { uniqueId: v.shadowId }, computer: DC }), partition(v, usable)));

/**
 * After the break: the import surfaced the shadow LUNs to DC01, the one host that saw the originals, so the unmask's
 * probe finds their access list already DC01 and the rescan's finds DC01 listing them: both steps are skipped, as
 * they would be on the server. Then the volumes are made usable on DC01 (no cluster: no maintenance mode): the probe,
 * the capture, Set-Disk and Set-Partition on each (giving back D:, L: and S:), and the probe that finds them usable.
 */
export function unmaskRescanAndMakeUsableSegment(): TranscriptEntry[] {
  return [
    ...luns([], true),
    dc01Own(),
    dc01Own(),
    ...partitions(false),
    dc01Own(),
    ...partitions(false),
    ...VOLUMES.flatMap((v) => [
      powershell(setDiskWritableCommand({ disk: { uniqueId: v.shadowId }, computer: DC }), arrayDisk(v.index + 4, v.shadowId, v.index)),
      powershell(
        clearPartitionAttributesCommand({ disk: { uniqueId: v.shadowId }, driveLetter: `${v.letter}:`, computer: DC }),
        partition(v, true),
      ),
    ]),
    dc01Own(),
    ...partitions(true),
  ];
}

/** Verify: the LUNs, the recovered partitions, DC01's own disks, then the DC's reading with its health. */
export function verifySegment(): TranscriptEntry[] {
  return [...luns([], true), ...partitions(true), dc01Own(), ...standaloneDcSegments.verify()];
}

/** The whole run as BACKUP01 makes it, in order. */
export function wholeStandaloneDcRun(): TranscriptEntry[] {
  const dc = standaloneDcSegments;
  return [
    ...planSegment(),
    ...dc.enterDsrm(),
    ...maskSegment(),
    ...importAndBreakSegment(),
    ...unmaskRescanAndMakeUsableSegment(),
    ...dc.flag(),
    ...dc.leaveDsrm(),
    ...dc.sysvol(),
    ...verifySegment(),
  ];
}
