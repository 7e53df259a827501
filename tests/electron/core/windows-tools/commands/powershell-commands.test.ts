/**
 * Golden command texts. Cmdlet syntax checked against the Learn pages of Suspend-/Resume-/Stop-ClusterResource,
 * Get-ClusterParameter, Get-ClusterNode/Group (docs/windows-facts.md#maintenance-mode-semantics); owner node and JSON, not tables
 * (docs/windows-facts.md#calls-that-must-run-on-the-owner-node, docs/windows-facts.md#never-parse-format-table-text).
 */
import { describe, expect, it } from 'vitest';
import {
  clearPartitionAttributesCommand,
  getClusterGroupCommand,
  getClusterNodeCommand,
  getClusterResourceCommand,
  getClusterResourceDependencyCommand,
  getDiskCommand,
  getDiskResourceParametersCommand,
  getDataPartitionsCommand,
  getDiskVolumesCommand,
  moveClusterGroupCommand,
  psQuote,
  setDiskResourceIdentityCommand,
  setPendingDiskResourceIdentityCommand,
  resumeClusterResourceCommand,
  setDiskWritableCommand,
  startClusterResourceCommand,
  stopClusterResourceCommand,
  suspendClusterResourceCommand,
} from '../../../../../electron/core/windows-tools/commands/powershell-commands';
import { powershellInvocation } from '../../../../../electron/core/windows-tools/commands/tool-argv';

const RES =
  "Select-Object -Property Name,State,@{Name='OwnerGroup';Expression={$_.OwnerGroup.Name}},@{Name='OwnerNode';Expression={$_.OwnerNode.Name}},@{Name='ResourceType';Expression={$_.ResourceType.Name}}";
const JSON_TAIL = 'ConvertTo-Json -Depth 4 -Compress';
const DISK =
  'Select-Object -Property Number,FriendlyName,SerialNumber,Size,UniqueId,UniqueIdFormat,PartitionStyle,Signature,Guid,IsReadOnly,IsOffline';

describe('owner-node cluster resource commands', () => {
  it('Suspend-ClusterResource runs on the owner node via Invoke-Command', () => {
    expect(suspendClusterResourceCommand({ resource: 'Cluster Disk 2', ownerNode: 'SQLNODE1' })).toBe(
      "$ErrorActionPreference = 'Stop'; Invoke-Command -ComputerName 'SQLNODE1' -ErrorAction Stop -ScriptBlock { $ErrorActionPreference = 'Stop'; " +
        `Suspend-ClusterResource -Name 'Cluster Disk 2' -Force | ${RES} | ${JSON_TAIL} }`,
    );
  });
  it('Resume, Stop (with -Wait) and Start', () => {
    expect(resumeClusterResourceCommand({ resource: 'Cluster Disk 2', ownerNode: 'node1.contoso.local' })).toContain(
      `-ComputerName 'node1.contoso.local' -ErrorAction Stop -ScriptBlock { $ErrorActionPreference = 'Stop'; Resume-ClusterResource -Name 'Cluster Disk 2' | ${RES} | ${JSON_TAIL} }`,
    );
    expect(stopClusterResourceCommand({ resource: 'SQL Data (E)', ownerNode: 'SQLNODE2', waitSeconds: 120 })).toContain(
      `Stop-ClusterResource -Name 'SQL Data (E)' -Wait 120 | ${RES} | ${JSON_TAIL} }`,
    );
    expect(startClusterResourceCommand({ resource: 'Cluster Disk 2', ownerNode: 'SQLNODE2' })).toContain(
      `Start-ClusterResource -Name 'Cluster Disk 2' | ${RES} | ${JSON_TAIL} }`,
    );
  });
  it('every command ends in ConvertTo-Json -Compress and never asks for Format-Table', () => {
    const all = [
      suspendClusterResourceCommand({ resource: 'Cluster Disk 2', ownerNode: 'SQLNODE1' }),
      getClusterResourceCommand(),
      getClusterResourceDependencyCommand(),
      getClusterNodeCommand(),
      getClusterGroupCommand(),
      getDiskCommand(),
      setDiskWritableCommand({ disk: { number: 3 } }),
      getDataPartitionsCommand({ disk: { number: 3 } }),
      clearPartitionAttributesCommand({ disk: { number: 3 }, driveLetter: 'E:' }),
    ];
    for (const cmd of all) {
      expect(cmd.replace(/ \}$/, '')).toMatch(/\| ConvertTo-Json -Depth \d+ -Compress$/);
      expect(cmd).not.toMatch(/Format-(Table|List)/);
      expect(cmd).not.toContain('"');
    }
  });
});

