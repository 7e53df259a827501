/**
 * Turning a failed (or silently partial) tool run into an operator-language ShadowSwapError:
 * what happened, why, and what to do next, with {hresult, symbol, tool} in details.
 *
 * Codes first: tools print their messages in the server's display language, but HRESULTs, Win32 codes,
 * VSS symbols and exit codes are the same in every language (docs/windows-channels.md). Numeric values come ONLY
 * from public pages (docs/windows-facts.md#vss-status-codes, docs/windows-facts.md#calls-that-must-run-on-the-owner-node);
 * HRESULT_FROM_WIN32(code) = 0x80070000 | code is computed, not looked up. A condition whose number those pages
 * do not give (VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED) is recognized by its symbol name or its text, and any HRESULT
 * printed next to it is reported as printed. The English sentences below are matched only
 * after every code; where nothing explains a failure, the tool's own last lines are quoted verbatim in the message.
 *
 * Diskshadow documents no exit codes, so its output is always scanned (docs/windows-facts.md#diskshadow-exit-codes).
 */
import { ShadowSwapError } from '../../../shared/errors';
import { formatHresult, hresultOf, type WindowsCodeSymbol } from './windows-codes';
import { DISKRAID_EXIT_CODES } from './parsers/parse-diskraid';
import { CONSOLE_WIDTHS, displayWidth, splitPhysicalLines } from './parsers/text-lines';
import type { ParseError } from './parsers/parse-error';

export type WindowsTool = 'diskshadow' | 'vshadow' | 'vssadmin' | 'diskraid' | 'powershell';

interface Explanation {
  symbol: string;
  what: string;
  why: string;
  next: string;
}

/** VSS HRESULTs with the values the BreakSnapshotSetEx and RecoverSet pages give (docs/windows-facts.md#vss-status-codes). */
export const VSS_HRESULTS: ReadonlyMap<number, Explanation> = new Map([
  [
    hresultOf('VSS_E_BREAK_REVERT_ID_FAILED'),
    {
      symbol: 'VSS_E_BREAK_REVERT_ID_FAILED',
      what: 'Breaking the shadow copy set with disk identity revert failed',
      why: 'at least one original LUN is still visible to this computer, so reverting the shadow LUNs to the original disk signatures would cause a signature collision; no identity was reverted',
      next: 'Mask the original LUNs from this computer (and every cluster node), rescan, then run the break again; or break without identity revert and re-point the cluster disk resource',
    },
  ],
  [
    hresultOf('VSS_E_OBJECT_NOT_FOUND'),
    {
      symbol: 'VSS_E_OBJECT_NOT_FOUND',
      what: 'The shadow copy set or shadow copy was not found',
      why: 'it is not known to VSS on this computer: it may not be imported yet, may already have been broken (a broken set no longer exists for VSS), or the ID is wrong',
      next: 'List the shadow copies on this host, check the set ID against the create log, and import the set first if needed',
    },
  ],
  [
    hresultOf('VSS_E_PROVIDER_VETO'),
    {
      symbol: 'VSS_E_PROVIDER_VETO',
      what: 'The shadow copy provider refused the operation',
      why: 'the provider vetoed it; for a break this means the set was made by a software provider, which cannot be broken',
      next: "Check the Application event log for the provider's error, and make sure the set was created with the array's hardware provider",
    },
  ],
  [
    hresultOf('VSS_E_BAD_STATE'),
    {
      symbol: 'VSS_E_BAD_STATE',
      what: 'VSS refused the call in its current state',
      why: 'the operation was called out of order (for example an import without the saved Backup Components Document, or while another VSS operation was in progress)',
      next: 'Wait for other backup or shadow copy jobs to finish, then run this step again from the beginning',
    },
  ],
  [
    hresultOf('VSS_E_LEGACY_PROVIDER'),
    {
      symbol: 'VSS_E_LEGACY_PROVIDER',
      what: 'The shadow copy provider does not support this operation',
      why: 'it is a legacy provider without LUN resync support',
      next: 'Use the LUN swap procedure (import, break, mask/unmask) instead of resync, or update the hardware provider',
    },
  ],
  [
    hresultOf('VSS_E_UNSELECTED_VOLUME'),
    {
      symbol: 'VSS_E_UNSELECTED_VOLUME',
      what: 'The resync would overwrite volumes that were not selected',
      why: 'the target LUN holds other volumes that are not part of this recovery',
      next: 'Include every volume on the LUN in the recovery, or confirm explicitly that they may be overwritten',
    },
  ],
  [
    hresultOf('VSS_E_CANNOT_REVERT_DISKID'),
    {
      symbol: 'VSS_E_CANNOT_REVERT_DISKID',
      what: "The disk identity could not be reverted to the original disk's",
      why: 'VSS could not give the target LUN the signature of the original LUN',
      next: "Resync without identity revert, or check that no other disk on the host carries the original LUN's signature",
    },
  ],
]);

