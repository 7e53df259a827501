/**
 * Lab administration: create the simulated estate teams rehearse on, cause the incident, arm faults and
 * set how slow operations feel. The Lab keeps these in the data directory, whichever backend is in use.
 */
import { z } from 'zod';

export const FaultKind = z.enum(['fail', 'delay', 'crash', 'partial']);
export type FaultKind = z.infer<typeof FaultKind>;

/** crash: whether the process dies before the effect is saved or after. */
export const CrashPoint = z.enum(['before', 'after']);

/** An injected failure, armed until `remaining` reaches 0 (null: every time). */
export const LabFault = z.object({
  id: z.number().int().positive(),
  operation: z.string(),
  kind: FaultKind,
  remaining: z.number().int().positive().nullable(),
  /** delay: how long to add. */
  ms: z.number().int().nonnegative(),
  crashPoint: CrashPoint,
  /** How many runs of the operation it lets through before it fires (a fault in the middle of a batch). */
  skip: z.number().int().nonnegative().default(0),
});
export type LabFault = z.infer<typeof LabFault>;

/** The display languages the Lab's simulated tools can print in (those ShadowSwap reads: docs/windows-channels.md). */
export const LabLanguage = z.enum(['en-US', 'fr-FR', 'de-DE', 'es-ES']);
export type LabLanguage = z.infer<typeof LabLanguage>;

const Name = z.string().min(1).max(200);
const Message = z.object({ message: z.string() });

/** Past 100 a rehearsal step would take hours; 1e308 made every later delay overflow the timers. */
export const MAX_LATENCY_SCALE = 100;

export const labMethods = {
  'lab.scenarios': {
    params: z.object({}).strict(),
    result: z.array(z.object({ name: z.string(), summary: z.string() })),
  },
  'lab.init': {
    params: z.object({ scenario: Name, force: z.boolean().default(false) }).strict(),
    result: z.object({
      scenario: z.string(),
      dataDir: z.string(),
      arrays: z.number(),
      luns: z.number(),
      hosts: z.number(),
      clusters: z.number(),
      snapshotSets: z.number(),
      shadowCopies: z.number(),
    }),
  },
  /** The incident: the LUN's data changes and Windows marks its volume damaged. */
  'lab.corrupt': { params: z.object({ lun: Name }).strict(), result: Message },
  /** A host stops (or starts again) answering over PowerShell remoting, as a network or WinRM failure would. */
  'lab.host.reachable': { params: z.object({ host: Name, reachable: z.boolean() }).strict(), result: Message },
  /** An array's Storage Management provider stops (or starts again) answering, so that a failed array reading can be rehearsed. */
  'lab.array.reachable': { params: z.object({ array: Name, reachable: z.boolean() }).strict(), result: Message },
  /** Where the Windows console runs (an admin workstation or any node); null: on the host that imports each set. */
  'lab.console': { params: z.object({ computer: Name.nullable() }).strict(), result: Message },
  /** A domain controller becomes read-only (an RODC), or writable again, so that refusing an RODC can be rehearsed. */
  'lab.dc.readOnly': { params: z.object({ host: Name, readOnly: z.boolean() }).strict(), result: Message },
  'lab.faults.add': {
    params: z
      .object({
        operation: Name,
        kind: FaultKind,
        /** How many runs it hits; null: every run until cleared. */
        times: z.number().int().nonnegative().nullable().default(null),
        ms: z.number().int().nonnegative().optional(),
        crashPoint: CrashPoint.optional(),
        /** Runs let through before it fires: lands in the middle of a batch. */
        skip: z.number().int().nonnegative().optional(),
      })
      .strict(),
    result: Message,
  },
  /** The armed faults, each with its description in words. */
  'lab.faults.list': {
    params: z.object({}).strict(),
    result: z.object({ faults: z.array(LabFault), descriptions: z.array(z.string()) }),
  },
  'lab.faults.clear': { params: z.object({}).strict(), result: z.object({ cleared: z.number() }) },
  /** The operations a fault can target, what they do and the Windows error a failure returns. */
  'lab.faults.operations': {
    params: z.object({}).strict(),
    result: z.array(
      z.object({ name: z.string(), summary: z.string(), latencyMs: z.number(), faultKinds: z.array(FaultKind), failsWith: z.string() }),
    ),
  },
  /** Sets the latency scale when `scale` is given; answers the scale in force. */
  'lab.latency': { params: z.object({ scale: z.number().optional() }).strict(), result: z.object({ scale: z.number() }) },
  /**
   * Sets the hosts' display language when `language` is given; answers the one in force. Any text is accepted
   * here so that the core's refusal can name the languages the Lab speaks.
   */
  'lab.language': {
    params: z.object({ language: z.string().max(20).optional() }).strict(),
    result: z.object({ language: LabLanguage }),
  },
  /** What `vssadmin list shadows` prints on a Lab host, in the Lab's language. */
  'lab.output.vssadmin': { params: z.object({ host: Name }).strict(), result: z.object({ text: z.string() }) },
} as const;
