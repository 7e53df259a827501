/**
 * LUN masking on the array, as each management path really behaves (docs/windows-facts.md#masking-sets-add-and-remove):
 * - A Storage Management array masks through masking sets: access is ADDED by adding the LUN to the masking set
 *   that holds a host's initiators and REMOVED by removing it; other hosts' access is untouched. A host with no
 *   masking set on the array cannot be given the LUN, and a masking set grants every host in it. There is no
 *   "every host".
 * - A VDS-only array takes IVdsLun::SetMask (diskraid `unmask lun` without `add`): the list given REPLACES the
 *   access list, and `*` grants "the ports and initiators on the local computer" only, as most hardware providers
 *   do: the computer diskraid runs on.
 * Either way, a caller that says which list it expects is refused, with the difference named, when the array shows
 * another (drift), before anything changes. And either way a host that loses a disk it has installed, without an
 * uninstall first, sees it surprise removed (System event 157): only the host diskraid runs on with `uninstall` is
 * spared (docs/windows-facts.md#diskraid-uninstall-runs-on-a-host-that-loses-the-lun).
 */
import { ShadowSwapError } from '../../../../shared/errors';
import type { OperationResult, StorageArray } from '../../../../shared/domain';
import { ALL_HOSTS, type LunMaskRequest } from '../../backend';
import { maskDrift } from '../mask-drift';
import { diskraidPlacement, noMaskingSetError as noMaskingSetErrorFor, sameComputer } from '../../windows-tools/render-operation';
import { requireArrayAnswers } from './array-provider';
import { failResourcesThatLostTheirDisk } from './cluster-service';
import { hostListsDisk, recordMaskChange, resolveCollision } from './host-disks';
import { labAddressing, labConsoleComputer } from './lab-addressing';
import type { LabLun, LabMaskingSet, LabState } from './lab-model';
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

const maskText = (mask: readonly string[]): string => (mask.includes(ALL_HOSTS) ? '* (every host)' : listNames([...mask]));

/** Refuses, naming the difference, when the array's list is not the one the caller planned from. */
function refuseDrift(state: LabState, lun: LabLun, expected: readonly string[] | undefined): void {
  const drift = expected === undefined ? null : maskDrift(lun, normalizeMask(state, expected), lun.mask);
  if (drift !== null) throw drift;
}

function arrayOf(state: LabState, lun: LabLun): StorageArray {
  const array = state.arrays.find((a) => a.id === lun.arrayId);
  if (array === undefined) throw new ShadowSwapError('NOT_FOUND', `${lun.name} names array ${lun.arrayId}, which is not in this estate.`);
  return array;
}

/** The masking set holding a host's initiators on an array (a host is in at most one per array). */
export function maskingSetOf(state: LabState, arrayId: string, host: string): LabMaskingSet | undefined {
  return state.maskingSets.find((set) => set.arrayId === arrayId && set.hosts.some((h) => h.toUpperCase() === host.toUpperCase()));
}

/** The operator error for a host that has no masking set on an array, with the command that would create one. */
export function noMaskingSetError(state: LabState, array: StorageArray, host: string, lunName: string): ShadowSwapError {
  const { name, initiators } = findHost(state, host);
  return noMaskingSetErrorFor({ host: name, lunName, arrayName: array.name, initiators });
}

interface MaskChange {
  mask: string[];
  warnings: string[];
  steps: string[];
}

/** SetMask: the new list replaces the old; `*` reaches the computer diskraid runs on, and no other. */
function replaceMask(state: LabState, lun: LabLun, wanted: string[]): MaskChange {
  if (!wanted.includes(ALL_HOSTS)) return { mask: wanted, warnings: [], steps: [] };
  const local = labConsoleComputer(state, lun.id);
  return {
    mask: [local],
    steps: [],
    warnings: [
      `"*" was passed to the array's VDS provider, which grants only the computer the command ran on (${local}), not every host: name the hosts instead.`,
    ],
  };
}