/** The Win32 code inside an HRESULT_FROM_WIN32 value: 5015 for 0x80071397. */
const win32Of = (symbol: WindowsCodeSymbol): number => hresultOf(symbol) & 0xffff;

/** Win32 cluster errors with their numbers (docs/windows-facts.md#calls-that-must-run-on-the-owner-node). */
export const WIN32_ERRORS: ReadonlyMap<number, Explanation> = new Map([
  [
    win32Of('ERROR_HOST_NODE_NOT_RESOURCE_OWNER'),
    {
      symbol: 'ERROR_HOST_NODE_NOT_RESOURCE_OWNER',
      what: 'The cluster refused the command because it ran on a node that does not own the resource',
      why: 'maintenance mode and online/offline changes must be made on the owner node, and the resource may have moved since it was last read',
      next: "Read the resource's current owner node again and run the command there",
    },
  ],
  [
    win32Of('ERROR_CLUSTER_RESOURCE_IS_IN_MAINTENANCE_MODE'),
    {
      symbol: 'ERROR_CLUSTER_RESOURCE_IS_IN_MAINTENANCE_MODE',
      what: 'The cluster refused the command because the resource is in maintenance mode',
      why: 'operations like this are blocked while maintenance mode is on',
      next: 'Finish the maintenance step (or resume the resource) first, then retry',
    },
  ],
]);

const fromWin32 = (code: number): number => (0x80070000 | code) >>> 0;

const ACCESS_DENIED: Explanation = {
  symbol: 'ACCESS_DENIED',
  what: 'Windows denied access',
  why: 'the account running the step lacks the rights it needs (diskshadow needs local Administrators membership), or the file or device is locked',
  next: 'Run the step as a member of the local Administrators group on that host, check that no other tool holds the disk or file, and retry',
};

const PARTIAL_IMPORT: Explanation = {
  symbol: 'VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED',
  what: 'The import was only partial: some shadow copies were not imported',
  why: 'VSS timed out waiting for some shadow LUNs to arrive after the provider unmasked them; VSS does not clean up after a failed import',
  next: 'Do not break the set. Rescan disks, check which shadow LUNs are visible, then clean up the imported LUNs and run the import again',
};

/** A partial import seen in what the host reports (CIM), not in what the tool printed: `evidence` says what was missing. */
export function partialImportExplanation(evidence: string): string {
  return `${PARTIAL_IMPORT.what} (${evidence}): ${PARTIAL_IMPORT.why}. ${PARTIAL_IMPORT.next}.`;
}

/**
 * System HRESULTs the tools print in every display language, where the sentence beside them is translated:
 * E_ACCESSDENIED = HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED = 5), https://learn.microsoft.com/en-us/windows/win32/seccrypto/common-hresult-values
 * and https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--0-499-.
 */
const SYSTEM_HRESULTS: ReadonlyMap<number, Explanation> = new Map([[fromWin32(5), ACCESS_DENIED]]);

/** Text conditions, checked in order; the first match wins. */
interface TextRule {
  re: RegExp;
  explanation: Explanation;
}

