/**
 * Failover-cluster objects from the JSON the commands in powershell-commands.ts print
 * (docs/windows-facts.md#never-parse-format-table-text). Tolerates: one object vs an array, enum numbers vs names, `Group` (old hosts)
 * vs `OwnerGroup` (2016+), nested objects vs their names, braced/upper-case GUIDs.
 */
import { guidOrNull } from './guid-text';
import { itemError, optionalInteger, optionalString, parsePowerShellJson, requiredString, type JsonObject } from './parse-powershell-json';

/** CLUSTER_RESOURCE_STATE values (docs/windows-facts.md#cluster-resource-states). */
export const CLUSTER_RESOURCE_STATES: Readonly<Record<number, string>> = {
  [-1]: 'Unknown',
  0: 'Inherited',
  1: 'Initializing',
  2: 'Online',
  3: 'Offline',
  4: 'Failed',
  128: 'Pending',
  129: 'OnlinePending',
  130: 'OfflinePending',
};

export interface ClusterResourceInfo {
  name: string;
  /** A CLUSTER_RESOURCE_STATE name (Online, Offline, ...), or the text printed when it is not one of them. */
  state: string;
  /** The numeric state when PowerShell wrote a number. */
  stateCode: number | null;
  /** True when the state was displayed as `Online(Maintenance)`. The authority is MaintenanceMode (parameters). */
  maintenanceShown: boolean;
  ownerGroup: string | null;
  ownerNode: string | null;
  resourceType: string | null;
}

function resourceState(item: JsonObject, what: string): { state: string; stateCode: number | null; maintenanceShown: boolean } {
  const v = item['State'];
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw itemError(what, item, 'State is not a whole number');
    return { state: CLUSTER_RESOURCE_STATES[v] ?? `Undocumented(${v})`, stateCode: v, maintenanceShown: false };
  }
  if (typeof v === 'string') {
    const t = v.trim();
    const maintenance = /\(Maintenance\)$/i.test(t);
    const base = t.replace(/\(Maintenance\)$/i, '');
    const known = Object.values(CLUSTER_RESOURCE_STATES).find((s) => s.toLowerCase() === base.toLowerCase());
    if (known !== undefined) return { state: known, stateCode: null, maintenanceShown: maintenance };
    if (/^-?\d+$/.test(base)) return resourceState({ ...item, State: Number(base) }, what);
    if (t === '') throw itemError(what, item, 'State is empty');
    return { state: t, stateCode: null, maintenanceShown: maintenance };
  }
  throw itemError(what, item, 'State is missing');
}

export function parseClusterResources(json: string): ClusterResourceInfo[] {
  const what = 'Get-ClusterResource';
  return parsePowerShellJson(json, what).map((item) => ({
    name: requiredString(item, 'Name', what),
    ...resourceState(item, what),
    ownerGroup: optionalString(item, 'OwnerGroup', what) ?? optionalString(item, 'Group', what),
    ownerNode: optionalString(item, 'OwnerNode', what),
    resourceType: optionalString(item, 'ResourceType', what),
  }));
}

export interface ResourceDependencies {
  resource: string;
  /** Every resource the expression names, whether joined by `and` or `or`: all of them are its providers. */
  dependsOn: string[];
}

/**
 * Get-ClusterResourceDependency as JSON. The expression grammar (Learn, SetClusterResourceDependencyExpression) puts
 * each resource in square brackets, by name or by id; an id names no resource we list and matches nothing. `Resource`
 * may arrive as the name or as the whole resource object; an empty or missing expression means no dependencies.
 */
export function parseResourceDependencies(json: string): ResourceDependencies[] {
  const what = 'Get-ClusterResourceDependency';
  return parsePowerShellJson(json, what).map((item) => {
    const nested = item['Resource'];
    const resource =
      typeof nested === 'object' && nested !== null && !Array.isArray(nested)
        ? requiredString(nested as JsonObject, 'Name', what)
        : requiredString(item, 'Resource', what);
    const expression = optionalString(item, 'DependencyExpression', what) ?? '';
    return { resource, dependsOn: [...expression.matchAll(/\[([^\]]+)\]/g)].map((m) => (m[1] ?? '').trim()).filter((name) => name !== '') };
  });
}

