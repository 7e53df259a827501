/**
 * LUN masking on the array, with the semantics of IVdsLun::SetMask and diskraid `unmask lun` without
 * `add`: the list given REPLACES the access list. `*` means every host (present and future), an empty
 * list means nobody. Any host left out loses the LUN, and the cluster reacts as a real one does.
 */
import { ShadowSwapError } from '../../../../shared/errors';
import type { OperationResult } from '../../../../shared/domain';
import { ALL_HOSTS } from '../../backend';
import { failResourcesThatLostTheirDisk } from './cluster-service';
import { resolveCollision } from './host-disks';
import type { LabLun, LabState } from './lab-model';
import { findHost, findLun } from './lab-lookup';
import { listNames, report } from './operation';

/** The canonical mask for a request: `*` alone, or known host names without duplicates. */
function normalizeMask(state: LabState, hosts: readonly string[]): string[] {
  if (hosts.includes(ALL_HOSTS)) {
    if (hosts.length > 1) {
      throw new ShadowSwapError(
        'INVALID_REQUEST',
        `A mask is either "*" (every host) or a list of hosts, not both: got ${hosts.join(', ')}.`,
      );
    }
    return [ALL_HOSTS];
  }
  return [...new Set(hosts.map((name) => findHost(state, name).name))];
}

function hostsSeeing(state: LabState, lun: LabLun): string[] {
  return lun.mask.includes(ALL_HOSTS) ? state.hosts.map((host) => host.name) : [...lun.mask];
}

export function setLunMask(state: LabState, params: { lunId: string; hosts: string[] }): OperationResult {
  const lun = findLun(state, params.lunId);
  const mask = normalizeMask(state, params.hosts);
  const before = hostsSeeing(state, lun);
  const beforeText = lun.mask.includes(ALL_HOSTS) ? '* (all hosts)' : listNames(before);
  lun.mask = mask;
  const after = hostsSeeing(state, lun);
  const added = after.filter((name) => !before.includes(name));
  const removed = before.filter((name) => !after.includes(name));
  const afterText = mask.includes(ALL_HOSTS) ? '* (all hosts)' : listNames(after);

  const warnings: string[] = [];
  if (removed.length > 0 && added.length > 0) {
    warnings.push(
      `The list replaced the old one: ${listNames(removed)} lost ${lun.name}. To add hosts, give the full list including the ones that keep it.`,
    );
  }
  const collision = resolveCollision(state, lun, added, 'mask');
  if (collision) warnings.push(collision);
  warnings.push(...failResourcesThatLostTheirDisk(state));

  const summary =
    beforeText === afterText
      ? `${lun.name} was already unmasked to ${afterText}; nothing changed.`
      : `${lun.name} is now unmasked to ${afterText} (was ${beforeText}).`;
  return report('setLunMask', summary, {
    changes: [...added.map((name) => `${name} now sees ${lun.name}`), ...removed.map((name) => `${name} no longer sees ${lun.name}`)],
    warnings,
  });
}
