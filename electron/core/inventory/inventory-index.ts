/**
 * The backend's lists, indexed for the console. Each table is built from only the lists it needs, the
 * first time a page asks, and kept until one of those lists changes: the Lab hands out the same list
 * objects until its state changes, so a keystroke or a scroll reuses everything built before, and the
 * LUN page never waits for the snapshot-set or host views.
 */
import { lunCompliance, type IdentifierCompliance } from '../../../shared/compliance';
import type { Cluster, Host, Lun, SnapshotSet, StorageArray } from '../../../shared/domain';
import { ShadowSwapError } from '../../../shared/errors';
import { estateOverview, type EstateOverview } from '../../../shared/estate-overview';
import { lunRoles, type LunRole } from '../../../shared/lun-roles';
import {
  MAX_PAGE_ROWS,
  type ClusterRow,
  type HostDetail,
  type HostRow,
  type LunDetail,
  type LunRow,
  type MatrixHost,
  type MatrixRow,
  type SnapshotRow,
} from '../../../shared/inventory-rows';
import {
  clusteredDiskOf,
  clustersByNode,
  compareFindings,
  lunMaskingFindings,
  type ClusteredDisk,
  type MaskingFinding,
} from '../../../shared/masking-findings';
import type { Backend } from '../backend';
import { flatNodes, lazyRow, pagedTable, searchText, type FieldValue, type PagedTable, type TreeNode } from './inventory-paging';
import {
  clusterNode,
  compareMatrixRows,
  hostText,
  lunNode,
  lunsByIdentity,
  matrixHosts,
  setRefsByLun,
  snapshotNode,
  toHostRow,
  toLunRow,
  toMatrixRow,
} from './inventory-rows';

/** The result of `build` for the latest arguments; rebuilt when any argument is a different object. */
function memoLatest<Args extends readonly unknown[], Result>(build: (...args: Args) => Result): (...args: Args) => Result {
  let last: { args: Args; result: Result } | null = null;
  return (...args) => {
    if (!last || args.some((arg, i) => arg !== last?.args[i])) last = { args, result: build(...args) };
    return last.result;
  };
}

interface LunFacts {
  lun: Lun;
  disk: ClusteredDisk | null;
  compliance: IdentifierCompliance;
  role: LunRole;
}

interface LunIndex {
  list: LunFacts[];
  byId: Map<string, LunFacts>;
  nodeClusters: Map<string, Cluster>;
}

interface Matrix {
  hosts: MatrixHost[];
  all: PagedTable<MatrixRow>;
  flagged: PagedTable<MatrixRow>;
}

const byName = (row: { name: string }) => row.name;

function indexLuns(luns: readonly Lun[], clusters: readonly Cluster[]): LunIndex {
  const nodeClusters = clustersByNode(clusters);
  const roles = lunRoles(luns);
  const list = luns.map((lun): LunFacts => ({
    lun,
    disk: clusteredDiskOf(lun, nodeClusters),
    compliance: lunCompliance(lun),
    role: roles.get(lun.id) ?? 'unassigned',
  }));
  return { list, byId: new Map(list.map((facts) => [facts.lun.id, facts])), nodeClusters };
}

/** A shadow copy not linked to its array LUN yet has no LUN id: its row says so (recovery/unlinked-copies.ts). */
const NOT_LINKED = 'not linked to an array LUN';
const lunNamer = (index: LunIndex) => (id: string) => (id === '' ? NOT_LINKED : (index.byId.get(id)?.lun.name ?? id));

function buildLunTable(index: LunIndex, spareShadows: boolean): PagedTable<LunRow> {
  // On a large estate most LUNs are spare shadow copies; the console leaves them out until asked.
  const shown = spareShadows ? index.list : index.list.filter((facts) => facts.role !== 'spare-shadow');
  return pagedTable(
    shown.map(({ lun, disk, compliance, role }) => lunNode(lun, disk, compliance, role)),
    {
      name: byName,
      array: (row) => row.arrayId,
      size: (row) => row.sizeBytes,
      identifiers: (row) => row.identifiers,
      compliance: (row) => row.compliance.verdict,
      layout: (row) => `${row.diskKind} ${row.partitionStyle}`,
      signature: (row) => row.signature ?? '',
      volumes: (row) => row.volumes,
      mask: (row) => (row.maskAll ? '*' : row.maskedTo.join(', ')),
      disk: (row) => (row.disk ? `${row.disk.cluster} ${row.disk.resource}` : ''),
      state: (row) => row.state,
      role: (row) => row.role,
    },
    lunFields,
  );
}

/** What the LUN page's search can name: `state:damaged`, `role:production`, `array:<id>`, `cluster:<name>`. */
const lunFields: Readonly<Record<string, FieldValue<LunRow>>> = {
  state: (row) => row.state,
  role: (row) => row.role,
  array: (row) => row.arrayId,
  cluster: (row) => row.disk?.cluster ?? '',
};

