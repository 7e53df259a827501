/**
 * PowerShell command TEXT for recovering a domain controller (docs/recovery-procedure.md#domain-controllers): the
 * DSRM boot and the way out of it, the `Database restored from backup` value, SYSVOL's resynchronisation after the
 * restore (KB 2218556), and the reads that prove how the DC came back. Every command runs on the DC through
 * Invoke-Command, or names it with -ComputerName: the console never runs on the DC it restarts. The facts and their
 * sources are in docs/windows-facts.md#active-directory-restore.
 */
import { psQuote } from './powershell-commands';
import { validateHostName } from './validate';

const STOP_ON_ERROR = "$ErrorActionPreference = 'Stop'";
const NTDS_PARAMETERS = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\NTDS\\Parameters';
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

/**
 * What the DC is now, as one JSON object (null when the NTDS service does not exist: not a DC): its clock, boot
 * state, the NTDS service, the NTDS values, the shares, the Directory Service and DFS Replication events a restore
 * writes, and, while AD DS runs, its invocation ID and the other writable DCs of its domain.
 */
export function readDomainControllerCommand(host: string): string {
  const events = (log: string, ids: string) =>
    `@(Get-WinEvent -FilterHashtable @{LogName='${log}';Id=${ids}} -MaxEvents 50 -ErrorAction SilentlyContinue | ForEach-Object { [pscustomobject]@{ Id=$_.Id; At=$_.TimeCreated.ToUniversalTime().ToString('o') } })`;
  return onDc(
    host,
    [
      '$ntds = Get-Service -Name NTDS -ErrorAction SilentlyContinue',
      "if ($null -eq $ntds) { 'null'; return }",
      `$p = Get-ItemProperty -Path ${psQuote(NTDS_PARAMETERS)}`,
      "$running = [string]$ntds.Status -eq 'Running'",
      '$self = if ($running) { Get-ADDomainController -Identity $env:COMPUTERNAME } else { $null }',
      '$partners = if ($running) { @(Get-ADDomainController -Filter * | Where-Object { -not $_.IsReadOnly -and $_.Name -ne $env:COMPUTERNAME } | ForEach-Object { $_.Name }) } else { @() }',
      '$shares = @(Get-SmbShare -Name SYSVOL,NETLOGON -ErrorAction SilentlyContinue | ForEach-Object { $_.Name })',
      [
        '[pscustomobject]@{',
        "ReadAt=(Get-Date).ToUniversalTime().ToString('o');",
        'BootupState=(Get-CimInstance -ClassName Win32_ComputerSystem).BootupState;',
        'NtdsRunning=$running;',
        'InvocationId=$(if ($self) { $self.InvocationId.Guid } else { $null });',
        "RestoreCount=$p.'DSA Previous Restore Count';",
        `RestoredFlag=$p.'${RESTORED_FLAG}';`,
        "DsaNotWritable=$p.'Dsa Not Writable';",
        "DatabasePath=$p.'DSA Database file';",
        "DatabasePresent=(Test-Path -LiteralPath $p.'DSA Database file');",
        'Shares=$shares;',
        `DirectoryEvents=${events('Directory Service', '1109,2095,2103')};`,
        `DfsrEvents=${events('DFS Replication', '4114,4602,4604,4614')};`,
        'Partners=$partners',
        '} | ConvertTo-Json -Depth 4 -Compress',
      ].join(' '),
    ].join('; '),
  );
}

/** The DC's replication and dcdiag health, as the tools print it (parsed by parse-domain-controller.ts). */
export function domainControllerHealthCommand(host: string): string {
  return onDc(
    host,
    [
      '$summary = repadmin /replsummary $env:COMPUTERNAME | Out-String',
      '$diag = dcdiag /s:$env:COMPUTERNAME /test:replications /test:sysvolcheck /test:advertising | Out-String',
      '[pscustomobject]@{ Replsummary=$summary; Dcdiag=$diag } | ConvertTo-Json -Compress',
    ].join('; '),
  );
}
