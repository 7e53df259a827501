/**
 * The inventory half of the contract: what the arrays, hosts, snapshot sets and clusters hold, whole for
 * the CLI and scripts, and in windows of slim rows for the console's tables (see shared/inventory-rows).
 */
import { filterList } from '../../../shared/filter';
import type { Backend } from '../backend';
import { relevantColumns, renumberSeenBy } from './matrix-columns';
import { inventoryViews, type InventoryViews } from './inventory-index';
import { pageOfTable } from './inventory-paging';
import type { Handlers } from '../rpc/registry';

type InventoryMethod = Extract<keyof Handlers, `inventory.${string}`>;
type InventoryHandlers = Pick<Handlers, InventoryMethod>;

export function inventoryHandlers(backend: Backend, views: InventoryViews = inventoryViews(backend)): InventoryHandlers {
  return {
    'inventory.luns': async ({ filter }) =>
      filterList(await backend.listLuns(), filter, (lun) => [
        lun.name,
        lun.id,
        lun.arrayId,
        lun.signature,
        lun.state,
        ...lun.maskedTo,
        ...lun.volumes.flatMap((v) => [v.driveLetter, v.label]),
      ]),
    'inventory.hosts': async ({ filter }) =>
      filterList(await backend.listHosts(), filter, (host) => [host.name, host.osVersion, host.clusterName]),
    'inventory.arrays': () => backend.listArrays(),
    'inventory.snapshots': async ({ filter }) =>
      filterList(await backend.listSnapshotSets(), filter, (set) => [
        set.id,
        set.sourceHost,
        set.state,
        set.importedTo,
        set.metadataFile,
        set.createdAt,
      ]),
    'inventory.clusters': async ({ filter }) =>
      filterList(await backend.listClusters(), filter, (cluster) => [
        cluster.name,
        ...cluster.nodes.map((n) => n.name),
        ...cluster.groups.map((g) => g.name),
        ...cluster.diskResources.map((r) => r.name),
        ...cluster.applicationResources.flatMap((r) => [r.name, r.resourceType]),
      ]),

    'inventory.lunPage': async ({ spareShadows, ...params }) => pageOfTable(await views.lunTable(spareShadows), params),
    'inventory.lun': ({ id }) => views.lunDetail(id),
    'inventory.snapshotPage': async (params) => pageOfTable(await views.snapshotTable(), params),
    'inventory.clusterPage': async (params) => pageOfTable(await views.clusterTable(), params),
    'inventory.hostPage': async (params) => pageOfTable(await views.hostTable(), params),
    'inventory.host': ({ name }) => views.hostDetail(name),
    'inventory.matrixPage': async ({ flaggedOnly, ...params }) => {
      const matrix = await views.matrix();
      const table = flaggedOnly ? matrix.flagged : matrix.all;
      const page = pageOfTable(table, params);
      if (params.filter.trim() === '' && !flaggedOnly) return { ...page, hosts: matrix.hosts };
      // Every block of a filtered matrix must carry the same columns: they come from all matched rows, not this window.
      const matched = pageOfTable(table, { ...params, offset: 0, limit: Number.POSITIVE_INFINITY }).rows;
      const columns = relevantColumns(matched, matrix.hosts);
      return {
        ...page,
        rows: page.rows.map((row) => renumberSeenBy(row, columns)),
        hosts: columns.flatMap((index) => matrix.hosts[index] ?? []),
      };
    },
    'inventory.findingPage': async (params) => pageOfTable(await views.findingTable(), params),
    'inventory.overview': () => views.overview(),
    'inventory.reading': () => backend.sanReading(),
    'inventory.matrix': async ({ filter }) => {
      const [matrix, findings] = await Promise.all([views.matrix(), views.findings()]);
      const { rows } = pageOfTable(matrix.all, { filter: filter ?? '', sort: null, offset: 0, limit: Number.POSITIVE_INFINITY });
      const shown = new Set(rows.map((row) => row.lunId));
      return { hosts: matrix.hosts, rows, findings: findings.filter((finding) => shown.has(finding.lunId)) };
    },
  };
}
