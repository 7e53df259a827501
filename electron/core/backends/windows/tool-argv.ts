/**
 * Executable + argument ARRAYS for the tools. The runner spawns them without a shell (DESIGN §5), so
 * no argument is ever re-split or expanded by cmd.exe.
 */
import { ShadowSwapError } from '../../../../shared/errors';
import { validateLocalFilePath } from './validate';

export interface ToolInvocation {
  command: string;
  args: string[];
}

/** `diskshadow.exe /s FILE /l LOG` — script mode with an output log (usage text, §1.1). */
export function diskshadowInvocation(scriptPath: string, logPath: string): ToolInvocation {
  const script = validateLocalFilePath(scriptPath, 'diskshadow script file', ['.dsh', '.txt']);
  const log = validateLocalFilePath(logPath, 'diskshadow log file', ['.log', '.txt']);
  return { command: 'diskshadow.exe', args: ['/s', script, '/l', log] };
}

/** `diskraid.exe /s FILE` (diskraid.md). */
export function diskraidInvocation(scriptPath: string): ToolInvocation {
  const script = validateLocalFilePath(scriptPath, 'diskraid script file', ['.txt']);
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
