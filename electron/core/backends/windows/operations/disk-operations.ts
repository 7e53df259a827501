/**
 * Step 5 on Windows: make the broken shadow LUNs' disks writable (Set-Disk -IsReadOnly $false) as a given
 * host sees them, and check the flag read back. The partitions' hidden, shadow-copy and no-drive-letter attributes are
 * not cleared yet (docs/windows-facts.md#partition-attributes-after-the-break).
 */
import type { OperationResult } from '../../../../../shared/domain';
import { ShadowSwapError } from '../../../../../shared/errors';
import { parseDisks } from '../../../windows-tools/parsers/parse-disk';
import { writableDiskCommand } from '../../../windows-tools/render-operation';
import { windowsAddressing } from '../state/windows-addressing';
import { operationResult, powershellJson, type WindowsContext } from '../state/windows-context';

export async function setDisksWritable(context: WindowsContext, params: { host: string; lunIds: string[] }): Promise<OperationResult> {
  const changes: string[] = [];
  for (const lunId of params.lunIds) {
    const addressing = windowsAddressing(context);
    const lun = addressing.lun(lunId);
    const command = writableDiskCommand(addressing, params.host, lunId);
    const [disk] = await powershellJson(context, command, parseDisks);
    if (disk?.isReadOnly !== false) {
      throw new ShadowSwapError(
        'BACKEND_FAILED',
        `Set-Disk ran on ${params.host}, but the disk of LUN ${lun.name} still reads back as ${disk === undefined ? 'missing' : 'read-only'}. Rescan disks on ${params.host} and retry before bringing resources online.`,
        { tool: 'powershell', symbol: 'STILL_READ_ONLY', hresult: null, lunId },
      );
    }
    changes.push(`${lun.name} on ${params.host}: read-only → writable`);
  }
  return operationResult('setVolumesReadWrite', `The disks of ${params.lunIds.join(', ')} are writable on ${params.host}.`, changes);
}