const TEXT_RULES: TextRule[] = [
  {
    re: /VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED/,
    explanation: PARTIAL_IMPORT,
  },
  {
    re: /don't have the correct permissions to run this command|elevated administrator privileges/i,
    explanation: {
      symbol: 'NOT_ELEVATED',
      what: 'The tool refused to run without administrator rights',
      why: 'the process was not started elevated (UAC), so the Volume Shadow Copy Service cannot be used',
      next: 'Run ShadowSwap (or the remote session) as an administrator and retry',
    },
  },
  {
    // PowerShell's remoting error (PSRemotingTransportException); before the generic rule, which would blame files.
    re: /Connecting to remote server \S+ failed with the following error message ?: ?Access is denied/i,
    explanation: {
      symbol: 'REMOTING_ACCESS_DENIED',
      what: 'PowerShell remoting to the node was refused (Access is denied)',
      why: 'the account is not an administrator on that node, or it is a local account, which UAC remote restrictions give a non-elevated token over WinRM',
      next: 'Run ShadowSwap as a domain account in the Administrators group of every cluster node (check with "Invoke-Command -ComputerName <node> { whoami }" from an elevated prompt), then retry',
    },
  },
  {
    // A CDXML cmdlet that finds no object for a filter without wildcards fails with ObjectNotFound and this
    // FullyQualifiedErrorId, the same in every display language (docs/windows-facts.md#get-disk-without-a-match-fails).
    re: /CmdletizationQuery_NotFound_UniqueId,Get-Disk/,
    explanation: {
      symbol: 'DISK_NOT_LISTED',
      what: 'The host lists no disk with that UniqueId',
      why: "Get-Disk found no disk with the LUN's page 0x83 identifier there: the array does not present the LUN to that host, or the host has not rescanned its disks since it was presented",
      next: "Check the LUN's masking and the host's zoning or iSCSI sessions, rescan the host's disks (Update-HostStorageCache), then retry",
    },
  },
  {
    re: /Access is denied/i,
    explanation: ACCESS_DENIED,
  },
  {
    re: /The\s+drive letter is already in use|is a drive letter already in use/i,
    explanation: {
      symbol: 'DRIVE_LETTER_IN_USE',
      what: 'The shadow copy could not be exposed',
      why: 'the requested drive letter is already in use on this host',
      next: 'Choose a free drive letter or an empty mount-point folder and retry',
    },
  },
  {
    re: /The metadata file name path specifies a directory that is read-only/i,
    explanation: {
      symbol: 'METADATA_PATH_READ_ONLY',
      what: 'diskshadow could not write the metadata .cab',
      why: 'the folder given for the metadata file is read-only',
      next: 'Choose a writable folder for the metadata file and create the set again',
    },
  },
  {
    re: /No filename was specified/i,
    explanation: {
      symbol: 'METADATA_PATH_MISSING',
      what: 'diskshadow was not given a metadata file name',
      why: 'the set metadata command had no file name',
      next: 'Report this: ShadowSwap always writes a metadata path, so the script was altered',
    },
  },
  {
    re: /This version of vshadow is not supported on this version of Windows/i,
    explanation: {
      symbol: 'VSHADOW_UNSUPPORTED_OS',
      what: 'vshadow refused to run on this Windows version',
      why: 'this vshadow build needs Windows 8 / Server 2012 or later',
      next: 'Use the vshadow build from the SDK that matches this Windows version, or use diskshadow',
    },
  },
  {
    re: /must be an existing file!|the -exec command cannot have parameters/i,
    explanation: {
      symbol: 'VSHADOW_EXEC_NOT_FILE',
      what: 'vshadow refused the -exec command',
      why: '-exec must name an existing file and cannot take parameters',
      next: 'Report this: ShadowSwap does not generate -exec',
    },
  },
  {
    re: /some volumes were not succesfully converted to read-write|Clearing the read-only flag failed/i,
    explanation: {
      symbol: 'READ_WRITE_INCOMPLETE',
      what: 'The set was broken but some volumes are still read-only',
      why: 'vshadow could not clear the read-only flag on every volume (a volume was not found on the system)',
      next: 'Rescan disks, then clear the read-only flag on the remaining disks (Set-Disk -IsReadOnly $false) before bringing resources online',
    },
  },
  {
    re: /expected signature of the disk was/i,
    explanation: {
      symbol: 'CLUSDISK_SIGNATURE_MISMATCH',
      what: 'The cluster could not find the disk for a Physical Disk resource',
      why: 'the disk now has a different signature than the resource expects (ClusDisk event 1034), as happens when a shadow LUN is broken without identity revert',
      next: 'Break with identity revert after masking the originals, or re-point the resource (DiskSignature/DiskIdGuid) as a last resort',
    },
  },
];

/** Generic diskshadow failure markers (no exit-code contract exists). */
const DISKSHADOW_FAILED = /The command script failed\.|The command script returned failure exit code|COM call "[^"]*" failed\./i;
const VSHADOW_FAILED = /^ERROR: |Error during the last asynchronous operation\./m;

const VSHADOW_EXIT: Readonly<Record<number, string>> = {
  1: 'bad arguments or object not found',
  2: 'a COM call (VSS) returned an error',
  3: 'memory allocation failed',
};

export interface ToolRun {
  tool: WindowsTool;
  /** Process exit code; null when the process did not exit normally. */
  exitCode: number | null;
  /** stdout + stderr (or the /l log), as captured. */
  output: string;
}

