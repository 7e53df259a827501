/** The before/after masking picture of a plan: each LUN it touches × each host, access before → after. */
import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RecoveryPlan } from '../../../shared/recovery';
import { maskingPicture, sees } from './masking-picture';

const useStyles = makeStyles({
  table: { width: 'auto', minWidth: '40em' },
  lost: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  gained: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  role: { color: tokens.colorNeutralForeground3 },
});

const word = (access: boolean) => (access ? 'Sees' : 'No access');

export function MaskingPictureTable({ plan }: { plan: RecoveryPlan }) {
  const styles = useStyles();
  const { hosts, rows } = maskingPicture(plan);
  return (
    <>
      <Caption1>
        Access before → after the whole plan. The array replaces a LUN&apos;s access list on every change, so each change sets the complete
        list shown here.
      </Caption1>
      <Table className={styles.table} size="small" aria-label="Who sees which LUN, before and after">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>LUN</TableHeaderCell>
            {hosts.map((host) => (
              <TableHeaderCell key={host}>{host}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.lunId}>
              <TableCell>
                {row.lunName} <span className={styles.role}>({row.role})</span>
              </TableCell>
              {hosts.map((host) => {
                const before = sees(row.before, host);
                const after = sees(row.after, host);
                return (
                  <TableCell key={host} className={before === after ? undefined : after ? styles.gained : styles.lost}>
                    {before === after ? word(before) : `${word(before)} → ${word(after)}`}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
