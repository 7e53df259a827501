/**
 * Steps 2b and 6a on Windows: set a LUN's access list with a diskraid script. Masking REPLACES the list
 * (`unmask lun` without `add`, IVdsLun::SetMask), so the full new list is computed from host names through
 * the SAN map's initiators, shown before → after, and recorded in the map once the array accepted it.
 */
import type { OperationResult } from '../../../../shared/domain';
import { ShadowSwapError } from '../../../../shared/errors';
import { ALL_HOSTS } from '../../backend';
import { buildMaskingScript, type LunAccess } from './diskraid-scripts';
import type { SanMap, SanMapLun } from './san-map';
import { succeeded } from './tool-runner';
import { isThisComputer, operationResult, type WindowsContext } from './windows-context';
import { lunVisibleTo, sameName } from './windows-views';

function accessFor(map: SanMap, hosts: readonly string[]): LunAccess {
  if (hosts.includes(ALL_HOSTS)) {
    if (hosts.length > 1)
      throw new ShadowSwapError(
        'INVALID_REQUEST',
        '"*" (every host) cannot be combined with host names: an access list is either everyone or a list.',
        { hosts },
      );
    return { kind: 'all' };
  }
  if (hosts.length === 0) return { kind: 'none' };
  const initiators = hosts.flatMap((name) => {
    const host = map.hosts.find((h) => sameName(h.name, name));
    if (host === undefined)
      throw new ShadowSwapError(
        'NOT_FOUND',
        `Host ${name} is not in the SAN map, so its initiators are unknown. Add it with its FC WWNs or iSCSI names, then retry.`,
        { host: name },
      );
    if (host.initiators.length === 0)
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `Host ${name} has no initiators in the SAN map, so no LUN can be unmasked to it. Add its FC WWNs or iSCSI names.`,
        { host: name },
      );
    return host.initiators;
  });
  const wwns = initiators.flatMap((i) => (i.kind === 'fc' ? [i.wwn] : []));
  const iqns = initiators.flatMap((i) => (i.kind === 'iscsi' ? [i.iqn] : []));
  if (wwns.length > 0 && iqns.length > 0) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      'These hosts reach the array through both Fibre Channel and iSCSI; one diskraid "unmask lun" sets either WWNs or iSCSI initiators, not both. Mask the LUN with the array vendor\'s tool.',
      { hosts },
    );
  }
  return wwns.length > 0 ? { kind: 'wwn', wwns } : { kind: 'iscsi', initiators: iqns };
}

const describeMask = (mask: LunMask): string => (mask.maskAll ? '* (every host)' : mask.maskedTo.join(', ') || '(nobody)');

type LunMask = Pick<SanMapLun, 'maskAll' | 'maskedTo'>;

/** An access list as host names (`*` alone for every host) in the SAN map's form. */
export function maskOfHosts(hosts: readonly string[]): LunMask {
  const maskAll = hosts.includes(ALL_HOSTS);
  return { maskAll, maskedTo: maskAll ? [] : [...hosts] };
}

export interface MaskingPlan {
  lun: SanMapLun;
  /** The diskraid script that sets the new list. */
  script: string;
  after: LunMask;
}

/**
 * What setting a LUN's access list takes: the diskraid script (with `uninstall` when this computer loses the disk)
 * and the list after it. `before` is the list the LUN has when the script runs: the SAN map's now, or the one a
 * plan expects once its earlier steps ran.
 */
export function maskingPlan(context: WindowsContext, params: { lunId: string; hosts: string[] }, before?: LunMask): MaskingPlan {
  const map = context.sanMap.read();
  const lun = map.luns.find((l) => l.id === params.lunId);
  if (lun === undefined) {
    throw new ShadowSwapError(
      'NOT_FOUND',
      `LUN ${params.lunId} is not in the SAN map (${context.sanMap.file}); its diskraid subsystem and LUN numbers are unknown. Add it, then retry.`,
      { lunId: params.lunId },
    );
  }
  const array = map.arrays.find((a) => a.id === lun.arrayId);
  if (array === undefined)
    throw new ShadowSwapError(
      'NOT_FOUND',
      `LUN ${lun.id} names array ${lun.arrayId}, which is not in the SAN map. Add the array, then retry.`,
      { lunId: lun.id },
    );

  const access = accessFor(map, params.hosts);
  const after = maskOfHosts(params.hosts);
  const current = before ?? lun;
  // SetMask asks callers to uninstall the disk before masking it away; diskraid does that locally with `uninstall`.
  const losesLocalAccess = map.hosts.some(
    (h) => isThisComputer(context, h.name) && lunVisibleTo(current, h.name) && !lunVisibleTo(after, h.name),
  );
  return {
    lun,
    script: buildMaskingScript({ subsystem: array.diskraidSubsystem, lun: lun.diskraidLun, access, uninstallLocalDisk: losesLocalAccess }),
    after,
  };
}

export async function setLunMask(context: WindowsContext, params: { lunId: string; hosts: string[] }): Promise<OperationResult> {
  const { lun, script, after } = maskingPlan(context, params);
  succeeded(await context.runner.diskraid(script));
  context.sanMap.recordMask(lun.id, after);
  return operationResult(
    'setLunMask',
    `LUN ${lun.name} is now visible to ${describeMask(after)}; the array replaced its whole access list.`,
    [`${lun.name}: ${describeMask(lun)} → ${describeMask(after)}`],
  );
}
