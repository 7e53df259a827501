/**
 * The run bar, on every page: while a run is under way, waits for the operator, was interrupted or failed,
 * it says so — what the run waits for, how long production storage has been away (a live clock) — with a
 * link to the run. Reloading the console or opening a second tab never hides a run that holds production.
 */
import { Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, type MessageBarIntent } from '@fluentui/react-components';
import type { RunState, RunSummary } from '../../../shared/recovery';
import { RunStateBadge } from '../components/badges';
import { RunLink } from '../components/RunLink';
import { useContractQuery } from '../queries';
import { formatRoute, wizardRoute } from '../routes';
import { runsNeedingAttention, waitsFor } from './run-attention';
import { formatDuration, formatTime } from './run-format';
import { useNow } from './use-now';

const intentOf: Record<RunState, MessageBarIntent> = {
  'waiting-confirmation': 'warning',
  failed: 'error',
  damaged: 'error',
  interrupted: 'error',
  paused: 'warning',
  'rolling-back': 'info',
  running: 'info',
  succeeded: 'success',
  'rolled-back': 'success',
};

/**
 * Runs this console drives arrive by event; a run the CLI or another console drives does not, so the list
 * is also read again every few seconds: the bar must show it all the same.
 */
const RUN_LIST_POLL_MS = 5_000;

export function RunBar() {
  const runs = useContractQuery('runs.list', {}, { refetchIntervalMs: RUN_LIST_POLL_MS });
  const urgent = runsNeedingAttention(runs.data ?? []);
  const first = urgent[0];
  if (!first) return null;
  return <RunBarFor run={first} others={urgent.length - 1} />;
}

function RunBarFor({ run, others }: { run: RunSummary; others: number }) {
  // The summary names the step; its title comes with the run's detail.
  const detail = useContractQuery('runs.get', { runId: run.id });
  const stepTitle = detail.data?.steps.find((step) => step.id === run.attentionStepId)?.title;
  const now = useNow(run.storageAwaySince !== null);
  return (
    // A labelled section around the bar: the MessageBar names itself after its title (aria-labelledby).
    <section aria-label="Recovery run needing attention">
      <MessageBar intent={intentOf[run.state]} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            Run <RunLink runId={run.id} /> <RunStateBadge state={run.state} />
          </MessageBarTitle>{' '}
          {waitsFor(run, stepTitle)}{' '}
          {run.storageAwaySince !== null && (
            <strong>
              Production storage away for {formatDuration(now - Date.parse(run.storageAwaySince))} (since {formatTime(run.storageAwaySince)}
              ).
            </strong>
          )}
          {others > 0 && (
            <>
              {' '}
              <Link href={formatRoute({ page: 'runs', runId: null })}>
                {others} more unfinished {others === 1 ? 'run' : 'runs'}
              </Link>
            </>
          )}
        </MessageBarBody>
        <MessageBarActions>
          <Link href={formatRoute(wizardRoute('run', null, run.id))}>Open the run</Link>
        </MessageBarActions>
      </MessageBar>
    </section>
  );
}