function buildSnapshotTable(sets: readonly SnapshotSet[], arrays: readonly StorageArray[], index: LunIndex): PagedTable<SnapshotRow> {
  const setOnly =
    <T extends string | number>(pick: (row: Extract<SnapshotRow, { kind: 'set' }>) => T, otherwise: T) =>
    (row: SnapshotRow) =>
      row.kind === 'set' ? pick(row) : otherwise;
  const clusterOf = (host: string) => index.nodeClusters.get(host.toUpperCase())?.name ?? null;
  // Newest first: the set an operator recovers from is almost always the latest one.
  const newestFirst = [...sets].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return pagedTable(
    newestFirst.map((set) => snapshotNode(set, arrays, lunNamer(index), clusterOf(set.sourceHost))),
    {
      id: (row) => row.id,
      created: setOnly((row) => row.createdAt, ''),
      source: setOnly((row) => row.sourceHost, ''),
      cluster: setOnly((row) => row.cluster ?? '', ''),
      provider: setOnly((row) => row.provider, ''),
      attributes: setOnly((row) => row.attributes.join(' '), ''),
      state: setOnly((row) => row.state, ''),
      luns: setOnly((row) => row.childCount, 0),
    },
  );
}

function buildClusterTable(clusters: readonly Cluster[], luns: readonly Lun[]): PagedTable<ClusterRow> {
  const byIdentity = lunsByIdentity(luns);
  return pagedTable(
    clusters.map((cluster) => clusterNode(cluster, byIdentity)),
    { name: byName },
  );
}

function buildHostTable(hosts: readonly Host[]): PagedTable<HostRow> {
  const nodes = hosts.map((host): TreeNode<HostRow> => ({
    id: host.name,
    row: lazyRow(() => toHostRow(host)),
    text: hostText(host),
    children: [],
  }));
  return pagedTable(nodes, {
    name: byName,
    cluster: (row) => row.clusterName ?? '',
    os: (row) => row.osVersion,
    initiators: (row) => row.initiators.length,
    luns: (row) => row.visibleCount,
  });
}

function findingsOf(index: LunIndex): MaskingFinding[] {
  return index.list.flatMap(({ lun }) => lunMaskingFindings(lun, index.nodeClusters)).sort(compareFindings);
}

function buildOverview(
  index: LunIndex,
  sets: readonly SnapshotSet[],
  clusters: readonly Cluster[],
  hosts: readonly Host[],
  findings: readonly MaskingFinding[],
): EstateOverview {
  const roles = new Map(index.list.map((facts) => [facts.lun.id, facts.role]));
  return { systems: estateOverview({ luns: index.list.map((facts) => facts.lun), roles, sets, clusters, hosts, findings }) };
}

function buildFindingTable(findings: readonly MaskingFinding[]): PagedTable<MaskingFinding> {
  const nodes = findings.map((finding, i): TreeNode<MaskingFinding> => ({
    id: `${finding.lunId}/${finding.kind}/${i}`,
    row: () => finding,
    text: searchText([finding.lunName, finding.lunId, finding.kind, finding.cluster, finding.resource, ...finding.hosts]),
    children: [],
  }));
  return pagedTable(nodes, { kind: (row) => row.kind, lun: (row) => row.lunName, cluster: (row) => row.cluster ?? '' });
}

/** `cluster:<name>` scopes the matrix to the disks of one cluster; `state:` works as on the LUN page. */
const matrixFields: Readonly<Record<string, FieldValue<MatrixRow>>> = {
  cluster: (row) => row.cluster ?? '',
  state: (row) => row.state,
};

function buildMatrix(hosts: readonly Host[], index: LunIndex, findings: readonly MaskingFinding[]): Matrix {
  const columns = matrixHosts(hosts, index.nodeClusters);
  const columnOf = new Map(columns.map((host, i) => [host.name.toUpperCase(), i]));
  const findingsByLun = new Map<string, MaskingFinding[]>();
  for (const finding of findings) findingsByLun.set(finding.lunId, [...(findingsByLun.get(finding.lunId) ?? []), finding]);
  const rows = index.list.map(({ lun, disk }) => toMatrixRow(lun, disk, columnOf, findingsByLun.get(lun.id) ?? [])).sort(compareMatrixRows);
  const nodes = flatNodes(
    rows,
    (row) => row.lunId,
    (row) => [row.name, row.lunId, row.state, row.cluster, row.resource, ...row.findings],
  );
  // The matrix has one fixed order (flagged first, cluster by cluster): it is a picture, not a sortable list.
  return {
    hosts: columns,
    all: pagedTable(nodes, {}, matrixFields),
    flagged: pagedTable(
      nodes.filter((node) => node.row().findings.length > 0),
      {},
      matrixFields,
    ),
  };
}

