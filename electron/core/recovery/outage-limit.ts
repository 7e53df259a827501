/**
 * The outage and its limit (docs/recovery-procedure.md#the-outage-and-its-limit): how long a plan keeps production
 * storage away, and the least time its operations allow (the critical path), both from the rules of
 * operation-order.ts. Before a run, from the backend's expected durations; after it, from the durations the
 * journal measured. Pure.
 */
import type { PlanTiming, RecoveryPlan, StepKind } from '../../../shared/recovery';
import type { Backend, PlannedOperation } from '../backend';
import type { JournalRecord } from './journal';
import { scheduledMs } from './operation-order';
import { outageWindow, type RunEvent } from './run-events';
import { bindStep, runsAsOneAction } from './steps';

type Durations = (unit: PlannedOperation[]) => number | null;

/** A plan's outage as the engine will run it (at most `atOnce` calls of a step at a time), and its critical path. */
export function planTiming(
  drafts: ReadonlyArray<{ kind: StepKind; operations: PlannedOperation[] }>,
  durationOf: Durations,
  atOnce: number,
): PlanTiming {
  const outage = outageWindow(drafts);
  // As the engine runs it: a step done as one action makes its calls one after another.
  const asRun = outage.flatMap((draft) => (runsAsOneAction(draft.kind) ? draft.operations.map((op) => [op]) : [draft.operations]));
  // What the operations allow, whoever runs them: only the rules of operation-order.ts hold them back.
  const asAllowed = outage.map((draft) => draft.operations);
  return { expectedOutageMs: scheduledMs(asRun, durationOf, atOnce), criticalPathMs: scheduledMs(asAllowed, durationOf) };
}

/**
 * The critical path of a run as it went: each call lasting what the journal measured (from its operations' intent
 * to their outcome; a step of one action, from its start to its end; an operation found in place, nothing). Null
 * unless every step of the outage ended done or skipped.
 */
export function measuredCriticalPathMs(plan: RecoveryPlan, records: ReadonlyArray<JournalRecord<RunEvent>>): number | null {
  let total = 0;
  for (const step of outageWindow(plan.steps)) {
    const events = records.filter(({ event }) => 'stepId' in event && event.stepId === step.id);
    const last = (type: RunEvent['type'], target?: string) =>
      events.findLast(({ event }) => event.type === type && (target === undefined || ('target' in event && event.target === target)))?.at;
    if (last('step.skipped') !== undefined) continue;
    const started = last('step.started');
    const succeeded = last('step.succeeded');
    if (started === undefined || succeeded === undefined) return null;
    // Reading the step's operations touches no backend: their probes and runs are only built, never called.
    const { work } = bindStep(step, { backend: null as unknown as Backend, log: () => undefined });
    if (work.kind === 'action') {
      total += Date.parse(succeeded) - Date.parse(started);
      continue;
    }
    const targetOf = new Map(work.operations.map((operation) => [operation.planned, operation.target]));
    // The attempt that did it: an operation found in place (as on a resume after a crash) took no time then.
    const measured = (target: string) => {
      const ended = events.findLast(({ event }) => event.type === 'operation.ended' && event.target === target);
      const from = last('operation.started', target);
      if (
        ended === undefined ||
        from === undefined ||
        (ended.event.type === 'operation.ended' && ended.event.outcome === 'already-in-place')
      )
        return 0;
      return Math.max(0, Date.parse(ended.at) - Date.parse(from));
    };
    total +=
      scheduledMs([work.operations.map((o) => o.planned)], (unit) => Math.max(0, ...unit.map((op) => measured(targetOf.get(op) ?? '')))) ??
      0;
  }
  return total;
}
