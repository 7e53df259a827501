/**
 * The report model, built from a run's journal records alone: so a report can be made for any run, past
 * or unfinished, failed or rolled back, and rebuilt later to check an exported report against its journal.
 * Pure: the same records and time give the same model.
 */
import { REPORT_SCHEMA, ReportModel, type ReportOutputLine, type ReportStep } from '../../../shared/report';
import { downtimeSplit, type RunDetail } from '../../../shared/recovery';
import type { JournalRecord } from '../recovery/journal';
import { measuredCriticalPathMs } from '../recovery/outage-limit';
import { foldRun, takesStorageAway, type RunEvent } from '../recovery/run-events';
import { isOriginal, maskingPicture, type MaskingPicture } from '../../../shared/masking-picture';

export interface JournalSnapshot {
  /** The journal's file name (reports quote it without the machine's path). */
  file: string;
  records: ReadonlyArray<JournalRecord<RunEvent>>;
  head: string;
}

const elapsed = (from: string | null, to: string | null): number | null =>
  from !== null && to !== null ? Date.parse(to) - Date.parse(from) : null;

export function buildReportModel(journal: JournalSnapshot, generatedAt: string): ReportModel {
  const { records } = journal;
  const first = records[0];
  const last = records.at(-1);
  if (!first || !last || first.event.type !== 'run.created') throw new Error(`${journal.file} does not start with run.created`);
  const created = first.event;
  const { detail } = foldRun(records, journal.file);
  const { plan } = detail;
  const outputs = outputLines(records);
  const failures = failuresOf(records);
  const stateOf = (stepId: string) => detail.steps.find((s) => s.id === stepId)?.state ?? 'pending';
  const masking = maskingPicture(plan, stateOf);
  const kindOf = new Map(plan.steps.map((step) => [step.id, step.kind]));

  const steps: ReportStep[] = plan.steps.map((step, index) => {
    const progress = detail.steps.find((s) => s.id === step.id);
    return {
      number: index + 1,
      id: step.id,
      kind: step.kind,
      title: step.title,
      why: step.why,
      destructive: step.destructive,
      state: progress?.state ?? 'pending',
      startedAt: progress?.startedAt ?? null,
      endedAt: progress?.endedAt ?? null,
      durationMs: elapsed(progress?.startedAt ?? null, progress?.endedAt ?? null),
      confirmations: detail.confirmations.filter((c) => c.stepId === step.id),
      changes: step.changes,
      commands: step.commands,
      commandsSimulated: step.commandsSimulated,
      output: outputs.get(step.id) ?? [],
      error: progress?.error ?? null,
      failures: failures.filter((f) => f.stepId === step.id).map(({ stepId: _stepId, ...failure }) => failure),
      undo: step.undo,
    };
  });

  const downtimeStart =
    records.find(({ event }) => {
      const kind = event.type === 'step.started' ? kindOf.get(event.stepId) : undefined;
      return kind !== undefined && takesStorageAway.has(kind);
    })?.at ?? null;
  const rollback = records.find((r) => r.event.type === 'rollback.started');
  const verifyStep = steps.find((s) => s.kind === 'verify');
  const hosts = new Set([plan.importHost, ...masking.hosts, ...plan.steps.flatMap((s) => s.commands.map((c) => c.runsOn))]);
  if (plan.options.forensicsHost) hosts.add(plan.options.forensicsHost);

  return ReportModel.parse({
    schema: REPORT_SCHEMA,
    generatedAt,
    run: {
      id: created.runId,
      state: detail.state,
      backend: plan.backend,
      setId: plan.setId,
      setCreatedAt: plan.setCreatedAt,
      operator: created.operator,
      machine: created.machine,
      startedAt: first.at,
      endedAt: detail.endedAt,
      lastEventAt: last.at,
      durationMs: Date.parse(detail.endedAt ?? last.at) - Date.parse(first.at),
      downtime: {
        startedAt: downtimeStart,
        endedAt:
          downtimeStart !== null && detail.downtimeMs !== null
            ? new Date(Date.parse(downtimeStart) + detail.downtimeMs).toISOString()
            : null,
        durationMs: detail.downtimeMs,
        ...downtimeSplit(detail),
        operationsAllowMs: measuredCriticalPathMs(plan, records),
        expected:
          plan.timing === undefined ? null : { outageMs: plan.timing.expectedOutageMs, operationsAllowMs: plan.timing.criticalPathMs },
      },
      rollback:
        rollback?.event.type === 'rollback.started' ? { at: rollback.at, by: rollback.event.by, door: rollback.event.door ?? null } : null,
      lastError: detail.lastError,
    },
    estate: {
      cluster: plan.cluster,
      importHost: plan.importHost,
      hosts: [...hosts].sort(),
      arrays: plan.arrays ?? arraysOf(plan.steps.flatMap((s) => s.commands.map((c) => c.text))),
      lunPairs: plan.originalLunIds.map((id, i) => ({
        original: lunRef(masking, id),
        recovered: lunRef(masking, plan.shadowLunIds[i] ?? ''),
      })),
    },
    changeBoard: changeBoard(detail, downtimeStart, masking),
    options: plan.options,
    preflight: { blocked: plan.blocked, checks: plan.preflight, acknowledgedWarnings: created.acknowledgedWarnings },
    steps,
    masking,
    verification: {
      requested: plan.options.verify,
      state: verifyStep?.state ?? null,
      results: verifyStep?.output.map((line) => line.text) ?? [],
      error: verifyStep?.error ?? null,
    },
    domainController: domainControllerRestore(plan, verifyStep?.output.map((line) => line.text) ?? []),
    forensicHold: forensicHold(masking, plan.options.forensicsHost),
    nextSteps: nextSteps(detail),
    journal: { file: journal.file, events: records.length, head: journal.head },
  });
}

