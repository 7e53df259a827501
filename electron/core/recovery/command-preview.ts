/**
 * The exact Windows commands each step stands for, rendered by the Windows backend's own script builders
 * (so the preview is what would run, validated the same way). The Lab shows them marked as simulated.
 */
import type { Host, Lun } from '../../../shared/domain';
import type { CommandPreview } from '../../../shared/recovery';
import { ALL_HOSTS } from '../backend';
import { buildMaskingScript, type LunAccess } from '../backends/windows/diskraid-scripts';
import { buildBreakScript, buildImportScript } from '../backends/windows/diskshadow-scripts';
import {
  resumeClusterResourceCommand,
  setDiskWritableCommand,
  startClusterResourceCommand,
  stopClusterResourceCommand,
  suspendClusterResourceCommand,
} from '../backends/windows/powershell-commands';
import { buildBreakExArgs } from '../backends/windows/vshadow-args';
import type { Estate } from './estate';
import { hostOf } from './estate';

/** diskraid addresses LUNs by subsystem and LUN number; the Lab numbers them in array order. */
function diskraidAddress(estate: Estate, lun: Lun): { subsystem: number; lun: number } {
  const arrays = [...new Set([...estate.luns.values()].map((l) => l.arrayId))];
  const sameArray = [...estate.luns.values()].filter((l) => l.arrayId === lun.arrayId);
  return { subsystem: arrays.indexOf(lun.arrayId), lun: sameArray.findIndex((l) => l.id === lun.id) };
}

function accessFor(estate: Estate, hosts: readonly string[]): LunAccess {
  if (hosts.includes(ALL_HOSTS)) return { kind: 'all' };
  const known = hosts.map((name) => hostOf(estate, name)).filter((h): h is Host => h !== undefined);
  const initiators = known.flatMap((h) => h.initiators);
  if (initiators.length === 0) return { kind: 'none' };
  if (initiators.every((i) => i.kind === 'fc')) return { kind: 'wwn', wwns: initiators.map((i) => (i.kind === 'fc' ? i.wwn : '')) };
  return { kind: 'iscsi', initiators: initiators.flatMap((i) => (i.kind === 'iscsi' ? [i.iqn] : [])) };
}

export function maskCommand(estate: Estate, lun: Lun, hosts: readonly string[], runsOn: string): CommandPreview {
  return { tool: 'diskraid', runsOn, text: buildMaskingScript({ ...diskraidAddress(estate, lun), access: accessFor(estate, hosts) }) };
}

export function resourceCommand(action: 'stop' | 'start' | 'suspend' | 'resume', resource: string, ownerNode: string): CommandPreview {
  const builders = { stop: stopClusterResourceCommand, start: startClusterResourceCommand, suspend: suspendClusterResourceCommand, resume: resumeClusterResourceCommand };
  return { tool: 'powershell', runsOn: ownerNode, text: builders[action]({ resource, ownerNode }) };
}

/** Where ShadowSwap keeps a set's .cab on the importing host when the catalog records only its name. */
export const METADATA_FOLDER = 'C:\\ShadowSwap\\metadata';

export function importCommand(metadataFile: string, host: string): CommandPreview {
  const metadataPath = /^[A-Za-z]:\\/.test(metadataFile) ? metadataFile : `${METADATA_FOLDER}\\${metadataFile}`;
  return { tool: 'diskshadow', runsOn: host, text: buildImportScript({ metadataPath }) };
}

export function breakCommand(setId: string, mode: 'revert-identity' | 'writable' | 'plain', host: string): CommandPreview {
  if (mode === 'revert-identity') {
    return { tool: 'vshadow', runsOn: host, text: ['vshadow.exe', ...buildBreakExArgs({ setId, mode: { kind: 'expose', readWrite: true, revertIdentity: 'force' } })].join(' ') };
  }
  return { tool: 'diskshadow', runsOn: host, text: buildBreakScript(setId, mode === 'writable') };
}

export function readWriteCommand(lun: Lun, host: string): CommandPreview {
  // Get-Disk's UniqueId is the page 0x83 identifier; without one the disk can only be picked by number on the host.
  const uniqueId = lun.identifiers[0]?.value;
  const text = uniqueId
    ? setDiskWritableCommand({ disk: { uniqueId }, computer: host })
    : `# ${lun.name} reports no page 0x83 identifier: find its disk number with Get-Disk on ${host}, then Set-Disk -Number N -IsReadOnly $false`;
  return { tool: 'powershell', runsOn: host, text };
}
