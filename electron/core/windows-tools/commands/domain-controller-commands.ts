/**
 * PowerShell command TEXT for recovering a domain controller (docs/recovery-procedure.md#domain-controllers): the
 * DSRM boot and the way out of it, the `Database restored from backup` value, SYSVOL's resynchronisation after the
 * restore (KB 2218556), and the one reading of the DC that its preflight, plan, probes and verification share.
 * Every change runs on the DC through Invoke-Command, or names it with -ComputerName: the console never runs on the
 * DC it restarts (only the reading runs here when the console is on the DC). The facts and their sources are in
 * docs/windows-facts.md#active-directory and docs/windows-facts.md#active-directory-restore.
 */
import { JSON_DEPTH, psQuote } from './powershell-commands';
import { validateHostName } from './validate';

const STOP_ON_ERROR = "$ErrorActionPreference = 'Stop'";
const NTDS_PARAMETERS = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\NTDS\\Parameters';
const NETLOGON_PARAMETERS = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters';
export const RESTORED_FLAG = 'Database restored from backup';
/** How long Restart-Computer -Wait waits for the DC to answer PowerShell remoting again (a DC boot can be slow). */
export const RESTART_WAIT_SECONDS = 1800;
/** How long the SYSVOL resynchronisation waits for each DFS Replication event. */
export const SYSVOL_EVENT_WAIT_MINUTES = 15;

function dcName(host: string): string {
  return validateHostName(host, 'domain controller');
}

/** `inner` run on the DC through WinRM, stopping at the first error. */
function onDc(host: string, inner: string): string {
  return `${STOP_ON_ERROR}; Invoke-Command -ComputerName ${psQuote(dcName(host))} -ErrorAction Stop -ScriptBlock { ${STOP_ON_ERROR}; ${inner} }`;
}

/** A native tool's failure does not stop PowerShell: its exit code is checked by hand. */
function native(commandLine: string, shownAs: string): string {
  return `${commandLine}; if ($LASTEXITCODE -ne 0) { throw ${psQuote(`${shownAs} exited with code `)} + $LASTEXITCODE }`;
}

/** The boot entry's safeboot element: dsrepair starts the DC in DSRM at every boot until it is deleted. */
export function setDsrmBootCommand(host: string): string {
  return onDc(host, native("bcdedit /set '{default}' safeboot dsrepair", 'bcdedit /set {default} safeboot dsrepair'));
}

export function clearDsrmBootCommand(host: string): string {
  return onDc(host, native("bcdedit /deletevalue '{default}' safeboot", 'bcdedit /deletevalue {default} safeboot'));
}

/** Restarts the DC from the console and returns once it answers PowerShell remoting again. */
export function restartAndWaitCommand(host: string): string {
  return `${STOP_ON_ERROR}; Restart-Computer -ComputerName ${psQuote(dcName(host))} -Force -Wait -For PowerShell -Timeout ${RESTART_WAIT_SECONDS} -Delay 5`;
}

/** `Database restored from backup` = 1 (REG_DWORD): the next normal start takes a new invocation ID (event 1109). */
export function setRestoredFlagCommand(host: string): string {
  return onDc(
    host,
    `New-ItemProperty -Path ${psQuote(NTDS_PARAMETERS)} -Name ${psQuote(RESTORED_FLAG)} -PropertyType DWord -Value 1 -Force | Out-Null`,
  );
}

/** Removes the value again (a rollback before the DC started normally): the DC keeps its invocation ID. */
export function clearRestoredFlagCommand(host: string): string {
  return onDc(host, `Remove-ItemProperty -Path ${psQuote(NTDS_PARAMETERS)} -Name ${psQuote(RESTORED_FLAG)} -ErrorAction SilentlyContinue`);
}

/**
 * KB 2218556 on the DC itself: msDFSR-Enabled FALSE on its SYSVOL subscription (authoritative: msDFSR-Options 1 too,
 * with DFSR stopped), AD replication, `dfsrdiag pollad`, event 4114 (SYSVOL disabled); then msDFSR-Enabled TRUE,
 * replication, pollad, and event 4604 (non-authoritative: initialised from a partner) or 4602 (authoritative).
 */
