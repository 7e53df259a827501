/** Record with real (stand-in) processes, replay without any: same results, and loud divergence. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBreakScript } from '../../../../../../electron/core/windows-tools/commands/diskshadow-scripts';
import { ReplayLauncher, ReplayMismatchError } from '../../../../../../electron/core/backends/windows/running/replay-launcher';
import { ToolRunner } from '../../../../../../electron/core/backends/windows/running/tool-runner';
import { readTranscript, transcriptFile, type TranscriptEntry } from '../../../../../../electron/core/backends/windows/running/transcript';
import { ECHO_ARGV, FAKE_DISKSHADOW, standInDir, standInTool } from './stand-in-tools';

const SET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function entry(partial: Partial<TranscriptEntry> & Pick<TranscriptEntry, 'tool' | 'argv'>): TranscriptEntry {
  return {
    script: null,
    stdout: '',
    stderr: '',
    log: null,
    exitCode: 0,
    ending: 'exited',
    durationMs: 1,
    at: '2024-01-01T00:00:00.000Z',
    ...partial,
  };
}

describe('ReplayLauncher', () => {
  it('serves a recorded session back in order, with the recorded output and exit codes', async () => {
    const tools = standInDir();
    const file = path.join(tools, 'session.jsonl');
    const recorder = new ToolRunner({
      executables: {
        diskshadow: standInTool(tools, 'diskshadow', FAKE_DISKSHADOW),
        vshadow: standInTool(tools, 'vshadow', `${ECHO_ARGV} process.exitCode = 2;`),
      },
      transcript: transcriptFile(file),
    });
    const live = [
      await recorder.diskshadow(buildBreakScript(SET, false)),
      await recorder.vshadow(['-rw', '-forcerevert', `-bex={${SET}}`]),
    ];

    const replay = ReplayLauncher.fromFile(file);
    const replayer = new ToolRunner({ launcher: replay });
    const replayed = [
      await replayer.diskshadow(buildBreakScript(SET, false)),
      await replayer.vshadow(['-rw', '-forcerevert', `-bex={${SET}}`]),
    ];

    expect(replayed.map((r) => [r.stdout, r.exitCode])).toEqual(live.map((r) => [r.stdout, r.exitCode]));
    expect(replayed[1]?.exitCode).toBe(2);
    expect(replay.remaining).toBe(0);
  });

  it('fails loudly, naming the expected and the actual call, when the script differs', async () => {
    const replay = new ReplayLauncher([
      entry({
        tool: 'diskshadow',
        argv: ['/s', '<scratch>/script.dsh', '/l', '<scratch>/diskshadow.log'],
        script: buildBreakScript(SET, true),
      }),
    ]);
    const runner = new ToolRunner({ launcher: replay });
    const error = await runner.diskshadow(buildBreakScript(SET, false)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplayMismatchError);
    expect((error as Error).message).toMatch(/diverged at call 1: expected diskshadow .*break writable.* got diskshadow .*"break \{/);
    expect(replay.remaining).toBe(1);
  });

  it('fails when the tool or arguments differ, and when the transcript is exhausted', async () => {
    const runner = new ToolRunner({ launcher: new ReplayLauncher([entry({ tool: 'vshadow', argv: ['-q'] })]) });
    await expect(runner.powershell('Get-Disk')).rejects.toThrow(/expected vshadow \["-q"\], got powershell/);
    const exhausted = new ToolRunner({ launcher: new ReplayLauncher([]) });
    await expect(exhausted.vshadow(['-q'])).rejects.toThrow(/ran out: call 1 was vshadow \["-q"\].*only 0 calls/);
  });

  it('replays a timeout as a timeout', async () => {
    const runner = new ToolRunner({
      launcher: new ReplayLauncher([entry({ tool: 'vshadow', argv: ['-q'], exitCode: null, ending: 'timed-out' })]),
    });
    await expect(runner.vshadow(['-q'])).rejects.toMatchObject({ details: { symbol: 'TIMEOUT' } });
  });

  it('refuses a damaged transcript line by number', () => {
    const file = path.join(standInDir(), 'bad.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(entry({ tool: 'vshadow', argv: [] }))}\n{"tool":"cmd"}\n`);
    expect(() => readTranscript(file)).toThrow(/Line 2 of the transcript/);
  });
});
