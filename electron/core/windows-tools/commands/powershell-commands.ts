/**
 * PowerShell command TEXT for the FailoverClusters and Storage cmdlets, to be run with
 * `powershell.exe -NoProfile -NonInteractive -Command <text>` (tool-argv.ts).
 *
 * Rules (docs/windows-facts.md#never-parse-format-table-text, docs/windows-facts.md#calls-that-must-run-on-the-owner-node):
 * - Never parse Format-Table text (columns change between OS versions and truncate with `...`): every
 *   command selects explicit properties and ends in `| ConvertTo-Json -Depth N -Compress`.
 * - Every operator-supplied value is validated first (validate.ts) and then single-quoted. Inside single
 *   quotes PowerShell expands nothing; the validators already refuse `'`, but we still double it so the
 *   quoting is correct on its own.
 * - Maintenance mode and online/offline calls must run on the node that owns the resource, or the cluster
 *   answers ERROR_HOST_NODE_NOT_RESOURCE_OWNER; those commands are wrapped in Invoke-Command -ComputerName.
 * - `$ErrorActionPreference = 'Stop'` makes any cmdlet error terminating, so powershell.exe exits non-zero
 *   instead of printing an error and carrying on.
 */
import {
  bracedGuid,
  invalid,
  validateMetadataCabPath,
  validateClusterResourceName,
  validateDiskIdentity,
  validateDiskNumber,
  validateDiskUniqueId,
  validateDriveLetter,
  validateHostName,
  validateWaitSeconds,
} from './validate';

export const JSON_DEPTH = 4;
const TO_JSON = `ConvertTo-Json -Depth ${JSON_DEPTH} -Compress`;
const STOP_ON_ERROR = "$ErrorActionPreference = 'Stop'";

/** A single-quoted PowerShell string literal. */
export function psQuote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Resource objects flattened to plain values: OwnerGroup/OwnerNode/ResourceType are objects in the
 * module, so we take their Name. State stays the enum (ConvertTo-Json writes its number on Windows
 * PowerShell 5.1; the parser also accepts the name).
 */
const RESOURCE_PROPERTIES =
  "Select-Object -Property Name,State,@{Name='OwnerGroup';Expression={$_.OwnerGroup.Name}},@{Name='OwnerNode';Expression={$_.OwnerNode.Name}},@{Name='ResourceType';Expression={$_.ResourceType.Name}}";
const NODE_PROPERTIES = "Select-Object -Property Name,Id,@{Name='State';Expression={[string]$_.State}}";
const GROUP_PROPERTIES =
  "Select-Object -Property Name,@{Name='OwnerNode';Expression={$_.OwnerNode.Name}},@{Name='State';Expression={[string]$_.State}}";
const DISK_ID_PARAMETERS = "@('DiskIdType','DiskSignature','DiskIdGuid','MaintenanceMode')";
export const DISK_PROPERTIES =
  'Select-Object -Property Number,FriendlyName,SerialNumber,Size,UniqueId,UniqueIdFormat,PartitionStyle,Signature,Guid,IsReadOnly,IsOffline';

function clusterArg(cluster: string | undefined): string {
  return cluster === undefined ? '' : ` -Cluster ${psQuote(validateHostName(cluster, 'cluster name'))}`;
}

/** Runs `inner` (which already ends in ConvertTo-Json) on `computer` through WinRM. */
export function onNode(computer: string, inner: string): string {
  const node = validateHostName(computer, 'owner node');
  return `${STOP_ON_ERROR}; Invoke-Command -ComputerName ${psQuote(node)} -ErrorAction Stop -ScriptBlock { ${STOP_ON_ERROR}; ${inner} }`;
}

export function local(inner: string): string {
  return `${STOP_ON_ERROR}; ${inner}`;
}

/** `inner` here, or on `computer` through WinRM: every reading that may concern another host. */
export function hereOrOn(computer: string | undefined, inner: string): string {
  return computer === undefined ? local(inner) : onNode(computer, inner);
}

export interface OwnerNodeResourceRequest {
  /** Cluster resource name, e.g. `Cluster Disk 2`. */
  resource: string;
  /** The node that currently owns the resource (from Get-ClusterResource OwnerNode). */
  ownerNode: string;
}

/** Maintenance mode ON (`Online(Maintenance)`); -Force because -NonInteractive cannot answer the confirmation prompt. */
export function suspendClusterResourceCommand(request: OwnerNodeResourceRequest): string {
  const name = validateClusterResourceName(request.resource);
  return onNode(request.ownerNode, `Suspend-ClusterResource -Name ${psQuote(name)} -Force | ${RESOURCE_PROPERTIES} | ${TO_JSON}`);
}