export function resyncSysvolCommand(host: string, authoritative: boolean): string {
  const waitFor = [
    `function Wait-DfsrEvent([int]$Id) { $deadline = (Get-Date).AddMinutes(${SYSVOL_EVENT_WAIT_MINUTES});`,
    "while (-not (Get-WinEvent -FilterHashtable @{LogName='DFS Replication';Id=$Id;StartTime=$started} -MaxEvents 1 -ErrorAction SilentlyContinue)) {",
    `if ((Get-Date) -gt $deadline) { throw ('DFS Replication event ' + $Id + ' did not come within ${SYSVOL_EVENT_WAIT_MINUTES} minutes: see the DFS Replication log on ' + $env:COMPUTERNAME) }; Start-Sleep -Seconds 10 } }`,
  ].join(' ');
  const replicate = `${native('repadmin /syncall $env:COMPUTERNAME /APed | Out-Null', 'repadmin /syncall')}; ${native('dfsrdiag pollad | Out-Null', 'dfsrdiag pollad')}`;
  const disable = authoritative
    ? "Stop-Service -Name DFSR; Set-ADObject -Identity $subscription -Replace @{'msDFSR-Enabled'=$false;'msDFSR-Options'=1}; Start-Service -Name DFSR"
    : "Set-ADObject -Identity $subscription -Replace @{'msDFSR-Enabled'=$false}";
  return onDc(
    host,
    [
      '$started = Get-Date',
      waitFor,
      "$subscription = 'CN=SYSVOL Subscription,CN=Domain System Volume,CN=DFSR-LocalSettings,' + (Get-ADComputer -Identity $env:COMPUTERNAME).DistinguishedName",
      disable,
      replicate,
      'Wait-DfsrEvent 4114',
      "Set-ADObject -Identity $subscription -Replace @{'msDFSR-Enabled'=$true}",
      replicate,
      `Wait-DfsrEvent ${authoritative ? 4602 : 4604}`,
    ].join('; '),
  );
}

/** What a reading asks for: the DC (absent: this computer, no remoting) and the parts only some readers need. */
export interface DomainControllerReadRequest {
  computer?: string;
  /** The tombstone lifetime, the domain's replication failures and the operations masters (the preflight). */
  domainFacts?: boolean;
  /** repadmin /replsummary and dcdiag, as they print them (the verification). */
  health?: boolean;
}

const EVENT_ROW = "ForEach-Object { [pscustomobject]@{ Id=$_.Id; At=$_.TimeCreated.ToUniversalTime().ToString('o') } }";
const events = (log: string, ids: string) =>
  `@(Get-WinEvent -FilterHashtable @{LogName='${log}';Id=${ids}} -MaxEvents 50 -ErrorAction SilentlyContinue | ${EVENT_ROW})`;

/**
 * Each operations master role with its holder (fSMORoleOwner, the holder's NTDS Settings DN) and the replication
 * metadata of that attribute: when it last changed and on which DC the change was written.
 */
const FSMO_ROLES = [
  "$root = Get-ADRootDSE; $nc = $root.defaultNamingContext; $objects = [ordered]@{ SchemaMaster = $root.schemaNamingContext; DomainNamingMaster = 'CN=Partitions,' + $root.configurationNamingContext; PDCEmulator = $nc; RIDMaster = 'CN=RID Manager$,CN=System,' + $nc; InfrastructureMaster = 'CN=Infrastructure,' + $nc }",
  "$fsmo = @($objects.GetEnumerator() | ForEach-Object { $m = Get-ADReplicationAttributeMetadata -Object $_.Value -Server $env:COMPUTERNAME -Properties fSMORoleOwner; [pscustomobject]@{ Role = $_.Key; Owner = [string]$m.AttributeValue; ChangedAt = $m.LastOriginatingChangeTime.ToUniversalTime().ToString('o'); ChangedOn = [string]$m.LastOriginatingChangeDirectoryServerIdentity } })",
].join('; ');

/** The forest's tombstoneLifetime, the domain's replication failures (none: no output) and the operations masters. */
const DOMAIN_FACTS = [
  "$tombstone = (Get-ADObject -Identity ('CN=Directory Service,CN=Windows NT,CN=Services,' + (Get-ADRootDSE).configurationNamingContext) -Properties tombstoneLifetime).tombstoneLifetime",
  '$failures = @(Get-ADReplicationFailure -Scope Domain -Target (Get-ADDomain).DNSRoot | ForEach-Object { [pscustomobject]@{ Server=[string]$_.Server; FailureCount=$_.FailureCount; LastError=[string]$_.LastError } })',
  FSMO_ROLES,
  '$domainFacts = [pscustomobject]@{ TombstoneLifetime=$tombstone; ReplicationFailures=$failures; FsmoRoles=$fsmo }',
].join('; ');