/** Collapses console wraps and whitespace so messages split across lines still match. */
function flatten(output: string): string {
  let out = '';
  let previousWidth = -1;
  for (const line of splitPhysicalLines(output)) {
    // A full console-width line continues on the next one (mid-token wrap,
    // docs/windows-facts.md#listings-depend-on-locale-console-width-and-case).
    out += CONSOLE_WIDTHS.includes(previousWidth) ? line : (out === '' ? '' : '\n') + line;
    previousWidth = displayWidth(line);
  }
  return out.replace(/[ \t]+/g, ' ');
}

/** Every 0x8XXXXXXX / 0x0004XXXX value printed in the output, in order. */
function printedHresults(output: string): number[] {
  const out: number[] = [];
  for (const m of output.matchAll(/\b0x([0-9a-fA-F]{8})\b/g)) {
    const n = Number.parseInt(m[1] ?? '0', 16);
    if (n >= 0x80000000) out.push(n);
  }
  return out;
}

/**
 * @param said the tool's own last words, for a failure no code explains: on a server in another display
 *   language they are the only account of what went wrong, so they are quoted verbatim, never interpreted.
 */
function build(
  tool: WindowsTool,
  e: Explanation,
  hresult: number | null,
  exitCode: number | null,
  evidence: string | null,
  said: readonly string[] = [],
): ShadowSwapError {
  const quoted = said.length === 0 ? '' : ` ${tool} said: "${said.join(' / ')}".`;
  return new ShadowSwapError('BACKEND_FAILED', `${e.what}: ${e.why}. ${e.next}.${quoted}`, {
    tool,
    // The parts apart as well, so a failed step can be shown as what happened, where to look and what to do (shared/step-failure.ts).
    what: e.what,
    why: e.why,
    next: e.next,
    hresult: hresult === null ? null : formatHresult(hresult),
    symbol: e.symbol,
    exitCode,
    ...(evidence === null ? {} : { evidence }),
    ...(said.length === 0 ? {} : { said }),
  });
}

/** Lines a tool prints that are not its account of a failure: script echoes, prompts, banners. */
const NOT_WORDS = /^(?:->|DISKSHADOW>|Microsoft DiskShadow|Copyright \(C\)|\(C\) Copyright|VSHADOW\.EXE |vssadmin \d)/i;

/** The last lines of output worth quoting when nothing else explains a failure (at most two). */
function lastWords(output: string): string[] {
  const lines = splitPhysicalLines(output)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !NOT_WORDS.test(line));
  return lines.slice(-2);
}

/** The error for a known HRESULT (VSS or HRESULT_FROM_WIN32 of a known cluster error), or null. */
export function explainHresult(hresult: number): Explanation | null {
  const n = hresult >>> 0;
  const known = VSS_HRESULTS.get(n) ?? SYSTEM_HRESULTS.get(n);
  if (known !== undefined) return known;
  for (const [code, e] of WIN32_ERRORS) if (fromWin32(code) === n) return e;
  return null;
}

export function errorForHresult(tool: WindowsTool, hresult: number, exitCode: number | null = null): ShadowSwapError {
  const known = explainHresult(hresult);
  if (known !== null) return build(tool, known, hresult >>> 0, exitCode, null);
  return build(
    tool,
    {
      symbol: 'UNKNOWN_HRESULT',
      what: `${tool} failed with HRESULT ${formatHresult(hresult >>> 0)}`,
      why: 'ShadowSwap does not have an explanation for this code',
      next: 'Look the code up in the tool log and the Application event log, fix the cause, and retry the step',
    },
    hresult >>> 0,
    exitCode,
    null,
  );
}

function evidenceLine(output: string, re: RegExp): string | null {
  const line = output.split(/\r\n|\r|\n/).find((l) => re.test(l));
  return line === undefined ? null : line.trim();
}

/**
 * The error a tool run represents, or null when it succeeded. Also returns an error for a partial import
 * even if the tool exited 0 (VSS_S_* codes are "success" codes).
 */
