/**
 * One node's own view of its disks, and its rescan: Get-Disk and Update-HostStorageCache run on that node through
 * remoting, each disk matched to its LUN by UniqueId (the page 0x83 identifier the SAN map records), never by number
 * (docs/windows-facts.md#rescan-with-update-hoststoragecache, docs/windows-facts.md#uniqueid-is-the-page-0x83-identifier).
 */
import type { OperationResult } from '../../../../../shared/domain';
import type { HostDisk } from '../../../backend';
import { nodeDisksCommand, rescanNodeCommand } from '../../../windows-tools/commands/powershell-commands';
import { parseDisks, type DiskInfo } from '../../../windows-tools/parsers/parse-disk';
import { operationResult, powershellJson, type WindowsContext } from '../state/windows-context';
import { diskSignature } from '../state/windows-views';

function hostDisksOf(context: WindowsContext, disks: readonly DiskInfo[]): HostDisk[] {
  const luns = context.sanMap.read().luns;
  return disks.map((disk) => ({
    lunId: disk.uniqueId === null ? null : (luns.find((l) => l.uniqueId.toLowerCase() === disk.uniqueId?.toLowerCase())?.id ?? null),
    uniqueId: disk.uniqueId,
    number: disk.number,
    readOnly: disk.isReadOnly,
    offline: disk.isOffline,
    signature: diskSignature(disk),
  }));
}

export async function readNodeDisks(context: WindowsContext, host: string): Promise<HostDisk[]> {
  return hostDisksOf(context, await powershellJson(context, nodeDisksCommand(host), parseDisks));
}

export async function rescanNode(context: WindowsContext, params: { host: string }): Promise<OperationResult> {
  // The command render-operation.ts shows in the plan for this operation.
  const disks = hostDisksOf(context, await powershellJson(context, rescanNodeCommand(params.host), parseDisks));
  const names = new Map(context.sanMap.read().luns.map((l) => [l.id, l.name]));
  const known = disks.flatMap((d) => (d.lunId === null ? [] : [`${names.get(d.lunId) ?? d.lunId} (disk ${d.number ?? '?'})`]));
  return operationResult(
    'rescanHostStorage',
    `${params.host} rescanned its disks (Update-HostStorageCache); it lists ${disks.length} disk(s).`,
    known.length === 0 ? [] : [`${params.host} lists ${known.join(', ')}`],
  );
}
