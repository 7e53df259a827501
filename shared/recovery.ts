/**
 * Guided recovery as it crosses the boundary: options, preflight verdicts, the plan with its exact
 * commands and before/after diffs, and runs with their steps. The engine's behaviour is in
 * electron/core/recovery; these are the shapes every door shows.
 */
import { z } from 'zod';
import {
  BreakSetParams,
  DomainControllerParams,
  ImportSetParams,
  MakeReadWriteParams,
  MaskParams,
  ReleaseDisksParams,
  RepointResourcesParams,
  ResyncSysvolParams,
  RescanNodesParams,
  ReturnDisksParams,
  StartDependentsParams,
  VerifyParams,
} from './recovery-step-params';
import { LunScope } from './recovery-scope';
import { StepFailure } from './step-failure';

export const ClusterHandling = z.enum(['offline', 'maintenance']);
export const IdentityHandling = z.enum(['revert', 'new-signature']);

export const RecoveryOptions = z
  .object({
    setId: z.string().min(1).max(64),
    /** Take the disk resources offline, or put them in maintenance mode, while the LUNs are swapped. */
    mode: ClusterHandling.default('offline'),
    /** Keep the original disk identity (break with revert), or give new signatures and repoint the resources. */
    identity: IdentityHandling.default('revert'),
    /** A host that receives the damaged originals for forensics; null keeps them masked from everyone. */
    forensicsHost: z.string().min(1).max(63).nullable().default(null),
    verify: z.boolean().default(true),
    /**
     * LUNs of the set (by id or name) that stay in production as they are; the planner refuses one whose consistency
     * group goes back (docs/recovery-procedure.md#leaving-luns-out-of-the-scope).
     */
    leaveOut: z.array(z.string().min(1).max(128)).max(512).default([]),
  })
  .strict();
export type RecoveryOptions = z.output<typeof RecoveryOptions>;
export type RecoveryOptionsInput = z.input<typeof RecoveryOptions>;

export const Verdict = z.enum(['pass', 'warn', 'fail']);
export type Verdict = z.infer<typeof Verdict>;

export const PreflightCheck = z.object({
  id: z.string(),
  title: z.string(),
  verdict: Verdict,
  /** One line: why this verdict. */
  reason: z.string(),
  /** What to do about it; null on a pass. */
  fix: z.string().nullable(),
  /** The public page (Microsoft Learn) that explains the rule, when there is one. */
  learnMore: z.string().url().optional(),
});
export type PreflightCheck = z.infer<typeof PreflightCheck>;

/** One thing a step changes, shown before it runs. */
export const StepChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mask'), lunId: z.string(), lunName: z.string(), before: z.array(z.string()), after: z.array(z.string()) }),
  z.object({ kind: z.literal('resource'), cluster: z.string(), resource: z.string(), before: z.string(), after: z.string() }),
  z.object({ kind: z.literal('snapshot-set'), setId: z.string(), before: z.string(), after: z.string() }),
  z.object({ kind: z.literal('volume'), lunId: z.string(), lunName: z.string(), before: z.string(), after: z.string() }),
  /** A setting of a host: a domain controller's boot mode, a registry value, SYSVOL's state. */
  z.object({ kind: z.literal('host-setting'), host: z.string(), setting: z.string(), before: z.string(), after: z.string() }),
]);
export type StepChange = z.infer<typeof StepChange>;

export const CommandPreview = z.object({
  tool: z.enum(['diskshadow', 'diskraid', 'vshadow', 'powershell']),
  /** The host the command runs on; a PowerShell command is started on the console, which reaches that host by remoting. */
  runsOn: z.string(),
  text: z.string(),
});
export type CommandPreview = z.infer<typeof CommandPreview>;

/** What every plan step shows and journals, whatever its kind. */
const planStepFields = {
  title: z.string(),
  why: z.string(),
  destructive: z.boolean(),
  /** What the operator must type to confirm a destructive step (the cluster or LUN name). */
  confirmPhrase: z.string().nullable(),
  changes: z.array(StepChange),
  commands: z.array(CommandPreview),
  /** True when the active backend is the Lab: the commands are what Windows would run, simulated here. */
  commandsSimulated: z.boolean(),
  undo: z.string(),
};

/** A plan step of one kind, with that kind's params: everything it needs to run, resume and compensate. */
function planStepOf<K extends string, P extends z.ZodType>(kind: K, params: P) {
  return z.object({ id: z.string(), kind: z.literal(kind), ...planStepFields, params });
}

