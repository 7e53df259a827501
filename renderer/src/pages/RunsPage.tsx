/**
 * Every recovery run with its state; open one to see its timeline and, when it stopped before the end,
 * resume it or roll it back.
 */
import {
  Button,
  Dropdown,
  Option,
  SearchBox,
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
import { matchesFilter } from '../../../shared/filter';
import type { RunSummary } from '../../../shared/recovery';
import { QueryState } from '../components/QueryState';
import { useContractQuery } from '../queries';
import { DamagedRunNotice } from '../recovery/DamagedRunNotice';
import { ReportExports } from '../recovery/ReportExports';
import { RunTimeline } from '../recovery/RunTimeline';
import { formatDowntime, formatDuration, formatTime, isUnfinished, runStateText } from '../recovery/run-format';
import { RunStateBadge } from '../components/badges';
import { RunLink } from '../components/RunLink';
import { useUiStore } from '../ui-store';
import { SectionTitle } from '../recovery/titles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

type StateFilter = 'all' | 'unfinished' | 'succeeded' | 'rolled-back';
const stateFilters: Record<StateFilter, { label: string; keep(run: RunSummary): boolean }> = {
  all: { label: 'All runs', keep: () => true },
  unfinished: { label: 'Unfinished (resume or roll back)', keep: (run) => isUnfinished(run.state) },
  succeeded: { label: 'Succeeded', keep: (run) => run.state === 'succeeded' },
  'rolled-back': { label: 'Rolled back', keep: (run) => run.state === 'rolled-back' },
};

export function RunsPage() {
  const runs = useContractQuery('runs.list', {});
  const route = useUiStore((state) => state.route);
  const navigate = useUiStore((state) => state.navigate);
  const selectedRunId = route.page === 'runs' ? route.runId : null;
  const selectRun = (runId: string) => navigate({ page: 'runs', runId });
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const [search, setSearch] = useState('');
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        <Dropdown
          aria-label="Show runs"
          value={stateFilters[stateFilter].label}
          selectedOptions={[stateFilter]}
          onOptionSelect={(_event, data) => setStateFilter(data.optionValue as StateFilter)}
        >
          {Object.entries(stateFilters).map(([value, { label }]) => (
            <Option key={value} value={value}>
              {label}
            </Option>
          ))}
        </Dropdown>
        <SearchBox
          aria-label="Search runs"
          placeholder="Run, set, operator…"
          value={search}
          onChange={(_event, data) => setSearch(data.value)}
        />
        {/* Runs driven by another process (the CLI) do not reach this console's live events. */}
        <Button onClick={() => void runs.refetch()} disabled={runs.isFetching}>
          {runs.isFetching ? 'Refreshing…' : 'Refresh the list'}
        </Button>
      </div>
      <QueryState query={runs} what="runs">
        {(rows) => (
          <>
            {rows.flatMap((run) => (run.damage ? [<DamagedRunNotice key={run.id} run={{ ...run, damage: run.damage }} />] : []))}
            <RunsTable
              runs={rows.filter(
                (run) =>
                  stateFilters[stateFilter].keep(run) &&
                  matchesFilter(search, [run.id, run.setId, run.operator, runStateText[run.state].label]),
              )}
              total={rows.length}
              selectedRunId={selectedRunId}
              onOpen={selectRun}
            />
          </>
        )}
      </QueryState>
      {selectedRunId && (
        <section aria-labelledby="run-detail-heading">
          <SectionTitle id="run-detail-heading">Run {selectedRunId}</SectionTitle>
          <ReportExports runId={selectedRunId} />
          <RunTimeline runId={selectedRunId} />
        </section>
      )}
    </div>
  );
}

function RunsTable({
  runs,
  total,
  selectedRunId,
  onOpen,
}: {
  runs: RunSummary[];
  total: number;
  selectedRunId: string | null;
  onOpen(runId: string): void;
}) {
  const styles = useStyles();
  if (total === 0)
    return (
      <Text as="p" block>
        No recovery has been run yet. Start one from the Recovery page.
      </Text>
    );
  if (runs.length === 0)
    return (
      <Text as="p" block>
        No run matches these filters ({total} in all).
      </Text>
    );
  const newestFirst = [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (
    <Table aria-label="Recovery runs" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Run</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell>Started</TableHeaderCell>
          <TableHeaderCell>Operator</TableHeaderCell>
          <TableHeaderCell>Steps done</TableHeaderCell>
          <TableHeaderCell>Duration</TableHeaderCell>
          <TableHeaderCell>Downtime</TableHeaderCell>
          <TableHeaderCell>Snapshot set</TableHeaderCell>
          <TableHeaderCell>Action</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {newestFirst.map((run) => (
          <TableRow
            key={run.id}
            className={run.id === selectedRunId ? styles.selected : undefined}
            aria-selected={run.id === selectedRunId}
          >
            <TableCell>
              <RunLink runId={run.id} />
            </TableCell>
            <TableCell>
              <RunStateBadge state={run.state} />
            </TableCell>
            <TableCell>{formatTime(run.startedAt)}</TableCell>
            <TableCell>{run.operator}</TableCell>
            <TableCell>
              {run.stepsDone} of {run.stepsTotal}
            </TableCell>
            <TableCell>{run.endedAt ? formatDuration(Date.parse(run.endedAt) - Date.parse(run.startedAt)) : '—'}</TableCell>
            <TableCell>{formatDowntime(run.downtimeMs)}</TableCell>
            <TableCell className={styles.mono}>{run.setId}</TableCell>
            <TableCell>
              {run.state === 'damaged' ? (
                <Text>See the notice above</Text>
              ) : (
                <Button
                  size="small"
                  appearance={isUnfinished(run.state) ? 'primary' : 'secondary'}
                  onClick={() => onOpen(run.id)}
                  // The visible words start the name (WCAG 2.5.3, label in name); the run id tells the rows apart.
                  aria-label={`${isUnfinished(run.state) ? 'Open to resume or roll back' : 'Open'}: run ${run.id}`}
                >
                  {isUnfinished(run.state) ? 'Open to resume or roll back' : 'Open'}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
