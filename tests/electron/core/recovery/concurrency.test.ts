/** Two processes start recoveries over the same LUNs at the same moment: exactly one runs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../../shared/recovery';
import { bundleCli, type CliProcess } from '../../cli/cli-bundle';

let cli: CliProcess;
beforeAll(async () => {
  cli = await bundleCli();
});
afterAll(() => cli.remove());

describe('two recoveries over overlapping LUNs', () => {
  it('lets exactly one run and refuses the other clearly', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-race-'));
    const at = (...args: string[]) => cli.run([...args, '--data-dir', dataDir]);
    await at('lab', 'init', '--scenario', 'two-node-sql');
    await at('lab', 'latency', '--scale', '0');
    const setId = (JSON.parse((await at('inventory', 'snapshots', '--json')).stdout) as Array<{ id: string }>)[0]?.id ?? '';

    const [first, second] = await Promise.all([at('recover', '--set', setId, '--yes'), at('recover', '--set', setId, '--yes')]);
    const outcomes = [first, second].map((r) => r?.code).sort();
    expect(outcomes).toEqual([0, 1]);
    const loser = [first, second].find((r) => r?.code === 1);
    expect(loser?.stderr).toMatch(/already holds|held by run|not ready to import|is imported|broken/);
    const runs = JSON.parse((await at('runs', '--json')).stdout) as RunSummary[];
    expect(runs.filter((r) => r.state === 'succeeded')).toHaveLength(1);
    expect(runs).toHaveLength(1);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
