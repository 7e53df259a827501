/**
 * A tool run on another host through one PowerShell remoting session (windows-tools/commands/tool-on-host-commands.ts):
 * what the tool answered there, for `succeeded` to judge as if it had run here. A failure of the session itself (host
 * unreachable, access denied, a refusal thrown there, the connection lost mid-run) is PowerShell's, explained as such;
 * whether the tool ran is then not known.
 */
import { parseToolOnHost } from '../../../windows-tools/parsers/parse-tool-on-host';
import type { WindowsContext } from '../state/windows-context';
import { succeeded, type ToolResult } from './tool-runner';

export async function toolOnHost<T extends 'diskshadow' | 'vshadow' | 'diskraid'>(
  context: WindowsContext,
  tool: T,
  command: string,
): Promise<ToolResult<T>> {
  const shell = succeeded(await context.runner.powershell(command));
  const answer = parseToolOnHost(shell.stdout, tool);
  return { tool, ...answer, log: null, durationMs: shell.durationMs };
}
