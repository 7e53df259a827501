/**
 * Executable + argument ARRAYS for the tools. The runner spawns them without a shell
 * (docs/windows-facts.md#processes-started-without-a-shell), so no argument is ever re-split or expanded by cmd.exe.
 */
import { ShadowSwapError } from '../../../../shared/errors';
import { invalid, validateLocalFilePath } from './validate';

export interface ToolInvocation {
  command: string;
  args: string[];
}

const STAND_IN_PATH = /^(?:\/[A-Za-z0-9_.-]+)+$/;

/**
 * A script or log file the runner created in its private scratch folder. On Windows it is a drive-letter
 * path held to the same rules as paths inside scripts (validateLocalFilePath: no spaces, because diskshadow's
 * own /s parsing of a quoted path is undocumented). An absolute POSIX path is accepted only because the real
 * tools exist only on Windows: on Linux the runner is exercised with stand-in executables (tests, development),
 * and its scratch folder is a POSIX path.
 */
function validateToolFilePath(value: string, field: string, extensions: readonly string[]): string {
  if (!value.startsWith('/')) return validateLocalFilePath(value, field, extensions);
  const allowed = `an absolute path of letters, digits and - _ . ending in ${extensions.join(' or ')}`;
  if (!STAND_IN_PATH.test(value) || value.split('/').some((s) => s === '.' || s === '..')) {
    throw invalid(field, value, 'it has a character outside the allowed set or a "." or ".." segment', allowed);
  }
  if (!extensions.some((e) => value.toLowerCase().endsWith(e)))
    throw invalid(field, value, `it does not end with ${extensions.join(' or ')}`, allowed);
  return value;
}

/** `diskshadow.exe /s FILE /l LOG` — script mode with an output log (docs/windows-facts.md#diskshadow-grammar). */
export function diskshadowInvocation(scriptPath: string, logPath: string): ToolInvocation {
  const script = validateToolFilePath(scriptPath, 'diskshadow script file', ['.dsh', '.txt']);
  const log = validateToolFilePath(logPath, 'diskshadow log file', ['.log', '.txt']);
  return { command: 'diskshadow.exe', args: ['/s', script, '/l', log] };
}

/** `diskraid.exe /s FILE` (diskraid.md). */
export function diskraidInvocation(scriptPath: string): ToolInvocation {
  const script = validateToolFilePath(scriptPath, 'diskraid script file', ['.txt']);
  return { command: 'diskraid.exe', args: ['/s', script] };
}

/** `vshadow.exe <args>`; args come from vshadow-args.ts, already validated and ordered. */
export function vshadowInvocation(args: readonly string[]): ToolInvocation {
  return { command: 'vshadow.exe', args: [...args] };
}

/**
 * `powershell.exe -NoProfile -NonInteractive -Command <text>`. The command text comes from
 * powershell-commands.ts; it must not contain double quotes, because Windows argument quoting
 * (CommandLineToArgvW rules applied when the array is joined) would need escaping that PowerShell's
 * -Command parser then re-interprets. Our builders only use single quotes.
 */
export function powershellInvocation(commandText: string): ToolInvocation {
  if (commandText.includes('"') || /[\r\n\0]/.test(commandText) || !/^[\x20-\x7e]+$/.test(commandText)) {
    throw new ShadowSwapError(
      'INTERNAL',
      'A generated PowerShell command contains a double quote, line break or non-ASCII character; it was not run. Please report this.',
      { commandText },
    );
  }
  return { command: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-Command', commandText] };
}

/** `whoami.exe /groups`: the token's groups, including its mandatory integrity level label (doctor's elevation check). */
export function whoamiGroupsInvocation(): ToolInvocation {
  return { command: 'whoami.exe', args: ['/groups'] };
}
