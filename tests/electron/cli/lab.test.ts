/** The CLI's lab and inventory commands, run in-process with captured output against a temp data directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from './cli-harness';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-cli-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function cli(...argv: string[]) {
  return runCliInProcess([...argv, '--data-dir', dataDir]);
}

async function json<T>(...argv: string[]): Promise<T> {
  const { code, stdout, stderr } = await cli(...argv, '--json');
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as T;
}

describe('shadowswap lab', () => {
  it('lists the scenarios', async () => {
    const rows = await json<{ name: string }[]>('lab', 'scenarios');
    expect(rows.map((r) => r.name)).toEqual(['two-node-sql', 'standalone-dc', 'dc-pair', 'mixed-compliance', 'legacy-vds', 'large']);
  });

  it('creates an estate, and refuses to replace it without --force', async () => {
    const first = await cli('lab', 'init', '--scenario', 'standalone-dc');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('1 snapshot set (3 shadow copies)');
    const again = await cli('lab', 'init', '--scenario', 'two-node-sql');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Add --force');
    expect((await cli('lab', 'init', '--scenario', 'two-node-sql', '--force')).code).toBe(0);
  });

  it('makes a host unreachable over PowerShell remoting and reachable again', async () => {
    expect((await cli('lab', 'init', '--scenario', 'two-node-sql')).code).toBe(0);
    const down = await cli('lab', 'host', 'unreachable', '--host', 'sql02');
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout).toContain('SQL02 no longer answers over PowerShell remoting');
    const up = await cli('lab', 'host', 'reachable', '--host', 'SQL02');
    expect(up.stdout).toContain('SQL02 answers over PowerShell remoting again.');
    const unknown = await cli('lab', 'host', 'unreachable', '--host', 'NOPE');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no host "NOPE"');
  });

  it("makes an array's Storage Management provider stop answering and answer again", async () => {
    expect((await cli('lab', 'init', '--scenario', 'two-node-sql')).code).toBe(0);
    const down = await cli('lab', 'array', 'unreachable', '--array', 'fc-array-01');
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout).toContain("FC-ARRAY-01's Storage Management provider no longer answers");
    const up = await cli('lab', 'array', 'reachable', '--array', 'FC-ARRAY-01');
    expect(up.stdout).toContain("FC-ARRAY-01's Storage Management provider answers again.");
    const unknown = await cli('lab', 'array', 'unreachable', '--array', 'NOPE');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no array "NOPE"');
  });

  it('places the console on another computer, so its plans send diskraid to the host that loses the LUN, and back', async () => {
    expect((await cli('lab', 'init', '--scenario', 'legacy-vds')).code).toBe(0);
    const placed = await cli('lab', 'console', '--computer', 'ADMIN01');
    expect(placed.code, placed.stderr).toBe(0);
    expect(placed.stdout).toContain('The console runs on ADMIN01');
    expect((await cli('lab', 'console', '--import-host')).stdout).toContain('The console runs on the host that imports each set.');
    const neither = await cli('lab', 'console');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('Say where the console runs');
    const invalid = await cli('lab', 'console', '--computer', "ADMIN01'; x");
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('console computer');
  });

  it('makes a domain controller read-only, so the plan refuses to restore it, and writable again', async () => {
    expect((await cli('lab', 'init', '--scenario', 'dc-pair')).code).toBe(0);
    const [set] = await json<{ id: string }[]>('inventory', 'snapshots');
    const rodc = await cli('lab', 'dc', 'read-only', '--host', 'dc01');
    expect(rodc.code, rodc.stderr).toBe(0);
    expect(rodc.stdout).toContain('DC01 is now a read-only domain controller (RODC).');
    expect(rodc.stdout).toContain('were transferred to DC02 first');
    const refused = await cli('plan', '--set', set?.id ?? '');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('FAIL  DC01 is a writable domain controller: DC01 is a read-only domain controller (RODC)');
    expect(refused.stdout).toContain('Rebuild DC01 instead');
    expect(refused.stdout).toContain('BLOCKED');
    const writable = await cli('lab', 'dc', 'writable', '--host', 'DC01');
    expect(writable.stdout).toContain('DC01 is a writable domain controller again');
    const planned = await cli('plan', '--set', set?.id ?? '');
    expect(planned.stdout).toContain('PASS  DC01 is a writable domain controller');
  });

  it('refuses an RODC where none can exist: a host that is no DC, and the only DC of its domain', async () => {
    expect((await cli('lab', 'init', '--scenario', 'standalone-dc')).code).toBe(0);
    const notDc = await cli('lab', 'dc', 'read-only', '--host', 'BACKUP01');
    expect(notDc.code).toBe(1);
    expect(notDc.stderr).toContain('BACKUP01 is not a domain controller in this estate. The domain controllers are: DC01.');
    const only = await cli('lab', 'dc', 'read-only', '--host', 'DC01');
    expect(only.code).toBe(1);
    expect(only.stderr).toContain('DC01 is the only writable domain controller of contoso.local');
    expect(only.stderr).toContain('shadowswap lab init --scenario dc-pair --force');
  });

  it('creates the chosen estate without --force after another command opened the default one', async () => {
    expect((await cli('lab', 'scenarios')).code).toBe(0);
    const made = await cli('lab', 'init', '--scenario', 'standalone-dc');
    expect(made.code, made.stderr).toBe(0);
    expect((await cli('lab', 'init', '--scenario', 'two-node-sql')).stderr).toContain('Add --force');
  });

  it('names the scenarios when asked for one that does not exist', async () => {
    const result = await cli('lab', 'init', '--scenario', 'three-node');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Available: two-node-sql, standalone-dc, dc-pair, mixed-compliance, legacy-vds, large');
  });

  it('corrupts a LUN: its data changes and its volume is damaged', async () => {
    await cli('lab', 'init', '--scenario', 'two-node-sql');
    type LunRow = { name: string; contentChecksum: string; state: string; volumes: { damaged: boolean }[] };
    const before = (await json<LunRow[]>('inventory', 'luns')).find((l) => l.name === 'SQL-DATA');
    const result = await cli('lab', 'corrupt', '--lun', 'SQL-DATA');
    expect(result.stdout).toContain('SQL-DATA is corrupted');
    const after = (await json<LunRow[]>('inventory', 'luns')).find((l) => l.name === 'SQL-DATA');
    expect(after?.contentChecksum).not.toBe(before?.contentChecksum);
    expect(after).toMatchObject({ state: 'damaged', volumes: [{ damaged: true }] });
  });

  it('arms, lists and clears faults, and refuses one that cannot apply', async () => {
    await cli('lab', 'init', '--scenario', 'two-node-sql');
    expect((await cli('lab', 'fault', 'add', '--op', 'importSnapshotSet', '--kind', 'partial', '--times', '1')).stdout).toContain(
      'reaches only some of its targets',
    );
    expect((await cli('lab', 'fault', 'add', '--op', 'breakSnapshotSet', '--kind', 'crash', '--when', 'before')).code).toBe(0);
    const faults = await json<{ operation: string; kind: string; remaining: number | null; crashPoint: string }[]>('lab', 'fault', 'list');
    expect(faults).toMatchObject([
      { operation: 'importSnapshotSet', kind: 'partial', remaining: 1 },
      { operation: 'breakSnapshotSet', kind: 'crash', remaining: null, crashPoint: 'before' },
    ]);
    const refused = await cli('lab', 'fault', 'add', '--op', 'setLunMask', '--kind', 'partial');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('cannot take a "partial" fault');
    expect((await cli('lab', 'fault', 'add', '--op', 'formatDisk', '--kind', 'fail')).stderr).toContain('lab fault ops');
    expect((await cli('lab', 'fault', 'clear')).stdout).toContain('2 faults cleared');
    expect((await cli('lab', 'fault', 'list')).stdout).toContain('No faults are armed');
  });

  it('lists the operations a fault can target', async () => {
    const ops = await json<{ name: string; failsWith: string }[]>('lab', 'fault', 'ops');
    expect(ops.find((o) => o.name === 'breakSnapshotSet')?.failsWith).toBe('VSS_E_PROVIDER_VETO');
    expect(ops.map((o) => o.name)).toEqual(expect.arrayContaining(['setLunMask', 'importSnapshotSet', 'startResource', 'moveGroup']));
  });

  it('sets the latency scale', async () => {
    await cli('lab', 'init', '--scenario', 'two-node-sql');
    expect((await cli('lab', 'latency', '--scale', '0')).stdout).toContain('Latency scale: 0');
    expect((await cli('lab', 'latency', '--scale', 'fast')).code).toBe(2);
    expect((await cli('lab', 'latency', '--scale', '100')).stdout).toContain('Latency scale: 100');
    for (const scale of ['1e308', '101', '-1', 'Infinity']) {
      const refused = await cli('lab', 'latency', '--scale', scale);
      expect(refused.code, scale).toBe(2);
      expect(refused.stderr, scale).toContain('from 0 to 100');
    }
    expect((await cli('lab', 'latency')).stdout).toContain('Latency scale: 100');
  });
});

describe('shadowswap inventory', () => {
  beforeEach(async () => {
    await cli('lab', 'init', '--scenario', 'two-node-sql');
  });

  it('prints LUNs with the fields the console relies on', async () => {
    const [lun] = await json<Record<string, unknown>[]>('inventory', 'luns');
    for (const field of [
      'id',
      'name',
      'arrayId',
      'sizeBytes',
      'identifiers',
      'partitionStyle',
      'diskKind',
      'signature',
      'maskedTo',
      'contentChecksum',
      'state',
    ])
      expect(lun).toHaveProperty(field);
    expect(lun?.maskedTo).toEqual(['SQL01', 'SQL02']);
  });

  it('prints snapshot sets with their shadow copies', async () => {
    const [set] = await json<Record<string, unknown>[]>('inventory', 'snapshots');
    expect(set).toMatchObject({ sourceHost: 'SQL01', state: 'created', attributes: expect.arrayContaining(['Transportable', 'Hardware']) });
    expect((set?.shadowCopies as unknown[]).length).toBe(4);
    expect((set?.shadowCopies as Record<string, unknown>[])[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        originalLunId: 'ARRAY-01:lun-0',
        shadowLunId: 'ARRAY-01:lun-4',
        originalVolume: expect.stringMatching(/^\\\\\?\\Volume\{/),
      }),
    );
  });

  it('prints the cluster with nodes, groups and disk resources', async () => {
    const [cluster] = await json<{ name: string; groups: { ownerNode: string; state: string }[]; diskResources: { state: string }[] }[]>(
      'inventory',
      'cluster',
    );
    expect(cluster?.name).toBe('SQLCLUS');
    expect(cluster?.groups).toEqual([expect.objectContaining({ ownerNode: 'SQL01', state: 'Online' })]);
    expect(cluster?.diskResources.map((r) => r.state)).toEqual(['Online', 'Online', 'Online', 'Online']);
    expect((await cli('inventory', 'cluster')).stdout).toContain('Cluster Disk 1');
  });

  it('prints hosts with what they see and arrays with their provider', async () => {
    const hosts = await json<{ name: string; clusterName: string | null; visibleLunIds: string[] }[]>('inventory', 'hosts');
    expect(hosts.find((h) => h.name === 'SQL02')).toMatchObject({
      clusterName: 'SQLCLUS',
      visibleLunIds: ['ARRAY-01:lun-0', 'ARRAY-01:lun-1', 'ARRAY-01:lun-2', 'ARRAY-01:lun-3'],
    });
    expect((await cli('inventory', 'arrays')).stdout).toContain('Contoso VSS Hardware Provider');
  });

  it('filters snapshot sets', async () => {
    expect(await json<unknown[]>('inventory', 'snapshots', '--filter', 'DC01')).toEqual([]);
    expect(await json<unknown[]>('inventory', 'snapshots', '--filter', 'sql01 created')).toHaveLength(1);
  });
});