/** Maintenance mode OFF. */
export function resumeClusterResourceCommand(request: OwnerNodeResourceRequest): string {
  const name = validateClusterResourceName(request.resource);
  return onNode(request.ownerNode, `Resume-ClusterResource -Name ${psQuote(name)} | ${RESOURCE_PROPERTIES} | ${TO_JSON}`);
}

export interface StartStopRequest extends OwnerNodeResourceRequest {
  /** -Wait seconds; omitted = wait for completion, 0 = return at once (Stop-ClusterResource.md). */
  waitSeconds?: number;
}

function waitArg(wait: number | undefined): string {
  return wait === undefined ? '' : ` -Wait ${validateWaitSeconds(wait)}`;
}

/** Takes the resource offline; the cluster takes its dependents offline first. */
export function stopClusterResourceCommand(request: StartStopRequest): string {
  const name = validateClusterResourceName(request.resource);
  return onNode(
    request.ownerNode,
    `Stop-ClusterResource -Name ${psQuote(name)}${waitArg(request.waitSeconds)} | ${RESOURCE_PROPERTIES} | ${TO_JSON}`,
  );
}

/**
 * Brings the resource online. -ChooseBestNode is not generated: it was not checked against its Learn page
 * (docs/windows-facts.md#stopping-and-starting-resources-and-their-dependents).
 */
export function startClusterResourceCommand(request: StartStopRequest): string {
  const name = validateClusterResourceName(request.resource);
  return onNode(
    request.ownerNode,
    `Start-ClusterResource -Name ${psQuote(name)}${waitArg(request.waitSeconds)} | ${RESOURCE_PROPERTIES} | ${TO_JSON}`,
  );
}

export interface ClusterQuery {
  /** Cluster to ask (`-Cluster`); omitted = the cluster of the machine running the command. */
  cluster?: string;
}

/** All resources, or the named ones. */
export function getClusterResourceCommand(query: ClusterQuery & { names?: readonly string[] } = {}): string {
  const names = (query.names ?? []).map((n, i) => psQuote(validateClusterResourceName(n, `cluster resource name ${i + 1}`)));
  const nameArg = names.length === 0 ? '' : ` -Name ${names.join(',')}`;
  return local(`Get-ClusterResource${nameArg}${clusterArg(query.cluster)} | ${RESOURCE_PROPERTIES} | ${TO_JSON}`);
}

/**
 * What each resource of the cluster depends on, as Get-ClusterResourceDependency reports it: the resource's name
 * and its dependency expression (`[Cluster Disk 1] and ([IP A] or [IP B])`, Learn SetClusterResourceDependencyExpression).
 * No public capture of this cmdlet's output exists (docs/windows-facts.md#stopping-and-starting-resources-and-their-dependents): the
 * shape is the documented object's two properties.
 */
export function getClusterResourceDependencyCommand(query: ClusterQuery = {}): string {
  return local(
    `Get-ClusterResource${clusterArg(query.cluster)} | Get-ClusterResourceDependency | Select-Object -Property @{Name='Resource';Expression={$_.Resource.Name}},DependencyExpression | ${TO_JSON}`,
  );
}

const DISK_ID_PARAMETER_VALUES = `Get-ClusterParameter | Where-Object { $_.Name -in ${DISK_ID_PARAMETERS} } | Select-Object -Property Name,Value | ${TO_JSON}`;

/**
 * The Physical Disk identity and maintenance private properties of one resource
 * (docs/windows-facts.md#the-cluster-finds-a-disk-by-its-signature).
 */
export function getDiskResourceParametersCommand(query: ClusterQuery & { resource: string }): string {
  const name = validateClusterResourceName(query.resource);
  return local(`Get-ClusterResource -Name ${psQuote(name)}${clusterArg(query.cluster)} | ${DISK_ID_PARAMETER_VALUES}`);
}

export interface DiskIdentityRequest extends OwnerNodeResourceRequest {
  /** MBR: 8 hex digits (0x optional); GPT: the disk GUID (braces optional). */
  signature: string;
}

