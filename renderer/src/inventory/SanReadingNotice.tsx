/**
 * Above every inventory page: when the SAN was read, in the console's time zone, and a warning when the reading is
 * old or an array or host could not be read, with what to do (shared/san-reading.ts). Refresh reads the inventory
 * again, as each table's Refresh does.
 */
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { sanReadingNotice } from '../../../shared/san-reading';
import { useContractQuery } from '../queries';
import { refreshInventory } from '../query-keys';

const useStyles = makeStyles({
  notice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
});

export function SanReadingNotice() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  // Refetched once a minute so that a page left open turns old on its own.
  const reading = useContractQuery('inventory.reading', {}, { refetchIntervalMs: 60_000 });
  if (reading.data === undefined) return null;
  const { readAt, warnings } = sanReadingNotice(reading.data, new Date());
  return (
    <section className={styles.notice} aria-label="SAN reading">
      <Caption1>{readAt}</Caption1>
      {warnings.map((warning) => (
        <MessageBar key={warning} intent="warning">
          <MessageBarBody>{warning}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void refreshInventory(queryClient)}>
              Refresh
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </section>
  );
}
