/**
 * The shape of a step kind: one module per kind in this folder, listed in index.ts. A module drafts the
 * kind's steps for a plan (what they will change, why, the operations the backend renders into commands)
 * and carries their behaviour against the Backend port: a probe (is the effect already in place? — what
 * makes resuming after a crash safe), a capture of the state the action will change (journaled before the
 * action, so compensation restores what was really there), the action, and a compensation.
 * Actions are idempotent per target: they only touch what is not yet in the wanted state.
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

export interface StepBehaviour<P> {
  /**
   * Whether the step's effect is already in place: a step whose probe says so is skipped (on a resume, this
   * is what keeps anything from running twice), and after the action the probe must say so, or the step fails.
   * Null for a step that changes nothing (it runs every time it is reached, and has no effect to check).
   */
  probe: ((context: StepContext, params: P) => Promise<boolean>) | null;
  /** The state the action will change, journaled before it runs; absent when there is nothing to restore. */
  capture?(context: StepContext, params: P): Promise<unknown>;
  apply(context: StepContext, params: P): Promise<void>;
  /** Undoes the step from the captured state; absent when the step cannot be undone (a break). */
  compensate?(context: StepContext, params: P, before: unknown): Promise<void>;
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
