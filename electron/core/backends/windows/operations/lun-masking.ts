/**
 * Steps 2b and 6a on Windows: give LUNs their access lists, with the commands windows-tools/render-operation.ts
 * renders for their array's management path, the LUNs of one batch together.
 * - Storage Management array: read which masking sets hold each virtual disk (by UniqueId) and refuse on drift from
 *   the plan, naming the LUN and the difference, before anything changes; then one add / remove per masking set
 *   naming every virtual disk of the batch that gains / loses it; then read each LUN again and verify the array shows
 *   exactly its goal (docs/windows-facts.md#masking-sets-add-and-remove).
 * - VDS-only array: one checked diskraid session (diskraid-session.ts) per LUN, no batch form being known, that
 *   unmasks only after `detail lun` shows the LUN's identifier, run on a host that loses the LUN so that it
 *   uninstalls the disk there first (render-operation.ts diskraidPlacement, through remoting when not this computer); the list is replaced, so the full list is sent, and
 *   `*` never is. The SAN map's recorded list is what drift is checked against there: diskraid's listing has no
 *   public capture to read it from.
 * The SAN map records each LUN's new list once the array showed (masking sets) or accepted (diskraid) it. A batch
 * that fails part-way records what each LUN's read-back shows and says which LUNs changed, so the engine's read-back
 * of each operation (the SAN map) tells what happened.
 */
import type { OperationResult } from '../../../../../shared/domain';
import { ShadowSwapError } from '../../../../../shared/errors';
import { ALL_HOSTS, type LunMaskRequest } from '../../../backend';
import { maskingSetsOfVirtualDiskCommand } from '../../../windows-tools/commands/masking-set-commands';
import { parseMaskingSets } from '../../../windows-tools/parsers/parse-masking-sets';
import { diskraidPlacement, maskingScript, maskingSetChanges, type WindowsAddressing } from '../../../windows-tools/render-operation';
import { maskDrift, sameAccessList } from '../../mask-drift';
import type { SanMapLun } from '../state/san-map';
import { succeeded } from '../running/tool-runner';
import { toolOnHost } from '../running/tool-on-host';
import { windowsAddressing } from '../state/windows-addressing';
import { isThisComputer, operationResult, powershellJson, type WindowsContext } from '../state/windows-context';

const describeMask = (mask: LunMask): string => (mask.maskAll ? '* (every host)' : mask.maskedTo.join(', ') || '(nobody)');

type LunMask = Pick<SanMapLun, 'maskAll' | 'maskedTo'>;

/** An access list as host names (`*` alone for every host) in the SAN map's form. */
export function maskOfHosts(hosts: readonly string[]): LunMask {
  const maskAll = hosts.includes(ALL_HOSTS);
  return { maskAll, maskedTo: maskAll ? [] : [...hosts] };
}

/** The SAN map's form back to host names (`*` alone for every host), as plans write access lists. */
function hostsOfMask(mask: LunMask): string[] {
  return mask.maskAll ? [ALL_HOSTS] : mask.maskedTo;
}

/** The hosts that see the virtual disk now, from the masking sets the array says hold it. */
async function hostsSeeingNow(context: WindowsContext, addressing: WindowsAddressing, lun: SanMapLun, read: string): Promise<string[]> {
  const known = addressing.maskingSetsFor(lun.id);
  const holding = await powershellJson(context, read, parseMaskingSets);
  return holding.flatMap((held) => {
    const set = known.find((s) => s.uniqueId.toLowerCase() === held.uniqueId.toLowerCase());
    if (set === undefined)
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `${lun.name} is in masking set "${held.friendlyName}" (${held.uniqueId}), which ShadowSwap does not know, so it cannot tell which hosts see the LUN. Add the masking set and its hosts, then plan again.`,
        { lunId: lun.id, maskingSet: held.uniqueId },
      );
    return [...set.hosts];
  });
}

/** A LUN of the batch with what the change needs. */
interface Masking {
  lun: SanMapLun;
  params: LunMaskRequest;
}

const hostsText = (hosts: readonly string[]) => hosts.join(', ') || '(nobody)';

/**
 * Reads each LUN back after the batch's changes and records what the array shows; returns the LUNs that do not show
 * their goal. A LUN that cannot be read back is left as recorded and counted as not in place.
 */
async function readBack(
  context: WindowsContext,
  addressing: WindowsAddressing,
  reads: readonly { masking: Masking; read: string }[],
): Promise<{ masking: Masking; shows: string[] | null }[]> {
  const missed: { masking: Masking; shows: string[] | null }[] = [];
  for (const { masking, read } of reads) {
    const shows = await hostsSeeingNow(context, addressing, masking.lun, read).catch(() => null);
    const inPlace = shows !== null && sameAccessList(shows, masking.params.hosts);
    if (shows !== null) await context.sanMap.recordMask(masking.lun.id, maskOfHosts(inPlace ? masking.params.hosts : shows));
    if (!inPlace) missed.push({ masking, shows });
  }
  return missed;
}

