/**
 * The one place that starts processes: a small port so the runner can be driven by a fake or by a
 * recorded transcript (replay-launcher.ts) in tests, and by child_process.spawn for real.
 *
 * Spawning rules (docs/windows-facts.md#processes-started-without-a-shell): an argument ARRAY, never a shell (shell: false, so nothing
 * is re-split or expanded by cmd.exe or sh), no console window (windowsHide). A timeout or an abort kills the whole
 * process tree: diskshadow and powershell start children (VSS COM calls, Invoke-Command sessions) that
 * would otherwise keep running and keep our pipes open.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

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

/** The real launcher: child_process.spawn with an argument array. */
export const spawnLauncher: ProcessLauncher = {
  launch(request) {
    if (request.signal?.aborted === true) {
      return Promise.resolve({ exitCode: null, stdout: '', stderr: '', durationMs: 0, ending: 'aborted' });
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const child = spawn(request.executable, [...request.args], {
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
      const timer = setTimeout(() => stop('timed-out'), request.timeoutMs);
      const onAbort = () => stop('aborted');
      request.signal?.addEventListener('abort', onAbort, { once: true });

      const finish = () => {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
      };
      child.on('error', (error) => {
        finish();
        reject(error);
      });
      child.on('close', (code) => {
        finish();
        resolve({
          exitCode: ending === 'exited' ? code : null,
          // The tools print ASCII for everything ShadowSwap reads (GUIDs, paths, JSON of validated ASCII names).
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
          durationMs: Math.round(performance.now() - started),
          ending,
        });
      });
    });
  },
};
