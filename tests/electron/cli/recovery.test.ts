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
    expect(plan.stdout).toMatch(/Scope and data loss \(recovery point: the set's creation, \d{4}-/);
    expect(plan.stdout).toMatch(
      /SQL-BACKUP +Healthy, no damaged LUN in its consistency group \(consistency group SQL Server \(MSSQLSERVER\)\)/,
    );
    expect(plan.stdout).toContain('SQL-DATA (E: SQLData), healthy: goes back to ');
    expect(plan.stdout).toContain('[DESTRUCTIVE — covered by the approval: SQLCLUS typed once before the run]');
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
    // One approval before the run covers every destructive step (electron/core/recovery/approval.ts): no wait per step.
    expect(script).toContain('Before the first step it asks for one approval: the operator types\n# "SQLCLUS" with a change reference');
    expect(script).toMatch(/# DESTRUCTIVE: covered by the approval given before the run \(typing "SQLCLUS"\); the run does not stop here/);
    expect(script).not.toMatch(/waits for the operator to type/);
  });

  it.each([
    ['standalone-dc', 'the only domain controller of its domain', /every change made since is lost for good/],
    ['dc-pair', 'one of 2 domain controllers', /authoritative restore of those objects or the AD Recycle Bin/],
  ])(
    '%s: says what the restore means for the domain, links each DC check, and never speaks of a cluster',
    async (scenario, kind, words) => {
      const setId = await prepare(scenario);
      const plan = await cli(['plan', '--set', setId]);
      expect(plan.stdout).toContain(`Domain controller: DC01 of contoso.local, ${kind}`);
      expect(plan.stdout).toMatch(words);
      expect(plan.stdout).toMatch(
        /WARN {2}The DSRM password and console access are ready: .*\n.*\n {8}See: https:\/\/learn\.microsoft\.com\/.*\n {8}Why: The restore runs with the DC in Directory Services Restore Mode/,
      );
      expect(plan.stdout).toContain('(acknowledge with --acknowledge dc-dsrm-ready)');
      expect(plan.stdout).not.toMatch(/cluster/i);
    },
  );

  it('refuses --forensics-host naming the domain controller itself', async () => {
    const setId = await prepare('dc-pair');
    const plan = await cli(['plan', '--set', setId, '--forensics-host', 'DC01']);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('FAIL  The forensics host is outside production: DC01 is a production host');
    expect(plan.stdout).toContain('Choose a host other than DC01');
  });

  it('exits 1 with BLOCKED when preflight fails', async () => {
    const setId = await prepare('mixed-compliance');
    const plan = await cli(['plan', '--set', setId]);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('FAIL');
    expect(plan.stdout).toContain('BLOCKED');
  });
});

describe('shadowswap plan --leave-out', () => {
  it('leaves the backup volume out and says why; refuses to split data and logs, naming the group', async () => {
    const setId = await prepare();
    await cli(['lab', 'corrupt', '--lun', 'SQL-DATA']);
    const kept = await cli(['plan', '--set', setId, '--identity', 'new-signature', '--leave-out', 'SQL-BACKUP']);
    expect(kept.code, kept.stdout + kept.stderr).toBe(0);
    expect(kept.stdout).toMatch(
      /SQL-BACKUP +Healthy, same consistency group as a damaged LUN .*, LEFT OUT\n +Left out: SQL-BACKUP holds only backup files/,
    );
    expect(kept.stdout).toContain('Cannot be left out: SQL-LOGS holds the transaction logs (.ldf) of the databases on SQL-DATA');
    expect(kept.stdout).toContain('PASS  The LUNs left out split no consistency group');
    expect(kept.stdout).toContain('SQL-BACKUP (H: SQLBackup), left out: stays in production as it is');

    const split = await cli(['plan', '--set', setId, '--identity', 'new-signature', '--leave-out', 'SQL-BACKUP,SQL-LOGS']);
    expect(split.code).toBe(1);
    expect(split.stdout).toMatch(/FAIL  The LUNs left out split no consistency group/);
    expect(split.stdout).toContain('group SQL Server (MSSQLSERVER)');
    expect(split.stdout).toContain('BLOCKED');

    const unknown = await cli(['plan', '--set', setId, '--leave-out', 'SQL-NOPE']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"SQL-NOPE" is not a LUN of set/);
  });
});

