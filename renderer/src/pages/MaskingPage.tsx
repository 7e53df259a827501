/**
 * Who sees which LUN: the matrix picture (flagged LUNs first, cluster by cluster), and every finding
 * listed with what is wrong, why it matters and what to do.
 */
import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FindingKind, MaskingFinding } from '../../../shared/masking-findings';
import { findingCountParams } from '../first-data';
import { useContractQuery } from '../queries';
import { DataTable, type DataColumn } from '../components/DataTable';
import { StatusBadge } from '../components/badges';
import { DetailPane, Fields } from '../components/DetailPane';
import { SplitView } from '../components/SplitView';
import { LunDetails } from '../inventory/LunDetails';
import { MatrixGrid } from '../inventory/MatrixGrid';

const useStyles = makeStyles({
  intro: { display: 'block', marginBottom: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  heading: { display: 'block', marginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalS },
  explanation: { display: 'block', marginTop: tokens.spacingVerticalM, lineHeight: tokens.lineHeightBase400 },
});

const kindTitle: Record<FindingKind, string> = {
  'missing-cluster-node': 'Cluster node cannot see its disk',
  'visible-outside-cluster': 'Host outside the cluster sees a cluster disk',
  'masked-to-nobody': 'LUN masked to nobody',
};

const findingId = (f: MaskingFinding) => `${f.lunId}/${f.kind}`;

const columns: DataColumn<MaskingFinding>[] = [
  {
    id: 'kind',
    header: 'Finding',
    width: 330,
    sortable: true,
    text: (f) => kindTitle[f.kind],
    render: (f) => <StatusBadge color={f.kind === 'masked-to-nobody' ? 'warning' : 'danger'} text={kindTitle[f.kind]} />,
  },
  { id: 'lun', header: 'LUN', width: 200, sortable: true, text: (f) => f.lunName, render: (f) => f.lunName },
  {
    id: 'cluster',
    header: 'Cluster disk',
    width: 220,
    sortable: true,
    text: (f) => (f.cluster ? `${f.cluster} / ${f.resource}` : ''),
    render: (f) => (f.cluster ? `${f.cluster} / ${f.resource}` : '—'),
  },
  { id: 'hosts', header: 'Hosts', width: 200, text: (f) => f.hosts.join(', '), render: (f) => f.hosts.join(', ') || '—' },
  { id: 'explanation', header: 'What it means', width: 600, text: (f) => f.explanation, render: (f) => f.explanation },
];

function FindingDetails({ finding, onClose }: { finding: MaskingFinding; onClose: () => void }) {
  const styles = useStyles();
  return (
    <DetailPane label="Finding details" title={kindTitle[finding.kind]} onClose={onClose}>
      <Fields
        fields={[
          ['LUN', finding.lunName],
          ['Cluster disk', finding.cluster ? `${finding.resource} in ${finding.cluster}` : null],
          ['Hosts', finding.hosts.join(', ') || null],
        ]}
      />
      <Text className={styles.explanation}>{finding.explanation}</Text>
    </DetailPane>
  );
}

const noFindingsText = 'No masking findings: every LUN is seen by someone, and every cluster disk by exactly the nodes of its cluster.';

/**
 * Findings first when there are any (they are what the operator came for), the matrix below them; with
 * none, one line says so and the matrix takes the room an empty table would have.
 */
export function MaskingPage() {
  const styles = useStyles();
  const [open, setOpen] = useState<MaskingFinding | null>(null);
  const [openLunId, setOpenLunId] = useState<string | null>(null);
  const matrix = (height: number) => (
    <SplitView
      table={<MatrixGrid height={height} openLunId={openLunId} onOpenLun={setOpenLunId} />}
      detail={openLunId && <LunDetails id={openLunId} onClose={() => setOpenLunId(null)} />}
    />
  );
  const count = useContractQuery('inventory.findingPage', findingCountParams).data?.matched;
  const intro = (
    <Text className={styles.intro}>
      Each row is a LUN, each column a host, grouped by cluster. A cluster disk must be seen by every node of its cluster and by no other
      host.
    </Text>
  );
  // One shape whatever the count: the matrix keeps its place in the tree, so the answer about findings resizes it
  // rather than drawing it a second time; the findings table waits for that answer instead of flashing empty.
  const findings = count !== undefined && count > 0;
  return (
    <>
      {count === 0 && <Text as="p">{noFindingsText}</Text>}
      {findings && (
        <>
          <Subtitle2 as="h3" className={styles.heading}>
            Findings
          </Subtitle2>
          <SplitView
            table={
              <DataTable
                method="inventory.findingPage"
                label="Masking findings"
                noun={{ one: 'finding', many: 'findings' }}
                columns={columns}
                rowId={findingId}
                extra={{}}
                emptyText={noFindingsText}
                openId={open ? findingId(open) : null}
                onOpen={setOpen}
              />
            }
            detail={open && <FindingDetails finding={open} onClose={() => setOpen(null)} />}
          />
          <Subtitle2 as="h3" className={styles.heading}>
            Who sees which LUN
          </Subtitle2>
        </>
      )}
      {intro}
      {matrix(Math.max(260, Math.round(window.innerHeight * (findings ? 0.42 : 0.65))))}
    </>
  );
}
