/** The LUNs of every array: state, volumes, masking, the cluster disk each backs, identity and compliance, layout. */
import { Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatBytes } from '../../../shared/format';
import type { LunRow } from '../../../shared/inventory-rows';
import { lunRoleText } from '../../../shared/lun-roles';
import { ComplianceBadge, LunRoleBadge, LunStateBadge } from '../components/badges';
import { DataTable, type DataColumn } from '../components/DataTable';
import { SplitView } from '../components/SplitView';
import { LunDetails } from '../inventory/LunDetails';
import { diskText, maskText } from '../inventory/lun-text';

const useStyles = makeStyles({
  ids: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  nobody: { color: tokens.colorPaletteRedForeground1 },
});

function useColumns(): DataColumn<LunRow>[] {
  const styles = useStyles();
  // What an operator scans for first comes first: which LUN, is it damaged, what it holds, who sees it.
  return [
    { id: 'name', header: 'Name', width: 240, sortable: true, text: (l) => l.name, render: (l) => l.name },
    { id: 'state', header: 'State', width: 120, sortable: true, text: (l) => l.state, render: (l) => <LunStateBadge state={l.state} /> },
    {
      id: 'role',
      header: 'Role',
      width: 170,
      sortable: true,
      text: (l) => lunRoleText[l.role],
      render: (l) => <LunRoleBadge role={l.role} />,
    },
    {
      id: 'size',
      header: 'Size',
      width: 90,
      sortable: true,
      text: (l) => formatBytes(l.sizeBytes),
      render: (l) => formatBytes(l.sizeBytes),
    },
    { id: 'volumes', header: 'Volumes', width: 150, sortable: true, text: (l) => l.volumes, render: (l) => l.volumes },
    {
      id: 'mask',
      header: 'Masked to',
      width: 190,
      sortable: true,
      text: maskText,
      render: (l) => <span className={l.maskedCount === 0 && l.state !== 'shadow' ? styles.nobody : undefined}>{maskText(l)}</span>,
    },
    { id: 'disk', header: 'Cluster disk', width: 220, sortable: true, text: diskText, render: (l) => diskText(l) || '—' },
    {
      id: 'compliance',
      header: 'Identifiers (page 0x83)',
      width: 300,
      sortable: true,
      text: (l) => `${l.compliance.verdict}: ${l.identifiers}`,
      render: (l) => (
        <span className={styles.ids}>
          <ComplianceBadge verdict={l.compliance.verdict} reason={l.compliance.reason} />
          {l.identifiers}
        </span>
      ),
    },
    {
      id: 'layout',
      header: 'Disk',
      width: 100,
      sortable: true,
      text: (l) => `${l.diskKind} ${l.partitionStyle}`,
      render: (l) => `${l.diskKind} ${l.partitionStyle}`,
    },
    {
      id: 'signature',
      header: 'Signature',
      width: 110,
      sortable: true,
      text: (l) => l.signature ?? '',
      render: (l) => <span className={styles.mono}>{l.signature ?? '—'}</span>,
    },
    { id: 'array', header: 'Array', width: 100, sortable: true, text: (l) => l.arrayId, render: (l) => l.arrayId },
  ];
}

export function LunsPage() {
  const columns = useColumns();
  const [openId, setOpenId] = useState<string | null>(null);
  // Most LUNs of a large estate are spare shadow copies: the page opens on the others.
  const [spareShadows, setSpareShadows] = useState(false);
  return (
    <SplitView
      table={
        <DataTable
          method="inventory.lunPage"
          label="LUNs"
          noun={{ one: 'LUN', many: 'LUNs' }}
          columns={columns}
          rowId={(l) => l.id}
          extra={{ spareShadows }}
          searchHint="state:damaged, role:, array:, cluster:"
          controls={
            <Switch label="Show spare shadow copies" checked={spareShadows} onChange={(_event, data) => setSpareShadows(data.checked)} />
          }
          openId={openId}
          onOpen={(l) => setOpenId(l.id)}
        />
      }
      detail={openId && <LunDetails id={openId} onClose={() => setOpenId(null)} />}
    />
  );
}
