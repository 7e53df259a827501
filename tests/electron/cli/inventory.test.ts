/** shadowswap inventory ...: tables by default, JSON with --json, --filter on every list, and the masking matrix. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { LabBackend } from '../../../electron/core/backends/lab/lab-backend';
import type { ResultOf } from '../../../shared/contract';

let dataDir: string;
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-cli-inventory-'));
  expect((await cli('lab', 'init', '--scenario', 'two-node-sql')).code).toBe(0);
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    env: {},
    untilInterrupted: () => Promise.resolve(),
    ask: async () => null,
  };
  const code = await runCli([...argv, '--data-dir', dataDir], io, 'test');
  return { code, stdout, stderr };
}

async function maskAway(lunName: string, hosts: string[]): Promise<void> {
  const backend = await LabBackend.open(dataDir, { latencyScale: 0 });
  await backend.setLunMask({ lunId: lunName, hosts });
  await backend.close();
}

describe('shadowswap inventory', () => {
  it.each([
    ['luns', /^NAME\s+ARRAY\s+SIZE.*COMPLIANCE/, /8 LUNs\n$/],
    ['snapshots', /^SET ID\s+CREATED/, /1 snapshot set\n$/],
    ['cluster', /^CLUSTER\s+NODES/, /1 cluster, 4 disk resources, 4 application resources\n$/],
    ['hosts', /^HOST\s+CLUSTER/, /3 hosts\n$/],
    ['matrix', /^LUN\s+CLUSTER DISK\s+SEEN BY\s+FINDINGS/, /8 LUNs, 3 hosts, 0 findings\n$/],
  ])('%s prints a table by default', async (what, header, footer) => {
    const { code, stdout, stderr } = await cli('inventory', what);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(header);
    expect(stdout).toMatch(footer);
  });

  it.each(['luns', 'snapshots', 'cluster', 'hosts', 'matrix'])('%s --filter keeps only matching rows', async (what) => {
    const all = await cli('inventory', what, '--json');
    const none = await cli('inventory', what, '--json', '--filter', 'no-such-thing-anywhere');
    expect(all.code).toBe(0);
    expect(none.code).toBe(0);
    const count = (text: string) => {
      const value = JSON.parse(text) as unknown[] | { rows: unknown[] };
      return Array.isArray(value) ? value.length : value.rows.length;
    };
    expect(count(all.stdout)).toBeGreaterThan(0);
    expect(count(none.stdout)).toBe(0);
  });

  it('cluster lists the application resources with their type, owner node and what they depend on', async () => {
    const { stdout } = await cli('inventory', 'cluster');
    const line = (name: string) => stdout.split('\n').find((l) => l.includes(` ${name}  `)) ?? '';
    expect(stdout).toMatch(/RESOURCE\s+TYPE\s+STATE\s+DISK\s+DEPENDS ON/);
    expect(line('SQL Server')).toMatch(
      /SQL Server \(MSSQLSERVER\) \(Online\)\s+SQL01\s+SQL Server\s+SQL Server\s+Online\s+-\s+Cluster Disk 1, Cluster Disk 2, Cluster Disk 3, Cluster Disk 4, SQL Network Name \(SQLVS\)$/,
    );
    expect(line('SQL Server Agent')).toMatch(/SQL Server Agent\s+Online\s+-\s+SQL Server$/);
  });

  it("cluster --filter keeps the resource lines that match, and says how many of the cluster's it shows", async () => {
    const { stdout } = await cli('inventory', 'cluster', '--filter', 'agent');
    const rows = stdout.split('\n').filter((l) => l.startsWith('SQLCLUS '));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/SQL Server Agent\s+SQL Server Agent\s+Online/);
    expect(stdout).toContain('1 cluster, 4 disk resources, 4 application resources; 1 of their 8 resources matches the filter\n');
    // A filter that names the cluster keeps every line.
    expect((await cli('inventory', 'cluster', '--filter', 'sqlclus')).stdout).not.toContain('the filter');
  });

  it('cluster shows SQL Server Offline and its group PartialOnline after a disk it depends on goes offline', async () => {
    const backend = await LabBackend.open(dataDir, { latencyScale: 0 });
    await backend.stopResource({ cluster: 'SQLCLUS', resource: 'Cluster Disk 1', onNode: 'SQL01' });
    await backend.close();
    const { stdout } = await cli('inventory', 'cluster', '--filter', 'SQL Server');
    const sqlServer = stdout.split('\n').find((l) => / SQL Server\s+SQL Server /.test(l)) ?? '';
    expect(sqlServer).toContain('(PartialOnline)');
    expect(sqlServer).toMatch(/SQL Server\s+Offline\s+-/);
    const json = JSON.parse((await cli('inventory', 'cluster', '--json')).stdout) as ResultOf<'inventory.clusters'>;
    expect(json[0]?.groups[0]).toMatchObject({ state: 'PartialOnline' });
    expect(json[0]?.applicationResources.find((r) => r.name === 'SQL Server')).toEqual({
      name: 'SQL Server',
      group: 'SQL Server (MSSQLSERVER)',
      ownerNode: 'SQL01',
      state: 'Offline',
      resourceType: 'SQL Server',
      dependencies: ['Cluster Disk 1', 'Cluster Disk 2', 'Cluster Disk 3', 'Cluster Disk 4', 'SQL Network Name (SQLVS)'],
    });
  });

  it('matrix --json includes the findings, with explanations', async () => {
    await maskAway('SQL-DATA', ['SQL01']);
    const { code, stdout } = await cli('inventory', 'matrix', '--json');
    expect(code).toBe(0);
    const matrix = JSON.parse(stdout) as ResultOf<'inventory.matrix'>;
    expect(matrix.findings).toEqual([expect.objectContaining({ kind: 'missing-cluster-node', lunName: 'SQL-DATA', hosts: ['SQL02'] })]);
    expect(matrix.rows[0]).toMatchObject({ name: 'SQL-DATA', findings: ['missing-cluster-node'] });
  });

  it('matrix explains each finding in the table output', async () => {
    await maskAway('SQL-TEMPDB', ['SQL01', 'SQL02', 'BACKUP01']);
    const { stdout } = await cli('inventory', 'matrix');
    expect(stdout).toContain('1 finding\n');
    expect(stdout).toContain('- SQL-TEMPDB backs "Cluster Disk 3" in cluster SQLCLUS, but BACKUP01 outside the cluster sees it too.');
  });
});
