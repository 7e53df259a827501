/**
 * The domain controller readings of dc-preflight-commands.ts, from their ConvertTo-Json output. Names are
 * kept as Windows writes them; a DN that names a DC (`CN=NTDS Settings,CN=DC01,CN=Servers,…`) becomes the DC's name.
 */
import { FsmoRole, type FsmoRoleHolder } from '../../../../shared/domain-controller-facts';
import { ParseError } from './parse-error';
import {
  itemError,
  optionalBoolean,
  optionalInteger,
  optionalString,
  parsePowerShellJson,
  requiredString,
  type JsonObject,
} from './parse-powershell-json';

function exactlyOne(json: string, what: string): JsonObject {
  const [item, ...others] = parsePowerShellJson(json, what);
  if (item === undefined || others.length > 0) throw new ParseError(`${what} output should hold exactly one object`, 1, json.slice(0, 200));
  return item;
}

export interface ComputerSystemInfo {
  name: string;
  domain: string;
  domainRole: number;
  systemDrive: string;
}

export function parseComputerSystem(json: string): ComputerSystemInfo {
  const what = 'Win32_ComputerSystem';
  const item = exactlyOne(json, what);
  const domainRole = optionalInteger(item, 'DomainRole', what);
  if (domainRole === null) throw itemError(what, item, 'DomainRole is missing');
  return {
    name: requiredString(item, 'Name', what),
    domain: requiredString(item, 'Domain', what),
    domainRole,
    systemDrive: requiredString(item, 'SystemDrive', what).toUpperCase(),
  };
}

/** The NTDS service's status (Running, Stopped…), or null when there is no such service. */
export function parseServiceStatus(json: string): string | null {
  const what = 'Get-Service NTDS';
  const items = parsePowerShellJson(json, what);
  if (items.length > 1) throw new ParseError(`${what} output should hold at most one service`, 1, json.slice(0, 200));
  const item = items[0];
  return item === undefined ? null : requiredString(item, 'Status', what);
}

export interface NtdsParametersInfo {
  databaseFile: string;
  logPath: string;
  dsaNotWritable: number | null;
  restoreCount: number | null;
  restoredFlag: number | null;
}

export function parseNtdsParameters(json: string): NtdsParametersInfo {
  const what = 'NTDS\\Parameters';
  const item = exactlyOne(json, what);
  return {
    databaseFile: requiredString(item, 'DSA Database file', what),
    logPath: requiredString(item, 'Database log files path', what),
    dsaNotWritable: optionalInteger(item, 'Dsa Not Writable', what),
    restoreCount: optionalInteger(item, 'DSA Previous Restore Count', what),
    restoredFlag: optionalInteger(item, 'Database restored from backup', what),
  };
}

export function parseSysvolPath(json: string): string {
  const what = 'Netlogon\\Parameters';
  return requiredString(exactlyOne(json, what), 'SysVol', what);
}

export function parseRollbackEvents(json: string): { id: number; at: string }[] {
  const what = 'Directory Service events';
  return parsePowerShellJson(json, what).map((item) => {
    const id = optionalInteger(item, 'Id', what);
    if (id === null) throw itemError(what, item, 'Id is missing');
    return { id, at: requiredString(item, 'TimeCreated', what) };
  });
}

/** The forest's tombstone lifetime in days, or null when the attribute is not set. */
export function parseTombstoneLifetime(json: string): number | null {
  const what = 'tombstoneLifetime';
  return optionalInteger(exactlyOne(json, what), 'tombstoneLifetime', what);
}

export function parseDomainControllers(json: string): { name: string; readOnly: boolean }[] {
  const what = 'Get-ADDomainController';
  return parsePowerShellJson(json, what).map((item) => ({
    name: requiredString(item, 'Name', what),
    readOnly: optionalBoolean(item, 'IsReadOnly', what) ?? false,
  }));
}

export interface ReplicationFailureInfo {
  server: string;
  partner: string | null;
  failureCount: number;
  lastError: string | null;
}

export function parseReplicationFailures(json: string): ReplicationFailureInfo[] {
  const what = 'Get-ADReplicationFailure';
  return parsePowerShellJson(json, what).map((item) => ({
    server: requiredString(item, 'Server', what),
    partner: optionalString(item, 'Partner', what),
    failureCount: optionalInteger(item, 'FailureCount', what) ?? 0,
    lastError: optionalString(item, 'LastError', what),
  }));
}

/**
 * The DC a DN names: the CN after `CN=NTDS Settings` (`CN=NTDS Settings,CN=DC01,CN=Servers,…` is DC01). A DN of
 * another shape is kept whole, so the operator still sees what Windows said.
 */
export function serverOfDn(dn: string): string {
  const match = /^CN=NTDS Settings[^,]*,CN=([^,]+),/i.exec(dn.trim());
  return match?.[1] ?? dn.trim();
}

export function parseFsmoRoles(json: string): FsmoRoleHolder[] {
  const what = 'fSMORoleOwner metadata';
  return parsePowerShellJson(json, what).map((item) => {
    const role = FsmoRole.safeParse(requiredString(item, 'Role', what));
    if (!role.success) throw itemError(what, item, `Role is not one of ${FsmoRole.options.join(', ')}`);
    const changedOn = optionalString(item, 'ChangedOn', what);
    return {
      role: role.data,
      holder: serverOfDn(requiredString(item, 'Owner', what)),
      changedAt: optionalString(item, 'ChangedAt', what),
      changedOn: changedOn === null || changedOn === '' ? null : serverOfDn(changedOn),
    };
  });
}
