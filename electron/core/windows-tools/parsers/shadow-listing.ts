import { HAS_UPPER_CASE, HEX_OR_DASH_36, hexText, LOWER_CASE, NOT_A_GUID } from './guid-text';

/**
 * The common result of every shadow-copy listing parser (diskshadow, vshadow, vssadmin), so the
 * inventory does not care which tool produced it.
 */
export interface ShadowCopyRecord {
  /** Shadow copy GUID, lower-case, no braces. */
  id: string;
  /** Shadow copy SET GUID (what break/import/delete set take), lower-case, no braces; null if not printed. */
  setId: string | null;
  /** `\\?\Volume{guid}\` as printed (GUID lower-cased), or null. */
  originalVolume: string | null;
  /** What the tool printed beside the volume: `C:\` (diskshadow/vshadow `[C:\]`), `C:` (vssadmin `(C:)`), or e.g. `volume not on this machine`. */
  originalVolumeLabel: string | null;
  /** Creation time exactly as written (host locale). */
  creationTime: string | null;
  /** ISO 8601 local time (no zone) when the date is unambiguous or a locale was given, else null. */
  createdAt: string | null;
  /** `\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN`, or null (transportable sets are not surfaced). */
  deviceName: string | null;
  originatingMachine: string | null;
  serviceMachine: string | null;
  /** Where it is exposed (drive, mount point or share); null when "Not exposed" or not printed. */
  exposedAs: string | null;
  /** Provider GUID, lower-case, no braces; null when only a provider name is printed (vssadmin). */
  providerId: string | null;
  /**
   * Attribute tokens as written: diskshadow/vshadow `No_Auto_Release`, vssadmin `No auto release`. Frozen, and
   * one list for all the copies that print the same attributes (most of a listing): two objects fewer per copy.
   */
  attributes: readonly string[];
  /** `Original count of shadow copies = N` / vssadmin `Contained N shadow copies`: how many the set had at creation. */
  originalCount: number | null;
  /** vssadmin `Provider: '<name>'`. */
  providerName: string | null;
  /** vssadmin `Type:` (ClientAccessible, ClientAccessibleWriters...). */
  type: string | null;
}

export interface ShadowListing {
  shadowCopies: ShadowCopyRecord[];
  /** Environment aliases the tool defined: alias name -> GUID (lower-case, no braces) or value as printed. */
  aliases: Record<string, string>;
  /** Every non-blank line the parser did not recognize, as received. Never dropped silently. */
  unparsed: string[];
}

const NO_ATTRIBUTES: readonly string[] = Object.freeze([]);

export function emptyRecord(id: string): ShadowCopyRecord {
  return {
    id,
    setId: null,
    originalVolume: null,
    originalVolumeLabel: null,
    creationTime: null,
    createdAt: null,
    deviceName: null,
    originatingMachine: null,
    serviceMachine: null,
    exposedAs: null,
    providerId: null,
    attributes: NO_ATTRIBUTES,
    originalCount: null,
    providerName: null,
    type: null,
  };
}

const VOLUME_OPEN = 'Volume{';

/**
 * Lower-cases the GUID inside a `\\?\Volume{GUID}\` path (tools differ in case); other text unchanged.
 * Only the first well-formed `Volume{...}` (36 of `[0-9a-fA-F-]` and a `}`) changes, as with a non-global
 * replace. Searched with indexOf and checked in place because this runs once per shadow copy; already
 * lower-case text is returned as is.
 */
export function normalizeVolumePath(text: string): string {
  for (let at = text.indexOf(VOLUME_OPEN); at !== -1; at = text.indexOf(VOLUME_OPEN, at + 1)) {
    const guidStart = at + VOLUME_OPEN.length;
    const kind = text.charCodeAt(guidStart + 36) === 0x7d ? hexText(text, guidStart, HEX_OR_DASH_36) : NOT_A_GUID;
    if (kind === LOWER_CASE) return text;
    if (kind === HAS_UPPER_CASE)
      return text.slice(0, guidStart) + text.slice(guidStart, guidStart + 36).toLowerCase() + text.slice(guidStart + 36);
  }
  return text;
}
