/**
 * A run as it happens: progress, what needs the operator, the controls, and every step in order with its
 * state, time and output. The wizard's run step and the Runs page both show this one component.
 */
import { Caption1, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { doorLabels, type RunDetail } from '../../../shared/recovery';
import { QueryState } from '../components/QueryState';
import { useContractQuery } from '../queries';
import { RunAttention } from './RunAttention';
import { RunControls } from './RunControls';
import { TimelineStep } from './TimelineStep';
import { formatDuration, formatTime, runStateText } from './run-format';
import { useEngineNotes } from './use-engine-notes';
import { useNow } from './use-now';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  steps: { listStyleType: 'none', padding: 0, margin: 0 },
});

export function RunTimeline({ runId }: { runId: string }) {
  const run = useContractQuery('runs.get', { runId });
  return (
    <QueryState query={run} what={`run ${runId}`}>
      {(detail) => <RunTimelineView run={detail} />}
    </QueryState>
  );
}

function RunTimelineView({ run }: { run: RunDetail }) {
  const styles = useStyles();
  const now = useNow(run.steps.some((s) => s.state === 'running') || run.storageAwaySince !== null);
  const notes = useEngineNotes(run.id);
  const planSteps = new Map(run.plan.steps.map((s) => [s.id, s]));
  const running = run.steps.find((s) => s.state === 'running');

  return (
    <div className={styles.root}>
      <Caption1>
        Run {run.id} of set {run.setId}, started {formatTime(run.startedAt)} by {run.operator}
        {run.plan.steps.some((s) => s.commandsSimulated) ? ' — simulated by the Lab' : ''}
      </Caption1>
      <div className={styles.progress}>
        <ProgressBar value={run.stepsDone} max={Math.max(run.stepsTotal, 1)} thickness="large" aria-label="Steps done" />
        <Text role="status" weight="semibold">
          {runStateText[run.state].label}: {run.stepsDone} of {run.stepsTotal} steps done
          {running ? ` — now: ${running.title}` : ''}
          {run.storageAwaySince !== null
            ? `. Production storage away for ${formatDuration(now - Date.parse(run.storageAwaySince))} (since ${formatTime(run.storageAwaySince)}), until the disks are back.`
            : run.downtimeMs === null
              ? '. Production storage is away until the disk resources are back.'
              : run.downtimeMs > 0
                ? `. Production downtime: ${formatDuration(run.downtimeMs)}.`
                : ''}
        </Text>
      </div>
      {run.approval !== null && (
        <Text>
          Approved by {run.approval.by}
          {run.approval.door ? ` through the ${doorLabels[run.approval.door]}` : ''} at {formatTime(run.approval.at)} for change{' '}
          <strong>{run.approval.change}</strong>: {run.approval.reason}.{' '}
          {run.approval.pauseBeforeEachStep
            ? 'The run pauses before each destructive step as asked.'
            : 'Every destructive step runs under this approval, without asking again.'}
        </Text>
      )}
      <RunAttention run={run} />
      {notes.map((note, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
      <RunControls run={run} />
      <ol className={styles.steps} aria-label={`Steps of run ${run.id}`}>
        {run.steps.map((progress, i) => {
          const planStep = planSteps.get(progress.id);
          return planStep ? (
            <TimelineStep
              key={progress.id}
              number={i + 1}
              planStep={planStep}
              progress={progress}
              confirmation={run.confirmations.find((c) => c.stepId === progress.id)}
              now={now}
            />
          ) : null;
        })}
      </ol>
    </div>
  );
}
