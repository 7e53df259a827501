/** The transportable shadow copy sets, newest first with their cluster and age; expand a set to its shadow copies. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { SnapshotRow } from '../../../shared/inventory-rows';
import { SetStateBadge } from '../components/badges';
import { DataTable, type DataColumn } from '../components/DataTable';
import { DetailPane, Fields } from '../components/DetailPane';
import { SplitView } from '../components/SplitView';
import { useExpanded } from '../components/use-expanded';
import { ageText, formatDateTime } from '../inventory/time-text';
import { startWizardWith } from '../recovery/wizard-store';
import { OpenSavedOutputDialog, SavedOutputView, type OpenedOutput } from '../inventory/SavedOutput';

type SetRow = Extract<SnapshotRow, { kind: 'set' }>;
type CopyRow = Extract<SnapshotRow, { kind: 'copy' }>;

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace },
  note: { display: 'block', marginTop: tokens.spacingVerticalM },
  actions: { display: 'flex', justifyContent: 'flex-end', marginBottom: tokens.spacingVerticalS },
});

const copyText = (c: CopyRow) => `${c.originalDriveLetter ? `${c.originalDriveLetter} ` : ''}${c.originalLunName} → ${c.shadowLunName}`;
const copyState = (c: CopyRow) => (c.exposedAs ? `exposed as ${c.exposedAs}` : c.imported ? 'imported' : 'not imported');
const setState = (s: SetRow) => (s.importedTo ? `${s.state} on ${s.importedTo}` : s.state);

function useColumns(): DataColumn<SnapshotRow>[] {
  const styles = useStyles();
  const pick =
    <T,>(set: (row: SetRow) => T, copy: (row: CopyRow) => T) =>
    (row: SnapshotRow) =>
      row.kind === 'set' ? set(row) : copy(row);
  return [
    {
      id: 'id',
      header: 'Set / shadow copy',
      width: 400,
      sortable: true,
      text: pick((s) => s.id, copyText),
      render: pick<ReactNode>((s) => <span className={styles.mono}>{s.id}</span>, copyText),
    },
    {
      id: 'created',
      header: 'Created',
      width: 170,
      sortable: true,
      text: pick(
        (s) => s.createdAt,
        () => '',
      ),
      render: pick<ReactNode>(
        (s) => formatDateTime(s.createdAt),
        () => '',
      ),
    },
    {
      id: 'age',
      header: 'Age',
      width: 70,
      text: pick(
        (s) => ageText(s.createdAt),
        () => '',
      ),
      render: pick<ReactNode>(
        (s) => ageText(s.createdAt),
        () => '',
      ),
    },
    {
      id: 'cluster',
      header: 'Cluster',
      width: 120,
      sortable: true,
      text: pick(
        (s) => s.cluster ?? '',
        () => '',
      ),
      render: pick<ReactNode>(
        (s) => s.cluster ?? '—',
        () => '',
      ),
    },
    {
      id: 'source',
      header: 'Source host / original volume',
      width: 230,
      sortable: true,
      text: pick(
        (s) => s.sourceHost,
        (c) => c.originalVolume,
      ),
      render: pick<ReactNode>(
        (s) => s.sourceHost,
        (c) => <span className={styles.mono}>{c.originalVolume}</span>,
      ),
    },
    {
      id: 'provider',
      header: 'Provider',
      width: 220,
      sortable: true,
      text: pick(
        (s) => s.provider,
        () => '',
      ),
      render: pick<ReactNode>(
        (s) => s.provider,
        () => '',
      ),
    },
    {
      id: 'attributes',
      header: 'Attributes',
      width: 330,
      sortable: true,
      text: pick(
        (s) => s.attributes.join(' '),
        () => '',
      ),
      render: pick<ReactNode>(
        (s) => s.attributes.join(', '),
        () => '',
      ),
    },
    {
      id: 'state',
      header: 'State',
      width: 170,
      sortable: true,
      text: pick(setState, copyState),
      render: pick<ReactNode>(
        (s) =>
          s.importedTo ? (
            <>
              <SetStateBadge state={s.state} /> on {s.importedTo}
            </>
          ) : (
            <SetStateBadge state={s.state} />
          ),
        copyState,
      ),
    },
    {
      id: 'luns',
      header: 'LUNs',
      width: 70,
      sortable: true,
      text: pick(
        (s) => String(s.childCount),
        () => '',
      ),
      render: pick<ReactNode>(
        (s) => s.childCount,
        () => '',
      ),
    },
  ];
}

function SnapshotDetails({ row, onClose }: { row: SnapshotRow; onClose: () => void }) {
  const styles = useStyles();
  if (row.kind === 'copy') {
    return (
      <DetailPane label="Shadow copy details" title={copyText(row)} onClose={onClose}>
        <Fields
          fields={[
            [
              'Shadow copy id',
              <span key="i" className={styles.mono}>
                {row.id.split('/')[1]}
              </span>,
            ],
            [
              'Snapshot set',
              <span key="s" className={styles.mono}>
                {row.setId}
              </span>,
            ],
            [
              'Original volume',
              <span key="v" className={styles.mono}>
                {row.originalVolume}
              </span>,
            ],
            ['Drive letter', row.originalDriveLetter],
            ['Original LUN', row.originalLunName],
            ['Shadow LUN', row.shadowLunName],
            ['State', copyState(row)],
          ]}
        />
      </DetailPane>
    );
  }
  return (
    <DetailPane label="Snapshot set details" title={`Set ${row.id}`} onClose={onClose}>
      <Fields
        fields={[
          ['State', <SetStateBadge key="s" state={row.state} />],
          ['Created', `${formatDateTime(row.createdAt)} (${ageText(row.createdAt)} ago)`],
          ['Source host', row.sourceHost],
          ['Imported to', row.importedTo ?? 'not imported'],
          ['Provider', row.provider],
          ['Attributes', row.attributes.join(', ')],
          [
            'Metadata',
            <span key="m" className={styles.mono}>
              {row.metadataFile}
            </span>,
          ],
          ['Shadow copies', row.childCount],
        ]}
      />
      {row.state === 'created' ? (
        <>
          <Text className={styles.note}>
            This set exists only on the array and in its metadata .cab until it is imported: keep the .cab.
          </Text>
          <Button appearance="primary" className={styles.note} onClick={() => startWizardWith(row.id)}>
            Recover from this set
          </Button>
        </>
      ) : (
        <Text className={styles.note}>
          This set is {row.state}
          {row.importedTo ? ` on ${row.importedTo}` : ''}, so it cannot be recovered from again; only a set that has not been imported can.
        </Text>
      )}
    </DetailPane>
  );
}

export function SnapshotsPage() {
  const columns = useColumns();
  const { expanded, toggle } = useExpanded();
  const [open, setOpen] = useState<SnapshotRow | null>(null);
  const [saved, setSaved] = useState<OpenedOutput | null>(null);
  const styles = useStyles();
  if (saved) return <SavedOutputView output={saved} onClose={() => setSaved(null)} />;
  return (
    <>
      <div className={styles.actions}>
        <OpenSavedOutputDialog onOpened={setSaved} />
      </div>
      <SplitView
        table={
          <DataTable
            method="inventory.snapshotPage"
            label="Snapshot sets"
            noun={{ one: 'snapshot set', many: 'snapshot sets' }}
            columns={columns}
            rowId={(row) => row.id}
            extra={{ expanded: [...expanded] }}
            tree={{ level: (row) => row.level, childCount: (row) => (row.kind === 'set' ? row.childCount : 0), expanded, toggle }}
            openId={open?.id ?? null}
            onOpen={setOpen}
          />
        }
        detail={open && <SnapshotDetails row={open} onClose={() => setOpen(null)} />}
      />
    </>
  );
}
