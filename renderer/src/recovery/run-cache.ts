/**
 * Keeps the react-query cache of runs current from the engine's events and from the summaries the
 * steering calls answer, so the Runs list and an open timeline move without polling.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { PayloadOf } from '../../../shared/contract';
import type { RunDetail, RunSummary } from '../../../shared/recovery';
import { invalidateRunDetail, runDetailKey, runListKey } from '../query-keys';

export function rememberRunSummary(queryClient: QueryClient, summary: RunSummary): void {
  queryClient.setQueryData<RunSummary[]>(runListKey, (list) => (list ? [...list.filter((r) => r.id !== summary.id), summary] : list));
  queryClient.setQueryData<RunDetail>(runDetailKey(summary.id), (detail) => (detail ? { ...detail, ...summary } : detail));
  // The summary does not carry per-step states: fetch the detail again for an open timeline.
  void invalidateRunDetail(queryClient, summary.id);
}

/** A live output line lands in its step at once; the next fetch of the detail brings the journaled copy. */
export function appendRunOutput(queryClient: QueryClient, { runId, stepId, text }: PayloadOf<'run.output'>): void {
  if (stepId === null) return;
  queryClient.setQueryData<RunDetail>(runDetailKey(runId), (detail) =>
    detail
      ? { ...detail, steps: detail.steps.map((step) => (step.id === stepId ? { ...step, output: [...step.output, text] } : step)) }
      : detail,
  );
}
