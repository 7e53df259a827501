/**
 * The recovery engine: a journaled state machine over a plan's steps. Every decision is journaled and
 * flushed before the action it announces, so a crash at any point leaves a run that resumes (each step's
 * probe tells whether its effect is already in place, so nothing runs twice) or rolls back (compensations
 * in reverse order, from the state captured before each step). Destructive steps wait for a confirmation
 * that names what will change. Nothing is ever deleted.
 */
import fs from 'node:fs';
import os from 'node:os';
import { ShadowSwapError, toWireError } from '../../../shared/errors';
import {
  RecoveryOptions,
  rollbackPhrase,
  type Door,
  type PlanApproval,
  type RecoveryOptionsInput,
  type RecoveryPlan,
  type RunDetail,
  type RunSummary,
} from '../../../shared/recovery';
import type { Backend } from '../backend';
import type { EventBus } from '../rpc/event-bus';
import { approvalCovers, refuseUnlessApproves } from './approval';
import { Journal, readJournal, type JournalRecord } from './journal';
import { osAccountName, type Actor } from './operator';
import { planRecovery } from './planner';
import { foldRun, type RunEvent, type RunView } from './run-events';
import { RunStore } from './run-store';
import { refuseRollbackAfterNormalStart } from './domain-controller';
import { unitsOf } from './operation-order';
import { measuredCriticalPathMs } from './outage-limit';
import { bindStep, type OperationOutcome, type StepContext, type StepOperation } from './steps';

export interface EngineDeps {
  backend: Backend;
  dataDir: string;
  bus: EventBus;
  /** Who acts when a call does not say: the CLI's --operator, the desktop app's account; default the OS user. */
  operator?: string;
  /** The door of the process that built this engine, for decisions whose caller does not say (default the CLI). */
  door?: Door;
  machine?: string;
  /** How long one step may take before the run says its outcome is unknown (default 35 minutes). */
  stepTimeoutMs?: number;
  /** How many operations of one step may run at once (default 8): operation-order.ts says which may. */
  operationsAtOnce?: number;
}

export const DEFAULT_OPERATIONS_AT_ONCE = 8;

/**
 * Longer than any tool's own timeout (diskshadow and vshadow: 30 minutes, in the Windows runner), so that on
 * Windows the tool's own timeout, which stops the tool, ends a step first.
 */
export const DEFAULT_STEP_TIMEOUT_MS = 35 * 60_000;

export interface DriveOptions {
  /** Confirm destructive steps without asking (the CLI's --yes); journaled as such, with who. */
  autoConfirm?: boolean;
  /** Who decides (confirms, rolls back); what it leaves out is this engine's operator and door. */
  actor?: Actor;
}

const FINISHED = new Set(['succeeded', 'rolled-back']);

export class RecoveryEngine {
  private readonly backend: Backend;
  private readonly bus: EventBus;
  private readonly store: RunStore;
  readonly operator: string;
  private readonly door: Door;
  private readonly machine: string;
  private readonly stepTimeoutMs: number;
  private readonly operationsAtOnce: number;
  /** Runs this process is driving now, with their pause requests and completion. */
  private readonly active = new Map<string, { pause: boolean; done: Promise<void> }>();
  /**
   * The journal of each run this process is attached to, kept open with its records in memory: the driver
   * lock makes this process its only writer, so nothing is re-read from disk between events.
   */
  private readonly driving = new Map<string, { journal: Journal<RunEvent>; records: Array<JournalRecord<RunEvent>> }>();

  constructor(deps: EngineDeps) {
    this.backend = deps.backend;
    this.bus = deps.bus;
    this.store = new RunStore(deps.dataDir);
    this.operator = deps.operator ?? osAccountName();
    this.door = deps.door ?? 'cli';
    this.machine = deps.machine ?? os.hostname();
    this.stepTimeoutMs = deps.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
    this.operationsAtOnce = Math.max(1, deps.operationsAtOnce ?? DEFAULT_OPERATIONS_AT_ONCE);
  }