describe('queries', () => {
  it('Get-ClusterResource with names and -Cluster', () => {
    expect(getClusterResourceCommand({ names: ['Cluster Disk 1', 'Cluster Disk 2'], cluster: 'SQLCLU' })).toBe(
      `$ErrorActionPreference = 'Stop'; Get-ClusterResource -Name 'Cluster Disk 1','Cluster Disk 2' -Cluster 'SQLCLU' | ${RES} | ${JSON_TAIL}`,
    );
  });
  it("every resource's dependency expression, with the resource flattened to its name", () => {
    expect(getClusterResourceDependencyCommand({ cluster: 'SQLCLU' })).toBe(
      "$ErrorActionPreference = 'Stop'; Get-ClusterResource -Cluster 'SQLCLU' | Get-ClusterResourceDependency | " +
        `Select-Object -Property @{Name='Resource';Expression={$_.Resource.Name}},DependencyExpression | ${JSON_TAIL}`,
    );
  });
  it('disk identity parameters of one resource', () => {
    expect(getDiskResourceParametersCommand({ resource: 'Cluster Disk 2' })).toBe(
      "$ErrorActionPreference = 'Stop'; Get-ClusterResource -Name 'Cluster Disk 2' | Get-ClusterParameter | " +
        "Where-Object { $_.Name -in @('DiskIdType','DiskSignature','DiskIdGuid','MaintenanceMode') } | Select-Object -Property Name,Value | " +
        JSON_TAIL,
    );
  });
  it('nodes and groups', () => {
    expect(getClusterNodeCommand({ cluster: 'SQLCLU' })).toBe(
      `$ErrorActionPreference = 'Stop'; Get-ClusterNode -Cluster 'SQLCLU' | Select-Object -Property Name,Id,@{Name='State';Expression={[string]$_.State}} | ${JSON_TAIL}`,
    );
    expect(getClusterGroupCommand()).toBe(
      `$ErrorActionPreference = 'Stop'; Get-ClusterGroup | Select-Object -Property Name,@{Name='OwnerNode';Expression={$_.OwnerNode.Name}},@{Name='State';Expression={[string]$_.State}} | ${JSON_TAIL}`,
    );
  });
  it('Get-Disk locally and on another host; Set-Disk -IsReadOnly $false then read back', () => {
    expect(getDiskCommand()).toBe(`$ErrorActionPreference = 'Stop'; Get-Disk | ${DISK} | ${JSON_TAIL}`);
    expect(getDiskCommand({ disk: { uniqueId: '60002AC0000000000000000A00001234' }, computer: 'RECOVERY1' })).toBe(
      "$ErrorActionPreference = 'Stop'; Invoke-Command -ComputerName 'RECOVERY1' -ErrorAction Stop -ScriptBlock { $ErrorActionPreference = 'Stop'; " +
        `Get-Disk -UniqueId '60002AC0000000000000000A00001234' | ${DISK} | ${JSON_TAIL} }`,
    );
    expect(setDiskWritableCommand({ disk: { number: 3 } })).toBe(
      `$ErrorActionPreference = 'Stop'; Set-Disk -Number 3 -IsReadOnly $false; Get-Disk -Number 3 | ${DISK} | ${JSON_TAIL}`,
    );
  });

  // Set-Partition's parameters as on its Learn page (docs/windows-facts.md#partition-attributes-after-the-break).
  const PARTITIONS = "Get-Partition | Where-Object { -not $_.GptType -or $_.GptType -eq '{ebd0a0a2-b9e5-4433-87c0-68b6b72699c7}' }";
  const PARTITION =
    "Select-Object -Property DiskNumber,PartitionNumber,@{Name='DriveLetter';Expression={[string]$_.DriveLetter}},AccessPaths,IsReadOnly,IsHidden,IsShadowCopy,NoDefaultDriveLetter";

  it('Get-Partition: the data partitions of one disk, on another host', () => {
    expect(getDataPartitionsCommand({ disk: { uniqueId: '60002AC0000000000000000A00001236' }, computer: 'SQL02' })).toBe(
      `$ErrorActionPreference = 'Stop'; Invoke-Command -ComputerName 'SQL02' -ErrorAction Stop -ScriptBlock { $ErrorActionPreference = 'Stop'; Get-Disk -UniqueId '60002AC0000000000000000A00001236' | ${PARTITIONS} | ${PARTITION} | ${JSON_TAIL} }`,
    );
  });

  it('Set-Partition: clears the four attributes, gives the letter back to a lone data partition, reads them back', () => {
    const clear =
      'foreach ($p in @(Get-Disk -Number 3 | ' +
      PARTITIONS +
      ')) { Set-Partition -InputObject $p -IsReadOnly $false -IsHidden $false -IsShadowCopy $false -NoDefaultDriveLetter $false }';
    expect(clearPartitionAttributesCommand({ disk: { number: 3 }, driveLetter: 'e:\\' })).toBe(
      `$ErrorActionPreference = 'Stop'; ${clear}; $p = @(Get-Disk -Number 3 | ${PARTITIONS}); if ($p.Count -eq 1 -and [string]$p[0].DriveLetter -ne 'E') { Set-Partition -InputObject $p[0] -NewDriveLetter 'E' }; Get-Disk -Number 3 | ${PARTITIONS} | ${PARTITION} | ${JSON_TAIL}`,
    );
    expect(clearPartitionAttributesCommand({ disk: { number: 3 }, driveLetter: null })).toBe(
      `$ErrorActionPreference = 'Stop'; ${clear}; Get-Disk -Number 3 | ${PARTITIONS} | ${PARTITION} | ${JSON_TAIL}`,
    );
  });

  it('refuses a drive letter that is not one', () => {
    expect(() => clearPartitionAttributesCommand({ disk: { number: 3 }, driveLetter: "E'; Remove-Item" })).toThrow(/drive letter/);
  });
});

