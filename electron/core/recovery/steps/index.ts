/**
 * The step kinds, one module each, in the order of the procedure: the planner drafts a plan's steps in this
 * order. A new kind is a module beside these, its line here, and its member in PlanStep (shared/recovery.ts).
 */
import type { StepKind, StepParams } from '../../../../shared/recovery';
import { breakSet } from './break-set';
import { enterDsrm } from './enter-dsrm';
import { flagRestoredDatabase } from './flag-restored-database';
import { forensicHold } from './forensic-hold';
import { importSet } from './import-set';
import { leaveDsrm } from './leave-dsrm';
import { makeReadWrite } from './make-read-write';
import { maskOriginals } from './mask-originals';
import { repointResources } from './repoint-resources';
import { rescanNodes } from './rescan-nodes';
import { resumeResources } from './resume-resources';
import { resyncSysvol } from './resync-sysvol';
import { startDependents } from './start-dependents';
import { startResources } from './start-resources';
import { stopResources } from './stop-resources';
import type { DraftInputs } from './draft-inputs';
import type { OperationOutcome, StepContext, StepDraft, StepModule, StepOperation } from './step-module';
import { suspendResources } from './suspend-resources';
import { unmaskShadows } from './unmask-shadows';
import { verify } from './verify';

export type { OperationOutcome, StepContext, StepDraft, StepOperation } from './step-module';

export const stepModules: { [K in StepKind]: StepModule<K> } = {
  'enter-dsrm': enterDsrm,
  'stop-resources': stopResources,
  'suspend-resources': suspendResources,
  'mask-originals': maskOriginals,
  'import-set': importSet,
  'break-set': breakSet,
  'repoint-resources': repointResources,
  'unmask-shadows': unmaskShadows,
  'rescan-nodes': rescanNodes,
  'start-resources': startResources,
  // After the disks are back on the cluster, before maintenance mode ends and before the dependents start: see the module.
  'make-read-write': makeReadWrite,
  'resume-resources': resumeResources,
  'start-dependents': startDependents,
  'flag-restored-database': flagRestoredDatabase,
  'leave-dsrm': leaveDsrm,
  'resync-sysvol': resyncSysvol,
  'forensic-hold': forensicHold,
  verify,
};

/** One step of a plan, its behaviour bound to its params and to where it runs. */
export interface BoundStep {
  /** Null: the step changes nothing, so it always runs and has no effect to check. */
  probe: (() => Promise<boolean>) | null;
  /** The state to journal before the action (null when there is nothing to restore). */
  capture(): Promise<unknown>;
  /** The step's work: one action, or operations the engine runs together (runTogether: the batch form, if any). */
  work:
    | { kind: 'action'; apply(): Promise<void> }
    | {
        kind: 'operations';
        operations: StepOperation[];
        runTogether: ((operations: readonly StepOperation[]) => Promise<ReadonlyMap<string, OperationOutcome>>) | null;
      };
  /** Null: the step cannot be undone. `happened`: the targets of the operations that were started (null: unknown). */
  compensate: ((before: unknown, happened: ReadonlySet<string> | null) => Promise<void>) | null;
}

/** A step done as one action: the engine runs its planned operations one after another, in the order listed. */
export function runsAsOneAction(kind: StepKind): boolean {
  return stepModules[kind].operations === undefined;
}

export function bindStep<K extends StepKind>(step: { kind: K; params: StepParams<K> }, context: StepContext): BoundStep {
  const module: StepModule<K> = stepModules[step.kind];
  const { params } = step;
  const { probe, capture, compensate, apply, operations, runTogether } = module;
  const work: BoundStep['work'] = operations
    ? {
        kind: 'operations',
        operations: operations(context, params),
        runTogether: runTogether ? (together) => runTogether(context, params, together) : null,
      }
    : { kind: 'action', apply: async () => apply?.(context, params) };
  return {
    probe: probe && (() => probe(context, params)),
    capture: async () => (capture ? capture(context, params) : null),
    work,
    compensate: compensate ? (before, happened) => compensate(context, params, before, happened) : null,
  };
}

/** The drafts of every step a plan for this estate takes, in the order of the procedure. */
export function draftSteps(inputs: DraftInputs): StepDraft[] {
  return Object.values(stepModules).flatMap((module): StepDraft[] => module.draft(inputs));
}
