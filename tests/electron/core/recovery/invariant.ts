/**
 * The invariant "nothing is lost" (docs/recovery-procedure.md#the-invariant-nothing-is-lost) as a check over a backend and a run's journal,
 * for the fault matrix. It returns every violation it finds (an empty list means the invariant holds):
 *
 * 1. Nothing deleted: every LUN id and every snapshot-set shadow copy that existed before still exists.
 * 2. Every protected volume (each original LUN of the run's set) has a copy that is
 *    - online: the original, visible to a production host (one of those that saw it before the run) and
 *      not damaged; or the recovered LUN, visible to a production host, broken out of its set and writable;
 *    - or recoverable by a journaled step: the run is unfinished and its journal holds the state to
 *      restore (a `step.started` of a masking step captured the original's access list as it was).
 * 3. The journal matches the estate: per LUN, the last journaled masking outcome holds — a succeeded or
 *    skipped masking step's `after`, a compensated step's captured `before` — and a masking step left in
 *    flight (started or failed) left each of its LUNs either as captured before or as its target.
 *
 * 4. The application is back: once the run is finished (succeeded or rolled back), every application resource
 *    (SQL Server, its agent...) that was Online before the run is Online again.
 * 5. A LUN the operator left out is never touched: its access list is as before the run, at every moment.
 *
 * It reads the journal itself (not through the engine's fold), so an engine bug cannot hide from it.
 */
import type { Lun } from '../../../../shared/domain';
import type { RecoveryPlan } from '../../../../shared/recovery';
import { ALL_HOSTS, type Backend } from '../../../../electron/core/backend';
import { readJournal } from '../../../../electron/core/recovery/journal';
import type { RunEvent } from '../../../../electron/core/recovery/run-events';

export interface Baseline {
  lunIds: string[];
  shadowCopies: Array<{ setId: string; copyId: string }>;
  masks: Map<string, string[]>;
  /** Application resources Online before the run, as `cluster/resource`. */
  onlineApplications: string[];
}

async function onlineApplications(backend: Backend): Promise<string[]> {
  return (await backend.listClusters()).flatMap((c) =>
    c.applicationResources.filter((r) => r.state === 'Online').map((r) => `${c.name}/${r.name}`),
  );
}

const MASK_STEPS = new Set(['mask-originals', 'unmask-shadows', 'forensic-hold']);

export function maskOf(lun: Lun): string[] {
  return lun.maskAll ? [ALL_HOSTS] : [...lun.maskedTo];
}

function sameHosts(a: readonly string[], b: readonly string[]): boolean {
  const norm = (list: readonly string[]) =>
    [...list]
      .map((h) => h.toUpperCase())
      .sort()
      .join('\n');
  return norm(a) === norm(b);
}

const show = (hosts: readonly string[] | undefined) => (hosts === undefined ? '(unknown)' : `[${hosts.join(', ')}]`);

export async function captureBaseline(backend: Backend): Promise<Baseline> {
  const luns = await backend.listLuns();
  const sets = await backend.listSnapshotSets();
  return {
    lunIds: luns.map((lun) => lun.id),
    shadowCopies: sets.flatMap((set) => set.shadowCopies.map((copy) => ({ setId: set.id, copyId: copy.id }))),
    masks: new Map(luns.map((lun) => [lun.id, maskOf(lun)])),
    onlineApplications: await onlineApplications(backend),
  };
}

/** What the journal says a masking step or an import's compensation did to which LUNs. */
interface MaskEffect {
  targets: Array<{ lunId: string; hosts: string[] }>;
  /** The access lists captured the first time the step started (what compensation restores). */
  before: Record<string, string[]> | undefined;
}

function effectOf(plan: RecoveryPlan, stepId: string, firstBefore: Map<string, unknown>): MaskEffect | null {
  const step = plan.steps.find((s) => s.id === stepId);
  if (!step) return null;
  if (MASK_STEPS.has(step.kind)) {
    const targets = (step.params as { targets: Array<{ lunId: string; hosts: string[] }> }).targets;
    return { targets, before: firstBefore.get(stepId) as Record<string, string[]> | undefined };
  }
  if (step.kind === 'import-set') {
    // Its compensation masks the shadow LUNs back to the lists captured before the import (nobody).
    const shadowLuns = (step.params as { shadowLuns: Array<{ lunId: string }> }).shadowLuns;
    const before = (firstBefore.get(stepId) as { masks?: Record<string, string[]> } | undefined)?.masks;
    return { targets: shadowLuns.map((l) => ({ lunId: l.lunId, hosts: [] })), before };
  }
  return null;
}