/**
 * Last resort (docs/windows-facts.md#repointing-needs-the-resource-offline): points a Physical Disk resource at a new disk
 * identity with `Set-ClusterParameter -Name DiskSignature` (MBR) or `-Name DiskIdGuid` (GPT) — never both — and
 * reads the identity parameters back so the caller can verify them.
 * - Only on an OFFLINE resource: the command itself refuses otherwise, so a resource brought online between
 *   ShadowSwap's check and this call is not re-pointed under a running workload.
 * - DiskSignature is a DWORD. A bare 0x literal at or above 0x80000000 is a negative Int32 in Windows
 *   PowerShell 5.1, so the hex text is converted explicitly: [Convert]::ToUInt32('0x........', 16).
 * - DiskIdGuid is written braced, as cluster parameters show it (docs/windows-facts.md#the-cluster-finds-a-disk-by-its-signature).
 */
export function setDiskResourceIdentityCommand(request: DiskIdentityRequest): string {
  const identity = validateDiskIdentity(request.signature);
  return identityCommand(
    request,
    identity.kind === 'mbr'
      ? mbrSignatureAssignment(psQuote(`0x${identity.signature}`))
      : `-Name DiskIdGuid -Value ${psQuote(bracedGuid(identity.guid))}`,
  );
}

/**
 * The same command for a plan made before a writable break: VSS picks the new identity at the break, so the
 * value is a placeholder the step fills in when it runs.
 */
export function setPendingDiskResourceIdentityCommand(request: OwnerNodeResourceRequest & { partitionStyle: 'MBR' | 'GPT' }): string {
  return identityCommand(
    request,
    request.partitionStyle === 'MBR'
      ? mbrSignatureAssignment("'0x<signature after the break>'")
      : "-Name DiskIdGuid -Value '<disk GUID after the break>'",
  );
}

function mbrSignatureAssignment(quotedHex: string): string {
  return `-Name DiskSignature -Value ([Convert]::ToUInt32(${quotedHex}, 16))`;
}

function identityCommand(request: OwnerNodeResourceRequest, assignment: string): string {
  const name = validateClusterResourceName(request.resource);
  return onNode(
    request.ownerNode,
    `$resource = Get-ClusterResource -Name ${psQuote(name)}; ` +
      `if ($resource.State -ne 'Offline') { throw ('The resource is ' + $resource.State + ', not Offline: its disk identity was not changed.') }; ` +
      `$resource | Set-ClusterParameter ${assignment}; $resource | ${DISK_ID_PARAMETER_VALUES}`,
  );
}

/** Move-ClusterGroup to a new owner node; returns the group as read back (its owner and state). */
export function moveClusterGroupCommand(request: ClusterQuery & { group: string; node: string }): string {
  const group = validateClusterResourceName(request.group, 'cluster group name');
  const node = validateHostName(request.node, 'target node');
  return local(
    `Move-ClusterGroup -Name ${psQuote(group)} -Node ${psQuote(node)}${clusterArg(request.cluster)} | ${GROUP_PROPERTIES} | ${TO_JSON}`,
  );
}

export function getClusterNodeCommand(query: ClusterQuery = {}): string {
  return local(`Get-ClusterNode${clusterArg(query.cluster)} | ${NODE_PROPERTIES} | ${TO_JSON}`);
}

export function getClusterGroupCommand(query: ClusterQuery = {}): string {
  return local(`Get-ClusterGroup${clusterArg(query.cluster)} | ${GROUP_PROPERTIES} | ${TO_JSON}`);
}

export type DiskSelector = { number: number } | { uniqueId: string };

function diskSelectorArg(selector: DiskSelector): string {
  if ('number' in selector) return ` -Number ${validateDiskNumber(selector.number)}`;
  if ('uniqueId' in selector) return ` -UniqueId ${psQuote(validateDiskUniqueId(selector.uniqueId))}`;
  throw invalid('disk', selector, 'no disk number or UniqueId was given', 'a disk number or a UniqueId');
}

/** Get-Disk (all, or one disk), optionally run on another host. */
export function getDiskCommand(options: { disk?: DiskSelector; computer?: string } = {}): string {
  const select = options.disk === undefined ? '' : diskSelectorArg(options.disk);
  const inner = `Get-Disk${select} | ${DISK_PROPERTIES} | ${TO_JSON}`;
  return options.computer === undefined ? local(inner) : onNode(options.computer, inner);
}

const VOLUME_PROPERTIES =
  "Select-Object -Property @{Name='DriveLetter';Expression={[string]$_.DriveLetter}},Path,FileSystemLabel,FileSystem";

/**
 * The volumes on one disk (Get-Disk | Get-Partition | Get-Volume), to name them in `add volume`. DriveLetter
 * is a [char] that is empty when the volume has no letter, so it is written as a string.
 */
