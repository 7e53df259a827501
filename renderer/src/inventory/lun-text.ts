/** How the console writes a LUN's access list and its cluster disk, the same in the table, CSV and details. */
import type { LunRow } from '../../../shared/inventory-rows';
import { countText } from '../../../shared/count-text';

export function maskText(row: Pick<LunRow, 'maskAll' | 'maskedTo' | 'maskedCount'>): string {
  if (row.maskAll) return '* (all hosts)';
  if (row.maskedCount === 0) return '(nobody)';
  const more = row.maskedCount - row.maskedTo.length;
  return more > 0 ? `${row.maskedTo.join(', ')} +${countText(more)} more` : row.maskedTo.join(', ');
}

export function diskText(row: Pick<LunRow, 'disk'>): string {
  return row.disk ? `${row.disk.cluster} / ${row.disk.resource}` : '';
}
