/**
 * The replay transcript of a domain controller's recovery steps on Windows (docs/recovery-procedure.md#domain-controllers):
 * a console on BACKUP01 restarts DC01 into DSRM, sets the restore flag, restarts it normally, resynchronises SYSVOL
 * from DC02 and verifies the restore. Synthetic, like the SQLCLUS segments: no capture of these calls on a real
 * server exists. The calls are built with the command builders the backend uses (a changed command fails the
 * replay); what each prints is shaped as the read script's ConvertTo-Json writes it, and repadmin's and dcdiag's
 * text as Microsoft's pages show it (docs/windows-facts.md#active-directory-restore).
 */
import {
  clearDsrmBootCommand,
  domainControllerHealthCommand,
  readDomainControllerCommand,
  restartAndWaitCommand,
  resyncSysvolCommand,
  setDsrmBootCommand,
  setRestoredFlagCommand,
} from '../../../../electron/core/windows-tools/commands/domain-controller-commands';
import type { TranscriptEntry } from '../../../../electron/core/backends/windows/running/transcript';

export const DC = 'DC01';
export const OLD_INVOCATION = '6f52b434-b4b8-4ef9-a0b5-5552a5a1e588';
export const NEW_INVOCATION = '4568ce1c-649f-4f77-a3c7-4007dfe7cf24';
/** The DC's clock when the plan read it; the run's events come after it. */
export const PLANNED_AT = '2026-11-30T07:58:12.1234567Z';
const RESTORED_AT = '2026-11-30T08:31:40.5501230Z';
const SYSVOL_AT = '2026-11-30T08:34:02.0000000Z';

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

type Phase = 'before' | 'dsrm' | 'dsrm-flagged' | 'restored' | 'sysvol';

/** What the read script prints for DC01 in each phase of the recovery. */
function status(phase: Phase): string {
  const normal = phase === 'before' || phase === 'restored' || phase === 'sysvol';
  const restored = phase === 'restored' || phase === 'sysvol';
  return JSON.stringify({
    ReadAt: restored ? SYSVOL_AT : PLANNED_AT,
    BootupState: normal ? 'Normal boot' : 'Fail-safe with network boot',
    NtdsRunning: normal,
    InvocationId: normal ? (restored ? NEW_INVOCATION : OLD_INVOCATION) : null,
    RestoreCount: restored ? 1 : null,
    RestoredFlag: phase === 'dsrm-flagged' ? 1 : null,
    DsaNotWritable: null,
    DatabasePath: 'D:\\NTDS\\ntds.dit',
    DatabasePresent: true,
    Shares: normal ? ['NETLOGON', 'SYSVOL'] : [],
    DirectoryEvents: restored ? [{ Id: 1109, At: RESTORED_AT }] : [],
    DfsrEvents:
      phase === 'sysvol'
        ? [
            { Id: 4604, At: SYSVOL_AT },
            { Id: 4614, At: SYSVOL_AT },
            { Id: 4114, At: SYSVOL_AT },
          ]
        : [],
    Partners: normal ? ['DC02'] : [],
  });
}

const read = (phase: Phase) => powershell(readDomainControllerCommand(DC), status(phase));

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

/** The step-by-step calls, in the order the engine makes them (probe, capture, action, probe), for each part. */
export const dcSegments = {
  plan: () => [read('before')],
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
  sysvol: () => [read('restored'), powershell(resyncSysvolCommand(DC, false), '', 0, 140_000), read('sysvol')],
  verify: () => [
    read('sysvol'),
    powershell(domainControllerHealthCommand(DC), JSON.stringify({ Replsummary: REPLSUMMARY, Dcdiag: DCDIAG })),
  ],
  afterTimeout: () => [read('restored')],
};
