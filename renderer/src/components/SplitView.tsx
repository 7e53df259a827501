/** A table with, when a row is open, its details beside it. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  split: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingHorizontalL, alignItems: 'stretch' },
  withDetail: { gridTemplateColumns: 'minmax(0, 1fr) minmax(320px, 30%)' },
});

export function SplitView({ table, detail }: { table: ReactNode; detail: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.split, detail ? styles.withDetail : undefined)}>
      {table}
      {detail}
    </div>
  );
}
