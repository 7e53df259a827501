/**
 * What this computer offers the Windows backend: which tools are present and whether the process is elevated.
 * The doctor reports it and the recovery preflight judges it; both read it here, so they cannot disagree. Another
 * host's readiness to run diskshadow is the doctor's per-node reading, made on that host through remoting
 * (docs/windows-facts.md#running-a-command-on-another-node); preflight and a create on a source host judge it here.
 *
 * Elevation is read from `whoami /groups`: the High Mandatory Level SID S-1-16-12288 (or System, S-1-16-16384)
 * is present only in an elevated token.
 */
import { nodeReadinessCommand } from '../../../windows-tools/commands/powershell-commands';
import { parseNodeReadiness, type NodeReadiness } from '../../../windows-tools/parsers/parse-node-readiness';
import type { ToolName } from './process-launcher';
import type { ToolLocation } from './tool-locator';
import type { ToolRunner } from './tool-runner';

/** Every tool the backend may start, in the order the doctor lists them. */
export const ALL_TOOLS: readonly ToolName[] = ['diskshadow', 'diskraid', 'vshadow', 'powershell', 'whoami'];
/** What the procedure cannot do without; vshadow is needed only for a break with identity revert. */
export const REQUIRED_TOOLS: readonly ToolName[] = ['diskshadow', 'diskraid', 'powershell'];
/** Integrity levels of an elevated token: High (administrator) and System. */
const ELEVATED_SIDS = ['S-1-16-12288', 'S-1-16-16384'];

export const failureText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function isPresent(tools: readonly ToolLocation[], tool: ToolName): boolean {
  return tools.find((t) => t.tool === tool)?.path != null;
}

export function missingRequiredTools(tools: readonly ToolLocation[]): ToolName[] {
  return REQUIRED_TOOLS.filter((tool) => !isPresent(tools, tool));
}

/** null when it could not be checked; `how` says how it was decided, or why it could not be. */
export interface Elevation {
  value: boolean | null;
  how: string;
}

export async function checkElevation(runner: ToolRunner, tools: readonly ToolLocation[]): Promise<Elevation> {
  if (!isPresent(tools, 'whoami')) return { value: null, how: 'not checked: whoami.exe was not found' };
  try {
    const groups = await runner.whoamiGroups();
    // A failed whoami printed no groups: that says nothing about the token, so it must not read as "not elevated".
    if (groups.exitCode !== 0) return { value: null, how: `whoami /groups exited with code ${groups.exitCode ?? 'none'}` };
    const value = ELEVATED_SIDS.some((sid) => groups.stdout.includes(sid));
    return {
      value,
      how: value
        ? 'whoami /groups lists the High Mandatory Level (S-1-16-12288)'
        : 'whoami /groups does not list the High Mandatory Level: not started as administrator',
    };
  } catch (error) {
    return { value: null, how: `whoami /groups failed: ${failureText(error)}` };
  }
}

/**
 * `host`'s readiness, read on it through remoting. Throws what PowerShell said when the host does not answer: a
 * remoting failure names its cause, where errors.ts would only know that powershell failed.
 */
export async function readHostReadiness(runner: ToolRunner, host: string): Promise<NodeReadiness> {
  const result = await runner.powershell(nodeReadinessCommand(host));
  const said = (result.stderr.trim() || result.stdout.trim()).split(/\r?\n/)[0] ?? '';
  if (result.exitCode !== 0) throw new Error(said === '' ? `powershell exited with code ${result.exitCode ?? 'none'}` : said);
  return parseNodeReadiness(result.stdout);
}

/** What to do when `host` does not answer over remoting. */
export function remotingFix(host: string): string {
  return `Check that ${host} is running, that WinRM is enabled on it (Enable-PSRemoting) and that Test-WSMan ${host} answers from here`;
}

/** Why diskshadow cannot run on a host that answered: an administrator session and diskshadow.exe there; none when it can. */
export function diskshadowLacks(node: NodeReadiness): string[] {
  return [
    ...(node.administrator === false ? ['the remote session is not an administrator there'] : []),
    ...(node.tools.diskshadow === false ? ['diskshadow.exe is not in its System32'] : []),
  ];
}

/** What to do when diskshadow cannot run on `host`. */
export function diskshadowFix(host: string): string {
  return `Run ShadowSwap as an account in the Administrators group of ${host}, on a Windows Server with diskshadow; "shadowswap doctor" checks each node.`;
}