/**
 * Which kind of restore a domain controller's plan did (docs/recovery-procedure.md#domain-controllers), and the
 * DC's lines of the verification; null when the set's host was no DC.
 */
function domainControllerRestore(plan: RunDetail['plan'], verifyLines: readonly string[]): ReportModel['domainController'] {
  const sysvol = plan.steps.find((step) => step.kind === 'resync-sysvol');
  if (sysvol?.kind !== 'resync-sysvol') return null;
  const { host, authoritative } = sysvol.params;
  return {
    host,
    directory: 'non-authoritative',
    sysvol: authoritative ? 'authoritative' : 'non-authoritative',
    restoreKind: authoritative
      ? `Non-authoritative restore of Active Directory with an authoritative SYSVOL: ${host} is the only domain controller of its domain, so every change made since the snapshot is lost for good.`
      : `Non-authoritative restore of Active Directory and SYSVOL: ${host} took a new invocation ID and its partners replicated back the changes made since the snapshot (a change that had already replicated, such as a deletion, is not undone).`,
    results: verifyLines.filter((line) => line.startsWith(`${host}: `)),
  };
}

/** Each step's output with the event that recorded it; a skip is recorded as its reason, as the engine shows it. */
function outputLines(records: JournalSnapshot['records']): Map<string, ReportOutputLine[]> {
  const lines = new Map<string, ReportOutputLine[]>();
  for (const { seq, at, event } of records) {
    const text = event.type === 'step.output' ? event.text : event.type === 'step.skipped' ? `Skipped: ${event.reason}` : null;
    if (text === null || !('stepId' in event)) continue;
    lines.set(event.stepId, [...(lines.get(event.stepId) ?? []), { seq, at, text }]);
  }
  return lines;
}

function failuresOf(records: JournalSnapshot['records']): Array<ReportStep['failures'][number] & { stepId: string }> {
  return records.flatMap(({ seq, at, event }) =>
    event.type === 'step.failed' || event.type === 'compensation.failed'
      ? [
          {
            stepId: event.stepId,
            seq,
            at,
            during: event.type === 'step.failed' ? ('run' as const) : ('rollback' as const),
            message: event.error.message,
          },
        ]
      : [],
  );
}

function changeBoard(run: RunDetail, storageAwayAt: string | null, masking: MaskingPicture): NonNullable<ReportModel['changeBoard']> {
  const { plan, approval } = run;
  return {
    change: approval?.change ?? null,
    reason: approval?.reason ?? null,
    approval:
      approval === null
        ? null
        : { by: approval.by, door: approval.door, at: approval.at, pauseBeforeEachStep: approval.pauseBeforeEachStep },
    recoveryPoint: plan.setCreatedAt,
    dataLossWindow: { from: plan.setCreatedAt, to: storageAwayAt, durationMs: elapsed(plan.setCreatedAt, storageAwayAt) },
    scope: plan.scope ?? [],
    followUps: run.state === 'succeeded' ? followUps(run, masking) : [],
  };
}