export function getDiskVolumesCommand(options: { disk: DiskSelector; computer?: string }): string {
  const inner = `Get-Disk${diskSelectorArg(options.disk)} | Get-Partition | Get-Volume | ${VOLUME_PROPERTIES} | ${TO_JSON}`;
  return options.computer === undefined ? local(inner) : onNode(options.computer, inner);
}

/**
 * Clears the read-only flag on a disk (step 5, "mark the new volumes read/write") and returns the disk
 * as read back afterwards, so the caller can verify IsReadOnly is now false.
 */
export function setDiskWritableCommand(options: { disk: DiskSelector; computer?: string }): string {
  const select = diskSelectorArg(options.disk);
  const inner = `Set-Disk${select} -IsReadOnly $false; Get-Disk${select} | ${DISK_PROPERTIES} | ${TO_JSON}`;
  return options.computer === undefined ? local(inner) : onNode(options.computer, inner);
}

/**
 * A disk's data partitions: on GPT only basic data partitions get drive letters and volumes (the MSR does not), and an
 * MBR disk's partitions have no GptType (https://learn.microsoft.com/windows-hardware/drivers/storage/msft-partition).
 */
const BASIC_DATA_GPT_TYPE = '{ebd0a0a2-b9e5-4433-87c0-68b6b72699c7}';
const DATA_PARTITIONS = `Get-Partition | Where-Object { -not $_.GptType -or $_.GptType -eq '${BASIC_DATA_GPT_TYPE}' }`;
/** DriveLetter is a [char], 0 for none: written as a string it is "\u0000" (docs/windows-facts.md#letterless-volumes). */
export const PARTITION_PROPERTIES =
  "Select-Object -Property DiskNumber,PartitionNumber,@{Name='DriveLetter';Expression={[string]$_.DriveLetter}},AccessPaths,IsReadOnly,IsHidden,IsShadowCopy,NoDefaultDriveLetter";

function dataPartitionsJson(select: string): string {
  return `Get-Disk${select} | ${DATA_PARTITIONS} | ${PARTITION_PROPERTIES} | ${TO_JSON}`;
}

/** A disk's data partitions with their attributes and access paths: what step 5 and verify read back. */
export function getDataPartitionsCommand(options: { disk: DiskSelector; computer?: string }): string {
  const inner = dataPartitionsJson(diskSelectorArg(options.disk));
  return options.computer === undefined ? local(inner) : onNode(options.computer, inner);
}

/**
 * Step 5 on the partitions (docs/windows-facts.md#partition-attributes-after-the-break): clears the attributes a broken
 * shadow copy keeps on its data partitions, then gives the volume its original's drive letter (clearing "hidden" and
 * "no default drive letter" may have let Windows mount it under another one), and reads the partitions back. The
 * letter goes only to a disk with one data partition: with several, which one held it is not known here, and the
 * read-back shows the operator the letter missing.
 */
export function clearPartitionAttributesCommand(options: { disk: DiskSelector; driveLetter: string | null; computer?: string }): string {
  const select = diskSelectorArg(options.disk);
  const partitions = `@(Get-Disk${select} | ${DATA_PARTITIONS})`;
  const clear = `foreach ($p in ${partitions}) { Set-Partition -InputObject $p -IsReadOnly $false -IsHidden $false -IsShadowCopy $false -NoDefaultDriveLetter $false }`;
  let letter = '';
  if (options.driveLetter !== null) {
    const wanted = psQuote(validateDriveLetter(options.driveLetter).slice(0, 1));
    letter = `; $p = ${partitions}; if ($p.Count -eq 1 -and [string]$p[0].DriveLetter -ne ${wanted}) { Set-Partition -InputObject $p[0] -NewDriveLetter ${wanted} }`;
  }
  const inner = `${clear}${letter}; ${dataPartitionsJson(select)}`;
  return options.computer === undefined ? local(inner) : onNode(options.computer, inner);
}

/**
 * This computer's Windows release (Win32_OperatingSystem: Caption, Version "major.minor.build", service pack),
 * for the recovery preflight. Get-CimInstance needs PowerShell 3.0, as ConvertTo-Json does. (Class and property
 * names are Microsoft's WMI documentation: https://learn.microsoft.com/windows/win32/cimwin32prov/win32-operatingsystem)
 */
export function getOperatingSystemCommand(): string {
  return local(
    `Get-CimInstance -ClassName Win32_OperatingSystem | Select-Object -Property Caption,Version,ServicePackMajorVersion | ${TO_JSON}`,
  );
}

