/**
 * SQLCLUS: SQL01 and SQL02 share clustered LUNs on one FC array and run one SQL Server instance on them,
 * BACKUP01 stands apart, and last night's transportable set of every clustered LUN waits on the array. `mixed-compliance` is the same
 * estate with LUNs that break each compliance rule, so preflight can be exercised on every verdict.
 */
import type { LabApplicationResource, LabState } from '../lab-model';
import { recordTransportableSet, lunNumberer } from '../vss-provider';
import { contosoArray, maskingSetPerHost, diskResourceFor, emptyEstate, fcHost, lastNight, makeLun, type LunSpec } from './builders';

const NODES = ['SQL01', 'SQL02'];
const GROUP = 'SQL Server (MSSQLSERVER)';

const data: LunSpec = {
  name: 'SQL-DATA',
  sizeGiB: 500,
  driveLetter: 'E:',
  label: 'SQLData',
  files: ['Sales.mdf', 'HR.mdf', 'Finance.mdf'],
  mask: NODES,
};
const logs: LunSpec = {
  name: 'SQL-LOGS',
  sizeGiB: 200,
  driveLetter: 'F:',
  label: 'SQLLogs',
  files: ['Sales_log.ldf', 'HR_log.ldf', 'Finance_log.ldf'],
  mask: NODES,
};
const tempdb: LunSpec = {
  name: 'SQL-TEMPDB',
  sizeGiB: 100,
  driveLetter: 'G:',
  label: 'TempDB',
  files: ['tempdb.mdf', 'templog.ldf'],
  mask: NODES,
};
const backup: LunSpec = {
  name: 'SQL-BACKUP',
  sizeGiB: 1000,
  driveLetter: 'H:',
  label: 'SQLBackup',
  files: ['Sales_full.bak', 'HR_full.bak'],
  mask: NODES,
};
const dtc: LunSpec = { name: 'SQL-DTC', sizeGiB: 10, driveLetter: 'M:', label: 'MSDTC', files: ['MSDTC.LOG'], mask: NODES };

const compliantLuns = [data, logs, tempdb, backup];

/** One rule broken per LUN: GPT, dynamic, only an NAA identifier, and an association VDS cannot tell. */
const mixedLuns: LunSpec[] = [
  { ...data, partitionStyle: 'GPT' },
  { ...logs, diskKind: 'dynamic' },
  { ...tempdb, identifiers: 'naa-only' },
  backup,
  { ...dtc, identifiers: 'association-unknown' },
];

/**
 * The clustered SQL Server instance as the SQL Server setup wizard builds it: the engine depends on every
 * data disk and on its network name, the agent on the engine. Stopping a disk stops both.
 */
function sqlInstance(disks: readonly string[]): LabApplicationResource[] {
  const resource = (name: string, resourceType: string, dependencies: string[]): LabApplicationResource => ({
    name,
    group: GROUP,
    state: 'Online',
    resourceType,
    dependencies,
  });
  return [
    resource('SQL IP Address 1 (SQLVS)', 'IP Address', []),
    resource('SQL Network Name (SQLVS)', 'Network Name', ['SQL IP Address 1 (SQLVS)']),
    resource('SQL Server', 'SQL Server', [...disks, 'SQL Network Name (SQLVS)']),
    resource('SQL Server Agent', 'SQL Server Agent', ['SQL Server']),
  ];
}

function sqlCluster(scenario: string, specs: readonly LunSpec[], now: Date): LabState {
  const arrayId = 'ARRAY-01';
  const state = emptyEstate(scenario);
  state.arrays.push(contosoArray(arrayId, 'FC-ARRAY-01'));
  state.luns.push(...specs.map((spec, i) => makeLun(arrayId, i, spec)));
  state.hosts.push(...NODES.map((name) => fcHost(name)), fcHost('BACKUP01'));
  maskingSetPerHost(state, arrayId);
  state.clusters.push({
    name: 'SQLCLUS',
    nodes: NODES.map((name) => ({ name, state: 'Up' as const })),
    groups: [{ name: GROUP, ownerNode: 'SQL01' }],
    resources: state.luns.map((lun, i) => diskResourceFor(lun, `Cluster Disk ${i + 1}`, GROUP)),
    applicationResources: sqlInstance(state.luns.map((_lun, i) => `Cluster Disk ${i + 1}`)),
  });
  recordTransportableSet(state, {
    host: 'SQL01',
    originals: [...state.luns],
    persistent: true,
    createdAt: lastNight(now),
    nextLunId: lunNumberer(state),
  });
  return state;
}

export const twoNodeSql = (now: Date) => sqlCluster('two-node-sql', compliantLuns, now);

/**
 * two-node-sql with `count` data LUNs in its one group (SQL Server depending on every disk): how the outage grows
 * with the number of LUNs (`npm run bench`). Drive letters E: to Z:, then mount points.
 */
export function sqlClusterOfLuns(count: number, now: Date): LabState {
  const specs = Array.from({ length: count }, (_, i): LunSpec => {
    const number = String(i + 1).padStart(2, '0');
    return {
      ...data,
      name: `SQL-DATA-${number}`,
      driveLetter: i < 22 ? `${String.fromCharCode(69 + i)}:` : null,
      label: `SQLData${number}`,
    };
  });
  return sqlCluster(`two-node-sql-${count}-luns`, specs, now);
}
export const mixedCompliance = (now: Date) => sqlCluster('mixed-compliance', mixedLuns, now);