/** The batch's masking-set changes: every drift refused first, one change per masking set and direction, every LUN read back. */
async function throughMaskingSets(context: WindowsContext, batch: readonly Masking[]): Promise<number> {
  if (batch.length === 0) return 0;
  const addressing = windowsAddressing(context);
  const planned = [];
  for (const masking of batch) {
    const { lun, params } = masking;
    const now = await hostsSeeingNow(context, addressing, lun, maskingSetsOfVirtualDiskCommand(lun.uniqueId));
    const drift = params.expected === undefined ? null : maskDrift(lun, params.expected, now);
    if (drift !== null) throw drift;
    planned.push({ ...params, before: now });
  }
  const { reads, changes } = maskingSetChanges(addressing, planned);
  const readsOf = batch.map((masking, i) => ({ masking, read: reads[i]?.read ?? '' }));
  let failure: unknown = null;
  for (const change of changes) {
    try {
      succeeded(await context.runner.powershell(change));
    } catch (error) {
      failure = error;
      break;
    }
  }
  const missed = await readBack(context, addressing, readsOf);
  if (failure === null && missed.length === 0) return changes.length;
  const shown = missed.map(({ masking, shows }) =>
    shows === null
      ? `${masking.lun.name} could not be read back`
      : `${masking.lun.name} shows ${hostsText(shows)} instead of ${hostsText(masking.params.hosts)}`,
  );
  const inPlace = batch.filter((m) => !missed.some((x) => x.masking === m)).map((m) => m.lun.name);
  const done = inPlace.length > 0 ? ` Read back, ${inPlace.join(', ')} ${inPlace.length === 1 ? 'has' : 'have'} the new list.` : '';
  if (failure !== null) {
    const reason = failure instanceof Error ? failure.message : String(failure);
    throw new ShadowSwapError(
      'BACKEND_FAILED',
      `A masking-set change failed part-way through the batch: ${reason}${done} Not in place: ${shown.join('; ')}. ` +
        "Check those LUNs' masking sets with Get-MaskingSet, then resume (each LUN is read first, so none changes twice) or roll back.",
      { lunIds: missed.map((m) => m.masking.lun.id) },
    );
  }
  throw new ShadowSwapError(
    'BACKEND_FAILED',
    `The array accepted the masking changes, but reading them back, ${shown.join('; ')}.${done} ` +
      "Check the LUNs' masking sets with Get-MaskingSet before resuming.",
    {
      lunIds: missed.map((m) => m.masking.lun.id),
      expected: missed.map((m) => m.masking.params.hosts),
      actual: missed.map((m) => m.shows),
    },
  );
}

/** A VDS-only LUN's drift, against the list the SAN map recorded. */
function diskraidDrift({ lun, params }: Masking): ShadowSwapError | null {
  return params.expected === undefined ? null : maskDrift(lun, params.expected, hostsOfMask(lun));
}

/**
 * One checked diskraid session, where diskraidPlacement puts it: on this computer, PowerShell exits with diskraid's
 * exit code; on another host, diskraid's answer comes back through remoting and is judged as diskraid's.
 */
async function throughDiskraid(context: WindowsContext, { lun, params }: Masking): Promise<void> {
  const addressing = windowsAddressing(context);
  const planned = { ...params, before: hostsOfMask(lun) };
  const script = maskingScript(addressing, planned);
  if (isThisComputer(context, diskraidPlacement(addressing, planned).runsOn)) succeeded(await context.runner.powershell(script));
  else succeeded(await toolOnHost(context, 'diskraid', script));
  await context.sanMap.recordMask(lun.id, maskOfHosts(params.hosts));
}

/**
 * Gives each LUN its access list: the Storage Management LUNs as one batch, then each VDS-only LUN in its own
 * session. Every LUN's drift is checked before anything changes. `operation` names the call in the result.
 */
export async function setLunMasks(
  context: WindowsContext,
  masks: readonly LunMaskRequest[],
  operation = 'setLunMasks',
): Promise<OperationResult> {
  const map = context.sanMap.read();
  const batch = masks.map((params): Masking => {
    const lun = map.luns.find((l) => l.id === params.lunId);
    if (lun === undefined) throw new ShadowSwapError('NOT_FOUND', `LUN ${params.lunId} is not in the SAN map.`, { lunId: params.lunId });
    return { lun, params };
  });
  const managedBy = (m: Masking) => map.arrays.find((a) => a.id === m.lun.arrayId)?.management ?? 'vds';
  const vds = batch.filter((m) => managedBy(m) === 'vds');
  for (const masking of vds) {
    const drift = diskraidDrift(masking);
    if (drift !== null) throw drift;
  }
  const throughSets = batch.filter((m) => !vds.includes(m));
  const changes = await throughMaskingSets(context, throughSets);
  for (const masking of vds) await throughDiskraid(context, masking);
  const how = [
    throughSets.length > 0 ? `${changes} masking-set change(s) for ${throughSets.length} LUN(s), each read back and verified` : '',
    vds.length > 0 ? `${vds.length} diskraid session(s), each replacing a LUN's whole access list` : '',
  ].filter(Boolean);
  return operationResult(
    operation,
    `${batch.map(({ lun, params }) => `LUN ${lun.name} is now visible to ${describeMask(maskOfHosts(params.hosts))}`).join('; ')}; ${how.join('; ')}.`,
    batch.map(({ lun, params }) => `${lun.name}: ${describeMask(lun)} → ${describeMask(maskOfHosts(params.hosts))}`),
  );
}

export function setLunMask(context: WindowsContext, params: LunMaskRequest): Promise<OperationResult> {
  return setLunMasks(context, [params], 'setLunMask');
}
