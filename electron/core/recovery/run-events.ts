/**
 * The events a run's journal holds, and the fold that turns them into what every door shows. There is
 * no other record of a run: state, timings, confirmations and downtime are all derived from here.
 */
import { ShadowSwapError, type WireError } from '../../../shared/errors';
import { stepFailure } from '../../../shared/step-failure';
import {
  RecoveryPlan,
  type Confirmation,
  type Door,
  type PlanStep,
  type RunApproval,
  type RunDetail,
  type RunState,
  type RunStep,
  type RunSummary,
  type StepKind,
} from '../../../shared/recovery';
import type { JournalRecord } from './journal';

export type RunEvent =
  | { type: 'run.created'; runId: string; plan: RecoveryPlan; operator: string; machine: string; acknowledgedWarnings: string[] }
  | { type: 'driver.attached'; pid: number; by: string }
  | { type: 'step.awaiting-confirmation'; stepId: string }
  | { type: 'step.confirmed'; stepId: string; by: string; door?: Door; typed: string; byApproval?: boolean }
  /** The plan-wide approval, journaled before the first step (see approval.ts). */
  | ({ type: 'run.approved'; by: string; door: Door } & Omit<RunApproval, 'by' | 'door' | 'at'>)
  | { type: 'step.started'; stepId: string; before: unknown }
  | { type: 'step.output'; stepId: string; text: string }
  /** One operation of a step with several (steps/step-module.ts): its intent, flushed before it starts... */
  | { type: 'operation.started'; stepId: string; target: string }
  /** ...and its outcome once it ended: done, found already in place (so not run), or failed. */
  | { type: 'operation.ended'; stepId: string; target: string; outcome: 'done' | 'already-in-place' | 'failed'; error?: string }
  | { type: 'step.succeeded'; stepId: string }
  | { type: 'step.skipped'; stepId: string; reason: string }
  | { type: 'step.failed'; stepId: string; error: WireError }
  | { type: 'run.paused'; by: string }
  | { type: 'rollback.started'; by: string; door?: Door }
  | { type: 'step.compensated'; stepId: string }
  | { type: 'compensation.failed'; stepId: string; error: WireError }
  | { type: 'run.succeeded' }
  | { type: 'run.rolled-back' }
  /** A torn last line (a crash mid-write, never acted on) was cut off when the run was reopened; its text is kept here. */
  | { type: 'journal.torn-line-removed'; text: string };

/** Steps that take production storage away, and the ones that give it back: the downtime window. */
export const takesStorageAway: ReadonlySet<StepKind> = new Set(['enter-dsrm', 'stop-resources', 'suspend-resources', 'mask-originals']);
/**
 * The last of these in a plan gives production back: the application restarted on its disks, else the disks online,
 * else (without a cluster) the LUNs unmasked; a domain controller serves again once it left DSRM. Downtime ends with
 * the application, not with the disks under it.
 */
const givesStorageBack: ReadonlySet<StepKind> = new Set([
  'unmask-shadows',
  'start-resources',
  'resume-resources',
  'start-dependents',
  'leave-dsrm',
]);

/** The steps from the first that takes production storage away to the one that gives it back: the outage's steps. */
export function outageWindow<T extends { kind: StepKind }>(steps: readonly T[]): T[] {
  const from = steps.findIndex((step) => takesStorageAway.has(step.kind));
  let to = -1;
  steps.forEach((step, index) => {
    if (givesStorageBack.has(step.kind)) to = index;
  });
  return from === -1 || to < from ? [] : steps.slice(from, to + 1);
}

interface StepProgress extends RunStep {
  before: unknown;
  /** Whether a `step.started` was journaled: the effect may be (partly) in place. */
  touched: boolean;
  /** The targets of the operations journaled as started: what may have happened, and what a rollback undoes. */
  happened: Set<string> | null;
}

