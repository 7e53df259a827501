import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from './cli-harness';

let dataDir: string;
const cli = (args: string[], answers?: string[]) => runCliInProcess([...args, '--data-dir', dataDir], { answers });

async function prepare(scenario = 'two-node-sql'): Promise<string> {
  await cli(['lab', 'init', '--scenario', scenario, '--force']);
  await cli(['lab', 'latency', '--scale', '0']);
  const sets = JSON.parse((await cli(['inventory', 'snapshots', '--json'])).stdout) as Array<{ id: string }>;
  return sets[0]?.id ?? '';
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-cli-recovery-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('shadowswap plan', () => {
  it.each([
    [['--set', ''], '--set'],
    [['--set', 'x'.repeat(65)], '--set'],
    [['--set', 'abc', '--forensics-host', ''], '--forensics-host'],
  ])('refuses %j in one line naming the flag', async (flags, flag) => {
    await prepare();
    const plan = await cli(['plan', ...flags]);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toMatch(new RegExp(`^shadowswap: ${flag} is not valid \\(too small|^shadowswap: ${flag} is not valid \\(too big`));
    expect(plan.stderr.trimEnd()).not.toContain('\n');
  });

  it('shows preflight, steps and exact commands, and changes nothing', async () => {
    const setId = await prepare();
    const before = (await cli(['inventory', 'luns', '--json'])).stdout;
    const plan = await cli(['plan', '--set', setId.slice(0, 8)]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('PASS  The set is transportable');
    expect(plan.stdout).toContain('[DESTRUCTIVE — confirm by typing SQLCLUS]');
    expect(plan.stdout).toContain('Remove-VirtualDiskFromMaskingSet');
    // What the stop takes down with the disks, and the step that brings it back, with its why, commands and undo.
    expect(plan.stdout).toContain('PASS  What runs on the disks comes back: SQL Server, SQL Server Agent depend on the disks');
    expect(plan.stdout).toContain('SQLCLUS resource "SQL Server": Online → Offline');
    expect(plan.stdout).toMatch(
      /9\. Bring SQL Server, SQL Server Agent back online\n {3}Why: SQL Server, SQL Server Agent went offline before the disks, and neither starting a disk nor ending its maintenance mode starts what depends on it/,
    );
    expect(plan.stdout).toContain("Start-ClusterResource -Name 'SQL Server Agent'");
    expect(plan.stdout).toContain('Undo: Stop-ClusterResource for SQL Server, SQL Server Agent on the owner node.');
    expect((await cli(['inventory', 'luns', '--json'])).stdout).toBe(before);
  });

  it('prints the whole plan as one script', async () => {
    const setId = await prepare();
    const script = (await cli(['plan', '--set', setId, '--script'])).stdout;
    expect(script).toMatch(/^# ShadowSwap recovery plan/);
    expect(script.indexOf('Stop-ClusterResource')).toBeLessThan(script.indexOf('Remove-VirtualDiskFromMaskingSet'));
    expect(script.indexOf('Remove-VirtualDiskFromMaskingSet')).toBeLessThan(script.indexOf('-forcerevert'));
  });

  it('exits 1 with BLOCKED when preflight fails', async () => {
    const setId = await prepare('mixed-compliance');
    const plan = await cli(['plan', '--set', setId]);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('FAIL');
    expect(plan.stdout).toContain('BLOCKED');
  });
});

describe('shadowswap recover', () => {
  it('asks for the cluster name at each destructive step and succeeds', async () => {
    const setId = await prepare();
    const run = await cli(['recover', '--set', setId], ['SQLCLUS', 'SQLCLUS', 'SQLCLUS']);
    expect(run.asked).toEqual([
      'Type SQLCLUS to go ahead (anything else stops here): ',
      'Type SQLCLUS to go ahead (anything else stops here): ',
      'Type SQLCLUS to go ahead (anything else stops here): ',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Run run-[\w-]+ succeeded\./);
  });

  it('stops without changing more when the answer is wrong, and says how to go on', async () => {
    const setId = await prepare();
    const run = await cli(['recover', '--set', setId], ['sqlclus?']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Not confirmed; nothing further was changed.');
    expect(run.stdout).toMatch(/waits for a confirmation of step 1-stop-resources\. Continue on a terminal with: shadowswap resume run-/);
    const clusters = JSON.parse((await cli(['inventory', 'cluster', '--json'])).stdout) as Array<{
      diskResources: Array<{ state: string }>;
    }>;
    expect(clusters[0]?.diskResources.every((r) => r.state === 'Online')).toBe(true);
  });

  it('without a terminal, waits at the first confirmation; resume --yes finishes it', async () => {
    const setId = await prepare();
    const run = await cli(['recover', '--set', setId]);
    expect(run.code).toBe(1);
    const runId = /Run (run-[\w-]+) waits/.exec(run.stdout)?.[1] ?? '';
    const resumed = await cli(['resume', runId, '--yes']);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    const shown = JSON.parse((await cli(['runs', 'show', runId, '--json'])).stdout) as {
      state: string;
      confirmations: Array<{ by: string }>;
    };
    expect(shown.state).toBe('succeeded');
    expect(shown.confirmations.every((c) => c.by.endsWith('(--yes)'))).toBe(true);
  });

  it('rolls back only with a confirmation', async () => {
    const setId = await prepare();
    await cli(['lab', 'fault', 'add', '--op', 'breakSnapshotSet', '--kind', 'fail', '--times', '1']);
    const run = await cli(['recover', '--set', setId, '--yes']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Or roll back:  shadowswap rollback run-');
    const runId = /Run (run-[\w-]+) stopped/.exec(run.stdout)?.[1] ?? '';
    const refused = await cli(['rollback', runId]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('needs a confirmation');
    const rolledBack = await cli(['rollback', runId], ['SQLCLUS']);
    expect(rolledBack.code, rolledBack.stdout + rolledBack.stderr).toBe(0);
    expect(rolledBack.stdout).toContain('was rolled back');
  });

  it('lists a run whose journal is damaged, and releases its LUNs only once its id is typed', async () => {
    const setId = await prepare();
    const run = await cli(['recover', '--set', setId]);
    const runId = /Run (run-[\w-]+) waits/.exec(run.stdout)?.[1] ?? '';
    fs.writeFileSync(path.join(dataDir, 'runs', `${runId}.journal`), '');
    const listed = await cli(['runs']);
    expect(listed.stdout).toMatch(new RegExp(`${runId} +damaged`));
    expect(listed.stdout).toContain(`Run ${runId} is damaged: Its journal holds no complete first event`);
    expect(listed.stdout).toMatch(/It still holds ARRAY-01:lun-\d+/);
    const refused = await cli(['runs', 'release', runId]);
    expect(refused.stderr).toContain('needs a confirmation');
    expect((await cli(['runs', 'release', runId], ['SQLCLUS'])).stderr).toContain(`type "${runId}" exactly`);
    const released = await cli(['runs', 'release', runId], [runId]);
    expect(released.code, released.stderr).toBe(0);
    expect((await cli(['runs'])).stdout).toMatch(/It holds no LUN\. Its LUNs were released by .+ at /);
  });

  it('explains a missing run id', async () => {
    await prepare();
    const missing = await cli(['resume']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Usage: shadowswap resume RUN_ID');
    const unknown = await cli(['runs', 'show', 'run-20990101-000000-000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no run');
  });
});

describe('shadowswap snapshot create', () => {
  it('creates a transportable set after the host name is typed, and journals it', async () => {
    await prepare();
    const created = await cli(['snapshot', 'create', '--host', 'SQL01', '--volumes', 'E:,F:'], ['SQL01']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.asked).toEqual(['Type SQL01 to create a transportable shadow copy set of E:, F: on it: ']);
    const setId = /Set id: (\S+)/.exec(created.stdout)?.[1];
    const sets = JSON.parse((await cli(['inventory', 'snapshots', '--json'])).stdout) as Array<{
      id: string;
      state: string;
      attributes: string[];
      shadowCopies: unknown[];
    }>;
    const set = sets.find((s) => s.id === setId);
    expect(set?.state).toBe('created');
    expect(set?.shadowCopies).toHaveLength(2);
    expect(set?.attributes.map((a) => a.toLowerCase())).toContain('transportable');
    const journal = /Journal: (\S+)/.exec(created.stdout)?.[1] ?? '';
    expect(fs.readFileSync(journal, 'utf8')).toContain('"type":"snapshot.confirmed"');
  });

  it('refuses a wrong confirmation, an unknown volume, and a missing terminal', async () => {
    await prepare();
    expect((await cli(['snapshot', 'create', '--host', 'SQL01', '--volumes', 'E:'], ['SQL02'])).stderr).toContain('type "SQL01"');
    // The core's refusal, passed on as it came through the contract client: its words and its exit code.
    const unknown = await cli(['snapshot', 'create', '--host', 'SQL01', '--volumes', 'Q:', '--yes']);
    expect(unknown.stderr).toMatch(/^shadowswap: SQL01 sees no volume Q:/);
    expect(unknown.code).toBe(1);
    expect((await cli(['snapshot', 'create', '--host', 'SQL01', '--volumes', 'E:'])).stderr).toContain('needs a confirmation');
  });
});
