/**
 * Which runs the operator must not lose from view, most urgent first, and what each waits for. Pure, for
 * the run bar on every page and the Recovery page that reopens a live run.
 */
import type { RunState, RunSummary } from '../../../shared/recovery';
import { isUnfinished } from './run-format';

/** Lower first: a run waiting for the operator, then a broken one, then one that is moving by itself. */
const urgency: Record<RunState, number> = {
  'waiting-confirmation': 0,
  failed: 1,
  damaged: 1,
  interrupted: 2,
  'rolling-back': 3,
  running: 4,
  paused: 5,
  succeeded: 9,
  'rolled-back': 9,
};

/** Unfinished runs, most urgent first; among equals, the one with production storage away, then the newest. */
export function runsNeedingAttention(runs: readonly RunSummary[]): RunSummary[] {
  return (
    runs
      // A damaged run whose LUNs were released is settled: its claims are gone and the Runs page keeps its record.
      .filter((run) => isUnfinished(run.state) && !(run.state === 'damaged' && run.damage?.released))
      .sort(
        (a, b) =>
          urgency[a.state] - urgency[b.state] ||
          Number(b.storageAwaySince !== null) - Number(a.storageAwaySince !== null) ||
          b.startedAt.localeCompare(a.startedAt),
      )
  );
}

/**
 * The run the wizard reopens on: one that is moving or waiting right now, or any unfinished run that left
 * production without its storage. An old failed run with production back in place does not hijack the wizard.
 */
export function liveRunOf(runs: readonly RunSummary[]): RunSummary | undefined {
  return runsNeedingAttention(runs).find(
    (run) =>
      run.storageAwaySince !== null || run.state === 'running' || run.state === 'waiting-confirmation' || run.state === 'rolling-back',
  );
}

/** What the run waits for, in a few words ("your confirmation of …", "a resume or a rollback"). */
export function waitsFor(run: RunSummary, attentionStepTitle: string | undefined): string {
  const step = attentionStepTitle ? `"${attentionStepTitle}"` : 'the next step';
  switch (run.state) {
    case 'waiting-confirmation':
      return `Waits for your confirmation of ${step}.`;
    case 'failed':
      return `${step} failed: resume it or roll the run back.`;
    case 'interrupted':
      return 'Its process ended mid-run: resume it or roll it back.';
    case 'paused':
      return 'Paused: resume it or roll it back.';
    case 'damaged':
      return 'Its journal cannot be read, so it can be neither resumed nor rolled back: check the estate by hand, then release its LUNs on the Runs page.';
    case 'rolling-back':
      return 'Rolling back, newest step first.';
    case 'running':
      return `Running (${run.stepsDone} of ${run.stepsTotal} steps done).`;
    default:
      return '';
  }
}
