import { describe, expect, it } from 'vitest';
import type { Cluster, Host, Lun, SnapshotSet } from '../../shared/domain';
import { estateOverview } from '../../shared/estate-overview';
import { lunRoles } from '../../shared/lun-roles';

const lun = (id: string, change: Partial<Lun> = {}): Lun =>
  ({ id, name: id.toUpperCase(), state: 'healthy', shadowOf: null, maskedTo: [], maskAll: false, ...change }) as Lun;
const host = (name: string, clusterName: string | null): Host => ({ name, osVersion: '', initiators: [], clusterName, visibleLunIds: [] });
const set = (id: string, sourceHost: string, createdAt: string, state: SnapshotSet['state'] = 'created'): SnapshotSet =>
  ({ id, sourceHost, createdAt, state }) as SnapshotSet;
const cluster: Cluster = {
  name: 'SQLCLUS',
  nodes: [
    { name: 'SQL01', state: 'Up' },
    { name: 'SQL02', state: 'Up' },
  ],
  groups: [],
  diskResources: [],
  applicationResources: [],
};
const hosts = [host('SQL01', 'SQLCLUS'), host('SQL02', 'SQLCLUS'), host('DC01', null), host('BACKUP01', null)];

function overview(luns: Lun[], sets: SnapshotSet[], clusters: Cluster[] = [cluster]) {
  return estateOverview({ luns, roles: lunRoles(luns), sets, clusters, hosts, findings: [] });
}

describe('estateOverview', () => {
  it('lists the cluster and the standalone hosts that hold data, with the newest recoverable set', () => {
    const systems = overview(
      [lun('data', { maskedTo: ['SQL01', 'SQL02'] }), lun('ntds', { maskedTo: ['DC01'] })],
      [set('old', 'SQL01', '2026-11-30T23:00:00Z'), set('new', 'SQL02', '2026-12-01T23:00:00Z'), set('dc', 'DC01', '2026-12-01T22:00:00Z')],
    );
    expect(systems.map((s) => [s.kind, s.name, s.health, s.latestSet?.id, s.recoverableSets])).toEqual([
      ['host', 'DC01', 'healthy', 'dc', 1],
      ['cluster', 'SQLCLUS', 'healthy', 'new', 2],
    ]);
  });

  it('puts a system with a damaged production LUN first, and says which', () => {
    const systems = overview([lun('data', { maskedTo: ['SQL01'], state: 'damaged' }), lun('ntds', { maskedTo: ['DC01'] })], []);
    expect(systems[0]).toMatchObject({ name: 'SQLCLUS', health: 'damaged', problems: ['DATA is damaged'] });
  });

  it('calls a cluster with a node down degraded', () => {
    const down: Cluster = {
      ...cluster,
      nodes: [
        { name: 'SQL01', state: 'Up' },
        { name: 'SQL02', state: 'Down' },
      ],
    };
    expect(overview([], [], [down])[0]).toMatchObject({ health: 'degraded', problems: ['node SQL02 is Down'] });
  });

  it('after a recovery: healthy again on the copy, no recovery point left, and the replaced original held as evidence', () => {
    const systems = overview(
      [lun('data', { state: 'damaged' }), lun('data-sc', { shadowOf: 'data', maskedTo: ['SQL01', 'SQL02'] })],
      [set('used', 'SQL01', '2026-12-01T23:00:00Z', 'broken')],
    );
    expect(systems[0]).toMatchObject({ name: 'SQLCLUS', health: 'healthy', latestSet: null, recoverableSets: 0, evidenceLuns: ['DATA'] });
  });
});
