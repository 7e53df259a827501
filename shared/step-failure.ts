/**
 * A failed step as the operator reads it, in the console and the CLI alike: the step in operator words, what
 * happened (the code and what it means), where to look, and what to do next. Built from the journaled error, so a
 * run read back days later says the same. Where each component records more than its tool prints is in
 * docs/windows-facts.md#vss-status-codes.
 */
import { z } from 'zod';
import type { WireError } from './errors';

export const StepFailure = z.object({
  /** The step's title: already in operator words ("Import the snapshot set on SQL01"). */
  step: z.string(),
  happened: z.string(),
  /** The code as printed, with its meaning ("VSS_E_PROVIDER_VETO 0x80042306: The shadow copy provider had an error…"); null when none. */
  code: z.string().nullable(),
  lookAt: z.array(z.string()),
  next: z.string(),
});
export type StepFailure = z.infer<typeof StepFailure>;

const VSS_TOOLS = new Set(['diskshadow', 'vshadow', 'vssadmin']);

function text(error: WireError, key: string): string | null {
  const value = error.details?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The code and its meaning: the symbol, the HRESULT or exit code, and the system's own text when known. */
function codeOf(error: WireError): string | null {
  const symbol = text(error, 'symbol');
  const hresult = text(error, 'hresult');
  const exitCode = error.details?.exitCode;
  const number = hresult ?? (typeof exitCode === 'number' ? `exit code ${exitCode}` : null);
  const name = [symbol, number].filter((part): part is string => part !== null).join(' ');
  if (name === '') return null;
  const meaning = text(error, 'text') ?? text(error, 'what');
  return meaning === null ? name : `${name}: ${meaning}`;
}

/** A cluster error is a Win32 code of the cluster range (5000–5999) as an HRESULT: 0x80070000 | code. */
function isClusterCode(hresult: string | null): boolean {
  if (hresult === null || !/^0x[0-9a-f]{8}$/i.test(hresult)) return false;
  const n = Number.parseInt(hresult.slice(2), 16);
  const win32 = n & 0xffff;
  return n >>> 16 === 0x8007 && win32 >= 5000 && win32 <= 5999;
}

/** Where the component behind the code records more than the tool prints. */
function placesFor(error: WireError): string[] {
  const symbol = text(error, 'symbol') ?? '';
  const tool = text(error, 'tool');
  const places: string[] = [];
  if (symbol.startsWith('VSS_') || (tool !== null && VSS_TOOLS.has(tool)))
    places.push('the Application event log on the host that ran the step: VSS and the hardware provider write their errors there');
  if (symbol.startsWith('VDS_') || tool === 'diskraid')
    places.push("the array's own event log: the Virtual Disk Service only relays what the array's hardware provider answered");
  if (isClusterCode(text(error, 'hresult')))
    places.push('the cluster log: Get-ClusterLog writes cluster.log for each node into C:\\Windows\\Cluster\\Reports');
  return places;
}

const DEFAULT_NEXT = 'Fix the cause, then resume the run (it runs this step again; what is already in place is skipped) or roll it back';

/**
 * `journal` is the run's journal file: the tool's own lines are in the step's output and kept there.
 * `details.what`/`why`/`next` are the explanation a Windows tool failure carries (electron/core/windows-tools/errors.ts).
 */
export function stepFailure(stepTitle: string, error: WireError, journal: string): StepFailure {
  const what = text(error, 'what');
  const why = text(error, 'why');
  return {
    step: stepTitle,
    happened: what !== null && why !== null ? `${what}: ${why}.` : error.message,
    code: codeOf(error),
    lookAt: [...placesFor(error), `the step's output below, also kept in the run journal ${journal}`],
    next: text(error, 'next') ?? DEFAULT_NEXT,
  };
}

/** The same four parts as lines of text, for the CLI and reports. */
export function stepFailureLines(failure: StepFailure): string[] {
  return [
    `Step failed: ${failure.step}`,
    `What happened: ${failure.happened}`,
    ...(failure.code === null ? [] : [`Code: ${failure.code}`]),
    `Where to look: ${failure.lookAt.join('; ')}`,
    `What to do: ${failure.next}.`,
  ];
}
