/**
 * Step 1: choose the snapshot set to recover from. Only a set that was never imported can be swapped in;
 * every other one says why not.
 */
import {
  Badge,
  Button,
  Radio,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SnapshotSet } from '../../../shared/domain';
import { QueryState } from '../components/QueryState';
import { useContractQuery } from '../queries';
import { WizardFooter } from './WizardFooter';
import { formatTime } from './run-format';
import { useWizardStore } from './wizard-store';
import { SectionTitle } from './titles';

const useStyles = makeStyles({
  id: { fontFamily: tokens.fontFamilyMonospace },
  why: { color: tokens.colorNeutralForeground2 },
});

function whyNot(set: SnapshotSet): string | null {
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

export function SetChoiceStep() {
  const snapshots = useContractQuery('inventory.snapshots', {});
  const { setId, chooseSet, goTo } = useWizardStore();
  const chosen = snapshots.data?.find((s) => s.id === setId);
  return (
    <section aria-labelledby="wizard-set-heading">
      <SectionTitle id="wizard-set-heading">Choose the snapshot set to recover from</SectionTitle>
      <Text as="p" block>
        The damaged LUNs are swapped for this set&apos;s shadow copies, as they were when it was taken.
      </Text>
      <QueryState query={snapshots} what="snapshot sets">
        {(sets) => <SetTable sets={sets} chosenId={setId} onChoose={chooseSet} />}
      </QueryState>
      <WizardFooter>
        <Button appearance="primary" disabled={!chosen || whyNot(chosen) !== null} onClick={() => goTo('scope')}>
          Next: scope and preflight
        </Button>
      </WizardFooter>
    </section>
  );
}

function SetTable({ sets, chosenId, onChoose }: { sets: SnapshotSet[]; chosenId: string | null; onChoose(setId: string): void }) {
  const styles = useStyles();
  if (sets.length === 0)
    return (
      <Text as="p" block>
        There are no snapshot sets. Create a transportable set first (shadowswap snapshot create).
      </Text>
    );
  const newestFirst = [...sets].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Table aria-label="Snapshot sets" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Choose</TableHeaderCell>
          <TableHeaderCell>Set</TableHeaderCell>
          <TableHeaderCell>Taken</TableHeaderCell>
          <TableHeaderCell>Source host</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell>Shadow copies</TableHeaderCell>
          <TableHeaderCell>Can it be used?</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {newestFirst.map((set) => {
          const reason = whyNot(set);
          const volumes = set.shadowCopies.map((c) => c.originalDriveLetter).filter((l) => l !== null);
          return (
            <TableRow key={set.id}>
              <TableCell>
                <Radio
                  name="snapshot-set"
                  value={set.id}
                  checked={set.id === chosenId}
                  disabled={reason !== null}
                  onChange={() => onChoose(set.id)}
                  aria-label={`Recover from set ${set.id}`}
                />
              </TableCell>
              <TableCell className={styles.id}>{set.id}</TableCell>
              <TableCell>{formatTime(set.createdAt)}</TableCell>
              <TableCell>{set.sourceHost}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={reason === null ? 'success' : 'subtle'}>
                  {set.state}
                </Badge>
              </TableCell>
              <TableCell>
                {set.shadowCopies.length}
                {volumes.length > 0 ? ` (${volumes.join(' ')})` : ''}
              </TableCell>
              <TableCell className={styles.why}>{reason ?? 'Yes: not imported anywhere yet.'}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