/** One member per step kind, in the order of the procedure. */
export const PlanStep = z.discriminatedUnion('kind', [
  planStepOf('enter-dsrm', DomainControllerParams),
  planStepOf('stop-resources', ReleaseDisksParams),
  planStepOf('suspend-resources', ReleaseDisksParams),
  planStepOf('mask-originals', MaskParams),
  planStepOf('import-set', ImportSetParams),
  planStepOf('break-set', BreakSetParams),
  planStepOf('repoint-resources', RepointResourcesParams),
  planStepOf('unmask-shadows', MaskParams),
  planStepOf('rescan-nodes', RescanNodesParams),
  planStepOf('start-resources', ReturnDisksParams),
  planStepOf('make-read-write', MakeReadWriteParams),
  planStepOf('resume-resources', ReturnDisksParams),
  planStepOf('start-dependents', StartDependentsParams),
  planStepOf('flag-restored-database', DomainControllerParams),
  planStepOf('leave-dsrm', DomainControllerParams),
  planStepOf('resync-sysvol', ResyncSysvolParams),
  planStepOf('forensic-hold', MaskParams),
  planStepOf('verify', VerifyParams),
]);
export type PlanStep = z.infer<typeof PlanStep>;

export const StepKind = z.enum(PlanStep.options.map((option) => option.shape.kind.value));
export type StepKind = PlanStep['kind'];

/** The params of one kind of step. */
export type StepParams<K extends StepKind> = Extract<PlanStep, { kind: K }>['params'];

/**
 * What recovering a domain controller means for its domain, said before anything runs: a non-authoritative
 * restore on a DC with partners (their changes since the snapshot come back), or the only DC's database as it
 * was (every change since is lost) (docs/recovery-procedure.md#domain-controllers-recognition-and-preflight).
 */
export const DomainControllerPlan = z.object({
  host: z.string(),
  domain: z.string(),
  /** How many DCs the domain has, this one included. */
  domainControllers: z.number().int().positive(),
  restore: z.enum(['only-dc', 'one-of-several']),
  /** What this kind of restore brings back and what it cannot, in the operator's words. */
  consequences: z.array(z.string()),
  /** The boot/system volume is in the set (boot from SAN): the swap happens with the DC shut down, imported on another host. */
  offlineSwap: z.boolean(),
});
export type DomainControllerPlan = z.infer<typeof DomainControllerPlan>;

/**
 * How long the plan keeps production storage away, from the backend's expected durations: as the engine will run it
 * (at most so many operations of a step at once), and the least its operations allow (the critical path). Null when
 * a duration is not known (a Windows estate without measured runs).
 */
export const PlanTiming = z.object({
  expectedOutageMs: z.number().nonnegative().nullable(),
  criticalPathMs: z.number().nonnegative().nullable(),
});
export type PlanTiming = z.infer<typeof PlanTiming>;

export const RecoveryPlan = z.object({
  options: RecoveryOptions,
  backend: z.string(),
  setId: z.string(),
  setCreatedAt: z.string(),
  /** The host that imports the set: the owner node in a cluster, else the set's source host. */
  importHost: z.string(),
  cluster: z.string().nullable(),
  /** The LUNs swapped (those left out are in `scope` only), and their shadow copy LUNs in the same order. */
  originalLunIds: z.array(z.string()),
  shadowLunIds: z.array(z.string()),
  preflight: z.array(PreflightCheck),
  /** True when a check failed: the plan can be reviewed but not run. */
  blocked: z.boolean(),
  steps: z.array(PlanStep),
  /**
   * What an approval of this plan must name: a digest of what its destructive steps change, so an approval given
   * at review covers exactly the plan that runs. Absent in journals written before approvals existed.
   */
  approvalDigest: z.string().optional(),
  /** Per LUN of the set: damaged, healthy in a damaged LUN's group, or unrelated; and whether it is left out (absent in older journals). */
  scope: z.array(LunScope).optional(),
  /** The arrays holding the LUNs swapped, by name (absent in older journals). */
  arrays: z.array(z.string()).optional(),
  /** Set when the set's source host is a domain controller; plans journaled before it read as null. */
  domainController: DomainControllerPlan.nullable().default(null),
  /** Absent in plans made before it was computed. */
  timing: PlanTiming.optional(),
});
export type RecoveryPlan = z.infer<typeof RecoveryPlan>;

export const StepState = z.enum(['pending', 'waiting-confirmation', 'running', 'succeeded', 'failed', 'skipped', 'compensated']);
export type StepState = z.infer<typeof StepState>;

/**
 * running: a driver is working on it; waiting-confirmation: a destructive step waits for the operator;
 * paused: stopped on request, resumable; interrupted: its process ended mid-run (crash), resumable;
 * failed: a step failed, resume or roll back; succeeded / rolled-back: finished; damaged: its journal
 * cannot be read, so it can be neither resumed nor rolled back by ShadowSwap (its LUN claims stay held).
 */