  async plan(input: RecoveryOptionsInput): Promise<RecoveryPlan> {
    const options = RecoveryOptions.parse(input);
    const claims = this.liveClaims();
    return planRecovery(
      {
        backend: this.backend,
        claimedBy: this.claimedBy(),
        busyImportHosts: new Map([...claims.values()].map((claim) => [claim.importHost.toUpperCase(), claim.runId])),
        operationsAtOnce: this.operationsAtOnce,
      },
      options,
    );
  }

  /**
   * Plans again from the live estate (never trusting a plan the caller kept), refuses a blocked plan,
   * unacknowledged warnings or an approval that does not name this plan, claims the LUNs, journals the plan
   * (and the approval, before any step) and starts driving.
   */
  async start(
    input: RecoveryOptionsInput,
    acknowledged: readonly string[],
    drive: DriveOptions = {},
    approval?: PlanApproval,
  ): Promise<RunSummary> {
    const plan = await this.plan(input);
    const failed = plan.preflight.filter((check) => check.verdict === 'fail');
    if (failed.length > 0) {
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `Preflight refused this recovery: ${failed.map((c) => `${c.title}: ${c.reason}`).join('; ')}. Fix: ${failed.map((c) => c.fix).join(' ')}`,
        {
          checks: failed.map((c) => c.id),
        },
      );
    }
    const warnings = plan.preflight.filter((check) => check.verdict === 'warn');
    const unacknowledged = warnings.filter((check) => !acknowledged.includes(check.id) && !acknowledged.includes('all'));
    if (unacknowledged.length > 0) {
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `These warnings must be acknowledged before the run starts: ${unacknowledged.map((c) => `${c.id} (${c.reason})`).join('; ')}.`,
        {
          unacknowledged: unacknowledged.map((c) => c.id),
        },
      );
    }
    if (approval !== undefined) refuseUnlessApproves(plan, approval);
    const runId = this.store.newRunId();
    const created: RunEvent = {
      type: 'run.created',
      runId,
      plan,
      operator: drive.actor?.name ?? this.operator,
      machine: this.machine,
      acknowledgedWarnings: warnings.map((c) => c.id),
    };
    await this.store.claim(
      runId,
      plan.originalLunIds,
      plan.importHost,
      (other) => this.isFinished(other),
      () => writeFirstEvent(this.store.journalFile(runId), created),
    );
    return this.decideThenDrive(
      runId,
      async () => {
        if (approval !== undefined)
          await this.append(runId, {
            type: 'run.approved',
            ...this.who(drive),
            typed: approval.typed.trim(),
            change: approval.change.trim(),
            reason: approval.reason.trim(),
            planDigest: approval.planDigest,
            pauseBeforeEachStep: approval.pauseBeforeEachStep,
          });
        return 'forward';
      },
      drive,
    );
  }

  /** Every run, newest first; a run whose journal cannot be read is listed as damaged, never left out. */
  list(): RunSummary[] {
    return this.store.runIds().map((runId) => this.listed(runId));
  }

  /**
   * Frees the LUNs held by a run whose journal cannot be read (so it can be neither resumed nor rolled
   * back): the operator, having checked the estate, confirms by typing the run's id. The release is
   * journaled beside the run (who, when, why, which LUNs); the damaged journal itself is left untouched.
   */
  async release(runId: string, typed: string, drive: DriveOptions = {}): Promise<RunSummary> {
    this.mustExist(runId);
    const damage = this.damageOf(runId);
    if (damage === null)
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `Run ${runId} can be read, so its LUNs are freed by finishing it: resume it or roll it back (shadowswap runs show ${runId}). Release is only for a run whose journal is damaged.`,
      );
    if (!drive.autoConfirm && typed.trim() !== runId)
      throw new ShadowSwapError('PRECONDITION_FAILED', `The confirmation did not match: type "${runId}" exactly to release its LUNs.`);
    if (!this.store.attachDriver(runId))
      throw new ShadowSwapError('BUSY', `Run ${runId} is in use by another ShadowSwap process (pid ${this.store.liveDriver(runId)}).`);
    try {
      const releaseFile = this.store.releaseFile(runId);
      if (fs.existsSync(releaseFile))
        throw new ShadowSwapError('PRECONDITION_FAILED', `The LUNs of run ${runId} were released already (see ${releaseFile}).`);
      const lunIds = this.store.lunsHeldBy(runId);
      await writeFirstEvent<ReleaseEvent>(releaseFile, {
        type: 'claims.released',
        runId,
        lunIds,
        by: this.who(drive).by,
        machine: this.machine,
        typed: typed.trim(),
        reason: damage,
      });
      await this.store.release(runId);
    } finally {
      this.store.detachDriver(runId);
    }
    return this.damagedSummary(runId, new Error(damage));
  }

  get(runId: string): RunDetail {
    this.mustExist(runId);
    return this.viewOf(runId).detail;
  }

  /** Resolves when this process stops driving the run (finished, waiting, paused or failed). */
  async settled(runId: string): Promise<RunSummary> {
    await this.active.get(runId)?.done;
    return this.summary(runId);
  }

  /** The operator confirms a destructive step by typing its phrase; the run then goes on. */
  async confirm(runId: string, stepId: string, typed: string, drive: DriveOptions = {}): Promise<RunSummary> {
    this.mustExist(runId);
    return this.decideThenDrive(
      runId,
      async () => {
        const view = this.viewOf(runId);
        const step = view.detail.plan.steps.find((s) => s.id === stepId);
        if (!step || view.detail.steps.find((s) => s.id === stepId)?.state !== 'waiting-confirmation') {
          throw new ShadowSwapError('PRECONDITION_FAILED', `Step ${stepId} of run ${runId} is not waiting for a confirmation.`);
        }
        if (typed.trim() !== step.confirmPhrase) {
          throw new ShadowSwapError(
            'PRECONDITION_FAILED',
            `The confirmation did not match: type "${step.confirmPhrase}" exactly to ${step.title.toLowerCase()}.`,
          );
        }
        const { by, door } = this.who(drive);
        await this.append(runId, { type: 'step.confirmed', stepId, by, door, typed: typed.trim() });
        return 'forward';
      },
      drive,
    );
  }

  /** Stops the run after its current step; a run waiting for a confirmation is paused at once. */
  async pause(runId: string): Promise<RunSummary> {
    const active = this.active.get(runId);
    if (active) {
      active.pause = true;
      return this.summary(runId);
    }
    if (this.summary(runId).state !== 'waiting-confirmation') {
      throw new ShadowSwapError('PRECONDITION_FAILED', `Run ${runId} is not running in this console, so there is nothing to pause.`);
    }
    return this.decideThenDrive(runId, async () => {
      if (this.summary(runId).state !== 'waiting-confirmation')
        throw new ShadowSwapError('PRECONDITION_FAILED', `Run ${runId} went on meanwhile; pause it where it runs now.`);
      await this.append(runId, { type: 'run.paused', by: this.operator });
      return null;
    });
  }

  async resume(runId: string, drive: DriveOptions = {}): Promise<RunSummary> {
    const summary = this.summary(runId);
    if (FINISHED.has(summary.state))
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `Run ${runId} has ${summary.state === 'succeeded' ? 'succeeded' : 'been rolled back'}; there is nothing to resume.`,
      );
    await this.refuseIfBackendNotReady(`resume run ${runId}`);
    return this.decideThenDrive(
      runId,
      async () => {
        const { detail } = this.viewOf(runId);
        if (FINISHED.has(detail.state))
          throw new ShadowSwapError(
            'PRECONDITION_FAILED',
            `Run ${runId} finished meanwhile (${detail.state}); there is nothing to resume.`,
          );
        // A rollback that stopped part-way goes on rolling back: resuming forward would redo what it undid.
        return detail.state === 'failed' && detail.steps.some((s) => s.state === 'compensated') ? 'rollback' : 'forward';
      },
      drive,
    );
  }

  /** Undoes every step the run touched, in reverse order; confirmed by typing the run's phrase. */
  async rollback(runId: string, typed: string, drive: DriveOptions = {}): Promise<RunSummary> {
    const view = this.viewOf(runId);
    if (FINISHED.has(view.detail.state))
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `Run ${runId} has already ${view.detail.state === 'succeeded' ? 'succeeded' : 'been rolled back'}.`,
      );
    await refuseRollbackAfterNormalStart(this.backend, view.detail);
    const phrase = rollbackPhrase(view.detail.plan);
    if (!drive.autoConfirm && typed.trim() !== phrase) {
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `The confirmation did not match: type "${phrase}" exactly to roll back run ${runId}.`,
      );
    }
    if (this.active.has(runId)) throw new ShadowSwapError('BUSY', `Run ${runId} is running; pause it first, then roll back.`);
    await this.refuseIfBackendNotReady(`roll back run ${runId}`);
    return this.decideThenDrive(
      runId,
      async () => {
        const { detail } = this.viewOf(runId);
        if (FINISHED.has(detail.state))
          throw new ShadowSwapError(
            'PRECONDITION_FAILED',
            `Run ${runId} finished meanwhile (${detail.state}); there is nothing to roll back.`,
          );
        await refuseRollbackAfterNormalStart(this.backend, detail);
        await this.append(runId, { type: 'rollback.started', ...this.who(drive) });
        return 'rollback';
      },
      drive,
    );
  }

  /** A run may be resumed from another console: check that this one can run the tools at all. */
  private async refuseIfBackendNotReady(what: string): Promise<void> {
    const failed = (await this.backend.preflightChecks()).filter((check) => check.verdict === 'fail');
    if (failed.length > 0) {
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `This console cannot ${what}: ${failed.map((c) => `${c.reason}. ${c.fix ?? ''}`).join(' ')}`,
        { checks: failed.map((c) => c.id) },
      );
    }
  }

  // ---- driving ----

  /**
   * Every journal write happens here: this process takes the run's driver lock and opens its journal
   * (read fresh, under the lock), `decide` checks the operator's request against that and journals it,
   * then the engine drives on in the direction decided, or lets go. Two consoles acting on one run at once
   * therefore never both write its journal (which would fork its hash chain and stop it from resuming):
   * the second is refused with BUSY before it has written anything.
   */
  private async decideThenDrive(
    runId: string,
    decide: () => Promise<'forward' | 'rollback' | null>,
    drive: DriveOptions = {},
  ): Promise<RunSummary> {
    if (this.active.has(runId))
      throw new ShadowSwapError('BUSY', `Run ${runId} is running in this console; wait for its current step, or pause it.`);
    if (!this.store.attachDriver(runId)) {
      throw new ShadowSwapError(
        'BUSY',
        `Run ${runId} is being driven by another ShadowSwap process (pid ${this.store.liveDriver(runId)}). Watch it there, or wait for it to stop.`,
      );
    }
    const control = { pause: false, done: Promise.resolve() };
    this.active.set(runId, control);
    let direction: 'forward' | 'rollback' | null;
    try {
      const opened = await Journal.reopen<RunEvent>(this.store.journalFile(runId), (text) => ({ type: 'journal.torn-line-removed', text }));
      this.driving.set(runId, { journal: opened.journal, records: opened.read.records });
      direction = await decide();
    } catch (error) {
      await this.detach(runId);
      throw error;
    }
    if (direction === null) {
      await this.detach(runId);
      return this.summary(runId);
    }
    const chosen = direction;
    control.done = (async () => {
      try {
        await this.append(runId, { type: 'driver.attached', pid: process.pid, by: this.operator });
        if (chosen === 'forward') await this.driveForward(runId, control, drive);
        else await this.driveRollback(runId);
      } catch (error) {
        // The journal could not be written or read: stop here; the run stays resumable from what is on disk.
        this.bus.emit('run.output', { runId, stepId: null, text: `The engine stopped: ${toWireError(error).message}` });
      } finally {
        await this.detach(runId);
      }
    })();
    return this.summary(runId);
  }

  /** Closes the run's journal and gives up its driver lock. */
  private async detach(runId: string): Promise<void> {
    const { journal } = this.driving.get(runId) ?? {};
    this.driving.delete(runId);
    await journal?.close().catch(() => undefined);
    this.active.delete(runId);
    this.store.detachDriver(runId);
    this.publish(runId);
  }

  private async driveForward(runId: string, control: { pause: boolean }, drive: DriveOptions): Promise<void> {
    const { plan } = this.viewOf(runId).detail;
    for (const step of plan.steps) {
      const view = this.viewOf(runId);
      const progress = view.detail.steps.find((s) => s.id === step.id);
      if (progress?.state === 'succeeded' || progress?.state === 'skipped') continue;
      if (control.pause) {
        await this.append(runId, { type: 'run.paused', by: this.operator });
        return;
      }
      const confirmed = view.detail.confirmations.some((c) => c.stepId === step.id);
      if (step.destructive && !confirmed && approvalCovers(view.detail.approval, plan, step)) {
        // Journaled per step, so the record shows every destructive step passed and under whose approval.
        const { by, door, typed } = view.detail.approval;
        await this.append(runId, {
          type: 'step.confirmed',
          stepId: step.id,
          by,
          ...(door === null ? {} : { door }),
          typed,
          byApproval: true,
        });
      } else if (step.destructive && !confirmed) {
        if (!drive.autoConfirm) {
          await this.append(runId, { type: 'step.awaiting-confirmation', stepId: step.id });
          return;
        }
        // Flushed with the step's start (or skip, or failure), which is awaited before anything acts on it.
        this.appendInPassing(runId, { type: 'step.confirmed', stepId: step.id, ...this.who(drive), typed: step.confirmPhrase ?? '' });
      }
      const behaviour = bindStep(step, this.stepContext(runId, step.id));
      try {
        if (behaviour.probe && (await behaviour.probe())) {
          await this.append(runId, {
            type: 'step.skipped',
            stepId: step.id,
            reason: view.touched.has(step.id) ? 'its effect was already in place when the run resumed' : 'its effect is already in place',
          });
          continue;
        }
        await this.append(runId, { type: 'step.started', stepId: step.id, before: await behaviour.capture() });
        const { work } = behaviour;
        await this.awaitOverdue(
          step.title,
          work.kind === 'action' ? work.apply() : this.runOperations(runId, step, work.operations, work.runTogether),
          this.stepContext(runId, step.id),
        );
        if (behaviour.probe && !(await behaviour.probe())) {
          throw new ShadowSwapError(
            'BACKEND_FAILED',
            `${step.title} reported success, but its effect is not in place. Check the estate, then resume or roll back.`,
          );
        }
        // Flushed with the next step's start: a crash before that leaves the step to be probed again, found in place.
        this.appendInPassing(runId, { type: 'step.succeeded', stepId: step.id });
      } catch (error) {
        await this.append(runId, { type: 'step.failed', stepId: step.id, error: toWireError(error) });
        return;
      }
    }
    await this.append(runId, { type: 'run.succeeded' });
    await this.store.release(runId);
  }

  private async driveRollback(runId: string): Promise<void> {
    const view = this.viewOf(runId);
    const touched = [...view.detail.plan.steps].reverse().filter((step) => view.touched.has(step.id));
    for (const step of touched) {
      if (view.detail.steps.find((s) => s.id === step.id)?.state === 'compensated') continue;
      const context = this.stepContext(runId, step.id);
      const { compensate } = bindStep(step, context);
      if (!compensate) {
        context.log(`${step.title}: cannot be undone (${step.undo})`);
        continue;
      }
      try {
        await compensate(view.before.get(step.id), view.happened.get(step.id) ?? null);
        await this.append(runId, { type: 'step.compensated', stepId: step.id });
      } catch (error) {
        await this.append(runId, { type: 'compensation.failed', stepId: step.id, error: toWireError(error) });
        return;
      }
    }
    await this.append(runId, { type: 'run.rolled-back' });
    await this.store.release(runId);
  }

  /**
   * Runs a step's operations as operation-order.ts allows, at most `operationsAtOnce` calls at a time. Each
   * operation's intent is journaled and flushed before its call starts, and its outcome once the call ended: done,
   * or already in place (each reads its object first and changes it only if needed, so on a resume nothing runs
   * twice). After a failure no new call starts; those running are awaited, and the step fails with what became of
   * every operation.
   */
  private async runOperations(
    runId: string,
    step: { id: string; title: string },
    operations: readonly StepOperation[],
    runTogether: ((operations: readonly StepOperation[]) => Promise<ReadonlyMap<string, OperationOutcome>>) | null,
  ): Promise<void> {
    const units = unitsOf(
      operations.map((o) => o.planned),
      this.operationsAtOnce > 1,
    );
    const outcomes = new Map<StepOperation, { outcome: 'done' | 'already-in-place' | 'failed'; error?: unknown }>();
    // An outcome is flushed with the next line awaited (the next operation's intent, the step's end), so before
    // anything else acts; a crash before that leaves the operation to be probed again on the resume.
    const ended = (stepId: string, operation: StepOperation, outcome: 'done' | 'already-in-place' | 'failed', error?: unknown) => {
      outcomes.set(operation, { outcome, error });
      this.appendInPassing(runId, {
        type: 'operation.ended',
        stepId,
        target: operation.target,
        outcome,
        ...(error === undefined ? {} : { error: toWireError(error).message }),
      });
    };
    /** One call: false when any of its operations failed. Its intents are flushed first; it reads before it acts. */
    const runUnit = async (members: StepOperation[]): Promise<boolean> => {
      await Promise.all(
        members.map((operation) => this.append(runId, { type: 'operation.started', stepId: step.id, target: operation.target })),
      );
      let failure: unknown = null;
      const said = new Map<string, OperationOutcome>();
      try {
        const [only] = members;
        if (members.length === 1 && only) said.set(only.target, await only.run());
        else if (runTogether) for (const [target, outcome] of await runTogether(members)) said.set(target, outcome);
        else for (const operation of members) said.set(operation.target, await operation.run());
      } catch (error) {
        failure = error;
      }
      // After a failed batch each operation is read back: it may have done some before it stopped.
      const readBack = await Promise.all(
        members.map(async (operation) => failure === null || (members.length > 1 && (await operation.probe().catch(() => false)))),
      );
      members.forEach((operation, i) =>
        readBack[i] ? ended(step.id, operation, said.get(operation.target) ?? 'done') : ended(step.id, operation, 'failed', failure),
      );
      return failure === null;
    };

    const state = units.map((): 'waiting' | 'running' | 'ok' | 'failed' => 'waiting');
    const running = new Map<number, Promise<void>>();
    let stopped = false;
    for (;;) {
      if (!stopped)
        for (const [index, unit] of units.entries()) {
          if (running.size >= this.operationsAtOnce) break;
          if (state[index] !== 'waiting' || !unit.after.every((u) => state[u] === 'ok')) continue;
          state[index] = 'running';
          const members = unit.members.map((i) => operations[i] as StepOperation);
          const call = runUnit(members).then((ok) => {
            state[index] = ok ? 'ok' : 'failed';
            if (!ok) stopped = true;
          });
          running.set(
            index,
            call.finally(() => running.delete(index)),
          );
        }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
    const failed = [...outcomes.values()].find((o) => o.outcome === 'failed');
    if (failed === undefined && outcomes.size === operations.length) return;
    // A step of one operation fails with that operation's own error.
    if (operations.length === 1 && failed !== undefined) throw failed.error;
    throw partialFailure(step.title, operations, outcomes, failed?.error);
  }

  /**
   * Waits for a step's action however long it takes: giving up while a tool still runs would report a failure
   * that may yet turn out a success. Past the step timeout the run says, in the step's journaled output, that
   * the outcome is unknown until the action ends; then the probe decides, as after any action.
   */
  private async awaitOverdue<T>(title: string, work: Promise<T>, context: StepContext): Promise<T> {
    const limit = this.stepTimeoutMs < 1000 ? `${this.stepTimeoutMs} ms` : `${Math.round(this.stepTimeoutMs / 1000)} s`;
    const timer = setTimeout(
      () =>
        context.log(
          `${title} has not finished within ${limit}, so its outcome is unknown. The run waits for it to end (a tool is stopped by its own timeout), then checks whether its effect is in place.`,
        ),
      this.stepTimeoutMs,
    );
    try {
      return await work;
    } finally {
      clearTimeout(timer);
    }
  }

  private stepContext(runId: string, stepId: string): StepContext {
    const session = this.driving.get(runId);
    return {
      backend: this.backend,
      log: (text) => {
        // Output is not a decision: the step goes on without waiting, and the journal's queue keeps the line
        // ahead of the step's outcome (a failed write fails that next awaited append). Output arriving after
        // its session ended (a step that outlived its timeout) is shown but not journaled: by then another
        // driver may own the journal, and a second writer would break its chain.
        if (session !== undefined && this.driving.get(runId) === session)
          this.append(runId, { type: 'step.output', stepId, text }).catch(() => undefined);
        this.bus.emit('run.output', { runId, stepId, text });
      },
    };
  }

  // ---- journal and views ----

  /** Journals an event; resolves once it is on disk, and only then may the engine act on it. */
  private async append(runId: string, event: RunEvent): Promise<void> {
    const open = this.driving.get(runId);
    // Only decideThenDrive opens a journal, under the driver lock: writing without it could fork the chain.
    if (!open)
      throw new ShadowSwapError(
        'INTERNAL',
        `Run ${runId}'s journal was written without holding the run; nothing was written. Please report this.`,
      );
    open.records.push(await open.journal.append(event));
    if (event.type !== 'step.output') this.publish(runId);
  }

  /**
   * Journals an event that announces no action, without waiting for it: it is flushed with the next awaited
   * append (the journal keeps their order), and a failed write fails that next append, which stops the run.
   */
  private appendInPassing(runId: string, event: RunEvent): void {
    this.append(runId, event).catch(() => undefined);
  }

  private publish(runId: string): void {
    this.bus.emit('run.updated', this.listed(runId));
  }

  /** A run as `runs` lists it: its summary, or what is known of it when its journal cannot be read. */
  private listed(runId: string): RunSummary {
    try {
      return this.summary(runId);
    } catch (error) {
      return this.damagedSummary(runId, error);
    }
  }

  private viewOf(runId: string): RunView {
    this.mustExist(runId);
    const file = this.store.journalFile(runId);
    try {
      const records = this.driving.get(runId)?.records ?? readJournal<RunEvent>(file).records;
      const view = foldRun(records, file);
      // Known only once the outage is over; not recomputed at every event of a run in motion (it reads every record).
      if (!view.inMotion) view.detail.operationsAllowMs = measuredCriticalPathMs(view.detail.plan, records);
      return view;
    } catch (error) {
      throw new ShadowSwapError(
        'STATE_UNREADABLE',
        `${damageReason(error)} Its LUNs stay claimed, so no other run can take them. Check the estate by hand, then free them with: shadowswap runs release ${runId}`,
        { file },
      );
    }
  }

  private summary(runId: string): RunSummary {
    const { detail, inMotion } = this.viewOf(runId);
    const {
      plan: _plan,
      steps: _steps,
      confirmations: _confirmations,
      approval: _approval,
      journalFile: _journalFile,
      ...summary
    } = detail;
    // The journal says "running" but nobody drives it: its process ended mid-run.
    if (inMotion && !this.active.has(runId) && this.store.liveDriver(runId) === null) return { ...summary, state: 'interrupted' };
    return summary;
  }

  /** Why a run's journal cannot be read, or null when it can. */
  private damageOf(runId: string): string | null {
    try {
      this.viewOf(runId);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }

  /** What `runs` shows for a run whose journal cannot be read: why, the LUNs it holds, and any release. */
  private damagedSummary(runId: string, error: unknown): RunSummary {
    const file = this.store.journalFile(runId);
    const releaseFile = this.store.releaseFile(runId);
    const release = fs.existsSync(releaseFile) ? readReleaseRecord(releaseFile) : null;
    const first = firstRecordOf(file);
    return {
      id: runId,
      setId: first?.event.type === 'run.created' ? first.event.plan.setId : '',
      state: 'damaged',
      startedAt: first?.at ?? fs.statSync(file, { throwIfNoEntry: false })?.mtime.toISOString() ?? '',
      endedAt: release?.at ?? null,
      operator: first?.event.type === 'run.created' ? first.event.operator : '',
      attentionStepId: null,
      downtimeMs: null,
      downtimeWaitingMs: null,
      // Whether its storage is away cannot be read from a damaged journal: the run bar says what is known.
      storageAwaySince: null,
      stepsDone: 0,
      stepsTotal: first?.event.type === 'run.created' ? first.event.plan.steps.length : 0,
      lastError: (error as Error).message,
      damage: {
        reason: (error as Error).message,
        heldLunIds: this.store.lunsHeldBy(runId),
        released: release === null ? null : { by: release.event.by, at: release.at },
      },
    };
  }

  private isFinished(runId: string): boolean {
    try {
      return FINISHED.has(this.summary(runId).state);
    } catch {
      return false;
    }
  }

  /** What holds each LUN for the preflight: an unfinished run, or an unreadable claim (which blocks too). */
  private claimedBy(): Pick<ReadonlyMap<string, string>, 'has' | 'get'> {
    const holder = (lunId: string): string | undefined => {
      const held = this.store.holderOf(lunId);
      if (held === null) return undefined;
      if ('unreadable' in held) return `an unreadable claim (${held.unreadable})`;
      return this.isFinished(held.claim.runId) ? undefined : `run ${held.claim.runId}`;
    };
    return { has: (lunId) => holder(lunId) !== undefined, get: holder };
  }

  private liveClaims() {
    return new Map([...this.store.claims()].filter(([, claim]) => !this.isFinished(claim.runId)));
  }

  /** Who a decision is journaled as: the actor the door named, else this engine's; "(--yes)" when nobody typed it. */
  private who(drive: DriveOptions): { by: string; door: Door } {
    const name = drive.actor?.name ?? this.operator;
    return { by: drive.autoConfirm ? `${name} (--yes)` : name, door: drive.actor?.door ?? this.door };
  }

  private mustExist(runId: string): void {
    if (!this.store.exists(runId)) throw new ShadowSwapError('NOT_FOUND', `There is no run "${runId}". List runs with: shadowswap runs`);
  }
}

/** A step whose operations did not all end done: what became of each, in the operator's words, and what to do next. */
function partialFailure(
  title: string,
  operations: readonly StepOperation[],
  outcomes: ReadonlyMap<StepOperation, { outcome: string; error?: unknown }>,
  cause: unknown,
): ShadowSwapError {
  const wire = toWireError(cause ?? new Error('an operation it waits for did not end done'));
  const said = operations.map((operation) => {
    const ended = outcomes.get(operation);
    const action = operation.action.charAt(0).toUpperCase() + operation.action.slice(1);
    if (ended === undefined) return `${action}: not started (the step stops starting operations at a failure).`;
    if (ended.outcome === 'failed') return `${action}: failed: ${toWireError(ended.error).message}`;
    return `${action}: ${ended.outcome === 'done' ? 'done' : 'already so, not run'}.`;
  });
  const done = [...outcomes.values()].filter((o) => o.outcome !== 'failed').length;
  return new ShadowSwapError(
    wire.code,
    `${title} stopped part-way: ${done} of ${operations.length} operations are in place. ${said.join(' ')} ` +
      'Fix the cause, then resume (each operation is checked first, so none runs twice), or roll back (only what was done is undone).',
    { ...wire.details, operations: operations.map((o) => ({ target: o.target, outcome: outcomes.get(o)?.outcome ?? 'not-started' })) },
  );
}

/** The record of a damaged run's LUNs being released by an operator. */
type ReleaseEvent = {
  type: 'claims.released';
  runId: string;
  lunIds: string[];
  by: string;
  machine: string;
  typed: string;
  reason: string;
};

function readReleaseRecord(file: string): JournalRecord<ReleaseEvent> | null {
  try {
    return readJournal<ReleaseEvent>(file).records[0] ?? null;
  } catch {
    return null;
  }
}

/** The first event of a journal whose chain is broken further on: enough to say which run it was. */
function firstRecordOf(file: string): JournalRecord<RunEvent> | null {
  try {
    const firstLine = fs.readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
    return JSON.parse(firstLine) as JournalRecord<RunEvent>;
  } catch {
    return null;
  }
}

function damageReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /does not start with run\.created/.test(message)
    ? `Its journal holds no complete first event (${message}). The run may never have started, or its journal was emptied.`
    : message;
}

/**
 * A new journal with its first event on disk (name included), or no journal at all: a file whose first
 * event did not reach the disk was never acted on, so removing it loses nothing and leaves no damaged run.
 */
async function writeFirstEvent<E>(file: string, event: E): Promise<void> {
  const journal = Journal.create<E>(file);
  try {
    await journal.append(event);
  } catch (error) {
    await journal.close().catch(() => undefined);
    fs.rmSync(file, { force: true });
    throw error;
  }
  await journal.close();
}
