/** The inventory contract through the registry (params and results validated), on real Lab estates. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app';
import type { MethodName, ParamsOf, ResultOf } from '../../../../shared/contract';
import { corruptLun } from '../../../../electron/core/backends/lab/lab-admin';
import { openLab, type LabFixture } from '../backends/lab/lab-fixture';

let lab: LabFixture;
let core: Core;

async function open(scenario: string): Promise<void> {
  lab = await openLab(scenario);
  core = createCore({ backend: lab.backend, dataDir: lab.dataDir, version: 'test' });
}

afterEach(async () => {
  await core.close();
  await lab.cleanup();
});

async function call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
  const outcome = await core.registry.invoke(method, params);
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as ResultOf<M>;
}

describe('inventory.lunPage', () => {
  it('answers a window of slim rows with the totals the console shows', async () => {
    await open('two-node-sql');
    const page = await call('inventory.lunPage', { limit: 3 });
    expect(page).toMatchObject({ total: 8, matched: 8, rowCount: 8, offset: 0 });
    expect(page.rows.map((r) => r.name)).toEqual(['SQL-DATA', 'SQL-LOGS', 'SQL-TEMPDB']);
    expect(page.rows[0]).toMatchObject({
      identifiers: 'type 3, type 8',
      compliance: { verdict: 'compliant' },
      maskedTo: ['SQL01', 'SQL02'],
      maskedCount: 2,
      disk: { cluster: 'SQLCLUS', resource: 'Cluster Disk 1', state: 'Online' },
      state: 'healthy',
      role: 'production',
    });
  });

  it("names each LUN's role, and searches and sorts by it", async () => {
    await open('two-node-sql');
    const page = await call('inventory.lunPage', { limit: 50, sort: { column: 'role', direction: 'ascending' } });
    const roles = Object.fromEntries(page.rows.map((r) => [r.name, r.role]));
    expect(roles['SQL-DATA']).toBe('production');
    const shadows = page.rows.filter((r) => r.shadowOf !== null);
    expect(shadows.length).toBeGreaterThan(0);
    expect(shadows.every((r) => r.role === 'spare-shadow')).toBe(true);
    expect(page.rows.map((r) => r.role)).toEqual([...page.rows.map((r) => r.role)].sort());
    const found = await call('inventory.lunPage', { filter: 'spare shadow', limit: 50 });
    expect(found.matched).toBe(shadows.length);
  });

  it('filters by state, role, array and cluster with field:value, and leaves spare shadows out on request', async () => {
    await open('two-node-sql');
    await corruptLun(lab.dataDir, 'SQL-DATA');
    const damaged = await call('inventory.lunPage', { filter: 'state:damaged' });
    expect(damaged.rows.map((r) => r.name)).toEqual(['SQL-DATA']);
    const clustered = await call('inventory.lunPage', { filter: 'cluster:sqlclus role:production' });
    expect(clustered.rows.map((r) => r.name)).toEqual(['SQL-DATA', 'SQL-LOGS', 'SQL-TEMPDB', 'SQL-BACKUP']);
    const all = await call('inventory.lunPage', { limit: 50 });
    const arrayId = all.rows[0]?.arrayId ?? '';
    expect((await call('inventory.lunPage', { filter: `array:${arrayId}` })).matched).toBe(
      all.rows.filter((r) => r.arrayId === arrayId).length,
    );
    const spare = all.rows.filter((r) => r.role === 'spare-shadow').length;
    expect(spare).toBeGreaterThan(0);
    const withoutSpare = await call('inventory.lunPage', { limit: 50, spareShadows: false });
    expect(withoutSpare).toMatchObject({ total: all.total - spare, matched: all.total - spare });
    expect(withoutSpare.rows.some((r) => r.role === 'spare-shadow')).toBe(false);
  });

  it('does not map an unbroken shadow copy to the resource of its original, though it carries the same signature', async () => {
    await open('two-node-sql');
    const { rows } = await call('inventory.lunPage', { filter: 'shadow' });
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatchObject({ disk: null, maskedTo: [], maskedCount: 0 });
  });

  it('filters and sorts on the server', async () => {
    await open('two-node-sql');
    const page = await call('inventory.lunPage', { filter: 'sql-d', sort: { column: 'size', direction: 'descending' } });
    expect(page).toMatchObject({ total: 8, matched: 2 });
    expect(page.rows.map((r) => r.name)).toEqual(['SQL-DATA', 'SQL-DATA-SC-20250313-2300']);
  });

  it('says each compliance verdict, and that an unknown association is unknown', async () => {
    await open('mixed-compliance');
    const { rows } = await call('inventory.lunPage', { filter: 'healthy' });
    const verdicts = Object.fromEntries(rows.map((r) => [r.name, r.compliance.verdict]));
    expect(verdicts).toEqual({
      'SQL-DATA': 'not-compliant',
      'SQL-LOGS': 'not-compliant',
      'SQL-TEMPDB': 'warning',
      'SQL-BACKUP': 'compliant',
      'SQL-DTC': 'warning',
    });
    expect(rows.find((r) => r.name === 'SQL-DTC')?.identifiers).toBe('type 3 (association unknown), type 8 (association unknown)');
  });

  it('refuses a page larger than the contract allows and a column it cannot sort by', async () => {
    await open('two-node-sql');
    await expect(call('inventory.lunPage', { limit: 10_000 })).rejects.toThrow('INVALID_REQUEST');
    await expect(call('inventory.lunPage', { sort: { column: 'colour', direction: 'ascending' } })).rejects.toThrow(
      'cannot be sorted by "colour"',
    );
  });

  it('follows the backend: a mask change shows on the next page', async () => {
    await open('two-node-sql');
    await lab.backend.setLunMask({ lunId: 'SQL-DATA', hosts: ['SQL01'] });
    const { rows } = await call('inventory.lunPage', { filter: 'SQL-DATA healthy' });
    expect(rows[0]).toMatchObject({ maskedTo: ['SQL01'], maskedCount: 1 });
  });
});

describe('inventory.lun', () => {
  it('tells everything about a LUN, with the sets that hold a copy of it', async () => {
    await open('two-node-sql');
    const { rows } = await call('inventory.lunPage', { filter: 'SQL-LOGS healthy' });
    const detail = await call('inventory.lun', { id: rows[0]?.id ?? '' });
    expect(detail.lun.name).toBe('SQL-LOGS');
    expect(detail.array?.providerName).toBe('Contoso VSS Hardware Provider');
    expect(detail.disk).toMatchObject({ cluster: 'SQLCLUS', resource: { name: 'Cluster Disk 2', ownerNode: 'SQL01' } });
    expect(detail.copiesIn).toEqual([
      expect.objectContaining({ state: 'created', sourceHost: 'SQL01', shadowLunName: 'SQL-LOGS-SC-20250313-2300' }),
    ]);
    expect(detail.shadowIn).toBeNull();
  });

  it('names the set and the original of a shadow LUN', async () => {
    await open('two-node-sql');
    const { rows } = await call('inventory.lunPage', { filter: 'SQL-LOGS shadow' });
    const detail = await call('inventory.lun', { id: rows[0]?.id ?? '' });
    expect(detail.originalName).toBe('SQL-LOGS');
    expect(detail.shadowIn).toMatchObject({ sourceHost: 'SQL01', shadowLunName: 'SQL-LOGS-SC-20250313-2300' });
  });

  it('answers NOT_FOUND for a LUN that is gone', async () => {
    await open('two-node-sql');
    await expect(call('inventory.lun', { id: 'ARRAY-09:lun-1' })).rejects.toThrow('NOT_FOUND');
  });
});

describe('inventory.snapshotPage and inventory.clusterPage', () => {
  it('lists sets and expands one to its shadow copies', async () => {
    await open('two-node-sql');
    const collapsed = await call('inventory.snapshotPage', {});
    const [set] = collapsed.rows;
    expect(set).toMatchObject({
      kind: 'set',
      childCount: 4,
      state: 'created',
      sourceHost: 'SQL01',
      cluster: 'SQLCLUS',
      provider: 'Contoso VSS Hardware Provider',
    });
    expect(set?.kind === 'set' && set.attributes).toContain('Transportable');
    const expanded = await call('inventory.snapshotPage', { expanded: [set?.id ?? ''] });
    expect(expanded.rowCount).toBe(5);
    expect(expanded.rows[1]).toMatchObject({
      kind: 'copy',
      level: 2,
      originalLunName: 'SQL-DATA',
      shadowLunName: 'SQL-DATA-SC-20250313-2300',
      originalDriveLetter: 'E:',
    });
  });

  it('lists sets newest first, each with the cluster of its source host', async () => {
    await open('large');
    const page = await call('inventory.snapshotPage', { limit: 20 });
    const created = page.rows.map((r) => (r.kind === 'set' ? r.createdAt : ''));
    expect(created).toEqual([...created].sort().reverse());
    expect(page.rows.some((r) => r.kind === 'set' && r.cluster !== null)).toBe(true);
    // Building the large estate (26,000 LUNs) takes seconds on a loaded machine.
  }, 90_000);

  it('lists the arrays (a discovery) once per snapshot-set list, not on every page, scroll or keystroke', async () => {
    await open('two-node-sql');
    const listArrays = vi.spyOn(lab.backend, 'listArrays');
    await call('inventory.snapshotPage', {});
    await call('inventory.snapshotPage', { filter: 'sql', offset: 0, limit: 10 });
    const [lun] = await lab.backend.listLuns();
    await call('inventory.lun', { id: lun?.id ?? '' });
    expect(listArrays).toHaveBeenCalledTimes(1);
    // A changed inventory is a new set list: the provider names are read again.
    await corruptLun(lab.dataDir, 'SQL-DATA');
    await call('inventory.snapshotPage', {});
    expect(listArrays).toHaveBeenCalledTimes(2);
  });

  const sqlGroup = 'SQLCLUS/group/SQL Server (MSSQLSERVER)';

  it('walks clusters → nodes and groups → disk resources with the LUN each is bound to, and the application on them', async () => {
    await open('two-node-sql');
    const page = await call('inventory.clusterPage', { expanded: ['SQLCLUS', sqlGroup] });
    expect(page.rows.map((r) => `${r.level}:${r.kind}:${r.name}`)).toEqual([
      '1:cluster:SQLCLUS',
      '2:node:SQL01',
      '2:node:SQL02',
      '2:group:SQL Server (MSSQLSERVER)',
      '3:disk:Cluster Disk 1',
      '3:disk:Cluster Disk 2',
      '3:disk:Cluster Disk 3',
      '3:disk:Cluster Disk 4',
      '3:application:SQL IP Address 1 (SQLVS)',
      '3:application:SQL Network Name (SQLVS)',
      '3:application:SQL Server',
      '3:application:SQL Server Agent',
    ]);
    expect(page.rows[0]).toMatchObject({ disksOnline: 4, diskCount: 4, applicationsOnline: 4, applicationCount: 4 });
    expect(page.rows[3]).toMatchObject({ state: 'Online', down: [] });
    expect(page.rows[4]).toMatchObject({
      ownerNode: 'SQL01',
      state: 'Online',
      maintenanceMode: false,
      diskIdType: 'MBR',
      lun: { name: 'SQL-DATA' },
    });
    expect(page.rows[10]).toMatchObject({
      ownerNode: 'SQL01',
      state: 'Online',
      resourceType: 'SQL Server',
      dependencies: ['Cluster Disk 1', 'Cluster Disk 2', 'Cluster Disk 3', 'Cluster Disk 4', 'SQL Network Name (SQLVS)'],
    });
  });

  it("shows a disk resource's LUN as damaged while the cluster still reads the disk Online", async () => {
    await open('two-node-sql');
    await corruptLun(lab.dataDir, 'SQL-DATA');
    const page = await call('inventory.clusterPage', { expanded: ['SQLCLUS', sqlGroup] });
    expect(page.rows.find((r) => r.name === 'Cluster Disk 1')).toMatchObject({
      state: 'Online',
      lun: { name: 'SQL-DATA', state: 'damaged' },
    });
    expect(page.rows.find((r) => r.name === 'Cluster Disk 2')).toMatchObject({ lun: { name: 'SQL-LOGS', state: 'healthy' } });
  });

  it('shows SQL Server Offline and its group not fully online once a disk it depends on is taken offline', async () => {
    await open('two-node-sql');
    await lab.backend.stopResource({ cluster: 'SQLCLUS', resource: 'Cluster Disk 2', onNode: 'SQL01' });
    const { rows } = await call('inventory.clusterPage', { filter: 'offline', expanded: ['SQLCLUS', sqlGroup] });
    expect(rows[0]).toMatchObject({ kind: 'cluster', disksOnline: 3, applicationsOnline: 2, applicationCount: 4 });
    expect(rows.find((r) => r.kind === 'group')).toMatchObject({
      state: 'PartialOnline',
      down: [
        { name: 'Cluster Disk 2', state: 'Offline' },
        { name: 'SQL Server', state: 'Offline' },
        { name: 'SQL Server Agent', state: 'Offline' },
      ],
    });
    expect(rows.filter((r) => r.level === 3).map((r) => `${r.name} ${r.state}`)).toEqual([
      'Cluster Disk 2 Offline',
      'SQL Server Offline',
      'SQL Server Agent Offline',
    ]);
  });
});

describe('inventory.hostPage and inventory.host', () => {
  it('lists hosts with what they see, and details one with its LUNs', async () => {
    await open('two-node-sql');
    const page = await call('inventory.hostPage', { sort: { column: 'luns', direction: 'descending' } });
    expect(page.rows.map((h) => [h.name, h.visibleCount])).toEqual([
      ['SQL01', 4],
      ['SQL02', 4],
      ['BACKUP01', 0],
    ]);
    const detail = await call('inventory.host', { name: 'sql02' });
    expect(detail.host).toMatchObject({ name: 'SQL02', clusterName: 'SQLCLUS' });
    expect(detail.luns.map((l) => l.name)).toEqual(['SQL-DATA', 'SQL-LOGS', 'SQL-TEMPDB', 'SQL-BACKUP']);
  });
});

describe('the masking matrix', () => {
  it('has no finding on a well-masked cluster, and columns grouped by cluster', async () => {
    await open('two-node-sql');
    const matrix = await call('inventory.matrix', {});
    expect(matrix.hosts).toEqual([
      { name: 'SQL01', cluster: 'SQLCLUS' },
      { name: 'SQL02', cluster: 'SQLCLUS' },
      { name: 'BACKUP01', cluster: null },
    ]);
    expect(matrix.findings).toEqual([]);
    expect(matrix.rows.find((r) => r.name === 'SQL-DATA')).toMatchObject({
      cluster: 'SQLCLUS',
      resource: 'Cluster Disk 1',
      seenBy: [0, 1],
      findings: [],
    });
  });

  it('flags a LUN masked away from one node, first in the matrix and in the findings', async () => {
    await open('two-node-sql');
    await lab.backend.setLunMask({ lunId: 'SQL-LOGS', hosts: ['SQL01', 'BACKUP01'] });
    const page = await call('inventory.matrixPage', { flaggedOnly: true });
    expect(page.rows).toEqual([
      expect.objectContaining({ name: 'SQL-LOGS', seenBy: [0, 2], findings: ['missing-cluster-node', 'visible-outside-cluster'] }),
    ]);
    const findings = await call('inventory.findingPage', {});
    expect(findings.rows.map((f) => [f.kind, f.hosts])).toEqual([
      ['missing-cluster-node', ['SQL02']],
      ['visible-outside-cluster', ['BACKUP01']],
    ]);
    const all = await call('inventory.matrixPage', { limit: 1 });
    expect(all).toMatchObject({ matched: 8, rows: [{ name: 'SQL-LOGS' }] });
  });

  it('a filtered matrix keeps only the host columns its LUNs need, the same for every window', async () => {
    await open('two-node-sql');
    const all = await call('inventory.matrixPage', {});
    expect(all.hosts.map((h) => h.name)).toContain('BACKUP01');
    const first = await call('inventory.matrixPage', { filter: 'SQL-DATA', limit: 1 });
    const second = await call('inventory.matrixPage', { filter: 'SQL-DATA', offset: 1, limit: 1 });
    expect(first.hosts.map((h) => h.name)).toEqual(['SQL01', 'SQL02']);
    expect(second.hosts).toEqual(first.hosts);
    expect(first.rows[0]).toMatchObject({ name: 'SQL-DATA', seenBy: [0, 1] });
  });
});

describe('the masking matrix scoped to one cluster', () => {
  it("keeps that cluster's disks and the hosts that matter to them", async () => {
    await open('two-node-sql');
    await lab.backend.setLunMask({ lunId: 'SQL-LOGS', hosts: ['SQL01', 'SQL02', 'BACKUP01'] });
    const scoped = await call('inventory.matrixPage', { filter: 'cluster:SQLCLUS' });
    expect(scoped.rows[0]?.name).toBe('SQL-LOGS');
    expect(scoped.rows.map((r) => r.name).sort()).toEqual(['SQL-BACKUP', 'SQL-DATA', 'SQL-LOGS', 'SQL-TEMPDB']);
    // BACKUP01 stays: it sees one of the cluster's disks, which is the finding.
    expect(scoped.hosts.map((h) => h.name)).toEqual(['SQL01', 'SQL02', 'BACKUP01']);
    await lab.backend.setLunMask({ lunId: 'SQL-LOGS', hosts: ['SQL01', 'SQL02'] });
    const clean = await call('inventory.matrixPage', { filter: 'cluster:sqlclus' });
    expect(clean.hosts.map((h) => h.name)).toEqual(['SQL01', 'SQL02']);
  });
});

describe('inventory.overview', () => {
  it('sums up two-node-sql: the cluster healthy with its recovery point, then damaged once a LUN is corrupted', async () => {
    await open('two-node-sql');
    const before = await call('inventory.overview', {});
    const sqlclus = before.systems.find((s) => s.name === 'SQLCLUS');
    const sets = await call('inventory.snapshots', {});
    expect(sqlclus).toMatchObject({
      kind: 'cluster',
      health: 'healthy',
      hosts: ['SQL01', 'SQL02'],
      recoverableSets: sets.length,
      evidenceLuns: [],
    });
    expect(sqlclus?.latestSet?.id).toBe([...sets].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]?.id);

    await corruptLun(lab.dataDir, 'SQL-DATA');
    const after = await call('inventory.overview', {});
    expect(after.systems[0]).toMatchObject({ name: 'SQLCLUS', health: 'damaged', problems: ['SQL-DATA is damaged'] });
  });
});
