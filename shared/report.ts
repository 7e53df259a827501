/**
 * A recovery report as it leaves ShadowSwap: everything a change board or an auditor needs about one run,
 * built from the run's journal alone. The JSON export is this model plus its digest; the HTML embeds the
 * same model, so either can be checked later with `shadowswap report verify`. Versioned: a reader refuses
 * a schema it does not know rather than misreading it.
 */
import { z } from 'zod';
import { CommandPreview, Confirmation, Door, PreflightCheck, RecoveryOptions, RunState, StepChange, StepKind, StepState } from './recovery';
import { MASKING_ROLES } from './masking-picture';
import { LunScope } from './recovery-scope';

export const REPORT_SCHEMA = 'shadowswap.report/1';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** ISO 8601 instants, as the journal records them. */
const Instant = z.string();

export const ReportOutputLine = z.object({
  /** The journal event that recorded the line, so an auditor can find it in the journal. */
  seq: z.number().int().positive(),
  at: Instant,
  text: z.string(),
});
export type ReportOutputLine = z.infer<typeof ReportOutputLine>;

export const ReportStep = z.object({
  number: z.number().int().positive(),
  id: z.string(),
  kind: StepKind,
  title: z.string(),
  why: z.string(),
  destructive: z.boolean(),
  state: StepState,
  startedAt: Instant.nullable(),
  endedAt: Instant.nullable(),
  durationMs: z.number().nullable(),
  /** Who confirmed the step, what they typed and when (more than one if it was re-run). */
  confirmations: z.array(Confirmation),
  changes: z.array(StepChange),
  commands: z.array(CommandPreview),
  /** True on the Lab: the commands are what Windows would run, simulated. */
  commandsSimulated: z.boolean(),
  /** Every line, complete: the HTML folds long output, the JSON never does. */
  output: z.array(ReportOutputLine),
  /** The error, if the step stands failed now. */
  error: z.string().nullable(),
  /** Every failure the journal records for the step, also those a resume or rollback got past. */
  failures: z.array(z.object({ seq: z.number().int().positive(), at: Instant, during: z.enum(['run', 'rollback']), message: z.string() })),
  undo: z.string(),
});
export type ReportStep = z.infer<typeof ReportStep>;

export const MaskingRow = z.object({
  lunId: z.string(),
  lunName: z.string(),
  role: z.enum(MASKING_ROLES),
  /** Hosts that saw the LUN before the run; `*` means every host. */
  before: z.array(z.string()),
  after: z.array(z.string()),
  /** A step that changes this LUN's access failed, so what the array holds now is not known from the journal. */
  uncertain: z.boolean(),
});
export type MaskingRow = z.infer<typeof MaskingRow>;

