/** The Windows hosts: initiators, cluster membership and how many LUNs each one sees. */
import type { Host } from '../../../shared/domain';
import { DataTable, type DataColumn } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { useContractQuery } from '../queries';

const initiatorText = (h: Host) => h.initiators.map((i) => (i.kind === 'fc' ? `FC ${i.wwn}` : `iSCSI ${i.iqn}`)).join(', ');

const columns: DataColumn<Host>[] = [
  { id: 'name', header: 'Host', text: (h) => h.name, render: (h) => h.name },
  { id: 'cluster', header: 'Cluster', text: (h) => h.clusterName ?? '', render: (h) => h.clusterName ?? '—' },
  { id: 'os', header: 'Operating system', text: (h) => h.osVersion, render: (h) => h.osVersion },
  { id: 'initiators', header: 'Initiators', text: initiatorText, render: (h) => <code>{initiatorText(h)}</code> },
  { id: 'sees', header: 'LUNs visible', numeric: (h) => h.visibleLunIds.length, render: (h) => h.visibleLunIds.length },
];

export function HostsPage() {
  const hosts = useContractQuery('inventory.hosts', {});
  return (
    <QueryState query={hosts} what="hosts">
      {(rows) => <DataTable label="Hosts" noun="host" rows={rows} columns={columns} rowId={(h) => h.name} />}
    </QueryState>
  );
}