/** Add/remove through masking sets: only the sets that must change are touched, whole. */
function changeThroughMaskingSets(state: LabState, array: StorageArray, lun: LabLun, wanted: string[]): MaskChange {
  requireArrayAnswers(state, array);
  if (wanted.includes(ALL_HOSTS))
    throw new ShadowSwapError(
      'INVALID_REQUEST',
      `${array.name} grants access through masking sets, which name their initiators: there is no "every host". Name the hosts that must see ${lun.name}.`,
      { lunId: lun.id },
    );
  const has = (mask: readonly string[], host: string) => mask.some((h) => h.toUpperCase() === host.toUpperCase());
  const current = lun.mask.includes(ALL_HOSTS) ? state.hosts.map((h) => h.name) : lun.mask;
  const setFor = (host: string) => maskingSetOf(state, array.id, host);
  const adds = new Map<string, LabMaskingSet>();
  for (const host of wanted.filter((h) => !has(current, h))) {
    const set = setFor(host);
    if (set === undefined) throw noMaskingSetError(state, array, host, lun.name);
    const extra = set.hosts.filter((h) => !has(wanted, h));
    if (extra.length > 0)
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `Masking set ${set.friendlyName} on ${array.name} also holds ${listNames(extra)}: adding ${lun.name} to it would let them see it too. Give ${host} a masking set of its own, or include them.`,
        { lunId: lun.id, maskingSet: set.friendlyName },
      );
    adds.set(set.uniqueId, set);
  }
  const removes = new Map<string, LabMaskingSet>();
  for (const host of current.filter((h) => !has(wanted, h))) {
    const set = setFor(host);
    if (set === undefined)
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `${host} sees ${lun.name} through no masking set ShadowSwap knows on ${array.name}, so it cannot take the LUN away from it. Check the array's masking.`,
        { lunId: lun.id, host },
      );
    const keeping = set.hosts.filter((h) => has(wanted, h));
    if (keeping.length > 0)
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `Masking set ${set.friendlyName} on ${array.name} also holds ${listNames(keeping)}, which must keep ${lun.name}: removing it from the set would take it from them too.`,
        { lunId: lun.id, maskingSet: set.friendlyName },
      );
    removes.set(set.uniqueId, set);
  }
  const granted = [...adds.values()].flatMap((s) => s.hosts);
  const revoked = new Set([...removes.values()].flatMap((s) => s.hosts.map((h) => h.toUpperCase())));
  return {
    mask: [...current.filter((h) => !revoked.has(h.toUpperCase())), ...granted.filter((h) => !has(current, h))],
    warnings: [],
    steps: [
      ...[...adds.values()].map((s) => `added to masking set ${s.friendlyName} (${listNames(s.hosts)})`),
      ...[...removes.values()].map((s) => `removed from masking set ${s.friendlyName} (${listNames(s.hosts)})`),
    ],
  };
}

/**
 * The hosts whose installed disk the change takes away without an uninstall: on a VDS-only array, every host that
 * loses the LUN and lists its disk except the one diskraid runs on with `uninstall` (the node the caller named as
 * holding a clustered disk, else as diskraidPlacement finds it); through masking sets, every such host
 * (Remove-VirtualDiskFromMaskingSet uninstalls nothing).
 */
function surpriseRemovals(
  state: LabState,
  array: StorageArray,
  lun: LabLun,
  request: { wanted: readonly string[]; diskHolder: string | undefined },
  losing: readonly string[],
): string[] {
  const listing = losing.filter((name) => hostListsDisk(findHost(state, name), lun));
  if (array.management !== 'vds') return listing;
  const planned = { lunId: lun.id, hosts: [...request.wanted], before: [...lun.mask], diskHolder: request.diskHolder };
  const { runsOn, uninstall } = diskraidPlacement(labAddressing(state, { operation: 'setLunMask', ...planned }), planned);
  return listing.filter((name) => !(uninstall && sameComputer(name, runsOn)));
}

function surpriseRemovalWarning(host: string, lun: LabLun): string {
  return (
    `${host} logged "Disk has been surprise removed" (System event 157, source disk) for ${lun.name}: the array took the LUN away while its disk was installed there, without an uninstall first. ` +
    `Check ${host}'s System log and that nothing on it still used the disk.`
  );
}

function hostsSeeing(state: LabState, mask: readonly string[]): string[] {
  return mask.includes(ALL_HOSTS) ? state.hosts.map((host) => host.name) : [...mask];
}

/** Refuses, before anything changes, a request whose LUN's list is not the one its caller planned from (drift). */
export function refuseMaskDrift(state: LabState, params: LunMaskRequest): void {
  refuseDrift(state, findLun(state, params.lunId), params.expected);
}

export function setLunMask(state: LabState, params: LunMaskRequest): OperationResult {
  const lun = findLun(state, params.lunId);
  refuseDrift(state, lun, params.expected);
  const array = arrayOf(state, lun);
  const wanted = normalizeMask(state, params.hosts);
  const change = array.management === 'vds' ? replaceMask(state, lun, wanted) : changeThroughMaskingSets(state, array, lun, wanted);
  const before = hostsSeeing(state, lun.mask);
  const lostUnprepared = surpriseRemovals(
    state,
    array,
    lun,
    { wanted, diskHolder: params.diskHolder },
    before.filter((name) => !hostsSeeing(state, change.mask).includes(name)),
  );
  const beforeText = maskText(lun.mask);
  lun.mask = change.mask;
  const after = hostsSeeing(state, lun.mask);
  const added = after.filter((name) => !before.includes(name));
  const removed = before.filter((name) => !after.includes(name));
  const afterText = maskText(lun.mask);
  recordMaskChange(state, lun, added, removed);

  const warnings = [...change.warnings, ...lostUnprepared.map((host) => surpriseRemovalWarning(host, lun))];
  if (array.management === 'vds' && removed.length > 0 && added.length > 0) {
    warnings.push(
      `The list replaced the old one: ${listNames(removed)} lost ${lun.name}. To add hosts, give the full list including the ones that keep it.`,
    );
  }
  const collision = resolveCollision(state, lun, added, 'mask');
  if (collision) warnings.push(collision);
  warnings.push(...failResourcesThatLostTheirDisk(state));

  const how = change.steps.length > 0 ? ` (${change.steps.join('; ')})` : '';
  const summary =
    beforeText === afterText
      ? `${lun.name} was already unmasked to ${afterText}; nothing changed.`
      : `${lun.name} is now unmasked to ${afterText} (was ${beforeText})${how}.`;
  return report('setLunMask', summary, {
    changes: [...added.map((name) => `${name} now sees ${lun.name}`), ...removed.map((name) => `${name} no longer sees ${lun.name}`)],
    warnings,
  });
}