export const ReportModel = z.object({
  schema: z.literal(REPORT_SCHEMA),
  generatedAt: Instant,
  run: z.object({
    id: z.string(),
    /** The state the journal shows at its last event ("running" also covers a run whose process ended). */
    state: RunState,
    backend: z.string(),
    setId: z.string(),
    setCreatedAt: Instant,
    /** The OS user who started the run, and the machine it ran on. */
    operator: z.string(),
    machine: z.string(),
    startedAt: Instant,
    endedAt: Instant.nullable(),
    lastEventAt: Instant,
    /** From the start to the end, or to the last event of an unfinished run. */
    durationMs: z.number(),
    /**
     * From the first step that took production storage away until it was back; nulls while not back. Split into
     * work and the time the run waited for the operator's confirmations (absent in reports made before the split).
     */
    downtime: z.object({
      startedAt: Instant.nullable(),
      endedAt: Instant.nullable(),
      durationMs: z.number().nullable(),
      workMs: z.number().nullable().optional(),
      waitingMs: z.number().nullable().optional(),
      /** The least its operations allowed, as measured (null: not all done); absent in reports made before it was. */
      operationsAllowMs: z.number().nullable().optional(),
      /** What the plan expected: its outage and critical path from the backend's durations (null: unknown). */
      expected: z.object({ outageMs: z.number().nullable(), operationsAllowMs: z.number().nullable() }).nullable().optional(),
    }),
    rollback: z.object({ at: Instant, by: z.string(), door: Door.nullable() }).nullable(),
    lastError: z.string().nullable(),
  }),
  estate: z.object({
    cluster: z.string().nullable(),
    importHost: z.string(),
    hosts: z.array(z.string()),
    /** The arrays by name, as the plan recorded them (older journals: as the plan's diskraid commands address them). */
    arrays: z.array(z.string()),
    lunPairs: z.array(
      z.object({ original: z.object({ id: z.string(), name: z.string() }), recovered: z.object({ id: z.string(), name: z.string() }) }),
    ),
  }),
  /**
   * Page 1, for a change board: the change and reason, who approved, the recovery point and the writes it leaves
   * out, per LUN what it was and loses, and what to do afterwards. Absent in reports made before it existed.
   */
  changeBoard: z
    .object({
      change: z.string().nullable(),
      reason: z.string().nullable(),
      /** The plan-wide approval; null when each destructive step was confirmed on its own (or with --yes). */
      approval: z.object({ by: z.string(), door: Door.nullable(), at: Instant, pauseBeforeEachStep: z.boolean() }).nullable(),
      /** The set's creation: the point in time the recovered LUNs hold. */
      recoveryPoint: Instant,
      /** From the recovery point until production storage went away: writes in it are not in the recovered LUNs. */
      dataLossWindow: z.object({ from: Instant, to: Instant.nullable(), durationMs: z.number().nullable() }),
      scope: z.array(LunScope),
      followUps: z.array(z.string()),
    })
    .optional(),
  options: RecoveryOptions,
  preflight: z.object({ blocked: z.boolean(), checks: z.array(PreflightCheck), acknowledgedWarnings: z.array(z.string()) }),
  steps: z.array(ReportStep),
  masking: z.object({ hosts: z.array(z.string()), luns: z.array(MaskingRow) }),
  verification: z.object({
    requested: z.boolean(),
    state: StepState.nullable(),
    results: z.array(z.string()),
    error: z.string().nullable(),
  }),
  /**
   * A domain controller's recovery: which kind of restore was done and what proved it (absent in reports made
   * before DC recoveries were planned, null for other hosts).
   */
  domainController: z
    .object({
      host: z.string(),
      /** Active Directory is always restored non-authoritatively; SYSVOL authoritatively only on the only DC. */
      directory: z.literal('non-authoritative'),
      sysvol: z.enum(['non-authoritative', 'authoritative']),
      /** One sentence: the kind of restore and what it means for the changes since the snapshot. */
      restoreKind: z.string(),
      /** The DC's verification results (event 1109, invocation ID, restore count, replication, dcdiag, shares). */
      results: z.array(z.string()),
    })
    .nullable()
    .optional(),
  forensicHold: z.object({
    host: z.string().nullable(),
    /** One sentence on where the damaged originals are now. */
    summary: z.string(),
    luns: z.array(z.object({ lunId: z.string(), lunName: z.string(), maskedTo: z.array(z.string()) })),
  }),
  /** What to do now, in order, with the exact commands; empty when there is nothing left to do. */
  nextSteps: z.array(z.string()),
  journal: z.object({
    /** The journal's file name in <data-dir>/runs. */
    file: z.string(),
    events: z.number().int().positive(),
    /** SHA-256 of the journal's last event line: the hash chain's head when the report was made. */
    head: Sha256,
  }),
});
export type ReportModel = z.infer<typeof ReportModel>;

export const ReportDigest = z.object({
  algorithm: z.literal('sha256'),
  /** Over the canonical JSON of the whole model (keys sorted, no whitespace): the exact text the HTML embeds. */
  report: Sha256,
  /** One digest per section (top-level field, or one step), so a change can be named without the journal. */
  sections: z.record(z.string(), Sha256),
});
export type ReportDigest = z.infer<typeof ReportDigest>;

/** An Ed25519 signature over the report digest, by the installation key whose fingerprint it names. */
export const ReportSignature = z.object({
  algorithm: z.literal('ed25519'),
  /** "sha256:" + hex SHA-256 of the public key (SPKI DER): what a change board pins. */
  keyFingerprint: z.string(),
  /** The public key itself (SPKI DER, base64), so the signature can be checked anywhere. */
  publicKey: z.string(),
  value: z.string(),
});
export type ReportSignature = z.infer<typeof ReportSignature>;

/** The JSON export: the model with its digest and the installation's signature over that digest. */
export const ReportDocument = ReportModel.extend({ digest: ReportDigest, signature: ReportSignature });
export type ReportDocument = z.infer<typeof ReportDocument>;

export const ReportFormat = z.enum(['html', 'pdf', 'json', 'csv']);
export type ReportFormat = z.infer<typeof ReportFormat>;
