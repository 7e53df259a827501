/** The recovery part of the contract: planning, starting and steering runs, and their live events. */
import { z } from 'zod';
import { OperatorName } from './operator-name';
import { PlanApproval, RecoveryOptions, RecoveryPlan, RunDetail, RunSummary } from './recovery';

const RunId = z.string().regex(/^run-[\w-]{1,80}$/, 'a run id looks like run-20261123-030405-abc123');

export const recoveryMethods = {
  'recovery.plan': { params: RecoveryOptions, result: RecoveryPlan },
  'recovery.start': {
    /**
     * approval: the one typed confirmation given at review for every destructive step of the plan it names (the
     * browser sends operator with it, as for runs.confirm); without it each destructive step waits for its own.
     */
    params: z
      .object({
        options: RecoveryOptions,
        acknowledge: z.array(z.string().max(100)).max(100).default([]),
        approval: PlanApproval.optional(),
        operator: OperatorName.optional(),
      })
      .strict(),
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
    /**
     * operator: the name the browser console asked for; a confirmation through the gateway needs it. The
     * desktop app and the CLI confirm as the signed-in account (or the CLI's --operator) and ignore it.
     */
    params: z.object({ runId: RunId, stepId: z.string().max(100), typed: z.string().max(200), operator: OperatorName.optional() }).strict(),
    result: RunSummary,
  },
  'runs.pause': { params: z.object({ runId: RunId }).strict(), result: RunSummary },
  'runs.resume': { params: z.object({ runId: RunId }).strict(), result: RunSummary },
  'runs.rollback': {
    params: z.object({ runId: RunId, typed: z.string().max(200), operator: OperatorName.optional() }).strict(),
    result: RunSummary,
  },
  /**
   * Frees the LUNs a damaged run holds (its journal cannot be read); confirmed by typing the run's id, and
   * journaled with who (operator: as for runs.confirm).
   */
  'runs.release': {
    params: z.object({ runId: RunId, typed: z.string().max(200), operator: OperatorName.optional() }).strict(),
    result: RunSummary,
  },
} as const;

export const recoveryEvents = {
  /** A run's state changed (a step started, finished, waits for confirmation...). */
  'run.updated': RunSummary,
  /** A line of live output from a step (stepId null: from the engine itself). */
  'run.output': z.object({ runId: z.string(), stepId: z.string().nullable(), text: z.string() }),
} as const;
