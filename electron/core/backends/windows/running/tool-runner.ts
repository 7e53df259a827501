/**
 * The runner: runs one Windows tool call end to end. It writes the script into a private scratch folder,
 * builds the argument array with tool-argv.ts, starts the process through the ProcessLauncher port with a
 * timeout and an optional AbortSignal, collects what it printed, records a transcript entry, and cleans up.
 *
 * It does not judge success: callers pass the result to `succeeded`, which applies errors.ts (diskshadow has
 * no exit-code contract, so its output must be scanned). Timeouts, cancellation and a missing executable are
 * reported here, because no tool output exists to judge.
 */
import path from 'node:path';
import { ShadowSwapError } from '../../../../../shared/errors';
import { detectToolFailure, type WindowsTool } from '../../../windows-tools/errors';
import { spawnLauncher, type LaunchResult, type ProcessLauncher, type ToolName } from './process-launcher';
import { readIfPresent, withScratchDir, writeScript } from './scratch-dir';
import {
  diskraidInvocation,
  diskshadowInvocation,
  powershellInvocation,
  vshadowInvocation,
  whoamiGroupsInvocation,
  type ToolInvocation,
} from '../../../windows-tools/commands/tool-argv';
import { locateTool, realLocatorEnvironment, type LocatorEnvironment, type ToolLocation } from './tool-locator';
import { callOf, type TranscriptSink } from './transcript';

/** Generous defaults: a create with writers or an import waiting for shadow LUNs to arrive can take many minutes. */
export const DEFAULT_TIMEOUTS_MS: Readonly<Record<ToolName, number>> = {
  diskshadow: 30 * 60_000,
  vshadow: 30 * 60_000,
  diskraid: 5 * 60_000,
  powershell: 10 * 60_000,
  whoami: 30_000,
};

export interface ToolRunnerOptions {
  launcher?: ProcessLauncher;
  transcript?: TranscriptSink;
  /** Executables by tool, overriding the search (a vshadow.exe outside PATH; stand-ins in tests). */
  executables?: Partial<Record<ToolName, string>>;
  timeoutsMs?: Partial<Record<ToolName, number>>;
  /** Parent of the per-call scratch folders (default: the OS temp folder). */
  scratchRoot?: string;
  locator?: LocatorEnvironment;
}

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ToolResult<T extends ToolName = ToolName> {
  tool: T;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** diskshadow's /l log, when it wrote one. */
  log: string | null;
  durationMs: number;
}

interface PreparedCall {
  invocation: ToolInvocation;
  script: string | null;
  scratchDir: string | null;
  logFile: string | null;
}

export class ToolRunner {
  private readonly launcher: ProcessLauncher;

  constructor(private readonly options: ToolRunnerOptions = {}) {
    this.launcher = options.launcher ?? spawnLauncher;
  }

  /** `diskshadow /s script.dsh /l diskshadow.log` for a script from diskshadow-scripts.ts. */
  diskshadow(script: string, call: CallOptions = {}): Promise<ToolResult<'diskshadow'>> {
    return withScratchDir(this.options.scratchRoot, async (dir) => {
      const scriptFile = path.join(dir, 'script.dsh');
      const logFile = path.join(dir, 'diskshadow.log');
      await writeScript(scriptFile, script);
      return this.launch('diskshadow', { invocation: diskshadowInvocation(scriptFile, logFile), script, scratchDir: dir, logFile }, call);
    });
  }

  /** `diskraid /s script.txt` for a script from diskraid-scripts.ts. */
  diskraid(script: string, call: CallOptions = {}): Promise<ToolResult<'diskraid'>> {
    return withScratchDir(this.options.scratchRoot, async (dir) => {
      const scriptFile = path.join(dir, 'script.txt');
      await writeScript(scriptFile, script);
      return this.launch('diskraid', { invocation: diskraidInvocation(scriptFile), script, scratchDir: dir, logFile: null }, call);
    });
  }

