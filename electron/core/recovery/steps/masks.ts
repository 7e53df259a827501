/**
 * Access lists, shared by every step kind that sets them (masking the originals away, unmasking the recovered
 * LUNs, the forensic hold, and an import's compensation).
 */
import { hostsText } from '../../../../shared/change-text';
import type { LunRef, MaskTarget } from '../../../../shared/recovery-step-params';
import { namedHosts } from '../access-lists';
import { refuseSignatureCollision } from '../signature-collision';
import { lunOf, lunsById, maskOf, sameHosts } from './backend-reads';
import { report, type StepBehaviour, type StepContext } from './step-module';

export async function captureMasks(context: StepContext, targets: readonly LunRef[]): Promise<Record<string, string[]>> {
  const luns = await lunsById(context.backend);
  return Object.fromEntries(targets.map((t) => [t.lunId, maskOf(lunOf(luns, t.lunId))]));
}

export async function masksInPlace(context: StepContext, targets: readonly MaskTarget[]): Promise<boolean> {
  const luns = await lunsById(context.backend);
  return targets.every((t) => sameHosts(maskOf(lunOf(luns, t.lunId)), t.hosts));
}

export async function applyMasks(context: StepContext, targets: readonly MaskTarget[]): Promise<void> {
  for (const target of targets) {
    const luns = await lunsById(context.backend);
    if (sameHosts(maskOf(lunOf(luns, target.lunId)), target.hosts)) {
      context.log(`${target.name}: access list already ${hostsText(target.hosts)}`);
      continue;
    }
    report(context, await context.backend.setLunMask({ lunId: target.lunId, hosts: target.hosts, expected: target.expected }));
  }
}

/** Back to the captured lists (`*` named); a LUN the step changed must still show the step's list, or the rollback refuses (drift). */
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
}

/** The behaviour of a step that sets access lists: each target gets exactly its hosts; compensation puts back the captured lists. */
export const maskBehaviour: StepBehaviour<{ targets: MaskTarget[] }> = {
  probe: (context, params) => masksInPlace(context, params.targets),
  capture: (context, params) => captureMasks(context, params.targets),
  apply: (context, params) => applyMasks(context, params.targets),
  compensate: (context, params, before) => restoreMasks(context, params.targets, before),
};