describe('quoting and argv', () => {
  it('psQuote doubles single quotes (defence in depth; validators already refuse them)', () => {
    expect(psQuote("O'Brien")).toBe("'O''Brien'");
  });
  it('powershell.exe -NoProfile -NonInteractive -Command <text> as an array', () => {
    const cmd = getClusterNodeCommand();
    expect(powershellInvocation(cmd)).toEqual({ command: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-Command', cmd] });
    expect(() => powershellInvocation('Get-Disk | Where "x"')).toThrow(/double quote/);
    expect(() => powershellInvocation('Get-Disk\nStop-Computer')).toThrow();
  });
});

describe('Set-ClusterParameter disk identity (the last resort of docs/windows-facts.md fact 28)', () => {
  const PARAMS =
    "Get-ClusterParameter | Where-Object { $_.Name -in @('DiskIdType','DiskSignature','DiskIdGuid','MaintenanceMode') } | Select-Object -Property Name,Value | ConvertTo-Json -Depth 4 -Compress";
  const GUARD =
    "$resource = Get-ClusterResource -Name 'Cluster Disk 2'; if ($resource.State -ne 'Offline') { throw ('The resource is ' + $resource.State + ', not Offline: its disk identity was not changed.') }; ";

  it('MBR: DiskSignature as a DWORD converted from 0x hex, on the owner node, offline only, read back', () => {
    expect(setDiskResourceIdentityCommand({ resource: 'Cluster Disk 2', ownerNode: 'SQLNODE1', signature: '1234abcd' })).toBe(
      "$ErrorActionPreference = 'Stop'; Invoke-Command -ComputerName 'SQLNODE1' -ErrorAction Stop -ScriptBlock { $ErrorActionPreference = 'Stop'; " +
        `${GUARD}$resource | Set-ClusterParameter -Name DiskSignature -Value ([Convert]::ToUInt32('0x1234ABCD', 16)); $resource | ${PARAMS} }`,
    );
    expect(setDiskResourceIdentityCommand({ resource: 'Cluster Disk 2', ownerNode: 'SQLNODE1', signature: '0xFFFFFFFF' })).toContain(
      "([Convert]::ToUInt32('0xFFFFFFFF', 16))",
    );
  });

  it('GPT: DiskIdGuid braced and lower-case, never DiskSignature as well', () => {
    const cmd = setDiskResourceIdentityCommand({
      resource: 'Cluster Disk 2',
      ownerNode: 'node2.contoso.local',
      signature: 'D44E4B8D-EAD2-4221-B709-CCBB4EF70FD1',
    });
    expect(cmd).toBe(
      "$ErrorActionPreference = 'Stop'; Invoke-Command -ComputerName 'node2.contoso.local' -ErrorAction Stop -ScriptBlock { $ErrorActionPreference = 'Stop'; " +
        `${GUARD}$resource | Set-ClusterParameter -Name DiskIdGuid -Value '{d44e4b8d-ead2-4221-b709-ccbb4ef70fd1}'; $resource | ${PARAMS} }`,
    );
    expect(cmd).not.toContain('DiskSignature -Value');
    expect(() => powershellInvocation(cmd)).not.toThrow();
  });

  it("before a writable break: the same command with a placeholder where VSS's new identity goes", () => {
    expect(setPendingDiskResourceIdentityCommand({ resource: 'Cluster Disk 2', ownerNode: 'SQLNODE1', partitionStyle: 'MBR' })).toBe(
      "$ErrorActionPreference = 'Stop'; Invoke-Command -ComputerName 'SQLNODE1' -ErrorAction Stop -ScriptBlock { $ErrorActionPreference = 'Stop'; " +
        `${GUARD}$resource | Set-ClusterParameter -Name DiskSignature -Value ([Convert]::ToUInt32('0x<signature after the break>', 16)); $resource | ${PARAMS} }`,
    );
    expect(setPendingDiskResourceIdentityCommand({ resource: 'Cluster Disk 2', ownerNode: 'SQLNODE1', partitionStyle: 'GPT' })).toContain(
      "Set-ClusterParameter -Name DiskIdGuid -Value '<disk GUID after the break>';",
    );
    expect(() =>
      setPendingDiskResourceIdentityCommand({ resource: "Disk'; Stop-Computer", ownerNode: 'SQLNODE1', partitionStyle: 'MBR' }),
    ).toThrow(/refused/);
  });

  it('refuses identities that are neither, a zero signature, and unsafe names', () => {
    for (const signature of ['00000000', '0x0000000', '1234ABCDE', '{d44e4b8d-ead2-4221-b709-ccbb4ef70fd1', "12345678'; Stop-Computer"]) {
      expect(() => setDiskResourceIdentityCommand({ resource: 'Cluster Disk 2', ownerNode: 'SQLNODE1', signature }), signature).toThrow(
        /refused/,
      );
    }
    expect(() =>
      setDiskResourceIdentityCommand({ resource: "Disk'; Stop-Computer", ownerNode: 'SQLNODE1', signature: '1234ABCD' }),
    ).toThrow(/refused/);
    expect(() => setDiskResourceIdentityCommand({ resource: 'Cluster Disk 2', ownerNode: 'NODE 1', signature: '1234ABCD' })).toThrow(
      /refused/,
    );
  });
});

describe('volumes and group moves', () => {
  it('Get-Volume of one disk, DriveLetter as a string', () => {
    expect(getDiskVolumesCommand({ disk: { uniqueId: '60002AC0000000000000000A00001234' } })).toBe(
      "$ErrorActionPreference = 'Stop'; Get-Disk -UniqueId '60002AC0000000000000000A00001234' | Get-Partition | Get-Volume | " +
        "Select-Object -Property @{Name='DriveLetter';Expression={[string]$_.DriveLetter}},Path,FileSystemLabel,FileSystem | ConvertTo-Json -Depth 4 -Compress",
    );
  });
  it('Move-ClusterGroup to a node, read back as a group', () => {
    expect(moveClusterGroupCommand({ group: 'SQL Server (MSSQLSERVER)', node: 'SQLNODE2', cluster: 'SQLCLUSTER' })).toBe(
      "$ErrorActionPreference = 'Stop'; Move-ClusterGroup -Name 'SQL Server (MSSQLSERVER)' -Node 'SQLNODE2' -Cluster 'SQLCLUSTER' | " +
        "Select-Object -Property Name,@{Name='OwnerNode';Expression={$_.OwnerNode.Name}},@{Name='State';Expression={[string]$_.State}} | ConvertTo-Json -Depth 4 -Compress",
    );
  });
});