  /** `powershell -NoProfile -NonInteractive -Command <text>` for a command from powershell-commands.ts. */
  powershell(commandText: string, call: CallOptions = {}): Promise<ToolResult<'powershell'>> {
    return this.launch(
      'powershell',
      { invocation: powershellInvocation(commandText), script: null, scratchDir: null, logFile: null },
      call,
    );
  }

  /** `vshadow <args>` for arguments from vshadow-args.ts. */
  vshadow(args: readonly string[], call: CallOptions = {}): Promise<ToolResult<'vshadow'>> {
    return this.launch('vshadow', { invocation: vshadowInvocation(args), script: null, scratchDir: null, logFile: null }, call);
  }

  whoamiGroups(call: CallOptions = {}): Promise<ToolResult<'whoami'>> {
    return this.launch('whoami', { invocation: whoamiGroupsInvocation(), script: null, scratchDir: null, logFile: null }, call);
  }

  /** Where this runner finds the tool: its configured path, else System32 or PATH (what the preflight checks). */
  locate(tool: ToolName): ToolLocation {
    return locateTool(tool, this.options.locator ?? realLocatorEnvironment, this.options.executables?.[tool]);
  }

  private executable(tool: ToolName, fallback: string): string {
    // Not found: start the bare name anyway and let the launcher report it (a replay needs no executable).
    return this.locate(tool).path ?? this.options.executables?.[tool] ?? fallback;
  }

  private async launch<T extends ToolName>(tool: T, prepared: PreparedCall, call: CallOptions): Promise<ToolResult<T>> {
    const timeoutMs = call.timeoutMs ?? this.options.timeoutsMs?.[tool] ?? DEFAULT_TIMEOUTS_MS[tool];
    const request = {
      tool,
      executable: this.executable(tool, prepared.invocation.command),
      args: prepared.invocation.args,
      script: prepared.script,
      scratchDir: prepared.scratchDir,
      timeoutMs,
      ...(call.signal === undefined ? {} : { signal: call.signal }),
    };
    let launched: LaunchResult;
    try {
      launched = await this.launcher.launch(request);
    } catch (error) {
      if (error instanceof ShadowSwapError) throw error;
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `${prepared.invocation.command} could not be started from ${request.executable} (${(error as Error).message}). Nothing was run. Run "shadowswap doctor" to see which tools this machine has.`,
        { tool, executable: request.executable },
      );
    }
    const log = prepared.logFile === null ? null : await readIfPresent(prepared.logFile);
    this.options.transcript?.append({ ...callOf(request), ...launched, log, at: new Date().toISOString() });
    if (launched.ending !== 'exited') throw interrupted(tool, launched, timeoutMs);
    return { tool, exitCode: launched.exitCode, stdout: launched.stdout, stderr: launched.stderr, log, durationMs: launched.durationMs };
  }
}

function interrupted(tool: ToolName, launched: LaunchResult, timeoutMs: number): ShadowSwapError {
  const why =
    launched.ending === 'timed-out'
      ? `${tool} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped (its whole process tree was killed)`
      : `${tool} was stopped because the step was cancelled (its whole process tree was killed)`;
  return new ShadowSwapError(
    'BACKEND_FAILED',
    `${why}. What it changed before it was stopped is unknown: take a fresh inventory of the LUNs, shadow copies and cluster resources before retrying the step.`,
    { tool, symbol: launched.ending === 'timed-out' ? 'TIMEOUT' : 'CANCELLED', hresult: null, exitCode: null },
  );
}

/** The result when the tool succeeded; otherwise the operator-language error errors.ts derives from it. */
export function succeeded<T extends WindowsTool & ToolName>(result: ToolResult<T>): ToolResult<T> {
  const failure = detectToolFailure({ tool: result.tool, exitCode: result.exitCode, output: `${result.stdout}\n${result.stderr}` });
  if (failure !== null) throw failure;
  return result;
}