export interface RunView {
  detail: RunDetail;
  /** Per step, the state captured just before its action ran (what compensation restores). */
  before: Map<string, unknown>;
  touched: Set<string>;
  /** Per step run as operations, the targets of those started (absent: the step ran as one action). */
  happened: Map<string, ReadonlySet<string>>;
  /** The journal says a driver should be working (not finished, paused, failed or waiting). */
  inMotion: boolean;
  lastDriverPid: number | null;
}

/**
 * The plan a journal holds, checked against this version's plan schema before anything is driven from it:
 * a step whose params do not fit its kind would fail half-way through an action, or compensate the wrong things.
 */
function journaledPlan(plan: unknown, journalFile: string): RecoveryPlan {
  const parsed = RecoveryPlan.safeParse(plan);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const [field, index, ...rest] = issue?.path ?? [];
  const step =
    field === 'steps' && typeof index === 'number' ? (plan as { steps: Array<{ id?: unknown; kind?: unknown }> }).steps[index] : undefined;
  const where = step ? `step ${String(step.id)} (${String(step.kind)}): ${rest.slice(1).join('.')}` : (issue?.path ?? []).join('.');
  throw new ShadowSwapError(
    'STATE_UNREADABLE',
    `The run journal ${journalFile} holds a plan this version of ShadowSwap cannot drive: ${where}: ${issue?.message ?? 'not a plan'}. It was written by another version, or changed before it was chained. It was left untouched; the run cannot be resumed or rolled back from it automatically. Keep the file for the incident record, and check the estate against the plan by hand.`,
    { file: journalFile, path: issue?.path.map(String) ?? [] },
  );
}