/**
 * How the cluster knows the disk: DiskIdType 0 = MBR signature, 1 = GPT GUID, 5000 = unrecognized
 * (docs/windows-facts.md#the-cluster-finds-a-disk-by-its-signature).
 */
export type DiskIdentity = { kind: 'mbr'; signature: string | null } | { kind: 'gpt'; guid: string | null } | { kind: 'unknown' };

export interface DiskResourceParameters {
  diskIdType: number | null;
  /** DiskSignature as 8 upper-case hex digits (a DWORD), or null when absent. */
  diskSignature: string | null;
  /** DiskIdGuid lower-case without braces, or null when absent/empty. */
  diskIdGuid: string | null;
  /** 0 off, 1 DisableIsAliveCheck, 2 OfflineResource, 3 UnclusterResource. */
  maintenanceMode: number | null;
  identity: DiskIdentity;
  /** Every parameter received, by name, as written. */
  parameters: Record<string, unknown>;
}

function dword(value: unknown, item: JsonObject, what: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^0x[0-9a-fA-F]{1,8}$/.test(value.trim())) n = Number.parseInt(value.trim().slice(2), 16);
  else if (typeof value === 'string' && /^\d{1,10}$/.test(value.trim())) n = Number(value.trim());
  else throw itemError(what, item, 'DiskSignature is not a number');
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw itemError(what, item, 'DiskSignature is not a DWORD');
  return n.toString(16).toUpperCase().padStart(8, '0');
}

export function parseDiskResourceParameters(json: string): DiskResourceParameters {
  const what = 'Get-ClusterParameter';
  const parameters: Record<string, unknown> = {};
  const items = parsePowerShellJson(json, what);
  for (const item of items) {
    const name = requiredString(item, 'Name', what);
    if (Object.prototype.hasOwnProperty.call(parameters, name)) throw itemError(what, item, `parameter ${name} appears twice`);
    parameters[name] = item['Value'];
  }
  const holder: JsonObject = parameters;
  const diskIdType = optionalInteger(holder, 'DiskIdType', what);
  const diskSignature = dword(parameters['DiskSignature'], holder, what);
  const guidText = optionalString(holder, 'DiskIdGuid', what);
  let diskIdGuid: string | null = null;
  if (guidText !== null && guidText.trim() !== '') {
    diskIdGuid = guidOrNull(guidText);
    if (diskIdGuid === null) throw itemError(what, holder, 'DiskIdGuid is not a GUID');
  }
  const maintenanceMode = optionalInteger(holder, 'MaintenanceMode', what);
  if (maintenanceMode !== null && (maintenanceMode < 0 || maintenanceMode > 3)) throw itemError(what, holder, 'MaintenanceMode is not 0-3');
  let identity: DiskIdentity;
  if (diskIdType === 0) identity = { kind: 'mbr', signature: diskSignature };
  else if (diskIdType === 1) identity = { kind: 'gpt', guid: diskIdGuid };
  else identity = { kind: 'unknown' };
  return { diskIdType, diskSignature, diskIdGuid, maintenanceMode, identity, parameters };
}

export interface ClusterNodeInfo {
  name: string;
  id: string | null;
  /**
   * As written (Up, Down, Paused...); numbers are kept as text, as the command asks for them
   * (docs/windows-facts.md#cluster-resource-states).
   */
  state: string | null;
}

export function parseClusterNodes(json: string): ClusterNodeInfo[] {
  const what = 'Get-ClusterNode';
  return parsePowerShellJson(json, what).map((item) => ({
    name: requiredString(item, 'Name', what),
    id: optionalString(item, 'Id', what) ?? optionalString(item, 'ID', what),
    state: optionalString(item, 'State', what),
  }));
}

export interface ClusterGroupInfo {
  name: string;
  ownerNode: string | null;
  state: string | null;
}

export function parseClusterGroups(json: string): ClusterGroupInfo[] {
  const what = 'Get-ClusterGroup';
  return parsePowerShellJson(json, what).map((item) => ({
    name: requiredString(item, 'Name', what),
    ownerNode: optionalString(item, 'OwnerNode', what),
    state: optionalString(item, 'State', what),
  }));
}
