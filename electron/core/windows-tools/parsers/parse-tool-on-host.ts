/**
 * What a tool run on another host through remoting answered (tool-on-host-commands.ts): one object with its exit
 * code and the text it wrote to stdout and stderr. An answer without an exit code is refused: what the tool did is then
 * unknown, and a missing exit code must not read as success.
 */
import { ParseError } from './parse-error';
import { itemError, optionalInteger, optionalString, parsePowerShellJson } from './parse-powershell-json';

export interface ToolOnHostAnswer {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function parseToolOnHost(json: string, tool: string): ToolOnHostAnswer {
  const what = `${tool} run on another host through remoting`;
  const items = parsePowerShellJson(json, what);
  const [item] = items;
  if (item === undefined || items.length > 1)
    throw new ParseError(`${what}: expected one answer, got ${items.length}`, 1, json.slice(0, 200));
  const exitCode = optionalInteger(item, 'ExitCode', what);
  if (exitCode === null) throw itemError(what, item, 'ExitCode is missing, so whether the tool succeeded is unknown');
  return {
    exitCode,
    stdout: optionalString(item, 'Output', what) ?? '',
    stderr: optionalString(item, 'Errors', what) ?? '',
  };
}
