/**
 * Replays a recorded transcript instead of starting processes: each call must be exactly the next
 * recorded one (same tool, arguments and script text), and gets that entry's output and exit code back.
 * Anything else fails loudly with both calls in the error, because a replay that silently diverged
 * would test nothing.
 */
import { ShadowSwapError } from '../../../../../shared/errors';
import type { LaunchRequest, LaunchResult, ProcessLauncher } from './process-launcher';
import { callOf, readTranscript, type TranscriptCall, type TranscriptEntry } from './transcript';

export class ReplayMismatchError extends ShadowSwapError {
  constructor(message: string, details: { index: number; expected: TranscriptCall | null; actual: TranscriptCall }) {
    super('INTERNAL', message, details);
    this.name = 'ReplayMismatchError';
  }
}

function describeCall(call: TranscriptCall): string {
  return `${call.tool} ${JSON.stringify(call.argv)}${call.script === null ? '' : ` with script ${JSON.stringify(call.script)}`}`;
}

function sameCall(a: TranscriptCall, b: TranscriptCall): boolean {
  return a.tool === b.tool && a.script === b.script && a.argv.length === b.argv.length && a.argv.every((arg, i) => arg === b.argv[i]);
}

export class ReplayLauncher implements ProcessLauncher {
  private next = 0;

  constructor(private readonly entries: readonly TranscriptEntry[]) {}

  static fromFile(file: string): ReplayLauncher {
    return new ReplayLauncher(readTranscript(file));
  }

  /** Recorded calls not yet replayed; a finished scenario leaves none. */
  get remaining(): number {
    return this.entries.length - this.next;
  }

  async launch(request: LaunchRequest): Promise<LaunchResult> {
    const actual = callOf(request);
    const index = this.next;
    const entry = this.entries[index];
    if (entry === undefined) {
      throw new ReplayMismatchError(
        `Replay ran out: call ${index + 1} was ${describeCall(actual)}, but the transcript holds only ${this.entries.length} calls.`,
        { index, expected: null, actual },
      );
    }
    const expected: TranscriptCall = { tool: entry.tool, argv: entry.argv, script: entry.script };
    if (!sameCall(expected, actual)) {
      throw new ReplayMismatchError(
        `Replay diverged at call ${index + 1}: expected ${describeCall(expected)}, got ${describeCall(actual)}.`,
        {
          index,
          expected,
          actual,
        },
      );
    }
    this.next += 1;
    return { exitCode: entry.exitCode, stdout: entry.stdout, stderr: entry.stderr, durationMs: entry.durationMs, ending: entry.ending };
  }
}
