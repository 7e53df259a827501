/**
 * Failover clusters: nodes and their state, groups and their owner, and under each group its Physical Disk
 * resources with their LUN and the application resources on them (SQL Server, its network name), each with
 * what it depends on: after a recovery, whether the application is back Online, and where.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { ClusterRow } from '../../../shared/inventory-rows';
import { GroupStateBadge, LunStateBadge, NodeStateBadge, ResourceStateBadge } from '../components/badges';
import { DataTable, type DataColumn } from '../components/DataTable';
import { DetailPane, Fields } from '../components/DetailPane';
import { SplitView } from '../components/SplitView';
import { useExpanded } from '../components/use-expanded';

type Kind = ClusterRow['kind'];
type RowOfKind<K extends Kind> = Extract<ClusterRow, { kind: K }>;
type PerKind<T> = { [K in Kind]?: (row: RowOfKind<K>) => T };

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace },
  warn: { color: tokens.colorPaletteRedForeground1 },
  state: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  // The badge keeps its width; the list of what is down gives way, whole on hover and in the details.
  badge: { flexShrink: 0 },
  down: { color: tokens.colorPaletteRedForeground1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

/** One cell renderer per row kind; kinds without one show nothing in that column. */
function byKind<T>(handlers: PerKind<T>, empty: T): (row: ClusterRow) => T {
  return (row) => {
    const handler = handlers[row.kind] as ((r: ClusterRow) => T) | undefined;
    return handler ? handler(row) : empty;
  };
}

type ResourceRow = RowOfKind<'disk' | 'application'>;

/** The same cell for both kinds of resource under a group. */
const forResources = <T,>(cell: (row: ResourceRow) => T): PerKind<T> => ({ disk: cell, application: cell });

const kindLabel: Record<Kind, string> = {
  cluster: 'Cluster',
  node: 'Node',
  group: 'Group',
  disk: 'Physical Disk',
  application: 'Application resource',
};
/** An application resource shows what it is ("SQL Server", "Network Name"), as Failover Cluster Manager does. */
const kindText = (row: ClusterRow) => (row.kind === 'application' ? row.resourceType : kindLabel[row.kind]);
const disksText = (c: RowOfKind<'cluster'>) => `${c.disksOnline} of ${c.diskCount} disks online`;
// Clusters that run nothing but disks (file servers read before dependencies were) would read "0 of 0".
const applicationsText = (c: RowOfKind<'cluster'>) =>
  c.applicationCount === 0 ? null : `${c.applicationsOnline} of ${c.applicationCount} application resources online`;
const clusterSummary = (c: RowOfKind<'cluster'>) =>
  [`${c.nodesUp} of ${c.nodeCount} nodes up`, disksText(c), applicationsText(c)].filter(Boolean).join(', ');
/** Why a group is not Online, e.g. "SQL Server Offline, SQL Server Agent Offline". */
const downText = (g: RowOfKind<'group'>) => g.down.map((resource) => `${resource.name} ${resource.state}`).join(', ');
const groupStateText = (g: RowOfKind<'group'>) => [g.state, downText(g)].filter(Boolean).join(': ');
const dependsOn = (r: ResourceRow) => r.dependencies.join(', ');
const diskId = (r: RowOfKind<'disk'>) => `${r.diskIdType} ${r.diskId ?? '(none)'}`;

