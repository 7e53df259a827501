/**
 * Step 5 on Windows: make the broken shadow LUNs' disks writable (Set-Disk -IsReadOnly $false) as a given
 * host sees them, and check the flag read back. The volumes' hidden attribute is not touched: the reference
 * quotes no cmdlet for it (diskshadow `break writable` / vshadow -rw already clear read-only on break).
 */
import type { OperationResult } from '../../../../shared/domain';
import { ShadowSwapError } from '../../../../shared/errors';
import { parseDisks } from './parse-disk';
import { setDiskWritableCommand } from './powershell-commands';
import type { SanMapLun } from './san-map';
import { isThisComputer, operationResult, powershellJson, type WindowsContext } from './windows-context';

/** The Set-Disk command that makes a LUN's disk writable as `host` sees it (remoted unless it is this computer). */
export function writableDiskCommand(context: WindowsContext, host: string, lunId: string): { lun: SanMapLun; command: string } {
  const lun = context.sanMap.read().luns.find((l) => l.id === lunId);
  if (lun === undefined)
    throw new ShadowSwapError(
      'NOT_FOUND',
      `LUN ${lunId} is not in the SAN map (${context.sanMap.file}); its disk UniqueId is unknown. Add it, then retry.`,
      { lunId },
    );
  return {
    lun,
    command: setDiskWritableCommand({ disk: { uniqueId: lun.uniqueId }, ...(isThisComputer(context, host) ? {} : { computer: host }) }),
  };
}

export async function setDisksWritable(context: WindowsContext, params: { host: string; lunIds: string[] }): Promise<OperationResult> {
  const changes: string[] = [];
  for (const lunId of params.lunIds) {
    const { lun, command } = writableDiskCommand(context, params.host, lunId);
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
