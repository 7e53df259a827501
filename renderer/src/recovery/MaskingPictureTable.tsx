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
import { maskingPicture, maskingRoleText, sees } from '../../../shared/masking-picture';

const useStyles = makeStyles({
  table: { width: 'auto', minWidth: '40em' },
  lost: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  gained: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  role: { color: tokens.colorNeutralForeground3 },
});

const word = (access: boolean) => (access ? 'Sees' : 'No access');

export function MaskingPictureTable({ plan }: { plan: RecoveryPlan }) {
  const styles = useStyles();
  const { hosts, luns: rows } = maskingPicture(plan);
  return (
    <>
      <Caption1>
        Access before → after the whole plan, as the array shows it once every step has run. A LUN left out of the recovery keeps its
        access; its shadow copy stays masked from every host as a spare.
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
                {row.lunName} <span className={styles.role}>({maskingRoleText[row.role]})</span>
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
