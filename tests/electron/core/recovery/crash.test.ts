/**
 * A crash at every step of a recovery, in a real process: the Lab kills the CLI (exit 86) before or after
 * an operation's effect is saved. Another process then finds the run interrupted and either resumes it
 * to success or rolls it back to the estate as it was. No LUN is ever lost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import type { Lun } from '../../../../shared/domain';
import type { RunSummary } from '../../../../shared/recovery';
import { LAB_CRASH_EXIT_CODE } from '../../../../electron/core/backends/lab/faults';
import { bundleCli, type CliProcess } from '../../cli/cli-bundle';

let cli: CliProcess;
beforeAll(async () => {
  cli = await bundleCli();
});
afterAll(() => cli.remove());

const operations = ['stopResource', 'setLunMask', 'importSnapshotSet', 'breakSnapshotSet', 'startResource'] as const;
const cases = operations.flatMap((op) => (['before', 'after'] as const).map((when) => ({ op, when })));

async function estate(dataDir: string) {
  const luns = JSON.parse((await cli.run(['inventory', 'luns', '--json', '--data-dir', dataDir])).stdout) as Lun[];
  const clusters = JSON.parse((await cli.run(['inventory', 'cluster', '--json', '--data-dir', dataDir])).stdout) as Array<{
    diskResources: Array<{ name: string; state: string; ownerNode: string }>;
  }>;
  return {
    lunIds: luns.map((l) => l.id).sort(),
    production: {
      masks: Object.fromEntries(luns.filter((l) => l.shadowOf === null).map((l) => [l.name, l.maskedTo])),
      resources: Object.fromEntries(clusters.flatMap((c) => c.diskResources.map((r) => [r.name, `${r.state}@${r.ownerNode}`]))),
    },
  };
}

async function crashedRun(expect: ExpectStatic, op: string, when: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-crash-'));
  const at = (...args: string[]) => cli.run([...args, '--data-dir', dataDir]);
  await at('lab', 'init', '--scenario', 'two-node-sql');
  await at('lab', 'latency', '--scale', '0');
  await at('lab', 'corrupt', '--lun', 'SQL-DATA');
  const before = await estate(dataDir);
  const setId = (JSON.parse((await at('inventory', 'snapshots', '--json')).stdout) as Array<{ id: string }>)[0]?.id ?? '';
  expect((await at('lab', 'fault', 'add', '--op', op, '--kind', 'crash', '--when', when, '--times', '1')).code).toBe(0);

  const crashed = await at('recover', '--set', setId, '--yes');
  expect(crashed.code, crashed.stderr).toBe(LAB_CRASH_EXIT_CODE);
  const [run] = JSON.parse((await at('runs', '--json')).stdout) as RunSummary[];
  expect(run?.state).toBe('interrupted');
  return { dataDir, at, before, runId: run?.id ?? '' };
}

// Each case is its own estate and processes, so they run side by side.
describe.each(cases)('a crash $when $op', ({ op, when }) => {
  it.concurrent("resumes to a verified recovery (the run's own verify step checks data and cluster)", async ({ expect }) => {
    const { dataDir, at, before, runId } = await crashedRun(expect, op, when);
    const resumed = await at('resume', runId, '--yes');
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('succeeded');
    expect((await estate(dataDir)).lunIds).toEqual(before.lunIds);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.concurrent('rolls back to the estate as it was', async ({ expect }) => {
    const { dataDir, at, before, runId } = await crashedRun(expect, op, when);
    const rolledBack = await at('rollback', runId, '--yes');
    expect(rolledBack.code, rolledBack.stdout + rolledBack.stderr).toBe(0);
    const after = await estate(dataDir);
    expect(after.production).toEqual(before.production);
    expect(after.lunIds).toEqual(before.lunIds);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
