/** The Windows hosts: initiators, cluster membership and the LUNs each one sees. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { HostRow } from '../../../shared/inventory-rows';
import { DataTable, type DataColumn } from '../components/DataTable';
import { SplitView } from '../components/SplitView';
import { HostDetails } from '../inventory/HostDetails';
import { initiatorText } from '../inventory/initiator-text';
import { countText } from '../../../shared/count-text';

const useStyles = makeStyles({ mono: { fontFamily: tokens.fontFamilyMonospace } });

const initiators = (h: HostRow) => h.initiators.map(initiatorText).join(', ');

function useColumns(): DataColumn<HostRow>[] {
  const styles = useStyles();
  return [
    { id: 'name', header: 'Host', width: 160, sortable: true, text: (h) => h.name, render: (h) => h.name },
    { id: 'cluster', header: 'Cluster', width: 130, sortable: true, text: (h) => h.clusterName ?? '', render: (h) => h.clusterName ?? '—' },
    { id: 'os', header: 'Operating system', width: 300, sortable: true, text: (h) => h.osVersion, render: (h) => h.osVersion },
    {
      id: 'initiators',
      header: 'Initiators',
      width: 420,
      sortable: true,
      text: initiators,
      render: (h) => <span className={styles.mono}>{initiators(h)}</span>,
    },
    {
      id: 'luns',
      header: 'LUNs visible',
      width: 110,
      sortable: true,
      text: (h) => String(h.visibleCount),
      render: (h) => countText(h.visibleCount),
    },
  ];
}

export function HostsPage() {
  const columns = useColumns();
  const [openName, setOpenName] = useState<string | null>(null);
  return (
    <SplitView
      table={
        <DataTable
          method="inventory.hostPage"
          label="Hosts"
          noun={{ one: 'host', many: 'hosts' }}
          columns={columns}
          rowId={(h) => h.name}
          extra={{}}
          openId={openName}
          onOpen={(h) => setOpenName(h.name)}
        />
      }
      detail={openName && <HostDetails name={openName} onClose={() => setOpenName(null)} />}
    />
  );
}
