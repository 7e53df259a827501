/**
 * What the Windows backend will run for a planned operation, rendered by the very functions its steps run
 * (maskingPlan, importScript, breakCall, writableDiskCommand, ownerNodeCommand, diskIdentityCommand), so the
 * plan shows the exact scripts and command lines. It reads the SAN map and the catalog only: no tool is started.
 */
import type { CommandPreview } from '../../../../shared/recovery';
import type { PlannedOperation } from '../../backend';
import { diskIdentityCommand, ownerNodeCommand } from './cluster-steps';
import { writableDiskCommand } from './disk-steps';
import { maskingPlan, maskOfHosts } from './lun-masking';
import { vshadowCommandLine } from './tool-argv';
import { breakCall, importScript } from './vss-steps';
import type { WindowsContext } from './windows-context';

export function previewCommands(context: WindowsContext, planned: PlannedOperation): CommandPreview[] {
  // diskraid, diskshadow and vshadow run on this computer; PowerShell runs here and remotes to the node it names.
  const here = context.thisComputer;
  switch (planned.operation) {
    case 'setLunMask':
      return [{ tool: 'diskraid', runsOn: here, text: maskingPlan(context, planned, maskOfHosts(planned.before)).script }];
    case 'importSnapshotSet':
      return [{ tool: 'diskshadow', runsOn: planned.host, text: importScript(context.catalog.get(planned.setId)) }];
    case 'breakSnapshotSet': {
      const call = breakCall(context.catalog.get(planned.setId).id, planned.mode);
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
        text: writableDiskCommand(context, planned.host, lunId).command,
      }));
    case 'setResourceDiskIdentity':
      return [{ tool: 'powershell', runsOn: planned.onNode, text: diskIdentityCommand(planned, planned.identity) }];
    default:
      return [{ tool: 'powershell', runsOn: planned.onNode, text: ownerNodeCommand(planned.operation, planned) }];
  }
}
