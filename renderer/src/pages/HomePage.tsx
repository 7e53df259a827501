/**
 * Home: the estate at a glance before anything else — runs that need the operator, then each cluster and
 * standalone host with its health, its latest recoverable point and how old it is, and what to worry about
 * (no recovery point left, originals still held as evidence, masking findings).
 */
import {
  Button,
  Link,
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
import { useState } from 'react';
import type { SystemHealth, SystemOverview } from '../../../shared/estate-overview';
import { RunStateBadge, StatusBadge } from '../components/badges';
import { QueryState } from '../components/QueryState';
import { RunLink } from '../components/RunLink';
import { ageText, formatDateTime } from '../inventory/time-text';
import { useContractQuery } from '../queries';
import { runsNeedingAttention, waitsFor } from '../recovery/run-attention';
import { SectionTitle } from '../recovery/titles';
import { useNow } from '../recovery/use-now';
import { formatRoute } from '../routes';
import { systemWarnings, systemsToShow } from './home-systems';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const healthLook: Record<SystemHealth, { color: 'danger' | 'warning' | 'success'; text: string }> = {
  damaged: { color: 'danger', text: 'Damaged' },
  degraded: { color: 'warning', text: 'Degraded' },
  healthy: { color: 'success', text: 'Healthy' },
};

export function HomePage() {
  const styles = useStyles();
  const overview = useContractQuery('inventory.overview', {});
  const runs = useContractQuery('runs.list', {});
  const urgent = runsNeedingAttention(runs.data ?? []);
  return (
    <div className={styles.root}>
      <section aria-labelledby="home-runs-heading">
        <SectionTitle id="home-runs-heading">Runs that need attention</SectionTitle>
        {urgent.length === 0 ? (
          <Text as="p" className={styles.muted}>
            None: no recovery is under way or waiting.
          </Text>
        ) : (
          <ul className={styles.list} aria-label="Runs that need attention">
            {urgent.map((run) => (
              <li key={run.id}>
                <RunLink runId={run.id} /> <RunStateBadge state={run.state} /> {waitsFor(run, undefined)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="home-systems-heading">
        <SectionTitle id="home-systems-heading">Clusters and standalone hosts</SectionTitle>
        <QueryState query={overview} what="the estate overview">
          {({ systems }) => <SystemsTable systems={systems} />}
        </QueryState>
      </section>
    </div>
  );
}

function SystemsTable({ systems }: { systems: SystemOverview[] }) {
  const styles = useStyles();
  // Ages as of when the page opened (a refetch of the overview re-renders them).
  const now = useNow(false);
  const [showAll, setShowAll] = useState(false);
  if (systems.length === 0) return <Text as="p">The backend reports no cluster and no host with storage.</Text>;
  const shown = systemsToShow(systems, showAll);
  const hidden = systems.length - shown.length;
  return (
    <>
      <Table aria-label="Clusters and standalone hosts" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>System</TableHeaderCell>
            <TableHeaderCell>Health</TableHeaderCell>
            <TableHeaderCell>Latest recovery point</TableHeaderCell>
            <TableHeaderCell>Recovery points</TableHeaderCell>
            <TableHeaderCell>Warnings</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((system) => {
            const warnings = systemWarnings(system);
            return (
              <TableRow key={`${system.kind}:${system.name}`}>
                <TableCell>
                  <Text weight="semibold">{system.name}</Text>{' '}
                  <span className={styles.muted}>
                    {system.kind === 'cluster' ? `cluster of ${system.hosts.join(', ')}` : 'standalone host'}
                  </span>
                </TableCell>
                <TableCell>
                  <StatusBadge color={healthLook[system.health].color} text={healthLook[system.health].text} /> {system.problems.join('; ')}
                </TableCell>
                <TableCell>
                  {system.latestSet ? (
                    <>
                      {formatDateTime(system.latestSet.createdAt)} ({ageText(system.latestSet.createdAt, now)} ago)
                    </>
                  ) : (
                    <span className={styles.muted}>none</span>
                  )}
                </TableCell>
                <TableCell>{system.recoverableSets}</TableCell>
                <TableCell>
                  {warnings.length === 0 ? (
                    <span className={styles.muted}>none</span>
                  ) : (
                    <ul className={styles.warnings}>
                      {warnings.map((warning) => (
                        <li key={warning}>
                          {warning.includes('masking matrix') ? <Link href={formatRoute({ page: 'masking' })}>{warning}</Link> : warning}
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {hidden > 0 && (
        <Text as="p" className={styles.muted}>
          {hidden} more {hidden === 1 ? 'system is' : 'systems are'} healthy, with no warning.{' '}
          <Button appearance="secondary" size="small" onClick={() => setShowAll(true)}>
            Show all {systems.length} systems
          </Button>
        </Text>
      )}
    </>
  );
}