function useColumns(): DataColumn<ClusterRow>[] {
  const styles = useStyles();
  const owner = byKind({ group: (g) => g.ownerNode, ...forResources((r) => r.ownerNode) }, '');
  return [
    { id: 'name', header: 'Name', width: 240, sortable: true, text: (row) => row.name, render: (row) => row.name },
    { id: 'kind', header: 'Kind', width: 130, text: kindText, render: kindText },
    {
      id: 'state',
      header: 'State',
      // Narrow enough that the owner node shows beside the details pane; what a group has down and a
      // cluster's summary give way to an ellipsis, and read whole in the row's details.
      width: 260,
      text: byKind<string>({ cluster: clusterSummary, node: (n) => n.state, group: groupStateText, ...forResources((r) => r.state) }, ''),
      render: byKind<ReactNode>(
        {
          cluster: clusterSummary,
          node: (n) => <NodeStateBadge state={n.state} />,
          group: (g) => (
            <span className={styles.state}>
              <span className={styles.badge}>
                <GroupStateBadge state={g.state} />
              </span>
              {g.down.length > 0 && (
                <span className={styles.down} title={downText(g)}>
                  {downText(g)}
                </span>
              )}
            </span>
          ),
          ...forResources<ReactNode>((r) => <ResourceStateBadge state={r.state} />),
        },
        null,
      ),
    },
    { id: 'owner', header: 'Owner node', width: 120, text: owner, render: owner },
    {
      id: 'dependencies',
      header: 'Depends on',
      width: 280,
      text: byKind(forResources(dependsOn), ''),
      render: byKind(forResources(dependsOn), ''),
    },
    {
      id: 'maintenance',
      header: 'Maintenance',
      width: 110,
      text: byKind({ disk: (r) => (r.maintenanceMode ? 'on' : 'off') }, ''),
      render: byKind({ disk: (r) => (r.maintenanceMode ? 'on' : 'off') }, ''),
    },
    {
      id: 'identity',
      header: 'Disk identity',
      width: 200,
      text: byKind({ disk: diskId }, ''),
      render: byKind<ReactNode>({ disk: (r) => <span className={styles.mono}>{diskId(r)}</span> }, null),
    },
    {
      id: 'lun',
      header: 'Mapped LUN',
      width: 230,
      text: byKind({ disk: (r) => (r.lun ? `${r.lun.name} (${r.lun.state})` : '') }, ''),
      // The disk resource can read Online while its LUN's data is damaged: the LUN's own state says so.
      render: byKind<ReactNode>(
        {
          disk: (r) =>
            r.lun ? (
              <>
                {r.lun.name} {r.lun.state !== 'healthy' && <LunStateBadge state={r.lun.state} />}
              </>
            ) : (
              <span className={styles.warn}>no node sees a disk with this identity</span>
            ),
        },
        null,
      ),
    },
    {
      id: 'event',
      header: 'Last event',
      width: 320,
      text: byKind({ disk: (r) => r.lastEvent ?? '' }, ''),
      render: byKind({ disk: (r) => r.lastEvent ?? '' }, ''),
    },
  ];
}

function ClusterDetails({ row, onClose }: { row: ClusterRow; onClose: () => void }) {
  const styles = useStyles();
  const placed = (r: ResourceRow): ReadonlyArray<readonly [string, ReactNode]> => [
    ['Cluster', r.cluster],
    ['Group', r.group],
    ['Owner node', r.ownerNode],
    ['State', <ResourceStateBadge key="s" state={r.state} />],
  ];
  const fields = byKind<ReadonlyArray<readonly [string, ReactNode]>>(
    {
      cluster: (c) => [
        ['Nodes', `${c.nodesUp} of ${c.nodeCount} up`],
        ['Disk resources', `${c.disksOnline} of ${c.diskCount} online`],
        ['Application resources', `${c.applicationsOnline} of ${c.applicationCount} online`],
      ],
      node: (n) => [
        ['Cluster', n.cluster],
        ['State', <NodeStateBadge key="s" state={n.state} />],
      ],
      group: (g) => [
        ['Cluster', g.cluster],
        ['Owner node', g.ownerNode],
        ['State', <GroupStateBadge key="s" state={g.state} />],
        ['Not online', downText(g) || 'none'],
        ['Resources', g.childCount],
      ],
      disk: (r) => [
        ...placed(r),
        ['Maintenance mode', r.maintenanceMode ? 'on (health checks off)' : 'off'],
        [
          'Disk identity',
          <span key="d" className={styles.mono}>
            {diskId(r)}
          </span>,
        ],
        ['Mapped LUN', r.lun ? `${r.lun.name} (${r.lun.id})` : 'none: no node of the cluster sees a disk with this identity'],
        ['Depends on', dependsOn(r) || 'nothing'],
        ['Last event', r.lastEvent],
      ],
      application: (r) => [...placed(r), ['Resource type', r.resourceType], ['Depends on', dependsOn(r) || 'nothing']],
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
          tree={{
            level: (row) => row.level,
            childCount: (row) => (row.kind === 'cluster' || row.kind === 'group' ? row.childCount : 0),
            expanded,
            toggle,
          }}
          openId={open?.id ?? null}
          onOpen={setOpen}
        />
      }
      detail={open && <ClusterDetails row={open} onClose={() => setOpen(null)} />}
    />
  );
}
