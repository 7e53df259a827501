/**
 * Step 5 on Windows, as a given host sees the broken shadow LUNs' disks: make each disk writable (Set-Disk -IsReadOnly
 * $false), clear the attributes the shadow copy left on its data partitions and give the volume its original's drive
 * letter (Set-Partition), and check both read back (docs/windows-facts.md#partition-attributes-after-the-break).
 * The plan runs it only while a clustered disk's resource is online in maintenance mode
 * (docs/windows-facts.md#clustered-disk-changes-need-maintenance-mode-and-online).
 */
import type { OperationResult } from '../../../../../shared/domain';
import { ShadowSwapError } from '../../../../../shared/errors';
import { partitionProblems, type DriveLetters, type PartitionReading, type PartitionState } from '../../../backend';
import { parseDisks } from '../../../windows-tools/parsers/parse-disk';
import { parsePartitions, type PartitionInfo } from '../../../windows-tools/parsers/parse-partitions';
import { partitionsCommand, usablePartitionsCommand, writableDiskCommand } from '../../../windows-tools/render-operation';
import { windowsAddressing } from '../state/windows-addressing';
import { operationResult, powershellJson, type WindowsContext } from '../state/windows-context';

function partitionState(info: PartitionInfo): PartitionState {
  return {
    number: info.partitionNumber,
    driveLetter: info.driveLetter,
    mountPoints: info.mountPoints,
    readOnly: info.isReadOnly,
    hidden: info.isHidden,
    shadowCopy: info.isShadowCopy,
    noDefaultDriveLetter: info.noDefaultDriveLetter,
  };
}

export async function setDisksWritable(
  context: WindowsContext,
  params: { host: string; lunIds: string[]; driveLetters?: DriveLetters },
): Promise<OperationResult> {
  const changes: string[] = [];
  for (const lunId of params.lunIds) {
    const addressing = windowsAddressing(context);
    const lun = addressing.lun(lunId);
    const [disk] = await powershellJson(context, writableDiskCommand(addressing, params.host, lunId), parseDisks);
    if (disk?.isReadOnly !== false) {
      throw new ShadowSwapError(
        'BACKEND_FAILED',
        `Set-Disk ran on ${params.host}, but the disk of LUN ${lun.name} still reads back as ${disk === undefined ? 'missing' : 'read-only'}. Rescan disks on ${params.host} and retry before bringing resources online.`,
        { tool: 'powershell', symbol: 'STILL_READ_ONLY', hresult: null, lunId },
      );
    }
    const letter = params.driveLetters?.[lunId] ?? null;
    const command = usablePartitionsCommand(addressing, params.host, lunId, letter);
    const partitions = (await powershellJson(context, command, parsePartitions)).map(partitionState);
    const problems = partitionProblems(partitions, letter);
    if (problems.length > 0) {
      throw new ShadowSwapError(
        'BACKEND_FAILED',
        `Set-Partition ran on ${params.host}, but the volumes of LUN ${lun.name} are not usable yet: ${problems.join('; ')}. Check the disk in Disk Management on ${params.host} (a letter held by another volume must be freed first), then run the step again.`,
        { tool: 'powershell', symbol: 'PARTITION_NOT_USABLE', hresult: null, lunId },
      );
    }
    changes.push(
      `${lun.name} on ${params.host}: read-only → writable; partitions visible, not a shadow copy${letter === null ? '' : `, mounted as ${letter}`}`,
    );
  }
  return operationResult(
    'setVolumesReadWrite',
    `The volumes of ${params.lunIds.join(', ')} are writable and mounted on ${params.host}.`,
    changes,
  );
}

/** Whether a failed call was Get-Disk finding no disk with the UniqueId asked for (errors.ts, DISK_NOT_LISTED). */
function isDiskNotListed(error: unknown): boolean {
  return error instanceof ShadowSwapError && error.details?.symbol === 'DISK_NOT_LISTED';
}

/**
 * Get-Partition on `host` for each LUN's disk. A disk the host does not list reads as not present, as does a LUN
 * without a UniqueId (no disk can be found by one): Get-Disk fails with ObjectNotFound for a UniqueId it does not
 * find (docs/windows-facts.md#get-disk-without-a-match-fails), which says only that the disk is absent there, so the
 * step can say which node does not see which recovered disk. Any other failure (remoting, rights) is an error.
 */
export async function readPartitions(context: WindowsContext, params: { host: string; lunIds: string[] }): Promise<PartitionReading[]> {
  const readings: PartitionReading[] = [];
  for (const lunId of params.lunIds) {
    const command = partitionsCommand(windowsAddressing(context), params.host, lunId);
    const partitions =
      command === null
        ? null
        : await powershellJson(context, command, parsePartitions).catch((error: unknown) => {
            if (isDiskNotListed(error)) return null;
            throw error;
          });
    readings.push(
      partitions === null
        ? { lunId, present: false, partitions: [] }
        : { lunId, present: true, partitions: partitions.map(partitionState) },
    );
  }
  return readings;
}
