/** The LUNs of every array: identity, layout, masking and state. */
import { Badge } from '@fluentui/react-components';
import type { Lun } from '../../../shared/domain';
import { formatBytes } from '../../../shared/format';
import { DataTable, type DataColumn } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { useContractQuery } from '../queries';

function maskText(lun: Lun): string {
  if (lun.maskAll) return '* (all hosts)';
  return lun.maskedTo.length > 0 ? lun.maskedTo.join(', ') : '(nobody)';
}

const stateColor = { healthy: 'success', damaged: 'danger', shadow: 'informative', 'forensic-hold': 'warning' } as const;

const columns: DataColumn<Lun>[] = [
  { id: 'name', header: 'Name', text: (l) => l.name, render: (l) => l.name },
  { id: 'array', header: 'Array', text: (l) => l.arrayId, render: (l) => l.arrayId },
  { id: 'size', header: 'Size', numeric: (l) => l.sizeBytes, render: (l) => formatBytes(l.sizeBytes) },
  { id: 'layout', header: 'Disk', text: (l) => `${l.diskKind} ${l.partitionStyle}`, render: (l) => `${l.diskKind} ${l.partitionStyle}` },
  { id: 'signature', header: 'Signature', text: (l) => l.signature ?? '', render: (l) => <code>{l.signature ?? '—'}</code> },
  {
    id: 'volumes',
    header: 'Volumes',
    text: (l) => l.volumes.map((v) => `${v.driveLetter ?? ''} ${v.label}`).join(' '),
    render: (l) => l.volumes.map((v) => `${v.driveLetter ?? ''} ${v.label}`.trim()).join(', '),
  },
  { id: 'mask', header: 'Masked to', text: maskText, render: maskText },
  {
    id: 'state',
    header: 'State',
    text: (l) => l.state,
    render: (l) => (
      <Badge appearance="tint" color={stateColor[l.state]}>
        {l.state}
      </Badge>
    ),
  },
];

export function LunsPage() {
  const luns = useContractQuery('inventory.luns', {});
  return (
    <QueryState query={luns} what="LUNs">
      {(rows) => <DataTable label="LUNs" noun="LUN" rows={rows} columns={columns} rowId={(l) => l.id} />}
    </QueryState>
  );
}