/**
 * Every shadow copy VSS holds on this computer, or on `computer` through remoting, as CIM reports it: property names and values that do not
 * change with the display language, where vssadmin and diskshadow translate their labels. Win32_ShadowCopy:
 * https://learn.microsoft.com/en-us/previous-versions/windows/desktop/legacy/aa394428(v=vs.85)
 * (parsers: parse-shadow-copies.ts). Transportable shadow copies appear only once imported.
 */
export function getShadowCopiesCommand(computer?: string): string {
  return hereOrOn(
    computer,
    `Get-CimInstance -ClassName Win32_ShadowCopy | Select-Object -Property ID,SetID,ProviderID,DeviceObject,VolumeName,InstallDate,OriginatingMachine,ServiceMachine,Count,ExposedName,State,Persistent,ClientAccessible,NoAutoRelease,NoWriters,Transportable,NotSurfaced,HardwareAssisted,Differential,Plex,Imported,ExposedRemotely,ExposedLocally | ${TO_JSON}`,
  );
}

/**
 * The VSS providers registered on this computer (Win32_ShadowProvider), for the doctor: the hardware provider the
 * SAN map names must be among them. https://learn.microsoft.com/en-us/previous-versions/windows/desktop/legacy/aa394430(v=vs.85)
 */
export function getShadowProvidersCommand(): string {
  return local(`Get-CimInstance -ClassName Win32_ShadowProvider | Select-Object -Property ID,Name,Type,Version | ${TO_JSON}`);
}

/**
 * Whether a set's metadata .cab is where the import will load it from, on the computer that imports (remoted when
 * that is another host, which also proves PowerShell remoting reaches it). Prints `true` or `false`.
 */
export function metadataPresentCommand(options: { path: string; computer?: string }): string {
  const inner = `Test-Path -LiteralPath ${psQuote(validateMetadataCabPath(options.path))} -PathType Leaf | ${TO_JSON}`;
  return options.computer === undefined ? local(inner) : onNode(options.computer, inner);
}

/**
 * What one node itself lists: Get-Disk run on that node through remoting, whichever computer the console runs on
 * (Invoke-Command reaches the local computer too: remoting is on by default on Windows Server 2012 and later,
 * docs/windows-facts.md#running-a-command-on-another-node). A node's disks, numbers and flags are its own.
 */
export function nodeDisksCommand(node: string): string {
  return onNode(node, `Get-Disk | ${DISK_PROPERTIES} | ${TO_JSON}`);
}

/**
 * Rescans one node's disks (Update-HostStorageCache, "equivalent to a VDS Rescan") and lists them as that node now
 * sees them, so a LUN unmasked to it is discovered and can be checked by UniqueId
 * (docs/windows-facts.md#rescan-with-update-hoststoragecache).
 */
export function rescanNodeCommand(node: string): string {
  return onNode(node, `Update-HostStorageCache; Get-Disk | ${DISK_PROPERTIES} | ${TO_JSON}`);
}

/**
 * What one node offers a recovery, read on that node through remoting (so a failure is the WinRM failure itself):
 * whether the remote session holds the Administrators role (WindowsPrincipal.IsInRole), its Windows release
 * (Win32_OperatingSystem), whether diskshadow and diskraid are in System32 and vshadow on its PATH, and the storage
 * subsystems its Storage Management providers show (Get-StorageSubSystem; an error there is reported, not thrown).
 * Parsed by parse-node-readiness.ts; docs/windows-facts.md#running-a-command-on-another-node.
 */
export function nodeReadinessCommand(node: string): string {
  return onNode(
    node,
    '$os = Get-CimInstance -ClassName Win32_OperatingSystem; ' +
      '$principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent(); ' +
      "$system32 = Join-Path $env:SystemRoot 'System32'; " +
      "$storage = try { @(Get-StorageSubSystem | ForEach-Object { $_.FriendlyName }) } catch { 'error: ' + $_.Exception.Message }; " +
      '[pscustomobject]@{ Caption = $os.Caption; Version = $os.Version; ServicePackMajorVersion = $os.ServicePackMajorVersion; ' +
      'Administrator = $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator); ' +
      "DiskShadow = (Test-Path -LiteralPath (Join-Path $system32 'diskshadow.exe') -PathType Leaf); " +
      "DiskRaid = (Test-Path -LiteralPath (Join-Path $system32 'diskraid.exe') -PathType Leaf); " +
      "VShadow = ($null -ne (Get-Command -Name 'vshadow.exe' -CommandType Application -ErrorAction SilentlyContinue)); " +
      `StorageSubSystems = $storage } | ${TO_JSON}`,
  );
}