export function foldRun(records: ReadonlyArray<JournalRecord<RunEvent>>, journalFile: string): RunView {
  const first = records[0]?.event;
  if (!first || first.type !== 'run.created') throw new Error(`${journalFile} does not start with run.created`);
  const plan = journaledPlan(first.plan, journalFile);
  const steps = new Map<string, StepProgress>(
    plan.steps.map((step) => [
      step.id,
      {
        id: step.id,
        title: step.title,
        state: 'pending',
        startedAt: null,
        endedAt: null,
        output: [],
        error: null,
        before: undefined,
        touched: false,
        happened: null,
      },
    ]),
  );
  const kindOf = new Map<string, PlanStep['kind']>(plan.steps.map((step) => [step.id, step.kind]));
  const storageBackStepId = plan.steps.filter((step) => givesStorageBack.has(step.kind)).at(-1)?.id;
  const confirmations: Confirmation[] = [];
  let approval: RunApproval | null = null;
  let state: RunState = 'running';
  let endedAt: string | null = null;
  let downtimeStart: string | null = null;
  let downtimeEnd: string | null = null;
  // Confirmation waits while storage is away: time the outage spent on the operator, not on work.
  let waitingSince: string | null = null;
  let waitingMs = 0;
  const stopWaiting = (at: string) => {
    if (waitingSince !== null) waitingMs += Date.parse(at) - Date.parse(waitingSince);
    waitingSince = null;
  };
  let lastError: string | null = null;
  let lastDriverPid: number | null = null;
  let attentionStepId: string | null = null;

  for (const { event, at } of records.slice(1)) {
    const step = 'stepId' in event ? steps.get(event.stepId) : undefined;
    switch (event.type) {
      case 'driver.attached':
        lastDriverPid = event.pid;
        if (state !== 'rolling-back') state = 'running';
        lastError = null;
        attentionStepId = null;
        break;
      case 'step.awaiting-confirmation':
        if (step) step.state = 'waiting-confirmation';
        state = 'waiting-confirmation';
        attentionStepId = event.stepId;
        if (downtimeStart !== null && downtimeEnd === null) waitingSince ??= at;
        break;
      case 'step.confirmed':
        stopWaiting(at);
        confirmations.push({
          stepId: event.stepId,
          by: event.by,
          door: event.door ?? null,
          typed: event.typed,
          at,
          byApproval: event.byApproval === true,
        });
        if (step) step.state = 'pending';
        state = 'running';
        attentionStepId = null;
        break;
      case 'step.started':
        // A step re-run after an interruption keeps the state captured the first time: that is what was
        // really there before the run touched it, and what compensation must restore.
        if (step)
          Object.assign(step, {
            state: 'running',
            startedAt: at,
            endedAt: null,
            error: null,
            failure: undefined,
            before: step.touched ? step.before : event.before,
            touched: true,
          });
        if (downtimeStart === null && takesStorageAway.has(kindOf.get(event.stepId) as StepKind)) downtimeStart = at;
        break;
      case 'step.output':
        step?.output.push(event.text);
        break;
      case 'operation.started':
        if (step) (step.happened ??= new Set()).add(event.target);
        break;
      case 'operation.ended':
        break;
      case 'step.succeeded':
        if (step) Object.assign(step, { state: 'succeeded', endedAt: at });
        if (event.stepId === storageBackStepId) downtimeEnd = at;
        break;
      case 'step.skipped':
        if (step) Object.assign(step, { state: 'skipped', endedAt: at });
        step?.output.push(`Skipped: ${event.reason}`);
        if (event.stepId === storageBackStepId) downtimeEnd = at;
        break;
      case 'step.failed':
        if (step)
          Object.assign(step, {
            state: 'failed',
            endedAt: at,
            error: event.error.message,
            failure: stepFailure(step.title, event.error, journalFile),
          });
        lastError = event.error.message;
        attentionStepId = event.stepId;
        if (state !== 'rolling-back') state = 'failed';
        break;
      case 'run.paused':
        state = 'paused';
        break;
      case 'rollback.started':
        // The operator answered the wait by rolling back.
        stopWaiting(at);
        state = 'rolling-back';
        lastError = null;
        break;
      case 'step.compensated':
        if (step) Object.assign(step, { state: 'compensated', endedAt: at });
        break;
      case 'compensation.failed':
        if (step)
          Object.assign(step, {
            error: event.error.message,
            failure: stepFailure(`Rolling back: ${step.title}`, event.error, journalFile),
          });
        lastError = event.error.message;
        attentionStepId = event.stepId;
        state = 'failed';
        break;
      case 'run.succeeded':
        state = 'succeeded';
        endedAt = at;
        break;
      case 'run.rolled-back':
        state = 'rolled-back';
        endedAt = at;
        downtimeEnd = at;
        break;
      case 'run.approved': {
        const { type: _type, ...given } = event;
        approval = { ...given, at };
        break;
      }
      case 'run.created':
      case 'journal.torn-line-removed':
        break;
    }
  }

  const stepList = [...steps.values()];
  const startedAt = records[0]?.at ?? '';
  const downtimeMs = downtimeStart !== null && downtimeEnd !== null ? Date.parse(downtimeEnd) - Date.parse(downtimeStart) : null;
  const summary: RunSummary = {
    id: first.runId,
    setId: plan.setId,
    state,
    startedAt,
    endedAt,
    operator: first.operator,
    attentionStepId,
    downtimeMs: downtimeStart === null ? 0 : downtimeMs,
    downtimeWaitingMs: downtimeStart === null ? 0 : downtimeMs === null ? null : waitingMs,
    storageAwaySince: downtimeEnd === null ? downtimeStart : null,
    stepsDone: stepList.filter((s) => s.state === 'succeeded' || s.state === 'skipped').length,
    stepsTotal: stepList.length,
    lastError,
  };
  return {
    detail: {
      ...summary,
      plan,
      steps: stepList.map(({ before: _before, touched: _touched, happened: _happened, ...rest }) => rest),
      confirmations,
      approval,
      journalFile,
    },
    before: new Map(stepList.filter((s) => s.touched).map((s) => [s.id, s.before])),
    touched: new Set(stepList.filter((s) => s.touched).map((s) => s.id)),
    happened: new Map(stepList.flatMap((s) => (s.happened === null ? [] : [[s.id, s.happened] as const]))),
    inMotion: state === 'running' || state === 'rolling-back',
    lastDriverPid,
  };
}
