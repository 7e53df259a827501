/**
 * The Windows commands the Lab stands in for, rendered by the Windows backend's own builders from the Lab's
 * estate: diskraid addresses from the Lab's array order and LUN numbers (the `<n>` of `<array>:lun-<n>`),
 * access lists from its hosts' initiators. The plan marks them as simulated.
 */
import type { CommandPreview } from '../../../../shared/recovery';
import { ShadowSwapError } from '../../../../shared/errors';
import { ALL_HOSTS, type PlannedOperation } from '../../backend';
import { diskIdentityCommand, ownerNodeCommand } from '../windows/cluster-steps';
import { buildMaskingScript, type LunAccess } from '../windows/diskraid-scripts';
import { buildBreakScript, buildImportScript } from '../windows/diskshadow-scripts';
import { setDiskWritableCommand } from '../windows/powershell-commands';
import { vshadowCommandLine } from '../windows/tool-argv';
import { buildBreakExArgs } from '../windows/vshadow-args';
import type { LabLun, LabSnapshotSet, LabState } from './lab-model';
import { findLun, findSnapshotSet } from './lab-lookup';
import { lunNumberOf } from './vss-provider';

/** Where a Windows console keeps a set's .cab when the Lab's catalog records only its name. */
const METADATA_FOLDER = 'C:\\ShadowSwap\\metadata';

/**
 * The computer a Windows console would run diskraid, diskshadow and vshadow on: the procedure imports there, so
 * it is the host a set is imported on (or was taken on, before its import). The Lab has no computer of its own.
 */
function consoleHostOf(set: LabSnapshotSet): string {
  return set.importedTo ?? set.sourceHost;
}

function newestSetWith(state: LabState, lun: LabLun): LabSnapshotSet {
  const set = state.snapshotSets.findLast((s) => s.shadowCopies.some((c) => c.originalLunId === lun.id || c.shadowLunId === lun.id));
  if (set === undefined)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${lun.name} is in no shadow copy set, so no recovery masks it and the Lab cannot tell which host would run diskraid.`,
      { lunId: lun.id },
    );
  return set;
}

/** Hosts the Lab does not know, or without initiators, get no entry: the Lab's own masking is what runs. */
function accessFor(state: LabState, hosts: readonly string[]): LunAccess {
  if (hosts.includes(ALL_HOSTS)) return { kind: 'all' };
  const initiators = hosts.flatMap((name) => state.hosts.find((h) => h.name.toLowerCase() === name.toLowerCase())?.initiators ?? []);
  if (initiators.length === 0) return { kind: 'none' };
  if (initiators.every((i) => i.kind === 'fc')) return { kind: 'wwn', wwns: initiators.flatMap((i) => (i.kind === 'fc' ? [i.wwn] : [])) };
  return { kind: 'iscsi', initiators: initiators.flatMap((i) => (i.kind === 'iscsi' ? [i.iqn] : [])) };
}

const sees = (hosts: readonly string[], host: string): boolean =>
  hosts.includes(ALL_HOSTS) || hosts.some((h) => h.toLowerCase() === host.toLowerCase());

function maskCommand(state: LabState, planned: Extract<PlannedOperation, { operation: 'setLunMask' }>): CommandPreview {
  const lun = findLun(state, planned.lunId);
  const runsOn = consoleHostOf(newestSetWith(state, lun));
  const script = buildMaskingScript({
    subsystem: state.arrays.findIndex((a) => a.id === lun.arrayId),
    lun: lunNumberOf(lun.id),
    access: accessFor(state, planned.hosts),
    // As the Windows backend does: diskraid uninstalls the disk where it runs when that computer loses it.
    uninstallLocalDisk: sees(planned.before, runsOn) && !sees(planned.hosts, runsOn),
  });
  return { tool: 'diskraid', runsOn, text: script };
}

function breakCommand(set: LabSnapshotSet, mode: Extract<PlannedOperation, { operation: 'breakSnapshotSet' }>['mode']): CommandPreview {
  const runsOn = consoleHostOf(set);
  if (mode === 'revert-identity') {
    return {
      tool: 'vshadow',
      runsOn,
      text: vshadowCommandLine(buildBreakExArgs({ setId: set.id, mode: { kind: 'expose', readWrite: true, revertIdentity: 'force' } })),
    };
  }
  return { tool: 'diskshadow', runsOn, text: buildBreakScript(set.id, mode === 'writable') };
}

function readWriteCommand(state: LabState, lunId: string, host: string): CommandPreview {
  const lun = findLun(state, lunId);
  // As the Windows backend does: Set-Disk is remoted unless the host is the console's own computer.
  const remote = sees([consoleHostOf(newestSetWith(state, lun))], host) ? {} : { computer: host };
  // Get-Disk's UniqueId is the page 0x83 identifier; without one the disk can only be picked by number on the host.
  const uniqueId = lun.identifiers[0]?.value;
  const text = uniqueId
    ? setDiskWritableCommand({ disk: { uniqueId }, ...remote })
    : `# ${lun.name} reports no page 0x83 identifier: find its disk number with Get-Disk on ${host}, then Set-Disk -Number N -IsReadOnly $false`;
  return { tool: 'powershell', runsOn: host, text };
}

export function windowsEquivalents(state: LabState, planned: PlannedOperation): CommandPreview[] {
  switch (planned.operation) {
    case 'setLunMask':
      return [maskCommand(state, planned)];
    case 'importSnapshotSet': {
      const { metadataFile } = findSnapshotSet(state, planned.setId);
      const metadataPath = /^[A-Za-z]:\\/.test(metadataFile) ? metadataFile : `${METADATA_FOLDER}\\${metadataFile}`;
      return [{ tool: 'diskshadow', runsOn: planned.host, text: buildImportScript({ metadataPath }) }];
    }
    case 'breakSnapshotSet':
      return [breakCommand(findSnapshotSet(state, planned.setId), planned.mode)];
    case 'setVolumesReadWrite':
      return planned.lunIds.map((lunId) => readWriteCommand(state, lunId, planned.host));
    case 'setResourceDiskIdentity':
      return [{ tool: 'powershell', runsOn: planned.onNode, text: diskIdentityCommand(planned, planned.identity) }];
    default:
      return [{ tool: 'powershell', runsOn: planned.onNode, text: ownerNodeCommand(planned.operation, planned) }];
  }
}
