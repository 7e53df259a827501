/**
 * The runner against real processes: stand-in tools started by path with an argument array (never a shell),
 * scripts written CRLF/ASCII into a private folder that is removed afterwards, timeouts and cancellation
 * killing the whole process tree, and transcripts recording every call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBreakScript } from '../../../../../../electron/core/windows-tools/commands/diskshadow-scripts';
import { getClusterNodeCommand } from '../../../../../../electron/core/windows-tools/commands/powershell-commands';
import { succeeded, ToolRunner } from '../../../../../../electron/core/backends/windows/running/tool-runner';
import { readTranscript, SCRATCH, transcriptFile } from '../../../../../../electron/core/backends/windows/running/transcript';
import { ECHO_ARGV, FAKE_DISKSHADOW, hangingTool, isRunning, standInDir, standInTool } from './stand-in-tools';

const SET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected the call to fail');
}

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return condition();
}

describe('ToolRunner with a stand-in diskshadow', () => {
  it('writes the script CRLF/ASCII into a private folder, passes /s FILE /l LOG, reads the log and removes the folder', async () => {
    const tools = standInDir();
    const scratchRoot = standInDir();
    const transcript = path.join(tools, 'transcript.jsonl');
    const runner = new ToolRunner({
      executables: { diskshadow: standInTool(tools, 'diskshadow.exe', FAKE_DISKSHADOW) },
      scratchRoot,
      transcript: transcriptFile(transcript),
    });
    const script = buildBreakScript(SET, true);

    const result = succeeded(await runner.diskshadow(script));

    const seen = JSON.parse(result.stdout) as { argv: string[]; script: string; mode: string };
    expect(seen.script).toBe(`break writable {${SET}}\r\nexit\r\n`);
    expect(seen.mode).toBe('600');
    expect(seen.argv[0]).toBe('/s');
    expect(path.basename(seen.argv[1] ?? '')).toBe('script.dsh');
    expect(path.basename(seen.argv[3] ?? '')).toBe('diskshadow.log');
    expect(path.dirname(seen.argv[1] ?? '')).toBe(path.dirname(seen.argv[3] ?? ''));
    expect(result.log).toBe('Microsoft DiskShadow version 1.0\r\n');
    expect(result.exitCode).toBe(0);
    expect(fs.readdirSync(scratchRoot)).toEqual([]);

    const [entry] = readTranscript(transcript);
    expect(entry).toMatchObject({
      tool: 'diskshadow',
      argv: ['/s', `${SCRATCH}/script.dsh`, '/l', `${SCRATCH}/diskshadow.log`],
      script,
      exitCode: 0,
      ending: 'exited',
      log: 'Microsoft DiskShadow version 1.0\r\n',
    });
    expect(entry?.stdout).toBe(result.stdout);
  });

  it('passes arguments with spaces and quotes as single argv elements (no shell)', async () => {
    const tools = standInDir();
    const runner = new ToolRunner({
      executables: { powershell: standInTool(tools, 'powershell', ECHO_ARGV), vshadow: standInTool(tools, 'vshadow', ECHO_ARGV) },
    });
    const command = getClusterNodeCommand({ cluster: 'SQLCLUSTER' });
    expect(JSON.parse((await runner.powershell(command)).stdout)).toEqual(['-NoProfile', '-NonInteractive', '-Command', command]);

    const tricky = ['-rw', 'two words', 'say "hi" & exit', "it's; $(whoami) `n", ''];
    expect(JSON.parse((await runner.vshadow(tricky)).stdout)).toEqual(tricky);
  });

  it('kills the whole process tree at the timeout and says the outcome is unknown', async () => {
    const tools = standInDir();
    const pidFile = path.join(tools, 'grandchild.pid');
    const transcript = path.join(tools, 'transcript.jsonl');
    const runner = new ToolRunner({
      executables: { diskraid: standInTool(tools, 'diskraid', hangingTool(pidFile)) },
      transcript: transcriptFile(transcript),
    });

    const error = await rejection(runner.diskraid('select subsystem 0\r\nexit\r\n', { timeoutMs: 500 }));

    expect(error.code).toBe('BACKEND_FAILED');
    expect(error.details).toMatchObject({ tool: 'diskraid', symbol: 'TIMEOUT' });
    expect(error.message).toMatch(/did not finish within 1 s.*fresh inventory/);
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'));
    expect(await waitUntil(() => !isRunning(grandchild), 3_000)).toBe(true);
    expect(readTranscript(transcript)[0]).toMatchObject({ tool: 'diskraid', ending: 'timed-out', exitCode: null });
  });

  it('stops the tool when the caller aborts', async () => {
    const tools = standInDir();
    const pidFile = path.join(tools, 'grandchild.pid');
    const runner = new ToolRunner({ executables: { vshadow: standInTool(tools, 'vshadow', hangingTool(pidFile)) } });
    const controller = new AbortController();
    const running = rejection(runner.vshadow(['-q'], { signal: controller.signal, timeoutMs: 60_000 }));
    await waitUntil(() => fs.existsSync(pidFile), 5_000);
    controller.abort();
    const error = await running;
    expect(error.details).toMatchObject({ symbol: 'CANCELLED' });
    expect(await waitUntil(() => !isRunning(Number(fs.readFileSync(pidFile, 'utf8'))), 3_000)).toBe(true);
  });

  it('reports a missing executable as a precondition, pointing at the doctor', async () => {
    const runner = new ToolRunner({ executables: { diskraid: '/nonexistent/diskraid.exe' } });
    const error = await rejection(runner.diskraid('exit\r\n'));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/could not be started.*shadowswap doctor/);
  });

  it('refuses a script that is not CRLF ASCII before starting anything', async () => {
    const tools = standInDir();
    const runner = new ToolRunner({ executables: { diskshadow: standInTool(tools, 'diskshadow', FAKE_DISKSHADOW) } });
    expect((await rejection(runner.diskshadow('exit\n'))).code).toBe('INTERNAL');
  });

  it('succeeded() turns a failing run into the errors.ts explanation', async () => {
    const tools = standInDir();
    const runner = new ToolRunner({
      executables: { diskshadow: standInTool(tools, 'diskshadow', "process.stdout.write('The command script failed.\\r\\n');") },
    });
    const result = await runner.diskshadow('exit\r\n');
    expect(() => succeeded(result)).toThrow(/diskshadow script failed/);
  });
});
