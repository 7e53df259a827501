/**
 * Shadow copies and providers as CIM reports them (`Get-CimInstance Win32_ShadowCopy` / `Win32_ShadowProvider`
 * | Select-Object … | ConvertTo-Json): the language-neutral channel for what VSS holds on a host. Property
 * names and values are the classes' own, in every display language, where vssadmin and diskshadow translate
 * their labels (docs/windows-channels.md).
 *
 * Win32_ShadowCopy: https://learn.microsoft.com/en-us/previous-versions/windows/desktop/legacy/aa394428(v=vs.85)
 * Win32_ShadowProvider: https://learn.microsoft.com/en-us/previous-versions/windows/desktop/legacy/aa394430(v=vs.85)
 *
 * Read tolerantly: one object or an array (ConvertTo-Json writes a single result as an object), no output at
 * all for none, and InstallDate as Windows PowerShell 5.1 writes a DateTime (`/Date(1587332041000)/`), as
 * PowerShell 7 writes it (ISO 8601 with its offset), or as a raw CIM datetime (`20200419213401.000000-420`).
 */
import { guidOrNull } from './guid-text';
import {
  itemError,
  optionalBoolean,
  optionalInteger,
  optionalString,
  parsePowerShellJson,
  requiredString,
  type JsonObject,
} from './parse-powershell-json';

/** The documented boolean attributes of Win32_ShadowCopy, in the class's order. */
export const SHADOW_COPY_FLAGS = [
  'Persistent',
  'ClientAccessible',
  'NoAutoRelease',
  'NoWriters',
  'Transportable',
  'NotSurfaced',
  'HardwareAssisted',
  'Differential',
  'Plex',
  'Imported',
  'ExposedRemotely',
  'ExposedLocally',
] as const;
export type ShadowCopyFlag = (typeof SHADOW_COPY_FLAGS)[number];

export interface CimShadowCopy {
  /** GUIDs lower-case without braces, as everywhere in ShadowSwap. */
  id: string;
  setId: string;
  providerId: string | null;
  /** `\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN`. */
  deviceObject: string | null;
  /** The original volume, `\\?\Volume{guid}\`. */
  volumeName: string | null;
  /** ISO 8601 in UTC, or null when the host wrote no date ShadowSwap can place in time. */
  createdAt: string | null;
  originatingMachine: string | null;
  serviceMachine: string | null;
  /** Shadow copies the set had at creation. */
  count: number | null;
  exposedName: string | null;
  /** VSS_SNAPSHOT_STATE (12 = created). */
  state: number | null;
  /** The flags that are true, by their property names. */
  flags: ShadowCopyFlag[];
}

export interface CimShadowProvider {
  id: string;
  name: string | null;
  /** VSS_PROVIDER_TYPE as the class reports it (1 system, 2 software, 3 hardware). */
  type: number | null;
  version: string | null;
}

const WHAT_COPY = 'Win32_ShadowCopy';
const WHAT_PROVIDER = 'Win32_ShadowProvider';

function guid(item: JsonObject, key: string, what: string): string {
  const value = guidOrNull(requiredString(item, key, what));
  if (value === null) throw itemError(what, item, `${key} is not a GUID`);
  return value;
}

/** `/Date(1587332041000)/` or `/Date(1587332041000+0200)/`: milliseconds since 1970 UTC (the offset is only how it was shown). */
const DOTNET_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;
/** DMTF datetime: yyyymmddHHMMSS.mmmmmm then the offset from UTC in minutes. */
const CIM_DATETIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.(\d{6})([+-])(\d{3})$/;
/** ISO 8601 with an explicit zone (a local time without one could be any instant). */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The instant a shadow copy was made, as ISO 8601 UTC; null when absent or not a form that names an instant. */
export function cimInstant(value: string | null): string | null {
  if (value === null) return null;
  const text = value.trim();
  let ms: number | null = null;
  const dotnet = DOTNET_DATE.exec(text);
  const cim = CIM_DATETIME.exec(text);
  if (dotnet !== null) ms = Number(dotnet[1]);
  else if (cim !== null) {
    const field = (i: number): number => Number(cim[i]);
    const offsetMinutes = (cim[8] === '-' ? -1 : 1) * field(9);
    // The digits are local time at that offset from UTC.
    ms = Date.UTC(field(1), field(2) - 1, field(3), field(4), field(5), field(6), Math.floor(field(7) / 1000)) - offsetMinutes * 60_000;
  } else if (ISO_WITH_ZONE.test(text)) ms = Date.parse(text);
  return ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

function shadowCopy(item: JsonObject): CimShadowCopy {
  const providerId = optionalString(item, 'ProviderID', WHAT_COPY);
  return {
    id: guid(item, 'ID', WHAT_COPY),
    setId: guid(item, 'SetID', WHAT_COPY),
    providerId: providerId === null ? null : guidOrNull(providerId),
    deviceObject: optionalString(item, 'DeviceObject', WHAT_COPY),
    volumeName: optionalString(item, 'VolumeName', WHAT_COPY),
    createdAt: cimInstant(optionalString(item, 'InstallDate', WHAT_COPY)),
    originatingMachine: optionalString(item, 'OriginatingMachine', WHAT_COPY),
    serviceMachine: optionalString(item, 'ServiceMachine', WHAT_COPY),
    count: optionalInteger(item, 'Count', WHAT_COPY),
    exposedName: optionalString(item, 'ExposedName', WHAT_COPY) || null,
    state: optionalInteger(item, 'State', WHAT_COPY),
    flags: SHADOW_COPY_FLAGS.filter((flag) => optionalBoolean(item, flag, WHAT_COPY) === true),
  };
}

export function parseShadowCopies(json: string): CimShadowCopy[] {
  return parsePowerShellJson(json, WHAT_COPY).map(shadowCopy);
}

export function parseShadowProviders(json: string): CimShadowProvider[] {
  return parsePowerShellJson(json, WHAT_PROVIDER).map((item) => ({
    id: guid(item, 'ID', WHAT_PROVIDER),
    name: optionalString(item, 'Name', WHAT_PROVIDER),
    type: optionalInteger(item, 'Type', WHAT_PROVIDER),
    version: optionalString(item, 'Version', WHAT_PROVIDER),
  }));
}
