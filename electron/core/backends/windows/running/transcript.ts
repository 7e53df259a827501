/**
 * Transcripts: every tool call as one JSON line (tool, arguments, script text, what it printed, how it
 * ended), appended as it happens. A transcript is the run record an operator can read, and the input of
 * replay-launcher.ts, which lets a Windows session be re-run on Linux exactly.
 *
 * The runner's scratch folder differs on every call, so its path is written as SCRATCH in `argv`; the
 * executable's location differs per machine, so the entry names the tool, not the path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ShadowSwapError } from '../../../../../shared/errors';
import type { LaunchRequest } from './process-launcher';

export const SCRATCH = '<scratch>';

export const TranscriptEntry = z.object({
  tool: z.enum(['diskshadow', 'diskraid', 'vshadow', 'powershell', 'whoami']),
  argv: z.array(z.string()),
  script: z.string().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  /** diskshadow's /l log when it wrote one: kept for the record, since the scratch folder is removed. */
  log: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  ending: z.enum(['exited', 'timed-out', 'aborted']),
  durationMs: z.number().nonnegative(),
  at: z.string(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntry>;

/** What identifies a call: the same tool, arguments and script mean the same call. */
export type TranscriptCall = Pick<TranscriptEntry, 'tool' | 'argv' | 'script'>;

export function callOf(request: LaunchRequest): TranscriptCall {
  const scratch = request.scratchDir;
  const argv = request.args.map((a) => (scratch !== null && a.startsWith(scratch) ? SCRATCH + a.slice(scratch.length) : a));
  return { tool: request.tool, argv, script: request.script };
}

export interface TranscriptSink {
  append(entry: TranscriptEntry): void;
}

/** Appends entries to a JSON-lines file (created with owner-only permissions: scripts name hosts and LUNs). */
export function transcriptFile(file: string): TranscriptSink {
  return {
    append(entry) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.appendFileSync(file, `${JSON.stringify(entry)}\n`, { encoding: 'utf8', mode: 0o600 });
    },
  };
}

export function readTranscript(file: string): TranscriptEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ShadowSwapError(
      'NOT_FOUND',
      `The transcript ${file} could not be read (${(error as Error).message}). Check the path and try again.`,
      { file },
    );
  }
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      json = undefined;
    }
    const parsed = TranscriptEntry.safeParse(json);
    if (!parsed.success) {
      throw new ShadowSwapError(
        'STATE_UNREADABLE',
        `Line ${index + 1} of the transcript ${file} is not a transcript entry. The file was left untouched; use a transcript written by ShadowSwap.`,
        { file, line: index + 1 },
      );
    }
    return [parsed.data];
  });
}
