/**
 * The replay transcript of a domain controller's recovery steps on Windows (docs/recovery-procedure.md#domain-controllers):
 * a console on BACKUP01 restarts DC01 into DSRM, sets the restore flag, restarts it normally, resynchronises SYSVOL
 * from DC02 and verifies the restore (`dcSegments`); or, DC01 being the only DC of contoso.local
 * (`standaloneDcSegments`), makes its SYSVOL authoritative and verifies it with nobody to replicate with. Synthetic, like the SQLCLUS segments: no capture of these calls on a real
 * server exists. The calls are built with the command builders the backend uses (a changed command fails the
 * replay); what each prints is shaped as the one reading's ConvertTo-Json writes it, and repadmin's and dcdiag's
 * text as Microsoft's pages show it (docs/windows-facts.md#active-directory-restore). The plan's reading carries the
 * domain facts its preflight weighs; the probes read DC01 alone; the verification adds repadmin and dcdiag.
 * Nothing here comes from the SAN map: DC01's DomainRole says it is a DC.
 */
import {
  clearDsrmBootCommand,
  readDomainControllerCommand,
  restartAndWaitCommand,
  resyncSysvolCommand,
  setDsrmBootCommand,
  setRestoredFlagCommand,
} from '../../../../electron/core/windows-tools/commands/domain-controller-commands';
import type { TranscriptEntry } from '../../../../electron/core/backends/windows/running/transcript';
import type { SnapshotSet } from '../../../../shared/domain';

export const DC = 'DC01';
export const OLD_INVOCATION = '6f52b434-b4b8-4ef9-a0b5-5552a5a1e588';
export const NEW_INVOCATION = '4568ce1c-649f-4f77-a3c7-4007dfe7cf24';
/** The DC's clock when the plan read it; the run's events come after it. */
export const PLANNED_AT = '2026-11-30T07:58:12.1234567Z';
const RESTORED_AT = '2026-11-30T08:31:40.5501230Z';
const SYSVOL_AT = '2026-11-30T08:34:02.0000000Z';