/** After a recovery that succeeded: check the application's data, take a new recovery point, copy back what is needed. */
function followUps(run: RunDetail, masking: MaskingPicture): string[] {
  const { plan } = run;
  const target = plan.cluster ?? plan.importHost;
  const dependents = plan.steps.flatMap((step) => (step.kind === 'start-dependents' ? step.params.dependents.map((d) => d.resource) : []));
  // "SQL Server" is the name SQL Server setup gives the engine's cluster resource (its instance follows in brackets).
  const sqlServer = dependents.some((name) => /^SQL Server( \(|$)/.test(name));
  const originals = masking.luns.filter(isOriginal).map((row) => row.lunName);
  return [
    sqlServer
      ? `Run DBCC CHECKDB on every database of the SQL Server instance on ${target} before the application is released to its users.`
      : `Have the application's owner check its data on ${target} before it is released to its users.`,
    `Take a new snapshot set of ${target}: set ${plan.setId} now serves production, so no recovery point is left until a new set is taken.`,
    `Copy back from the originals (${originals.join(', ')}) any change written after the recovery point that is still needed; they are kept unchanged, nothing was deleted.`,
    'Keep the originals until the incident is closed, then release them by the change process.',
  ];
}

/**
 * A plan made before plans named their arrays: diskraid names arrays by subsystem number, which is all such a plan
 * records of them (masking-set commands address LUNs by UniqueId and name no array).
 */
function arraysOf(commandTexts: readonly string[]): string[] {
  const numbers = commandTexts.flatMap((text) => [...text.matchAll(/select subsystem (\d+)/g)].map((m) => Number(m[1])));
  return [...new Set(numbers)].sort((a, b) => a - b).map((n) => `diskraid subsystem ${n}`);
}

function lunRef(masking: MaskingPicture, lunId: string): { id: string; name: string } {
  return { id: lunId, name: masking.luns.find((row) => row.lunId === lunId)?.lunName ?? lunId };
}

function hostList(hosts: readonly string[]): string {
  if (hosts.includes('*')) return 'every host (*)';
  return hosts.length === 0 ? 'no host' : hosts.join(', ');
}

function forensicHold(masking: MaskingPicture, forensicsHost: string | null): ReportModel['forensicHold'] {
  const originals = masking.luns.filter(isOriginal);
  const luns = originals.map((row) => ({ lunId: row.lunId, lunName: row.lunName, maskedTo: row.after }));
  const sameAs = (hosts: readonly string[]) =>
    originals.every((row) => row.after.length === hosts.length && row.after.every((h, i) => h === hosts[i]));
  let summary: string;
  if (originals.some((row) => row.uncertain)) {
    summary =
      "A step that changes the originals' access failed, so the journal cannot tell which hosts see them now: check the array's masking before anything else.";
  } else if (originals.every((row) => row.after.join() === row.before.join())) {
    summary = 'The originals are where they were before the run, still in production use: they were not swapped out.';
  } else if (forensicsHost !== null && sameAs([forensicsHost])) {
    summary = `The originals are kept on the array and visible only to ${forensicsHost}, for forensics: mount them read-only there.`;
  } else if (sameAs([])) {
    summary = `The originals are kept on the array, untouched and masked from every host${forensicsHost === null ? ' (no forensics host was chosen)' : `; the hand-over to ${forensicsHost} has not run`}.`;
  } else {
    summary = `The originals are kept on the array: ${originals.map((row) => `${row.lunName} is visible to ${hostList(row.after)}`).join('; ')}.`;
  }
  return { host: forensicsHost, summary, luns };
}

function nextSteps(run: RunDetail): string[] {
  const step = run.plan.steps.find((s) => s.id === run.attentionStepId);
  const named = step ? `step ${run.plan.steps.indexOf(step) + 1} "${step.title}"` : 'the last step';
  const resume = `shadowswap resume ${run.id}`;
  const rollback = `Or put every original back where it was: shadowswap rollback ${run.id}`;
  const rolledBackBefore = run.steps.some((s) => s.state === 'compensated');
  switch (run.state) {
    case 'succeeded':
      return [];
    case 'damaged':
      return [
        `The run's journal cannot be read, so it can be neither resumed nor rolled back. Check the estate by hand; then free its LUNs with: shadowswap runs release ${run.id}`,
      ];
    case 'rolled-back':
      return [
        `Find out why the run was rolled back (the failed step's error is under Steps), then plan the recovery again: shadowswap plan --set ${run.setId}`,
      ];
    case 'waiting-confirmation':
      return [
        `${named} waits for a confirmation. Continue with: ${resume} and type ${step?.confirmPhrase ?? 'the name it asks for'} when asked.`,
        rollback,
      ];
    case 'failed':
      if (rolledBackBefore)
        return [
          `The rollback stopped at ${named}: ${run.lastError ?? 'see its error under Steps'}.`,
          `Fix the cause, then finish the rollback: ${resume}`,
        ];
      return [
        `${named} failed: ${run.lastError ?? 'see its error under Steps'}.`,
        `Fix the cause, then resume (steps already done are skipped): ${resume}`,
        rollback,
      ];
    case 'paused':
      return [`The run was paused. Continue with: ${resume}`, rollback];
    case 'running':
    case 'rolling-back':
    case 'interrupted':
      return [
        `The journal ends while the run was ${run.state === 'rolling-back' ? 'rolling back' : 'in progress'}. If no ShadowSwap process drives it any more ("shadowswap runs" shows it interrupted), continue it: ${resume}`,
        ...(run.state === 'rolling-back' ? [] : [rollback]),
      ];
  }
}
