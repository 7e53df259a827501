/**
 * Access lists, shared by every step kind that sets them (masking the originals away, unmasking the recovered
 * LUNs, the forensic hold, and an import's compensation).
 */
import { hostsText } from '../../../../shared/change-text';
import type { LunRef, MaskTarget } from '../../../../shared/recovery-step-params';
import { namedHosts } from '../access-lists';
import type { LunMaskRequest, PlannedOperation } from '../../backend';
import { refuseSignatureCollision } from '../signature-collision';
import { lunOf, lunsById, maskOf, sameHosts } from './backend-reads';
import { nodesSeeing, rescanAndCheck } from './node-rescan';
import { report, type OperationOutcome, type StepBehaviour, type StepContext, type StepOperation } from './step-module';

export async function captureMasks(context: StepContext, targets: readonly LunRef[]): Promise<Record<string, string[]>> {
  const luns = await lunsById(context.backend);
  return Object.fromEntries(targets.map((t) => [t.lunId, maskOf(lunOf(luns, t.lunId))]));
}

export async function masksInPlace(context: StepContext, targets: readonly MaskTarget[]): Promise<boolean> {
  const luns = await lunsById(context.backend);
  return targets.every((t) => sameHosts(maskOf(lunOf(luns, t.lunId)), t.hosts));
}

/** What the backend is asked for one target: its list, the list it should have now, and who holds its disk. */
function maskRequestOf(target: MaskTarget): LunMaskRequest {
  const { lunId, hosts, expected, diskHolder } = target;
  return { lunId, hosts, expected, diskHolder };
}

/** The planned operation of one target, as the plan previews it and the engine runs it. */
export function plannedMaskOf(target: MaskTarget): PlannedOperation {
  const { lunId, hosts, expected, diskHolder } = target;
  return { operation: 'setLunMask', lunId, hosts, before: expected ?? [], diskHolder };
}

/** Gives one LUN its list unless it has it already (read first), and says which it was. */
async function applyMask(context: StepContext, target: MaskTarget): Promise<OperationOutcome> {
  const luns = await lunsById(context.backend);
  if (sameHosts(maskOf(lunOf(luns, target.lunId)), target.hosts)) {
    context.log(`${target.name}: access list already ${hostsText(target.hosts)}`);
    return 'already-in-place';
  }
  report(context, await context.backend.setLunMask(maskRequestOf(target)));
  return 'done';
}

/** Gives each target its list, one LUN after another (compensations: a rollback need not be fast, only exact). */
export async function applyMasks(context: StepContext, targets: readonly MaskTarget[]): Promise<void> {
  for (const target of targets) await applyMask(context, target);
}

/**
 * Gives each target its list, in one batch call for those not there yet (the masking-set cmdlets name several
 * virtual disks); says, per LUN name, whether it changed it or found it so.
 */
async function applyMasksInOneCall(context: StepContext, targets: readonly MaskTarget[]): Promise<ReadonlyMap<string, OperationOutcome>> {
  const luns = await lunsById(context.backend);
  const outcomes = new Map<string, OperationOutcome>();
  const changing = targets.filter((target) => {
    const inPlace = sameHosts(maskOf(lunOf(luns, target.lunId)), target.hosts);
    if (inPlace) context.log(`${target.name}: access list already ${hostsText(target.hosts)}`);
    outcomes.set(target.name, inPlace ? 'already-in-place' : 'done');
    return !inPlace;
  });
  if (changing.length > 0) report(context, await context.backend.setLunMasks({ masks: changing.map(maskRequestOf) }));
  return outcomes;
}

/** One operation per LUN; the engine sends those that go together (operation-order.ts) as one batch. */
function maskOperations(context: StepContext, targets: readonly MaskTarget[]): StepOperation[] {
  return targets.map((target) => ({
    planned: plannedMaskOf(target),
    target: target.name,
    action: `give ${target.name} the access list ${hostsText(target.hosts)}`,
    probe: async () => sameHosts(maskOf(lunOf(await lunsById(context.backend), target.lunId)), target.hosts),
    run: () => applyMask(context, target),
  }));
}

/** The targets whose operations were started (all of them when that is not known). */
function startedOf(targets: readonly MaskTarget[], happened: ReadonlySet<string> | null): MaskTarget[] {
  return happened === null ? [...targets] : targets.filter((t) => happened.has(t.name));
}

/**
 * Back to the captured lists (`*` named); a LUN the step changed must still show the step's list, or the rollback
 * refuses (drift). Then every host on a list given back rescans and must list the LUN by its own Get-Disk: a host
 * discovers a LUN presented to it again only when it rescans (docs/windows-facts.md#rescan-with-update-hoststoragecache),
 * and a cluster node that does not list an original cannot bring its disk resource online.
 */
export async function restoreMasks(context: StepContext, targets: readonly MaskTarget[], before: unknown): Promise<void> {
  const masks = before as Record<string, string[]>;
  const everyHost = (await context.backend.listHosts()).map((h) => h.name);
  const restoring = targets
    .filter((t) => masks[t.lunId] !== undefined)
    .map((t) => ({ ...t, hosts: namedHosts(masks[t.lunId] as string[], everyHost), expected: t.hosts }));
  // Checked for every LUN before any is changed: a refused rollback leaves the masks as they were.
  const luns = await lunsById(context.backend);
  for (const target of restoring) {
    const lun = lunOf(luns, target.lunId);
    if (!sameHosts(maskOf(lun), target.hosts)) refuseSignatureCollision(lun, target.hosts, luns.values());
  }
  await applyMasks(context, restoring);
  const nodes = nodesSeeing(restoring.map((t) => ({ lun: { lunId: t.lunId, name: t.name }, hosts: t.hosts })));
  for (const node of nodes) await rescanAndCheck(context, node, 'roll back again (the rollback rescans and checks again)');
}

/** The behaviour of a step that sets access lists: each target gets exactly its hosts; compensation puts back the captured lists. */
export const maskBehaviour: StepBehaviour<{ targets: MaskTarget[] }> = {
  probe: (context, params) => masksInPlace(context, params.targets),
  capture: (context, params) => captureMasks(context, params.targets),
  operations: (context, params) => maskOperations(context, params.targets),
  runTogether: (context, params, operations) =>
    applyMasksInOneCall(
      context,
      params.targets.filter((t) => operations.some((o) => o.target === t.name)),
    ),
  // Only the LUNs the run started to change are put back: a LUN it never reached keeps its list untouched.
  compensate: (context, params, before, happened) => restoreMasks(context, startedOf(params.targets, happened), before),
};
