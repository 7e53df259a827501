/** The recovery part of the contract: planning, starting and steering runs, and their live events. */
import { z } from 'zod';
import { RecoveryOptions, RecoveryPlan, RunDetail, RunSummary } from './recovery';

const RunId = z.string().regex(/^run-[\w-]{1,80}$/, 'a run id looks like run-20261123-030405-abc123');

export const recoveryMethods = {
  'recovery.plan': { params: RecoveryOptions, result: RecoveryPlan },
  'recovery.start': {
    params: z.object({ options: RecoveryOptions, acknowledge: z.array(z.string().max(100)).max(100).default([]) }).strict(),
    result: RunSummary,
  },
  'runs.list': { params: z.object({}).strict(), result: z.array(RunSummary) },
  'runs.get': { params: z.object({ runId: RunId }).strict(), result: RunDetail },
  /**
   * Answers once the core stops driving the run (it finished, failed, paused or waits for a confirmation),
   * at once when it is not driving it: a client that drives a run to its end waits with this, then
   * confirms, resumes or reports.
   */
  'runs.settled': { params: z.object({ runId: RunId }).strict(), result: RunSummary },
  'runs.confirm': {
    params: z.object({ runId: RunId, stepId: z.string().max(100), typed: z.string().max(200) }).strict(),
    result: RunSummary,
  },
  'runs.pause': { params: z.object({ runId: RunId }).strict(), result: RunSummary },
  'runs.resume': { params: z.object({ runId: RunId }).strict(), result: RunSummary },
  'runs.rollback': { params: z.object({ runId: RunId, typed: z.string().max(200) }).strict(), result: RunSummary },
} as const;

export const recoveryEvents = {
  /** A run's state changed (a step started, finished, waits for confirmation...). */
  'run.updated': RunSummary,
  /** A line of live output from a step (stepId null: from the engine itself). */
  'run.output': z.object({ runId: z.string(), stepId: z.string().nullable(), text: z.string() }),
} as const;