/** DC01's set: its database (D:), logs (L:) and SYSVOL (S:) volumes, taken with writers at `createdAt`. */
export function dcSet(createdAt: string): SnapshotSet {
  return {
    id: '6d1c9a52-0b7e-4f3a-9c21-5e8d7a4b3f10',
    createdAt,
    sourceHost: DC,
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
}

function powershell(command: string, stdout: string, exitCode = 0, durationMs = 900): TranscriptEntry {
  return {
    tool: 'powershell',
    argv: ['-NoProfile', '-NonInteractive', '-Command', command],
    script: null,
    stdout,
    stderr:
      exitCode === 0
        ? ''
        : 'Restart-Computer : Failed to restart the computer DC01 with the following error message: The operation timed out.',
    log: null,
    exitCode,
    ending: 'exited',
    durationMs,
    at: PLANNED_AT,
  };
}

/** repadmin's two tables list DC01's replications with DC02. */
const REPLSUMMARY = [
  'Replication Summary Start Time: 2026-11-30 08:36:10',
  '',
  'Beginning data collection for replication summary, this may take awhile:',
  '  .....',
  '',
  '',
  'Source DSA          largest delta    fails/total %%   error',
  ' DC01                      03m:12s    0 /   5    0',
  '',
  'Destination DSA     largest delta    fails/total %%   error',
  ' DC01                      04m:01s    0 /   5    0',
  '',
].join('\r\n');

/** The only DC replicates with nobody: both tables without a row (synthetic: no capture of it exists). */
const REPLSUMMARY_ALONE = [
  'Replication Summary Start Time: 2026-11-30 08:36:10',
  '',
  'Beginning data collection for replication summary, this may take awhile:',
  '',
  '',
  'Source DSA          largest delta    fails/total %%   error',
  '',
  'Destination DSA     largest delta    fails/total %%   error',
  '',
].join('\r\n');

const DCDIAG = [
  'Directory Server Diagnosis',
  '',
  'Performing initial setup:',
  '   Done gathering initial info.',
  '',
  'Doing primary tests',
  '',
  '   Testing server: Default-First-Site-Name\\DC01',
  '      Starting test: Advertising',
  '         ......................... DC01 passed test Advertising',
  '      Starting test: Replications',
  '         ......................... DC01 passed test Replications',
  '      Starting test: SysVolCheck',
  '         ......................... DC01 passed test SysVolCheck',
  '',
].join('\r\n');

type Phase = 'before' | 'dsrm' | 'dsrm-flagged' | 'restored' | 'sysvol';
type Part = 'domainFacts' | 'health';
/** DC01 with DC02 as its partner, or DC01 the only DC of contoso.local. */
type Domain = 'pair' | 'alone';

const NTDS_SETTINGS = (dc: string) =>
  `CN=NTDS Settings,CN=${dc},CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=contoso,DC=local`;
const FSMO_ROLES = ['SchemaMaster', 'DomainNamingMaster', 'PDCEmulator', 'RIDMaster', 'InfrastructureMaster'];

/** What the reading prints for DC01 in each phase of the recovery, with the part it was asked for. */
function reading(domain: Domain, phase: Phase, part: Part | null): string {
  const alone = domain === 'alone';
  const normal = phase === 'before' || phase === 'restored' || phase === 'sysvol';
  const restored = phase === 'restored' || phase === 'sysvol';
  return JSON.stringify({
    ReadAt: restored ? SYSVOL_AT : PLANNED_AT,
    Name: DC,
    Domain: 'contoso.local',
    DomainRole: 5,
    BootupState: normal ? 'Normal boot' : 'Fail-safe with network boot',
    SystemDrive: 'C:',
    NtdsRunning: normal,
    IsReadOnly: false,
    InvocationId: normal ? (restored ? NEW_INVOCATION : OLD_INVOCATION) : null,
    DatabasePath: 'D:\\NTDS\\ntds.dit',
    LogPath: 'L:\\',
    SysVol: 'S:\\SYSVOL\\sysvol',
    DatabasePresent: true,
    RestoreCount: restored ? 1 : null,
    RestoredFlag: phase === 'dsrm-flagged' ? 1 : null,
    DsaNotWritable: null,
    Shares: normal ? ['NETLOGON', 'SYSVOL'] : [],
    DirectoryEvents: restored ? [{ Id: 1109, At: RESTORED_AT }] : [],
    // SYSVOL initialised from a partner (4604), or as the copy of record on the only DC (4602).
    DfsrEvents:
      phase === 'sysvol'
        ? [
            { Id: alone ? 4602 : 4604, At: SYSVOL_AT },
            { Id: 4614, At: SYSVOL_AT },
            { Id: 4114, At: SYSVOL_AT },
          ]
        : [],
    DomainControllers: normal ? [{ Name: 'DC01', IsReadOnly: false }, ...(alone ? [] : [{ Name: 'DC02', IsReadOnly: false }])] : [],
    DomainFacts:
      part === 'domainFacts' && normal
        ? {
            TombstoneLifetime: 180,
            ReplicationFailures: [],
            FsmoRoles: FSMO_ROLES.map((Role) => ({
              Role,
              Owner: NTDS_SETTINGS('DC01'),
              ChangedAt: '2021-06-01T08:00:00.0000000Z',
              ChangedOn: NTDS_SETTINGS('DC01'),
            })),
          }
        : null,
    Health: part === 'health' ? { Replsummary: alone ? REPLSUMMARY_ALONE : REPLSUMMARY, Dcdiag: DCDIAG } : null,
  });
}

/** The probes' reading (DC01 alone), the plan's (with the domain facts) and the verification's (with its health). */
function segmentsOf(domain: Domain) {
  const read = (phase: Phase, part: Part | null = null) =>
    powershell(readDomainControllerCommand({ computer: DC, ...(part && { [part]: true }) }), reading(domain, phase, part));
  /** The step-by-step calls, in the order the engine makes them (probe, capture, action, probe), for each part. */
  return {
    plan: () => [read('before', 'domainFacts')],
    enterDsrm: () => [
      read('before'),
      powershell(setDsrmBootCommand(DC), ''),
      powershell(restartAndWaitCommand(DC), '', 0, 212_000),
      read('dsrm'),
    ],
    flag: () => [read('dsrm'), read('dsrm'), powershell(setRestoredFlagCommand(DC), ''), read('dsrm-flagged')],
    leaveDsrm: () => [
      read('dsrm-flagged'),
      powershell(clearDsrmBootCommand(DC), ''),
      powershell(restartAndWaitCommand(DC), '', 0, 305_000),
      read('restored'),
    ],
    /** The restart back to a normal start timed out waiting, yet DC01 came up normally on the recovered database. */
    leaveDsrmTimedOut: () => [
      read('dsrm-flagged'),
      powershell(clearDsrmBootCommand(DC), ''),
      powershell(restartAndWaitCommand(DC), '', 1, 1_800_000),
    ],
    sysvol: () => [read('restored'), powershell(resyncSysvolCommand(DC, domain === 'alone'), '', 0, 140_000), read('sysvol')],
    verify: () => [read('sysvol', 'health')],
    afterTimeout: () => [read('restored')],
  };
}

export const dcSegments = segmentsOf('pair');
export const standaloneDcSegments = segmentsOf('alone');