export async function invariantViolations(backend: Backend, baseline: Baseline, journalFile: string | null): Promise<string[]> {
  const violations: string[] = [];
  const luns = new Map((await backend.listLuns()).map((lun) => [lun.id, lun]));
  const sets = await backend.listSnapshotSets();
  const hosts = await backend.listHosts();

  // 1. Nothing deleted.
  for (const id of baseline.lunIds) if (!luns.has(id)) violations.push(`LUN ${id} was deleted`);
  for (const { setId, copyId } of baseline.shadowCopies) {
    const set = sets.find((s) => s.id === setId);
    if (!set) violations.push(`snapshot set ${setId} was deleted`);
    else if (!set.shadowCopies.some((c) => c.id === copyId)) violations.push(`shadow copy ${copyId} of set ${setId} was deleted`);
  }
  if (journalFile === null) return violations;

  const records = readJournal<RunEvent>(journalFile).records.map((r) => r.event);
  const created = records[0];
  if (created?.type !== 'run.created') return [...violations, `${journalFile} does not start with run.created`];
  const { plan } = created;
  const finished = records.some((e) => e.type === 'run.succeeded' || e.type === 'run.rolled-back');
  const firstBefore = new Map<string, unknown>();
  for (const event of records)
    if (event.type === 'step.started' && !firstBefore.has(event.stepId)) firstBefore.set(event.stepId, event.before);

  // 2. Every protected volume has an online copy, or one a journaled step can restore.
  const sees = (hostNames: readonly string[], lunId: string) =>
    hosts.some(
      (h) =>
        (hostNames.includes(ALL_HOSTS) || hostNames.some((n) => n.toUpperCase() === h.name.toUpperCase())) &&
        h.visibleLunIds.includes(lunId),
    );
  const set = sets.find((s) => s.id === plan.setId);
  plan.originalLunIds.forEach((originalId, index) => {
    const shadowId = plan.shadowLunIds[index] ?? '';
    const production = baseline.masks.get(originalId) ?? [];
    const original = luns.get(originalId);
    const shadow = luns.get(shadowId);
    const healthy = (lun: Lun) => lun.state !== 'damaged' && !lun.volumes.some((v) => v.damaged);
    const originalOnline = original !== undefined && healthy(original) && sees(production, originalId);
    const recoveredOnline =
      shadow !== undefined && healthy(shadow) && !shadow.readOnly && set?.state === 'broken' && sees(production, shadowId);
    const journaledRestore = [...firstBefore].some(([stepId, before]) => {
      const step = plan.steps.find((s) => s.id === stepId);
      const captured = (before as Record<string, string[]> | null)?.[originalId];
      return step !== undefined && MASK_STEPS.has(step.kind) && captured !== undefined && sameHosts(captured, production);
    });
    if (!originalOnline && !recoveredOnline && !(!finished && journaledRestore)) {
      violations.push(
        `protected volume ${original?.name ?? originalId} has no online copy (original mask ${show(original && maskOf(original))}, recovered LUN mask ${show(shadow && maskOf(shadow))}, set ${set?.state ?? 'missing'})` +
          (finished ? ' and its run is finished' : ' and no journaled step captured its access list to restore'),
      );
    }
  });

  // 3. The journal matches the estate's access lists.
  const expected = new Map<string, { hosts: string[] | 'before-or-after'; why: string; before?: string[]; after?: string[] }>();
  for (const event of records) {
    if (!('stepId' in event)) continue;
    const effect = effectOf(plan, event.stepId, firstBefore);
    if (!effect) continue;
    const kind = plan.steps.find((s) => s.id === event.stepId)?.kind ?? '';
    for (const target of effect.targets) {
      const before = effect.before?.[target.lunId];
      if ((event.type === 'step.succeeded' || event.type === 'step.skipped') && MASK_STEPS.has(kind)) {
        expected.set(target.lunId, {
          hosts: target.hosts,
          why: `${event.stepId} ${event.type === 'step.succeeded' ? 'succeeded' : 'was skipped'}`,
        });
      } else if (event.type === 'step.compensated') {
        if (before === undefined)
          violations.push(`${event.stepId} was compensated but the journal holds no access list captured for ${target.lunId}`);
        else expected.set(target.lunId, { hosts: before, why: `${event.stepId} was compensated` });
      } else if (
        (event.type === 'step.started' || event.type === 'step.failed' || event.type === 'compensation.failed') &&
        MASK_STEPS.has(kind)
      ) {
        expected.set(target.lunId, { hosts: 'before-or-after', why: `${event.stepId} is in flight`, before, after: target.hosts });
      }
    }
  }
  for (const [lunId, want] of expected) {
    const lun = luns.get(lunId);
    if (!lun) continue;
    const actual = maskOf(lun);
    if (want.hosts === 'before-or-after') {
      const matches = [want.before, want.after].some((hosts) => hosts !== undefined && sameHosts(actual, hosts));
      if (!matches)
        violations.push(
          `${lun.name}: access list ${show(actual)} is neither the captured ${show(want.before)} nor the target ${show(want.after)} (${want.why})`,
        );
    } else if (!sameHosts(actual, want.hosts)) {
      violations.push(`${lun.name}: access list ${show(actual)}, but the journal says ${show(want.hosts)} (${want.why})`);
    }
  }
  // 5. A LUN left out keeps its access list.
  for (const lun of plan.scope?.filter((l) => l.leftOut) ?? []) {
    const now = luns.get(lun.lunId);
    const was = baseline.masks.get(lun.lunId) ?? [];
    if (now === undefined || !sameHosts(maskOf(now), was))
      violations.push(
        `${lun.lunName} was left out, yet its access list is ${show(now && maskOf(now))}, not ${show(was)} as before the run`,
      );
  }
  // 4. The application is back once the run is finished.
  if (finished) {
    const online = new Set(await onlineApplications(backend));
    for (const name of baseline.onlineApplications)
      if (!online.has(name)) violations.push(`${name} was Online before the run and is not after it`);
  }
  return violations;
}
