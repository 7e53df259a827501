/** Failover clusters: nodes and their state, groups and their owner, Physical Disk resources and their LUN. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { ClusterRow } from '../../../shared/inventory-rows';
import { GroupStateBadge, NodeStateBadge, ResourceStateBadge } from '../components/badges';
import { DataTable, type DataColumn } from '../components/DataTable';
import { DetailPane, Fields } from '../components/DetailPane';
import { SplitView } from '../components/SplitView';
import { useExpanded } from '../components/use-expanded';

type Kind = ClusterRow['kind'];
type RowOfKind<K extends Kind> = Extract<ClusterRow, { kind: K }>;
type PerKind<T> = { [K in Kind]?: (row: RowOfKind<K>) => T };

const useStyles = makeStyles({ mono: { fontFamily: tokens.fontFamilyMonospace }, warn: { color: tokens.colorPaletteRedForeground1 } });

/** One cell renderer per row kind; kinds without one show nothing in that column. */
function byKind<T>(handlers: PerKind<T>, empty: T): (row: ClusterRow) => T {
  return (row) => {
    const handler = handlers[row.kind] as ((r: ClusterRow) => T) | undefined;
    return handler ? handler(row) : empty;
  };
}

const kindLabel: Record<Kind, string> = { cluster: 'Cluster', node: 'Node', group: 'Group', resource: 'Physical Disk' };
const clusterSummary = (c: RowOfKind<'cluster'>) => `${c.nodesUp} of ${c.nodeCount} nodes up, ${c.resourcesOnline} of ${c.resourceCount} disks online`;
const diskId = (r: RowOfKind<'resource'>) => `${r.diskIdType} ${r.diskId ?? '(none)'}`;

function useColumns(): DataColumn<ClusterRow>[] {
  const styles = useStyles();
  const stateText = byKind<string>({ cluster: clusterSummary, node: (n) => n.state, group: (g) => g.state, resource: (r) => r.state }, '');
  return [
    { id: 'name', header: 'Name', width: 300, sortable: true, text: (row) => row.name, render: (row) => row.name },
    { id: 'kind', header: 'Kind', width: 110, text: (row) => kindLabel[row.kind], render: (row) => kindLabel[row.kind] },
    {
      id: 'state',
      header: 'State',
      width: 290,
      text: stateText,
      render: byKind<ReactNode>(
        { cluster: clusterSummary, node: (n) => <NodeStateBadge state={n.state} />, group: (g) => <GroupStateBadge state={g.state} />, resource: (r) => <ResourceStateBadge state={r.state} /> },
        null,
      ),
    },
    { id: 'owner', header: 'Owner node', width: 120, text: byKind({ group: (g) => g.ownerNode, resource: (r) => r.ownerNode }, ''), render: byKind({ group: (g) => g.ownerNode, resource: (r) => r.ownerNode }, '') },
    { id: 'maintenance', header: 'Maintenance', width: 110, text: byKind({ resource: (r) => (r.maintenanceMode ? 'on' : 'off') }, ''), render: byKind({ resource: (r) => (r.maintenanceMode ? 'on' : 'off') }, '') },
    { id: 'identity', header: 'Disk identity', width: 200, text: byKind({ resource: diskId }, ''), render: byKind<ReactNode>({ resource: (r) => <span className={styles.mono}>{diskId(r)}</span> }, null) },
    {
      id: 'lun',
      header: 'Mapped LUN',
      width: 230,
      text: byKind({ resource: (r) => r.lun?.name ?? '' }, ''),
      render: byKind<ReactNode>({ resource: (r) => r.lun?.name ?? <span className={styles.warn}>no node sees a disk with this identity</span> }, null),
    },
    { id: 'dependencies', header: 'Depends on', width: 160, text: byKind({ resource: (r) => r.dependencies.join(', ') }, ''), render: byKind({ resource: (r) => r.dependencies.join(', ') }, '') },
    { id: 'event', header: 'Last event', width: 320, text: byKind({ resource: (r) => r.lastEvent ?? '' }, ''), render: byKind({ resource: (r) => r.lastEvent ?? '' }, '') },
  ];
}

function ClusterDetails({ row, onClose }: { row: ClusterRow; onClose: () => void }) {
  const styles = useStyles();
  const fields = byKind<ReadonlyArray<readonly [string, ReactNode]>>(
    {
      cluster: (c) => [['Nodes', `${c.nodesUp} of ${c.nodeCount} up`], ['Disk resources', `${c.resourcesOnline} of ${c.resourceCount} online`]],
      node: (n) => [['Cluster', n.cluster], ['State', <NodeStateBadge key="s" state={n.state} />]],
      group: (g) => [['Cluster', g.cluster], ['Owner node', g.ownerNode], ['State', <GroupStateBadge key="s" state={g.state} />], ['Disk resources', g.childCount]],
      resource: (r) => [
        ['Cluster', r.cluster],
        ['Group', r.group],
        ['Owner node', r.ownerNode],
        ['State', <ResourceStateBadge key="s" state={r.state} />],
        ['Maintenance mode', r.maintenanceMode ? 'on (health checks off)' : 'off'],
        ['Disk identity', <span key="d" className={styles.mono}>{diskId(r)}</span>],
        ['Mapped LUN', r.lun ? `${r.lun.name} (${r.lun.id})` : 'none: no node of the cluster sees a disk with this identity'],
        ['Depends on', r.dependencies.join(', ') || 'nothing'],
        ['Last event', r.lastEvent],
      ],
    },
    [],
  )(row);
  return (
    <DetailPane label="Cluster details" title={`${kindLabel[row.kind]} ${row.name}`} onClose={onClose}>
      <Fields fields={fields} />
    </DetailPane>
  );
}

export function ClustersPage() {
  const columns = useColumns();
  const { expanded, toggle } = useExpanded();
  const [open, setOpen] = useState<ClusterRow | null>(null);
  return (
    <SplitView
      table={
        <DataTable
          method="inventory.clusterPage"
          label="Clusters"
          noun={{ one: 'cluster', many: 'clusters' }}
          columns={columns}
          rowId={(row) => row.id}
          extra={{ expanded: [...expanded] }}
          tree={{ level: (row) => row.level, childCount: (row) => (row.kind === 'cluster' || row.kind === 'group' ? row.childCount : 0), expanded, toggle }}
          openId={open?.id ?? null}
          onOpen={setOpen}
        />
      }
      detail={open && <ClusterDetails row={open} onClose={() => setOpen(null)} />}
    />
  );
}