export const RunState = z.enum([
  'running',
  'waiting-confirmation',
  'paused',
  'interrupted',
  'failed',
  'rolling-back',
  'succeeded',
  'rolled-back',
  'damaged',
]);
export type RunState = z.infer<typeof RunState>;

/** The console a person acted through: the desktop app, the browser console (the gateway), or the CLI. */
export const Door = z.enum(['desktop', 'browser', 'cli']);
export type Door = z.infer<typeof Door>;

export const doorLabels: Record<Door, string> = { desktop: 'desktop app', browser: 'browser console', cli: 'command line' };

/** Who confirmed, and through which door; door is null in journals written before doors were recorded. */
export const Confirmation = z.object({
  stepId: z.string(),
  by: z.string(),
  door: Door.nullable(),
  typed: z.string(),
  at: z.string(),
  /** Passed under the run's plan-wide approval (nobody was asked at this step). */
  byApproval: z.boolean().default(false),
});
export type Confirmation = z.infer<typeof Confirmation>;

/**
 * One approval before the outage, given at the end of the review: the operator types the cluster (or host) name
 * once, with the change reference and the reason, for every destructive step of the plan with that digest.
 * pauseBeforeEachStep keeps the approval on record but still stops before each destructive step.
 */
export const PlanApproval = z
  .object({
    typed: z.string().max(200),
    change: z.string().max(100),
    reason: z.string().max(1000),
    planDigest: z.string().max(128),
    pauseBeforeEachStep: z.boolean().default(false),
  })
  .strict();
export type PlanApproval = z.output<typeof PlanApproval>;
export type PlanApprovalInput = z.input<typeof PlanApproval>;

/** An approval as the journal holds it: who gave it, through which door, and when. */
export const RunApproval = z.object({
  by: z.string(),
  door: Door.nullable(),
  at: z.string(),
  typed: z.string(),
  change: z.string(),
  reason: z.string(),
  planDigest: z.string(),
  pauseBeforeEachStep: z.boolean(),
});
export type RunApproval = z.infer<typeof RunApproval>;

export const RunStep = z.object({
  id: z.string(),
  title: z.string(),
  state: StepState,
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  output: z.array(z.string()),
  error: z.string().nullable(),
  /** A failed step in the operator's terms (what happened, where to look, what to do); absent from older consoles. */
  failure: StepFailure.nullable().optional(),
});
export type RunStep = z.infer<typeof RunStep>;

export const RunSummary = z.object({
  id: z.string(),
  setId: z.string(),
  state: RunState,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  operator: z.string(),
  /** The step waiting for a confirmation, or the one that failed: what the operator must act on. */
  attentionStepId: z.string().nullable(),
  /** From the first step that took production storage away until it was back; null if not yet back. */
  downtimeMs: z.number().nullable(),
  /**
   * Of downtimeMs, the time the run waited for an operator's confirmation while storage was away; the rest is
   * work. Null while storage is not back.
   */
  downtimeWaitingMs: z.number().nullable(),
  /**
   * The least time the outage's operations allowed, as this run measured them (its critical path): null until every
   * step of the outage is done; absent from older consoles.
   */
  operationsAllowMs: z.number().nullable().optional(),
  /** When the first step took production storage away, while it is still away; null when production has its storage. */
  storageAwaySince: z.string().nullable(),
  stepsDone: z.number(),
  stepsTotal: z.number(),
  lastError: z.string().nullable(),
  /** Only for a damaged run: why its journal cannot be read, the LUNs it still holds, and who released them. */
  damage: z
    .object({
      reason: z.string(),
      heldLunIds: z.array(z.string()),
      released: z.object({ by: z.string(), at: z.string() }).nullable(),
    })
    .optional(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const RunDetail = RunSummary.extend({
  plan: RecoveryPlan,
  steps: z.array(RunStep),
  confirmations: z.array(Confirmation),
  /** The plan-wide approval given before the run started; null when each destructive step was confirmed on its own. */
  approval: RunApproval.nullable().default(null),
  journalFile: z.string(),
});
export type RunDetail = z.infer<typeof RunDetail>;

/** What the operator types to roll a run back: the same name its confirmations use (cluster, else host). */
export function rollbackPhrase(plan: Pick<RecoveryPlan, 'cluster' | 'importHost'>): string {
  return plan.cluster ?? plan.importHost;
}

/** The outage split into work and the operator's confirmation waits (null while storage is not back). */
export function downtimeSplit(run: Pick<RunSummary, 'downtimeMs' | 'downtimeWaitingMs'>): {
  workMs: number | null;
  waitingMs: number | null;
} {
  if (run.downtimeMs === null || run.downtimeWaitingMs === null) return { workMs: null, waitingMs: null };
  return { workMs: run.downtimeMs - run.downtimeWaitingMs, waitingMs: run.downtimeWaitingMs };
}
