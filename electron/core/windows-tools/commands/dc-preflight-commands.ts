/**
 * PowerShell command TEXT for reading a domain controller before its disks are recovered
 * (docs/recovery-procedure.md#domain-controllers-recognition-and-preflight, facts in docs/windows-facts.md#active-directory): is the host a
 * DC, where does it keep Active Directory, and what do the forest and the domain say about restoring it.
 * Each reading is one command that ends in ConvertTo-Json (parsers: parse-dc-preflight.ts), run on the DC
 * itself (remoted when it is another computer). The AD cmdlets come with the DC's own RSAT module.
 */
import { hereOrOn, JSON_DEPTH } from './powershell-commands';

const TO_JSON = `ConvertTo-Json -Depth ${JSON_DEPTH} -Compress`;
const NTDS_PARAMETERS = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\NTDS\\Parameters';
const NETLOGON_PARAMETERS = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters';

export interface OnComputer {
  /** The DC, when it is not the computer ShadowSwap runs on. */
  computer?: string;
}

/**
 * Win32_ComputerSystem.DomainRole (4 backup DC, 5 primary DC; https://learn.microsoft.com/windows/win32/cimwin32prov/win32-computersystem)
 * and where Windows itself lives ($env:SystemDrive), to tell a boot-from-SAN DC.
 */
export function computerSystemCommand(options: OnComputer = {}): string {
  return hereOrOn(
    options.computer,
    `Get-CimInstance -ClassName Win32_ComputerSystem | Select-Object -Property Name,Domain,DomainRole,@{Name='SystemDrive';Expression={$env:SystemDrive}} | ${TO_JSON}`,
  );
}

/** The AD DS service (NTDS) and its status as a name; no output when the service does not exist. */
export function ntdsServiceCommand(options: OnComputer = {}): string {
  return hereOrOn(
    options.computer,
    `@(Get-Service -Name 'NTDS' -ErrorAction SilentlyContinue | Select-Object -Property Name,@{Name='Status';Expression={[string]$_.Status}}) | ${TO_JSON}`,
  );
}

/**
 * The NTDS parameters a restore reads: where the database and its logs live, `Dsa Not Writable` (set after a USN
 * rollback), the restore count and the restore flag. A value that is absent is written as null.
 */
export function ntdsParametersCommand(options: OnComputer = {}): string {
  return hereOrOn(
    options.computer,
    `Get-ItemProperty -LiteralPath '${NTDS_PARAMETERS}' | Select-Object -Property 'DSA Database file','Database log files path','Dsa Not Writable','DSA Previous Restore Count','Database restored from backup' | ${TO_JSON}`,
  );
}

/** Netlogon's SysVol value: the folder the SYSVOL share points to. */
export function sysvolPathCommand(options: OnComputer = {}): string {
  return hereOrOn(options.computer, `Get-ItemProperty -LiteralPath '${NETLOGON_PARAMETERS}' | Select-Object -Property SysVol | ${TO_JSON}`);
}

/**
 * Directory Service events 2095 (USN rollback detected) and 2103 (database restored by an unsupported procedure).
 * Get-WinEvent reports "no events" as an error, so errors are silenced and no output means none.
 */
export function rollbackEventsCommand(options: OnComputer = {}): string {
  return hereOrOn(
    options.computer,
    `@(Get-WinEvent -FilterHashtable @{LogName='Directory Service'; Id=2095,2103} -ErrorAction SilentlyContinue | Select-Object -Property Id,@{Name='TimeCreated';Expression={$_.TimeCreated.ToUniversalTime().ToString('o')}}) | ${TO_JSON}`,
  );
}

/** The forest's tombstoneLifetime, on CN=Directory Service,CN=Windows NT,CN=Services in the configuration partition. */
export function tombstoneLifetimeCommand(options: OnComputer = {}): string {
  return hereOrOn(
    options.computer,
    `Get-ADObject -Identity ('CN=Directory Service,CN=Windows NT,CN=Services,' + (Get-ADRootDSE).configurationNamingContext) -Properties tombstoneLifetime | Select-Object -Property tombstoneLifetime | ${TO_JSON}`,
  );
}

/** Every DC of this DC's domain, read-only or not. */
export function domainControllersCommand(options: OnComputer = {}): string {
  return hereOrOn(options.computer, `Get-ADDomainController -Filter * | Select-Object -Property Name,HostName,IsReadOnly | ${TO_JSON}`);
}

/** The replication failures the domain's DCs report; no output when there are none. */
export function replicationFailuresCommand(options: OnComputer = {}): string {
  return hereOrOn(
    options.computer,
    `@(Get-ADReplicationFailure -Scope Domain -Target (Get-ADDomain).DNSRoot | Select-Object -Property Server,Partner,FailureCount,@{Name='LastError';Expression={[string]$_.LastError}}) | ${TO_JSON}`,
  );
}

/**
 * Each operations master role with its holder (fSMORoleOwner, the holder's NTDS Settings DN) and the replication
 * metadata of that attribute: when it last changed and on which DC the change was written.
 */
export function fsmoRolesCommand(options: OnComputer = {}): string {
  const objects =
    "$root = Get-ADRootDSE; $domain = $root.defaultNamingContext; $objects = [ordered]@{ SchemaMaster = $root.schemaNamingContext; DomainNamingMaster = 'CN=Partitions,' + $root.configurationNamingContext; PDCEmulator = $domain; RIDMaster = 'CN=RID Manager$,CN=System,' + $domain; InfrastructureMaster = 'CN=Infrastructure,' + $domain }";
  const each =
    "$m = Get-ADReplicationAttributeMetadata -Object $_.Value -Server $env:COMPUTERNAME -Properties fSMORoleOwner; [pscustomobject]@{ Role = $_.Key; Owner = [string]$m.AttributeValue; ChangedAt = $m.LastOriginatingChangeTime.ToUniversalTime().ToString('o'); ChangedOn = [string]$m.LastOriginatingChangeDirectoryServerIdentity }";
  return hereOrOn(options.computer, `${objects}; @($objects.GetEnumerator() | ForEach-Object { ${each} }) | ${TO_JSON}`);
}