const HEALTH = [
  '$summary = repadmin /replsummary $env:COMPUTERNAME | Out-String',
  '$diag = dcdiag /s:$env:COMPUTERNAME /test:replications /test:sysvolcheck /test:advertising | Out-String',
  '$health = [pscustomobject]@{ Replsummary=$summary; Dcdiag=$diag }',
].join('; ');

/**
 * The one reading of a domain controller, as one JSON object (parse-domain-controller.ts), or `null` when the host is
 * not one. The gate is Win32_ComputerSystem.DomainRole 4 or 5 (https://learn.microsoft.com/windows/win32/cimwin32prov/win32-computersystem);
 * in a safe boot (DSRM) the NTDS service's presence is accepted too, because the role Windows reports is derived from
 * AD DS running (docs/windows-facts.md#recognising-a-domain-controller). Then its clock, boot state, the NTDS service, the NTDS and
 * Netlogon values, the shares, the Directory Service and DFS Replication events a restore writes, and, while AD DS
 * runs, its invocation ID and the domain's DCs; with `domainFacts` and `health`, the parts only preflight and verify
 * need. Each list is wrapped in @() so that one item stays a list and none is an empty one.
 */
export function readDomainControllerCommand(request: DomainControllerReadRequest = {}): string {
  const inner = [
    '$cs = Get-CimInstance -ClassName Win32_ComputerSystem',
    '$ntds = Get-Service -Name NTDS -ErrorAction SilentlyContinue',
    "if ($cs.DomainRole -lt 4 -and -not ($cs.BootupState -ne 'Normal boot' -and $null -ne $ntds)) { 'null'; return }",
    `$p = Get-ItemProperty -LiteralPath ${psQuote(NTDS_PARAMETERS)}`,
    `$sysvol = (Get-ItemProperty -LiteralPath ${psQuote(NETLOGON_PARAMETERS)}).SysVol`,
    "$running = [string]$ntds.Status -eq 'Running'",
    '$all = @(if ($running) { Get-ADDomainController -Filter * })',
    '$self = $all | Where-Object { $_.Name -eq $env:COMPUTERNAME } | Select-Object -First 1',
    '$shares = @(Get-SmbShare -Name SYSVOL,NETLOGON -ErrorAction SilentlyContinue | ForEach-Object { $_.Name })',
    '$domainFacts = $null',
    ...(request.domainFacts ? [`if ($running) { ${DOMAIN_FACTS} }`] : []),
    '$health = $null',
    ...(request.health ? [HEALTH] : []),
    [
      '[pscustomobject]@{',
      "ReadAt=(Get-Date).ToUniversalTime().ToString('o');",
      'Name=$cs.Name; Domain=$cs.Domain; DomainRole=$cs.DomainRole; BootupState=$cs.BootupState; SystemDrive=$env:SystemDrive;',
      'NtdsRunning=$running;',
      'IsReadOnly=$(if ($self) { $self.IsReadOnly } else { $false });',
      'InvocationId=$(if ($self) { $self.InvocationId.Guid } else { $null });',
      "DatabasePath=$p.'DSA Database file'; LogPath=$p.'Database log files path'; SysVol=$sysvol;",
      "DatabasePresent=(Test-Path -LiteralPath $p.'DSA Database file');",
      "RestoreCount=$p.'DSA Previous Restore Count';",
      `RestoredFlag=$p.'${RESTORED_FLAG}';`,
      "DsaNotWritable=$p.'Dsa Not Writable';",
      'Shares=$shares;',
      `DirectoryEvents=${events('Directory Service', '1109,2095,2103')};`,
      `DfsrEvents=${events('DFS Replication', '4114,4602,4604,4614')};`,
      'DomainControllers=@($all | ForEach-Object { [pscustomobject]@{ Name=$_.Name; IsReadOnly=$_.IsReadOnly } });',
      'DomainFacts=$domainFacts; Health=$health',
      `} | ConvertTo-Json -Depth ${JSON_DEPTH} -Compress`,
    ].join(' '),
  ].join('; ');
  return request.computer === undefined ? `${STOP_ON_ERROR}; ${inner}` : onDc(request.computer, inner);
}