export function detectToolFailure(run: ToolRun): ShadowSwapError | null {
  const { tool, exitCode, output } = run;
  const flat = flatten(output);
  const printed = printedHresults(output);

  // 1. A specific HRESULT we can explain.
  for (const h of printed) {
    const e = explainHresult(h);
    if (e !== null) return build(tool, e, h, exitCode, evidenceLine(output, new RegExp(formatHresult(h).slice(2), 'i')));
  }
  // 2. Win32 cluster errors by symbol or decimal code ("error 5015", "(5015)").
  for (const [code, e] of WIN32_ERRORS) {
    if (flat.includes(e.symbol) || new RegExp(`(?:error(?: code)?:?\\s*|\\()${code}\\b`, 'i').test(flat)) {
      return build(tool, e, fromWin32(code), exitCode, null);
    }
  }
  // 3. Known messages.
  for (const rule of TEXT_RULES) {
    if (rule.re.test(flat)) return build(tool, rule.explanation, printed[0] ?? null, exitCode, evidenceLine(output, rule.re));
  }
  // 4. Generic failure markers and exit codes.
  if (tool === 'diskshadow' && DISKSHADOW_FAILED.test(flat)) {
    return build(
      tool,
      {
        symbol: 'DISKSHADOW_SCRIPT_FAILED',
        what: 'The diskshadow script failed',
        why: 'a diskshadow command or the VSS call behind it reported an error (see the log lines in details)',
        next: 'Read the diskshadow log for the failing command, fix its cause, and run the step again',
      },
      printed[0] ?? null,
      exitCode,
      evidenceLine(output, DISKSHADOW_FAILED),
      lastWords(output),
    );
  }
  if (tool === 'vshadow' && (VSHADOW_FAILED.test(output) || (exitCode !== null && exitCode !== 0))) {
    return build(
      tool,
      {
        symbol: 'VSHADOW_FAILED',
        what: 'vshadow failed',
        why:
          exitCode !== null && VSHADOW_EXIT[exitCode] !== undefined
            ? `it exited with code ${exitCode} (${VSHADOW_EXIT[exitCode]})`
            : 'it printed an error',
        next: 'Read the vshadow output in the run log (re-run with /tracing for more detail), fix the cause, and retry the step',
      },
      printed[0] ?? null,
      exitCode,
      evidenceLine(output, VSHADOW_FAILED),
      lastWords(output),
    );
  }
  if (tool === 'diskraid' && exitCode !== null && exitCode !== 0) {
    const meaning = DISKRAID_EXIT_CODES[exitCode];
    return build(
      tool,
      {
        symbol: `DISKRAID_EXIT_${exitCode}`,
        what: 'The diskraid masking script failed',
        why:
          meaning === undefined
            ? `diskraid exited with undocumented code ${exitCode}`
            : `diskraid exited with code ${exitCode}: ${meaning.replace(/\.$/, '')}`,
        next: 'Check the subsystem and LUN numbers with "list subsystems" / "list luns" and the array provider, then retry; masking is replace-not-add, so re-apply the full list',
      },
      null,
      exitCode,
      null,
      lastWords(output),
    );
  }
  if (exitCode !== null && exitCode !== 0) {
    return build(
      tool,
      {
        symbol: 'NONZERO_EXIT',
        what: `${tool} exited with code ${exitCode}`,
        why: 'the command reported a failure',
        next: 'Read the output in the run log, fix the cause, and retry the step',
      },
      printed[0] ?? null,
      exitCode,
      null,
      lastWords(output),
    );
  }
  if (exitCode === null) {
    return build(
      tool,
      {
        symbol: 'NO_EXIT_CODE',
        what: `${tool} did not exit normally`,
        why: 'the process was killed or crashed before it finished',
        next: 'Check the state of the volumes and LUNs with a fresh inventory before retrying the step',
      },
      printed[0] ?? null,
      exitCode,
      null,
      lastWords(output),
    );
  }
  return null;
}

/**
 * A tool answered in a form ShadowSwap could not read (another display language or tool version, a warning
 * printed into its output). The tool did run, so the operator is never told that nothing changed: a read changes
 * nothing, but whether a change took effect is not known from an answer that could not be read.
 */
export function unreadableAnswer(error: ParseError): ShadowSwapError {
  return new ShadowSwapError(
    'BACKEND_FAILED',
    `ShadowSwap could not read a Windows tool's answer: ${error.message}. The tool ran; if it was making a change, whether the change took effect is not known from that answer. ` +
      'Run the same command by hand on that host ("Copy as script" on the plan shows it) to see its whole answer, and check the disk, set or resource it acts on; then resume or roll back the run. ' +
      'If the answer is in a language or form ShadowSwap does not read, report it with that output.',
    { symbol: 'UNREADABLE_ANSWER', line: error.line },
  );
}
