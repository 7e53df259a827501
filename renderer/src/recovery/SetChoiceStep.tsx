/**
 * Step 1: choose the snapshot set to recover from. The sets come a window at a time from the core
 * (virtualized, searchable, sortable by cluster, host or age; newest first), so 2,000 sets cost what 20 do.
 * Only a set that was never imported can be swapped in; every other one says why not. Next sits above the
 * table, where it is seen without scrolling.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { SnapshotRow } from '../../../shared/inventory-rows';
import { SetStateBadge } from '../components/badges';
import { DataTable, type DataColumn } from '../components/DataTable';
import { setChooserQuery } from '../first-data';
import { ageText, formatDateTime } from '../inventory/time-text';
import { SectionTitle } from './titles';
import { useWizardStore } from './wizard-store';

type SetRow = Extract<SnapshotRow, { kind: 'set' }>;

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalS} 0`, flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  why: { color: tokens.colorNeutralForeground2 },
});

/** Why a set cannot be recovered from; null when it can. */
export function whyNot(set: Pick<SetRow, 'state' | 'importedTo'>): string | null {
  switch (set.state) {
    case 'created':
      return null;
    case 'imported':
      return `Already imported${set.importedTo ? ` on ${set.importedTo}` : ''}: finish or roll back the run that imported it.`;
    case 'exposed':
      return 'Already imported and exposed as a drive letter: it cannot be imported again.';
    case 'broken':
      return 'Already broken: its LUNs are ordinary LUNs now, not a shadow copy.';
    case 'failed':
      return 'An import failed and left its LUNs behind: clean them up before recovering from it.';
  }
}

const asSet = (row: SnapshotRow): SetRow | null => (row.kind === 'set' ? row : null);

function useColumns(chosenId: string | null): DataColumn<SnapshotRow>[] {
  const styles = useStyles();
  const ofSet =
    <T,>(pick: (set: SetRow) => T, otherwise: T) =>
    (row: SnapshotRow) => {
      const set = asSet(row);
      return set ? pick(set) : otherwise;
    };
  return [
    {
      id: 'chosen',
      header: 'Chosen',
      width: 80,
      text: ofSet((s) => (s.id === chosenId ? 'chosen' : ''), ''),
      render: ofSet((s) => (s.id === chosenId ? <strong>✓ chosen</strong> : null), null),
    },
    {
      id: 'created',
      header: 'Taken',
      width: 190,
      sortable: true,
      text: ofSet((s) => s.createdAt, ''),
      render: ofSet((s) => formatDateTime(s.createdAt), ''),
    },
    { id: 'age', header: 'Age', width: 70, text: ofSet((s) => ageText(s.createdAt), ''), render: ofSet((s) => ageText(s.createdAt), '') },
    {
      id: 'cluster',
      header: 'Cluster',
      width: 130,
      sortable: true,
      text: ofSet((s) => s.cluster ?? '', ''),
      render: ofSet((s) => s.cluster ?? '—', ''),
    },
    {
      id: 'source',
      header: 'Source host',
      width: 130,
      sortable: true,
      text: ofSet((s) => s.sourceHost, ''),
      render: ofSet((s) => s.sourceHost, ''),
    },
    {
      id: 'state',
      header: 'State',
      width: 100,
      sortable: true,
      text: ofSet((s) => s.state, ''),
      render: ofSet((s) => <SetStateBadge state={s.state} />, null),
    },
    {
      id: 'usable',
      header: 'Can it be used?',
      width: 360,
      text: ofSet((s) => whyNot(s) ?? 'Yes', ''),
      render: ofSet((s) => <span className={styles.why}>{whyNot(s) ?? 'Yes: not imported anywhere yet.'}</span>, null),
    },
    {
      id: 'id',
      header: 'Set',
      width: 320,
      sortable: true,
      text: ofSet((s) => s.id, ''),
      render: ofSet((s) => <span className={styles.mono}>{s.id}</span>, null),
    },
  ];
}

/**
 * Memoized: the bare Recovery page settles on step 1 (or the live run) by correcting its URL right after it is first
 * drawn, and this step, which depends on nothing the route carries, is not drawn a second time for that.
 */
export const SetChoiceStep = memo(function SetChoiceStep() {
  const styles = useStyles();
  const { setId, chooseSet, goTo } = useWizardStore();
  const columns = useColumns(setId);
  return (
    <section aria-labelledby="wizard-set-heading">
      <SectionTitle id="wizard-set-heading">Choose the snapshot set to recover from</SectionTitle>
      <Text as="p" block>
        The damaged LUNs are swapped for this set&apos;s shadow copies, as they were when it was taken. Click a set (or select it with the
        arrow keys and press Enter) to choose it.
      </Text>
      <div className={styles.bar}>
        <Text role="status">
          {setId ? (
            <>
              Chosen: set <span className={styles.mono}>{setId}</span>
            </>
          ) : (
            'No set chosen yet.'
          )}
        </Text>
        <Button appearance="primary" disabled={setId === null} onClick={() => goTo('scope')}>
          Next: scope and preflight
        </Button>
      </div>
      <DataTable
        method="inventory.snapshotPage"
        label="Snapshot sets to recover from"
        noun={{ one: 'snapshot set', many: 'snapshot sets' }}
        columns={columns}
        rowId={(row) => row.id}
        extra={setChooserQuery.extra}
        openId={setId}
        onOpen={(row) => {
          const set = asSet(row);
          if (set && whyNot(set) === null) chooseSet(set.id);
        }}
        emptyText="There are no snapshot sets. Create a transportable set first (shadowswap snapshot create)."
      />
    </section>
  );
});