describe('shadowswap recover', () => {
  const change = ['--change', 'CHG-4711', '--reason', 'Sales database corrupted'];

  it('asks for one approval before the outage, then runs every destructive step without asking again', async () => {
    const setId = await prepare();
    const run = await cli(['recover', '--set', setId, ...change], ['SQLCLUS']);
    expect(run.asked).toEqual(['Type SQLCLUS to approve these 3 destructive steps (anything else starts nothing): ']);
    expect(run.stderr).toContain('Take 4 disk resource(s) offline');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Run run-[\w-]+ succeeded\./);
    const runId = /Run (run-[\w-]+) succeeded/.exec(run.stdout)?.[1] ?? '';
    const shown = JSON.parse((await cli(['runs', 'show', runId, '--json'])).stdout) as {
      approval: { change: string; reason: string; door: string };
      confirmations: Array<{ byApproval: boolean }>;
    };
    expect(shown.approval).toMatchObject({ change: 'CHG-4711', reason: 'Sales database corrupted', door: 'cli' });
    expect(shown.confirmations.map((c) => c.byApproval)).toEqual([true, true, true]);
    expect((await cli(['runs', 'show', runId])).stdout).toMatch(
      /Approved by .+ \(command line\) for change CHG-4711: Sales database corrupted/,
    );
  });

  it('needs a change reference and a reason (unless --yes, for scripts)', async () => {
    const setId = await prepare();
    const run = await cli(['recover', '--set', setId], ['SQLCLUS']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--change REF and --reason TEXT');
    expect(run.asked).toEqual([]);
  });

  it('starts nothing when the approval is wrong', async () => {
    const setId = await prepare();
    const run = await cli(['recover', '--set', setId, ...change], ['sqlclus?']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Not approved; nothing was started.');
    expect(JSON.parse((await cli(['runs', '--json'])).stdout)).toEqual([]);
  });

  it('with --each-step asks again at each destructive step, and stops without changing more when the answer is wrong', async () => {
    const setId = await prepare();
    const run = await cli(['recover', '--set', setId, ...change, '--each-step'], ['SQLCLUS', 'sqlclus?']);
    expect(run.asked).toEqual([
      'Type SQLCLUS to approve these 3 destructive steps (anything else starts nothing): ',
      'Type SQLCLUS to go ahead (anything else stops here): ',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Not confirmed; nothing further was changed.');
    expect(run.stdout).toMatch(/waits for a confirmation of step 1-stop-resources\. Continue on a terminal with: shadowswap resume run-/);
    const clusters = JSON.parse((await cli(['inventory', 'cluster', '--json'])).stdout) as Array<{
      diskResources: Array<{ state: string }>;
    }>;
    expect(clusters[0]?.diskResources.every((r) => r.state === 'Online')).toBe(true);
  });

  it('without a terminal, starts nothing and says so; --each-step waits at the first confirmation; resume --yes finishes it', async () => {
    const setId = await prepare();
    const refused = await cli(['recover', '--set', setId, ...change]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Approving needs a terminal');
    const run = await cli(['recover', '--set', setId, ...change, '--each-step'], ['SQLCLUS']);
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

  it('with --yes and a change reference, journals the approval as given by --yes', async () => {
    const setId = await prepare();
    const run = await cli(['recover', '--set', setId, ...change, '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const runId = (JSON.parse(run.stdout) as { id: string }).id;
    const shown = JSON.parse((await cli(['runs', 'show', runId, '--json'])).stdout) as { approval: { by: string; change: string } };
    expect(shown.approval.by).toMatch(/\(--yes\)$/);
    expect(shown.approval.change).toBe('CHG-4711');
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

  it.each(['dc-pair', 'standalone-dc'])(
    '%s: recover --yes restores the DC through DSRM and verifies event 1109 and a new invocation ID',
    async (scenario) => {
      const setId = await prepare(scenario);
      // The operator confirms the DSRM password and console access are ready (a preflight warning on every DC).
      const run = await cli(['recover', '--set', setId, '--yes', '--acknowledge', 'dc-dsrm-ready']);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Run run-[\w-]+ succeeded\./);
      const runId = /Run (run-[\w-]+) succeeded/.exec(run.stdout)?.[1] ?? '';
      const shown = JSON.parse((await cli(['runs', 'show', runId, '--json'])).stdout) as {
        plan: { steps: Array<{ kind: string }> };
        steps: Array<{ id: string; output: string[] }>;
      };
      expect(shown.plan.steps[0]?.kind).toBe('enter-dsrm');
      const verify = shown.steps.find((s) => s.id.endsWith('-verify'))?.output.join('\n') ?? '';
      expect(verify).toMatch(/DC01: event 1109 at /);
      expect(verify).toMatch(/DC01: new invocation ID [0-9a-f-]+ \(was [0-9a-f-]+\)/);
    },
  );

  it('dc-pair: refuses to roll back once DC01 started normally on the recovered database, and says why and what to do', async () => {
    const setId = await prepare('dc-pair');
    await cli(['lab', 'fault', 'add', '--op', 'resyncSysvol', '--kind', 'fail', '--times', '1']);
    const run = await cli(['recover', '--set', setId, '--yes', '--acknowledge', 'dc-dsrm-ready']);
    expect(run.code).toBe(1);
    const runId = /Run (run-[\w-]+) stopped/.exec(run.stdout)?.[1] ?? '';
    const refused = await cli(['rollback', runId], ['DC01']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot be rolled back: DC01 has started normally on the recovered database/);
    expect(refused.stderr).toMatch(/resume the run/);
  });

  it('lists a run whose journal is damaged, and releases its LUNs only once its id is typed', async () => {
    const setId = await prepare();
    const run = await cli(['recover', '--set', setId, ...change, '--each-step'], ['SQLCLUS']);
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
