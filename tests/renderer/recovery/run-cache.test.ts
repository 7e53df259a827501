import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { RunDetail, RunSummary } from '../../../shared/recovery';
import { runDetailKey, runListKey } from '../../../renderer/src/query-keys';
import { appendRunOutput, rememberRunSummary } from '../../../renderer/src/recovery/run-cache';

const summary = (id: string, state: RunSummary['state']): RunSummary => ({
  id,
  setId: 'set-1',
  state,
  startedAt: '2026-12-01T23:00:00.000Z',
  endedAt: null,
  operator: 'ops',
  attentionStepId: null,
  downtimeMs: null,
  downtimeWaitingMs: null,
  storageAwaySince: null,
  stepsDone: 1,
  stepsTotal: 5,
  lastError: null,
});

const detailOf = (run: RunSummary): RunDetail =>
  ({
    ...run,
    steps: [
      { id: 's1', title: 'Mask', state: 'running', startedAt: null, endedAt: null, output: ['one'], error: null },
      { id: 's2', title: 'Import', state: 'pending', startedAt: null, endedAt: null, output: [], error: null },
    ],
  }) as unknown as RunDetail;

describe('rememberRunSummary', () => {
  it('replaces the run in the cached list and merges it into a cached detail', () => {
    const client = new QueryClient();
    client.setQueryData(runListKey, [summary('a', 'running'), summary('b', 'succeeded')]);
    client.setQueryData(runDetailKey('a'), detailOf(summary('a', 'running')));

    rememberRunSummary(client, summary('a', 'waiting-confirmation'));

    const list = client.getQueryData<RunSummary[]>(runListKey);
    expect(list?.map((run) => [run.id, run.state])).toEqual([
      ['b', 'succeeded'],
      ['a', 'waiting-confirmation'],
    ]);
    const detail = client.getQueryData<RunDetail>(runDetailKey('a'));
    expect(detail?.state).toBe('waiting-confirmation');
    expect(detail?.steps).toHaveLength(2);
  });

  it('creates no list or detail that was never fetched', () => {
    const client = new QueryClient();
    rememberRunSummary(client, summary('a', 'running'));
    expect(client.getQueryData(runListKey)).toBeUndefined();
    expect(client.getQueryData(runDetailKey('a'))).toBeUndefined();
  });
});

describe('appendRunOutput', () => {
  it('appends a live line to its step only', () => {
    const client = new QueryClient();
    client.setQueryData(runDetailKey('a'), detailOf(summary('a', 'running')));
    appendRunOutput(client, { runId: 'a', stepId: 's1', text: 'two' });
    const steps = client.getQueryData<RunDetail>(runDetailKey('a'))?.steps;
    expect(steps?.map((step) => step.output)).toEqual([['one', 'two'], []]);
  });

  it('ignores lines that belong to no step', () => {
    const client = new QueryClient();
    client.setQueryData(runDetailKey('a'), detailOf(summary('a', 'running')));
    appendRunOutput(client, { runId: 'a', stepId: null, text: 'engine note' });
    expect(client.getQueryData<RunDetail>(runDetailKey('a'))?.steps[0]?.output).toEqual(['one']);
  });
});
