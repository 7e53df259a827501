/**
 * Steps 2b and 6a on Windows: give a LUN an access list, with the commands windows-tools/render-operation.ts
 * renders for its array's management path.
 * - Storage Management array: read which masking sets hold the virtual disk (by UniqueId) and refuse on drift from
 *   the plan, naming the difference; add it to / remove it from the masking sets of the hosts that gain / lose it;
 *   read again and verify the array shows exactly the goal (docs/windows-facts.md#masking-sets-add-and-remove).
 * - VDS-only array: one checked diskraid session (diskraid-session.ts) that unmasks only after `detail lun` shows
 *   the LUN's identifier; the list is replaced, so the full list is sent, and `*` never is. The SAN map's recorded
 *   list is what drift is checked against there: diskraid's listing has no public capture to read it from.
 * The SAN map records the new list once the array accepted it.
 */
import type { OperationResult } from '../../../../../shared/domain';
import { ShadowSwapError } from '../../../../../shared/errors';
import { ALL_HOSTS } from '../../../backend';
import { maskingSetsOfVirtualDiskCommand } from '../../../windows-tools/commands/masking-set-commands';
import { parseMaskingSets } from '../../../windows-tools/parsers/parse-masking-sets';
import { maskingScript, maskingSetChanges, type WindowsAddressing } from '../../../windows-tools/render-operation';
import { maskDrift, sameAccessList } from '../../mask-drift';
import type { SanMapLun } from '../state/san-map';
import { succeeded } from '../running/tool-runner';
import { windowsAddressing } from '../state/windows-addressing';
import { operationResult, powershellJson, type WindowsContext } from '../state/windows-context';

const describeMask = (mask: LunMask): string => (mask.maskAll ? '* (every host)' : mask.maskedTo.join(', ') || '(nobody)');

type LunMask = Pick<SanMapLun, 'maskAll' | 'maskedTo'>;

export interface MaskParams {
  lunId: string;
  hosts: string[];
  expected?: string[];
}

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

async function throughMaskingSets(context: WindowsContext, lun: SanMapLun, params: MaskParams): Promise<string[]> {
  const addressing = windowsAddressing(context);
  const now = await hostsSeeingNow(context, addressing, lun, maskingSetsOfVirtualDiskCommand(lun.uniqueId));
  const drift = params.expected === undefined ? null : maskDrift(lun, params.expected, now);
  if (drift !== null) throw drift;
  const { read, changes } = maskingSetChanges(addressing, { ...params, before: now });
  for (const change of changes) succeeded(await context.runner.powershell(change));
  const after = await hostsSeeingNow(context, addressing, lun, read);
  if (!sameAccessList(after, params.hosts))
    throw new ShadowSwapError(
      'BACKEND_FAILED',
      `The array accepted the masking changes for ${lun.name}, but reading it back shows ${after.join(', ') || '(nobody)'} instead of ${params.hosts.join(', ') || '(nobody)'}. ` +
        "Check the LUN's masking sets with Get-MaskingSet before resuming.",
      { lunId: lun.id, expected: params.hosts, actual: after },
    );
  return changes;
}

async function throughDiskraid(context: WindowsContext, lun: SanMapLun, params: MaskParams): Promise<void> {
  const recorded = hostsOfMask(lun);
  const drift = params.expected === undefined ? null : maskDrift(lun, params.expected, recorded);
  if (drift !== null) throw drift;
  succeeded(await context.runner.powershell(maskingScript(windowsAddressing(context), { ...params, before: recorded })));
}

export async function setLunMask(context: WindowsContext, params: MaskParams): Promise<OperationResult> {
  const map = context.sanMap.read();
  const lun = map.luns.find((l) => l.id === params.lunId);
  if (lun === undefined) throw new ShadowSwapError('NOT_FOUND', `LUN ${params.lunId} is not in the SAN map.`, { lunId: params.lunId });
  const management = map.arrays.find((a) => a.id === lun.arrayId)?.management ?? 'vds';
  const after = maskOfHosts(params.hosts);
  let how = 'the array replaced its whole access list';
  if (management === 'vds') await throughDiskraid(context, lun, params);
  else how = `${(await throughMaskingSets(context, lun, params)).length} masking set change(s), read back and verified`;
  await context.sanMap.recordMask(lun.id, after);
  return operationResult('setLunMask', `LUN ${lun.name} is now visible to ${describeMask(after)}; ${how}.`, [
    `${lun.name}: ${describeMask(lun)} → ${describeMask(after)}`,
  ]);
}