export interface InventoryViews {
  /** Every LUN, or (spareShadows false) all but the spare shadow copies. */
  lunTable(spareShadows?: boolean): Promise<PagedTable<LunRow>>;
  lunDetail(id: string): Promise<LunDetail>;
  snapshotTable(): Promise<PagedTable<SnapshotRow>>;
  clusterTable(): Promise<PagedTable<ClusterRow>>;
  hostTable(): Promise<PagedTable<HostRow>>;
  hostDetail(name: string): Promise<HostDetail>;
  matrix(): Promise<Matrix>;
  findings(): Promise<MaskingFinding[]>;
  findingTable(): Promise<PagedTable<MaskingFinding>>;
  overview(): Promise<EstateOverview>;
}

/**
 * The arrays, read once per snapshot-set list (a new list after any inventory change) rather than on every page,
 * scroll and keystroke: listing arrays is a discovery (on Windows a PowerShell run per host, in the Lab a parse of
 * every LUN), and these views need only the provider names and each LUN's array. A failed read is not kept.
 */
function arraysPerSetList(backend: Backend): (sets: readonly SnapshotSet[]) => Promise<StorageArray[]> {
  let last: { sets: readonly SnapshotSet[]; arrays: Promise<StorageArray[]> } | null = null;
  return (sets) => {
    if (last === null || last.sets !== sets) {
      const arrays = backend.listArrays();
      last = { sets, arrays };
      arrays.catch(() => {
        if (last?.arrays === arrays) last = null;
      });
    }
    return last.arrays;
  };
}

export function inventoryViews(backend: Backend): InventoryViews {
  const lunIndex = memoLatest(indexLuns);
  const lunTable = memoLatest((index: LunIndex) => buildLunTable(index, true));
  const lunTableWithoutSpareShadows = memoLatest((index: LunIndex) => buildLunTable(index, false));
  const setRefs = memoLatest((sets: readonly SnapshotSet[], index: LunIndex) => setRefsByLun(sets, lunNamer(index)));
  const snapshotTable = memoLatest(buildSnapshotTable);
  const clusterTable = memoLatest(buildClusterTable);
  const hostTable = memoLatest(buildHostTable);
  const findings = memoLatest(findingsOf);
  const findingTable = memoLatest(buildFindingTable);
  const matrix = memoLatest(buildMatrix);
  const overview = memoLatest(buildOverview);
  const arraysFor = arraysPerSetList(backend);

  const luns = async () => {
    const [list, clusters] = await Promise.all([backend.listLuns(), backend.listClusters()]);
    return lunIndex(list, clusters);
  };

  return {
    lunTable: async (spareShadows = true) => (spareShadows ? lunTable : lunTableWithoutSpareShadows)(await luns()),
    async lunDetail(id) {
      const [index, sets] = await Promise.all([luns(), backend.listSnapshotSets()]);
      const arrays = await arraysFor(sets);
      const facts = index.byId.get(id);
      if (!facts) throw new ShadowSwapError('NOT_FOUND', `There is no LUN "${id}" any more. Refresh the LUN list.`);
      const { lun, disk, compliance } = facts;
      const refs = setRefs(sets, index);
      return {
        lun,
        compliance,
        array: arrays.find((array) => array.id === lun.arrayId) ?? null,
        disk: disk ? { cluster: disk.cluster.name, resource: disk.resource } : null,
        copiesIn: refs.byOriginal.get(lun.id) ?? [],
        shadowIn: refs.byShadow.get(lun.id) ?? null,
        originalName: lun.shadowOf ? lunNamer(index)(lun.shadowOf) : null,
      };
    },
    async snapshotTable() {
      const [sets, index] = await Promise.all([backend.listSnapshotSets(), luns()]);
      return snapshotTable(sets, await arraysFor(sets), index);
    },
    async clusterTable() {
      const [clusters, list] = await Promise.all([backend.listClusters(), backend.listLuns()]);
      return clusterTable(clusters, list);
    },
    hostTable: async () => hostTable(await backend.listHosts()),
    async hostDetail(name) {
      const [hosts, index] = await Promise.all([backend.listHosts(), luns()]);
      const host = hosts.find((h) => h.name.toUpperCase() === name.toUpperCase());
      if (!host) throw new ShadowSwapError('NOT_FOUND', `There is no host "${name}" any more. Refresh the host list.`);
      const { visibleLunIds, ...rest } = host;
      const rows = visibleLunIds.slice(0, MAX_PAGE_ROWS).flatMap((id) => {
        const facts = index.byId.get(id);
        return facts ? [toLunRow(facts.lun, facts.disk, facts.compliance, facts.role)] : [];
      });
      return { host: rest, luns: rows, lunCount: visibleLunIds.length };
    },
    async matrix() {
      const [hosts, index] = await Promise.all([backend.listHosts(), luns()]);
      return matrix(hosts, index, findings(index));
    },
    findings: async () => findings(await luns()),
    findingTable: async () => findingTable(findings(await luns())),
    async overview() {
      const [index, sets, clusters, hosts] = await Promise.all([
        luns(),
        backend.listSnapshotSets(),
        backend.listClusters(),
        backend.listHosts(),
      ]);
      return overview(index, sets, clusters, hosts, findings(index));
    },
  };
}
