/**
 * The one place that starts processes: a small port so the runner can be driven by a fake or by a
 * recorded transcript (replay-launcher.ts) in tests, and by child_process.spawn for real.
 *
 * Spawning rules (docs/windows-facts.md#processes-started-without-a-shell): an argument ARRAY, never a shell (shell: false, so nothing
 * is re-split or expanded by cmd.exe or sh), no console window (windowsHide). A timeout or an abort kills the whole
 * process tree: diskshadow and powershell start children (VSS COM calls, Invoke-Command sessions) that
 * would otherwise keep running and keep our pipes open. What they print is decoded with the console's code page
 * (windows-tools/console-code-pages.ts), not as UTF-8.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONSOLE_CODE_PAGE_COMMAND, decodeConsoleOutput, parseCodePage, UTF8_CODE_PAGE } from '../../../windows-tools/console-code-pages';

/** Every program the runner starts; also the `tool` of a transcript entry. */
export type ToolName = 'diskshadow' | 'diskraid' | 'vshadow' | 'powershell' | 'whoami';

export interface LaunchRequest {
  tool: ToolName;
  /** The executable to start (a full path, or a bare name resolved through PATH by the OS). */
  executable: string;
  args: readonly string[];
  /** The script text the runner wrote for this call, or null; carried so recorders and replays can match on it. */
  script: string | null;
  /** The runner's private folder for this call (its paths appear in args), or null. */
  scratchDir: string | null;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** How the process ended: on its own, killed at the timeout, or killed because the caller aborted. */
export type LaunchEnding = 'exited' | 'timed-out' | 'aborted';

export interface LaunchResult {
  /** Null when the process was killed or died by a signal. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  ending: LaunchEnding;
}

export interface ProcessLauncher {
  /** Resolves when the process has ended; rejects only when it could not be started (e.g. ENOENT). */
  launch(request: LaunchRequest): Promise<LaunchResult>;
}

/** taskkill from System32, by full path, so a planted taskkill.exe on PATH is never run. */
function taskkillPath(env: NodeJS.ProcessEnv): string {
  return path.win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', 'taskkill.exe');
}

function killTree(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    const killer = spawn(taskkillPath(process.env), ['/PID', String(pid), '/T', '/F'], {
      shell: false,
      windowsHide: true,
      stdio: 'ignore',
    });
    killer.on('error', () => child.kill());
    return;
  }
  try {
    // The child leads its own process group (detached below), so the negative pid reaches its descendants too.
    process.kill(-pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** What a process wrote, still as bytes: only the launcher knows which code page they are in. */
interface RawEnd {
  exitCode: number | null;
  stdout: Buffer;
  stderr: Buffer;
  durationMs: number;
  ending: LaunchEnding;
}

/** child_process.spawn with an argument array, no shell and no window; a timeout or an abort kills the tree. */
function spawnRaw(executable: string, args: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<RawEnd> {
  if (signal?.aborted === true) {
    return Promise.resolve({ exitCode: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), durationMs: 0, ending: 'aborted' });
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(executable, [...args], {
      shell: false,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // POSIX: a new process group, so killTree can signal the whole tree. Windows: taskkill /T walks the tree,
      // and detached would open a console window.
      detached: process.platform !== 'win32',
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));

    let ending: LaunchEnding = 'exited';
    const stop = (why: LaunchEnding) => {
      if (ending !== 'exited') return;
      ending = why;
      killTree(child);
    };
    const timer = setTimeout(() => stop('timed-out'), timeoutMs);
    const onAbort = () => stop('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });

    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (error) => {
      finish();
      reject(error);
    });
    child.on('close', (code) => {
      finish();
      resolve({
        exitCode: ending === 'exited' ? code : null,
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr),
        durationMs: Math.round(performance.now() - started),
        ending,
      });
    });
  });
}

/**
 * The console's output code page as a process started like the tools sees it: Windows PowerShell from System32 (by
 * full path, as taskkill), started the same way, prints [Console]::OutputEncoding.CodePage
 * (docs/windows-facts.md#console-output-code-page). Elsewhere the stand-in tools write UTF-8. Null when it cannot
 * be read: the output is then read as UTF-8, which keeps everything ASCII intact.
 */
async function hostConsoleCodePage(): Promise<number | null> {
  if (process.platform !== 'win32') return UTF8_CODE_PAGE;
  const powershell = path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  try {
    const end = await spawnRaw(powershell, ['-NoProfile', '-NonInteractive', '-Command', CONSOLE_CODE_PAGE_COMMAND], 60_000);
    return end.exitCode === 0 ? parseCodePage(end.stdout.toString('latin1')) : null;
  } catch {
    return null;
  }
}

/** Asks until a reading succeeds, then keeps it: the code page of a process's consoles does not change. */
function keptOnceRead(read: () => Promise<number | null>): () => Promise<number | null> {
  let known: number | null = null;
  return async () => (known ??= await read());
}

export interface SpawnLauncherOptions {
  /** The console code page the tools write in (null: unknown, read as UTF-8); asked before each output is decoded. */
  consoleCodePage: () => Promise<number | null>;
}

/** A launcher that spawns the tools and decodes what they print with the console's code page. */
export function createSpawnLauncher(options: SpawnLauncherOptions): ProcessLauncher {
  return {
    async launch(request) {
      const end = await spawnRaw(request.executable, request.args, request.timeoutMs, request.signal);
      const codePage = end.stdout.length + end.stderr.length === 0 ? null : await options.consoleCodePage();
      return {
        exitCode: end.exitCode,
        stdout: decodeConsoleOutput(end.stdout, codePage),
        stderr: decodeConsoleOutput(end.stderr, codePage),
        durationMs: end.durationMs,
        ending: end.ending,
      };
    },
  };
}

/** The real launcher: the host's console code page, read once. */
export const spawnLauncher: ProcessLauncher = createSpawnLauncher({ consoleCodePage: keptOnceRead(hostConsoleCodePage) });
