/** The cluster tree's rows: groups hold their disks and the application resources on them, each searchable alike. */
import { describe, expect, it } from 'vitest';
import { pagedTable, pageOfTable } from '../../../../electron/core/inventory/inventory-paging';
import { clusterNode, lunsByIdentity } from '../../../../electron/core/inventory/inventory-rows';
import type { ApplicationResource, Cluster, DiskResource } from '../../../../shared/domain';
import { ClusterRow } from '../../../../shared/inventory-rows';

const GROUP = 'SQL Server (MSSQLSERVER)';

const disk = (name: string, state: DiskResource['state'], maintenanceMode = false): DiskResource => ({
  name,
  group: GROUP,
  ownerNode: 'SQL02',
  state,
  maintenanceMode,
  diskIdType: 'MBR',
  diskSignature: '1A2B3C4D',
  diskIdGuid: null,
  dependencies: [],
  lastEvent: null,
});

const application = (
  name: string,
  resourceType: string,
  state: ApplicationResource['state'],
  dependencies: string[],
): ApplicationResource => ({
  name,
  group: GROUP,
  ownerNode: 'SQL02',
  state,
  resourceType,
  dependencies,
});

/** SQL Server failed over to SQL02 with its data disk in maintenance mode and its log disk taken offline. */
const cluster: Cluster = {
  name: 'SQLCLUS',
  nodes: [
    { name: 'SQL01', state: 'Up' },
    { name: 'SQL02', state: 'Up' },
  ],
  groups: [{ name: GROUP, ownerNode: 'SQL02', state: 'PartialOnline' }],
  diskResources: [disk('Cluster Disk 1', 'Online(Maintenance)', true), disk('Cluster Disk 2', 'Offline')],
  applicationResources: [
    application('SQL Network Name (SQLVS)', 'Network Name', 'Online', []),
    application('SQL Server', 'SQL Server', 'Offline', ['Cluster Disk 1', 'Cluster Disk 2', 'SQL Network Name (SQLVS)']),
    application('SQL Server Agent', 'SQL Server Agent', 'Failed', ['SQL Server']),
  ],
};

const groupId = `SQLCLUS/group/${GROUP}`;
const table = () => pagedTable([clusterNode(cluster, lunsByIdentity([]))], {});
const page = (filter: string, expanded: string[] = []) =>
  pageOfTable(table(), { filter, sort: null, offset: 0, limit: 100, expanded }).rows;
const names = (rows: readonly ClusterRow[]) => rows.map((row) => `${row.level}:${row.kind}:${row.name}`);

describe('clusterNode', () => {
  it('lists under a group its disks, then the application resources on them', () => {
    expect(names(page('', ['SQLCLUS', groupId]))).toEqual([
      '1:cluster:SQLCLUS',
      '2:node:SQL01',
      '2:node:SQL02',
      `2:group:${GROUP}`,
      '3:disk:Cluster Disk 1',
      '3:disk:Cluster Disk 2',
      '3:application:SQL Network Name (SQLVS)',
      '3:application:SQL Server',
      '3:application:SQL Server Agent',
    ]);
  });

  it('makes rows the strict schema accepts, an application resource with its type, owner and dependencies', () => {
    const rows = page('', ['SQLCLUS', groupId]);
    for (const row of rows) expect(() => ClusterRow.parse(row)).not.toThrow();
    expect(rows.find((row) => row.name === 'SQL Server')).toEqual({
      kind: 'application',
      id: `${groupId}/SQL Server`,
      level: 3,
      cluster: 'SQLCLUS',
      group: GROUP,
      name: 'SQL Server',
      ownerNode: 'SQL02',
      state: 'Offline',
      resourceType: 'SQL Server',
      dependencies: ['Cluster Disk 1', 'Cluster Disk 2', 'SQL Network Name (SQLVS)'],
    });
  });

  it('counts online disks and application resources on the cluster, and names what is down on the group', () => {
    const [clusterRow, , , group] = page('', ['SQLCLUS']);
    expect(clusterRow).toMatchObject({
      childCount: 3,
      nodesUp: 2,
      nodeCount: 2,
      disksOnline: 0,
      diskCount: 2,
      applicationsOnline: 1,
      applicationCount: 3,
    });
    // A disk in maintenance mode is online for its group: only Offline and Failed resources are down.
    expect(group).toMatchObject({
      kind: 'group',
      childCount: 5,
      state: 'PartialOnline',
      down: [
        { name: 'Cluster Disk 2', state: 'Offline' },
        { name: 'SQL Server', state: 'Offline' },
        { name: 'SQL Server Agent', state: 'Failed' },
      ],
    });
  });

  it.each([
    ['their type (and what depends on them by name)', 'network name', ['SQL Network Name (SQLVS)', 'SQL Server']],
    ['their state', 'failed', ['SQL Server Agent']],
    ['their owner node and state', 'sql02 offline', ['Cluster Disk 2', 'SQL Server']],
    ['what they depend on', 'sqlvs', ['SQL Network Name (SQLVS)', 'SQL Server']],
    ['the type of a disk', 'physical', ['Cluster Disk 1', 'Cluster Disk 2']],
  ])('finds resources inside a collapsed cluster by %s', (_what, filter, found) => {
    const rows = page(filter);
    expect(rows.filter((row) => row.level === 3).map((row) => row.name)).toEqual(found);
    expect(names(rows.slice(0, 2))).toEqual(['1:cluster:SQLCLUS', `2:group:${GROUP}`]);
  });
});
