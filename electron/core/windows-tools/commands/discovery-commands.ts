/**
 * PowerShell command TEXT that reads the SAN from the live system through the Storage Management API
 * (docs/windows-facts.md#discovery-through-the-storage-management-api), parsed by parsers/parse-discovery.ts.
 *
 * - `storageDiscoveryCommand`: every storage subsystem that can mask virtual disks to hosts
 *   (MSFT_StorageSubSystem.SupportsMaskingVirtualDiskToHosts; this leaves out the "Windows Storage" subsystem of the
 *   computer's own disks), each with its virtual disks (the array's LUNs), its masking sets with their initiator ids
 *   and virtual disks, and its target ports; one JSON document, one round trip. Cmdlets:
 *   https://learn.microsoft.com/powershell/module/storage/get-storagesubsystem,
 *   https://learn.microsoft.com/powershell/module/storage/get-virtualdisk,
 *   https://learn.microsoft.com/powershell/module/storage/get-maskingset,
 *   https://learn.microsoft.com/powershell/module/storage/get-initiatorid,
 *   https://learn.microsoft.com/powershell/module/storage/get-targetport.
 * - `initiatorPortsCommand`: a host's own FC and iSCSI ports (MSFT_InitiatorPort), on that host through remoting:
 *   https://learn.microsoft.com/powershell/module/storage/get-initiatorport.
 * Get-Disk (each host's UniqueId, the page 0x83 identifier) is `getDiskCommand` in powershell-commands.ts.
 *
 * Every property is selected by its documented CIM name; enums stay as PowerShell writes them (numbers on Windows
 * PowerShell 5.1, names elsewhere) and the parser takes both. `@(...)` keeps one item an array.
 */
import { JSON_DEPTH, local, onNode } from './powershell-commands';

/** Deep enough for subsystem → masking set → initiator id. */
const DISCOVERY_DEPTH = JSON_DEPTH + 2;

const VIRTUAL_DISK = 'Select-Object -Property FriendlyName,Name,UniqueId,Size,IsSnapshot';
const INITIATOR_ID = 'Select-Object -Property InitiatorAddress,Type';
const TARGET_PORT = 'Select-Object -Property FriendlyName,PortAddress,NodeAddress,ConnectionType';

export function storageDiscoveryCommand(): string {
  const maskingSet =
    '[pscustomobject]@{ FriendlyName = $_.FriendlyName; UniqueId = $_.UniqueId; ' +
    `InitiatorIds = @(Get-InitiatorId -MaskingSet $_ | ${INITIATOR_ID}); ` +
    'VirtualDiskUniqueIds = @(Get-VirtualDisk -MaskingSet $_ | ForEach-Object { $_.UniqueId }) }';
  const array =
    '$array = $_; [pscustomobject]@{ FriendlyName = $array.FriendlyName; UniqueId = $array.UniqueId; ' +
    'Manufacturer = $array.Manufacturer; Model = $array.Model; SerialNumber = $array.SerialNumber; HealthStatus = $array.HealthStatus; ' +
    `VirtualDisks = @(Get-VirtualDisk -StorageSubSystem $array | ${VIRTUAL_DISK}); ` +
    `MaskingSets = @(Get-MaskingSet -StorageSubSystem $array | ForEach-Object { ${maskingSet} }); ` +
    `TargetPorts = @(Get-TargetPort -StorageSubSystem $array | ${TARGET_PORT}) }`;
  return local(
    `ConvertTo-Json -InputObject @(Get-StorageSubSystem | Where-Object { $_.SupportsMaskingVirtualDiskToHosts } | ForEach-Object { ${array} }) -Depth ${DISCOVERY_DEPTH} -Compress`,
  );
}

/** The host's initiator ports: FC WWPNs are PortAddress, iSCSI names NodeAddress. */
export function initiatorPortsCommand(options: { computer?: string } = {}): string {
  const inner = `ConvertTo-Json -InputObject @(Get-InitiatorPort | Select-Object -Property NodeAddress,PortAddress,ConnectionType) -Depth ${JSON_DEPTH} -Compress`;
  return options.computer === undefined ? local(inner) : onNode(options.computer, inner);
}
