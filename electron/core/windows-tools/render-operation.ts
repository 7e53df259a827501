/**
 * The one place that turns a planned operation into the exact Windows commands: the Windows backend runs what this
 * renders, and the Lab previews its plans by calling it with addressing taken from its own estate. Every rule that
 * decides a command (who is on an access list, when diskraid uninstalls the local disk, when PowerShell remotes,
 * which tool breaks a set) lives here once, so a plan's commands are what runs (docs/architecture.md#windows-tools).
 */
import type { CommandPreview } from '../../../shared/recovery';
import type { Initiator } from '../../../shared/domain';
import { ShadowSwapError } from '../../../shared/errors';
import type { BreakMode } from '../../../shared/domain';
import { ALL_HOSTS, type PlannedDiskIdentity, type PlannedOperation, type ResourceOnNode } from '../backend';
import { buildMaskingScript, type LunAccess } from './commands/diskraid-scripts';
import { buildBreakScript, buildImportScript } from './commands/diskshadow-scripts';
import {
  resumeClusterResourceCommand,
  setDiskResourceIdentityCommand,
  setDiskWritableCommand,
  setPendingDiskResourceIdentityCommand,
  startClusterResourceCommand,
  stopClusterResourceCommand,
  suspendClusterResourceCommand,
} from './commands/powershell-commands';
import { vshadowCommandLine } from './commands/tool-argv';
import { buildBreakExArgs } from './commands/vshadow-args';

/** A LUN as diskraid (subsystem and LUN index) and Get-Disk (UniqueId, the VPD page 0x83 identifier) address it. */
export interface LunAddress {
  name: string;
  subsystem: number;
  lun: number;
  uniqueId: string | null;
}

/** What a backend knows about its estate that a command needs; each backend fills it from its own state. */
export interface WindowsAddressing {
  /** The computer diskraid, diskshadow and vshadow run on for this operation: the console's own. */
  consoleComputer: string;
  /** Throws an operator error naming what is missing when the LUN is unknown. */
  lun(lunId: string): LunAddress;
  /** A host's initiators, or undefined when the host is unknown. */
  initiatorsOf(host: string): readonly Initiator[] | undefined;
  /** Where the set's metadata .cab is, as the import host reads it. */
  metadataPath(setId: string): string;
}

/** A host named by NetBIOS or DNS name is the same computer by its first label, case-insensitively. */
export function sameComputer(a: string, b: string): boolean {
  const first = (name: string) => (name.split('.')[0] ?? name).toLowerCase();
  return first(a) === first(b);
}

/** Whether an access list (host names, or `*` alone for every host) lets `host` see the LUN. */
export function accessListIncludes(hosts: readonly string[], host: string): boolean {
  return hosts.includes(ALL_HOSTS) || hosts.some((h) => sameComputer(h, host));
}

/** The diskraid access list for host names: their initiators, FC or iSCSI (one `unmask lun` cannot mix them). */
export function accessFor(addressing: WindowsAddressing, hosts: readonly string[]): LunAccess {
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
    const known = addressing.initiatorsOf(name);
    if (known === undefined)
      throw new ShadowSwapError(
        'NOT_FOUND',
        `Host ${name} is not known to this estate, so its initiators are unknown. Add it with its FC WWNs or iSCSI names, then retry.`,
        { host: name },
      );
    if (known.length === 0)
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `Host ${name} has no initiators on record, so no LUN can be unmasked to it. Add its FC WWNs or iSCSI names.`,
        { host: name },
      );
    return known;
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

/**
 * The diskraid script that replaces a LUN's access list with `hosts`. `before` is the list the LUN has when the
 * script runs; SetMask asks callers to uninstall the disk before masking it away, which diskraid does on the
 * computer it runs on with `uninstall`.
 */
export function maskingScript(
  addressing: WindowsAddressing,
  planned: { lunId: string; hosts: readonly string[]; before: readonly string[] },
): string {
  const lun = addressing.lun(planned.lunId);
  const here = addressing.consoleComputer;
  return buildMaskingScript({
    subsystem: lun.subsystem,
    lun: lun.lun,
    access: accessFor(addressing, planned.hosts),
    uninstallLocalDisk: accessListIncludes(planned.before, here) && !accessListIncludes(planned.hosts, here),
  });
}

