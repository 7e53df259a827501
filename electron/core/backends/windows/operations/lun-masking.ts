/**
 * Steps 2b and 6a on Windows: set a LUN's access list with a diskraid script. Masking REPLACES the list
 * (`unmask lun` without `add`, IVdsLun::SetMask), so the full new list is rendered from host names through the
 * SAN map's initiators (windows-tools/render-operation.ts), shown before → after, and recorded in the map once the
 * array accepted it.
 */
import type { OperationResult } from '../../../../../shared/domain';
import { ShadowSwapError } from '../../../../../shared/errors';
import { ALL_HOSTS } from '../../../backend';
import { maskingScript } from '../../../windows-tools/render-operation';
import type { SanMapLun } from '../state/san-map';
import { succeeded } from '../running/tool-runner';
import { windowsAddressing } from '../state/windows-addressing';
import { operationResult, type WindowsContext } from '../state/windows-context';

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

export async function setLunMask(context: WindowsContext, params: { lunId: string; hosts: string[] }): Promise<OperationResult> {
  const lun = context.sanMap.read().luns.find((l) => l.id === params.lunId);
  const script = maskingScript(windowsAddressing(context), { ...params, before: lun === undefined ? [] : hostsOfMask(lun) });
  if (lun === undefined) throw new ShadowSwapError('NOT_FOUND', `LUN ${params.lunId} is not in the SAN map.`, { lunId: params.lunId });
  const after = maskOfHosts(params.hosts);
  succeeded(await context.runner.diskraid(script));
  await context.sanMap.recordMask(lun.id, after);
  return operationResult(
    'setLunMask',
    `LUN ${lun.name} is now visible to ${describeMask(after)}; the array replaced its whole access list.`,
    [`${lun.name}: ${describeMask(lun)} → ${describeMask(after)}`],
  );
}
