/**
 * The shape of a step kind: one module per kind in this folder, listed in index.ts. A module drafts the
 * kind's steps for a plan (what they will change, why, the operations the backend renders into commands)
 * and carries their behaviour against the Backend port: a probe (is the effect already in place? — what
 * makes resuming after a crash safe), a capture of the state the action will change (journaled before the
 * action, so compensation restores what was really there), the action, and a compensation.
 * Actions are idempotent per target: they only touch what is not yet in the wanted state. A step that changes
 * several objects lists them as operations instead of one action: the engine runs them together, as
 * operation-order.ts allows, and journals each one.
 */
import type { OperationResult } from '../../../../shared/domain';
import type { PlanStep, StepKind, StepParams } from '../../../../shared/recovery';
import type { Backend, PlannedOperation } from '../../backend';
import type { DraftInputs } from './draft-inputs';

export interface StepContext {
  backend: Backend;
  /** Streams a line of output to the journal and to every door. */
  log(text: string): void;
}

/** A step before its commands are rendered: the operations it will ask of the backend, in order. */
export type StepDraft<K extends StepKind = StepKind> = K extends StepKind
  ? Omit<Extract<PlanStep, { kind: K }>, 'id' | 'commands' | 'commandsSimulated'> & { operations: PlannedOperation[] }
  : never;

/** One operation of a step: one object changed, by one backend call or by the tool's batch form with its siblings. */
export interface StepOperation {
  /** What it asks of the backend, as the plan lists it: what the engine's ordering rules (operation-order.ts) read. */
  planned: PlannedOperation;
  /** The object, in the operator's words ("Cluster Disk 1", "SQL-DATA"), unique in its step: the journal names the operation by it. */
  target: string;
  /** What it does, in the operator's words ("take Cluster Disk 1 offline"). */
  action: string;
  /** Whether its effect is in place now: what a failed call is read back with. */
  probe(): Promise<boolean>;
  /**
   * Reads the object and changes it only if its effect is not in place (so on a resume nothing runs twice), in one
   * read as the step did before it had operations; says which it was.
   */
  run(): Promise<OperationOutcome>;
}

export type OperationOutcome = 'done' | 'already-in-place';

export interface StepBehaviour<P> {
  /**
   * Whether the step's effect is already in place: a step whose probe says so is skipped (on a resume, this
   * is what keeps anything from running twice), and after the action the probe must say so, or the step fails.
   * Null for a step that changes nothing (it runs every time it is reached, and has no effect to check).
   */
  probe: ((context: StepContext, params: P) => Promise<boolean>) | null;
  /** The state the action will change, journaled before it runs; absent when there is nothing to restore. */
  capture?(context: StepContext, params: P): Promise<unknown>;
  /** The action of a step that changes one thing, or several in one call. */
  apply?(context: StepContext, params: P): Promise<void>;
  /** The action of a step that changes several objects: one operation each, which the engine runs and journals. */
  operations?(context: StepContext, params: P): StepOperation[];
  /** The tool's batch form: several of this step's operations in one call (operation-order.ts says which go together). */
  runTogether?(context: StepContext, params: P, operations: readonly StepOperation[]): Promise<ReadonlyMap<string, OperationOutcome>>;
  /**
   * Undoes the step from the captured state; absent when the step cannot be undone (a break). `happened`: the
   * targets of the operations the journal says were started (null: not known, so every target is restored).
   */
  compensate?(context: StepContext, params: P, before: unknown, happened: ReadonlySet<string> | null): Promise<void>;
}

export interface StepModule<K extends StepKind> extends StepBehaviour<StepParams<K>> {
  /** This kind's steps in a plan for this estate, in order; none when the procedure does not need it here. */
  draft(inputs: DraftInputs): Array<StepDraft<K>>;
}

export function report(context: StepContext, result: OperationResult): void {
  context.log(result.summary);
  for (const change of result.changes) context.log(`  ${change}`);
  for (const warning of result.warnings) context.log(`  Warning: ${warning}`);
}