export type BreakCall = { tool: 'vshadow'; args: string[] } | { tool: 'diskshadow'; script: string };

/** The tool call that breaks a set in a mode: diskshadow `break` has no revert switch, so revert goes through vshadow. */
export function breakCall(setId: string, mode: BreakMode): BreakCall {
  if (mode === 'revert-identity')
    return { tool: 'vshadow', args: buildBreakExArgs({ setId, mode: { kind: 'expose', readWrite: true, revertIdentity: 'force' } }) };
  return { tool: 'diskshadow', script: buildBreakScript(setId, mode === 'writable') };
}

/** The Set-Disk command that makes a LUN's disk writable as `host` sees it, remoted unless `host` is the console. */
export function writableDiskCommand(addressing: WindowsAddressing, host: string, lunId: string): string {
  const lun = addressing.lun(lunId);
  if (lun.uniqueId === null)
    return `# ${lun.name} reports no page 0x83 identifier: find its disk number with Get-Disk on ${host}, then Set-Disk -Number N -IsReadOnly $false`;
  const remote = sameComputer(host, addressing.consoleComputer) ? {} : { computer: host };
  return setDiskWritableCommand({ disk: { uniqueId: lun.uniqueId }, ...remote });
}

export type OwnerNodeOperation =
  'suspendResource' | 'resumeResource' | 'stopResource' | 'startResource' | 'startApplicationResource' | 'stopApplicationResource';

const ownerNodeCommands: Record<OwnerNodeOperation, (request: { resource: string; ownerNode: string }) => string> = {
  suspendResource: suspendClusterResourceCommand,
  resumeResource: resumeClusterResourceCommand,
  stopResource: stopClusterResourceCommand,
  startResource: startClusterResourceCommand,
  // The same cmdlets as for disks: Start-/Stop-ClusterResource take any resource; only what they mean differs.
  startApplicationResource: startClusterResourceCommand,
  stopApplicationResource: stopClusterResourceCommand,
};

/** The cmdlet call, remoted to the owner node, that suspends, resumes, stops or starts a resource. */
export function ownerNodeCommand(operation: OwnerNodeOperation, ref: ResourceOnNode): string {
  return ownerNodeCommands[operation]({ resource: ref.resource, ownerNode: ref.onNode });
}

/** The Set-ClusterParameter call, on the owner node, that points a resource at a disk identity. */
export function diskIdentityCommand(ref: ResourceOnNode, identity: PlannedDiskIdentity): string {
  const request = { resource: ref.resource, ownerNode: ref.onNode };
  return 'signature' in identity
    ? setDiskResourceIdentityCommand({ ...request, signature: identity.signature })
    : setPendingDiskResourceIdentityCommand({ ...request, partitionStyle: identity.assignedAtBreak });
}

/** The exact commands a planned operation runs, where each runs. */
export function renderOperation(planned: PlannedOperation, addressing: WindowsAddressing): CommandPreview[] {
  const here = addressing.consoleComputer;
  switch (planned.operation) {
    case 'setLunMask':
      return [{ tool: 'diskraid', runsOn: here, text: maskingScript(addressing, planned) }];
    case 'importSnapshotSet':
      return [
        { tool: 'diskshadow', runsOn: planned.host, text: buildImportScript({ metadataPath: addressing.metadataPath(planned.setId) }) },
      ];
    case 'breakSnapshotSet': {
      const call = breakCall(planned.setId, planned.mode);
      return [
        call.tool === 'vshadow'
          ? { tool: 'vshadow', runsOn: here, text: vshadowCommandLine(call.args) }
          : { tool: 'diskshadow', runsOn: here, text: call.script },
      ];
    }
    case 'setVolumesReadWrite':
      return planned.lunIds.map((lunId) => ({
        tool: 'powershell',
        runsOn: planned.host,
        text: writableDiskCommand(addressing, planned.host, lunId),
      }));
    case 'setResourceDiskIdentity':
      return [{ tool: 'powershell', runsOn: planned.onNode, text: diskIdentityCommand(planned, planned.identity) }];
    default:
      return [{ tool: 'powershell', runsOn: planned.onNode, text: ownerNodeCommand(planned.operation, planned) }];
  }
}
