/**
 * Validators for every value that reaches a diskshadow/diskraid script or a PowerShell command line.
 *
 * Why so strict: the values end up inside script files and command strings interpreted by tools we do
 * not control (diskshadow expands %VAR%, cmd-style tools split on `&`/`|`, PowerShell expands `$` and
 * backticks inside double quotes, diskraid splits initiator lists on `;`). None of those tools documents
 * a quoting grammar we could rely on, so instead of escaping we refuse anything outside a small,
 * documented alphabet, BEFORE any file is written or process started. Each refusal names the field,
 * says what was wrong and what is allowed.
 */
import { ShadowSwapError } from '../../../../shared/errors';

/** Describes the first character that no validated value may ever contain, or null when clean. */
export function describeForbiddenCharacter(value: string): string | null {
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0) return 'a NUL character';
    if (ch === '\r' || ch === '\n') return 'a line break';
    if (ch === '\t') return 'a tab';
    if (code < 0x20 || code === 0x7f) return `a control character (U+${code.toString(16).padStart(4, '0').toUpperCase()})`;
    if (code > 0x7e) return `a non-ASCII character (${JSON.stringify(ch)}, U+${code.toString(16).padStart(4, '0').toUpperCase()})`;
    switch (ch) {
      case '"':
        return 'a double quote (")';
      case "'":
        return "a single quote (')";
      case '`':
        return 'a backtick (`)';
      case '&':
        return 'an ampersand (&)';
      case '|':
        return 'a pipe (|)';
      case '%':
        return 'a percent sign (%)';
      case '$':
        return 'a dollar sign ($)';
      case ';':
        return 'a semicolon (;)';
      case '<':
      case '>':
        return `a redirection character (${ch})`;
      case '^':
        return 'a caret (^)';
      case '!':
        return 'an exclamation mark (!)';
      default:
        break;
    }
  }
  return null;
}

/** A printable rendering of a refused value for messages (JSON escapes make control characters visible). */
function shown(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  const json = JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}...` : value);
  return json;
}

export function invalid(field: string, value: unknown, problem: string, allowed: string): ShadowSwapError {
  return new ShadowSwapError(
    'INVALID_REQUEST',
    `The ${field} ${shown(value)} was refused: ${problem}. Allowed: ${allowed}. Nothing was run.`,
    { field, value },
  );
}

/** Common preamble: a string, non-empty, within length, free of the characters no tool can take safely. */
function cleanString(field: string, value: unknown, allowed: string, maxLength: number): string {
  if (typeof value !== 'string') throw invalid(field, value, 'it is not text', allowed);
  if (value.length === 0) throw invalid(field, value, 'it is empty', allowed);
  const bad = describeForbiddenCharacter(value);
  if (bad !== null) throw invalid(field, value, `it contains ${bad}`, allowed);
  if (value.length > maxLength) throw invalid(field, value, `it is longer than ${maxLength} characters`, allowed);
  return value;
}

const GUID_ALLOWED = 'a GUID of 32 hex digits as 8-4-4-4-12, with or without braces, in any case';
const GUID_RE = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/**
 * A shadow copy, set or provider GUID, normalized to lower case without braces.
 * Tools print GUIDs lower-case (diskshadow, vshadow) or upper-case (WMI); braces are optional on input,
 * but must be balanced.
 */
export function validateGuid(value: unknown, field = 'GUID'): string {
  const text = cleanString(field, value, GUID_ALLOWED, 38);
  const m = GUID_RE.exec(text);
  if (m === null) throw invalid(field, value, 'it is not a GUID', GUID_ALLOWED);
  if (text.startsWith('{') !== text.endsWith('}')) throw invalid(field, value, 'its braces are unbalanced', GUID_ALLOWED);
  return (m[1] ?? '').toLowerCase();
}

/** The same GUID in the braced form the VSS tools print and accept. */
export function bracedGuid(guid: string): string {
  return `{${guid}}`;
}

const SEGMENT_RE = /^[A-Za-z0-9_.()-]+$/;

/**
 * Path segments in scripts: diskshadow has no documented quoting for `set metadata`/`load metadata`/
 * `add volume`, so a space would split the argument. We therefore refuse spaces in paths.
 */
function checkPathSegments(field: string, original: string, segments: string[], allowed: string): void {
  for (const seg of segments) {
    if (seg === '.' || seg === '..') throw invalid(field, original, 'it contains a "." or ".." segment', allowed);
    if (seg.includes(' ')) throw invalid(field, original, 'it contains a space, which diskshadow cannot quote', allowed);
    if (!SEGMENT_RE.test(seg)) throw invalid(field, original, 'a folder or file name has a character outside the allowed set', allowed);
    if (/[. ]$/.test(seg)) throw invalid(field, original, 'a folder or file name ends with a dot', allowed);
  }
}

export type VolumeName =
  | { kind: 'drive'; text: string; letter: string }
  | { kind: 'mountPoint'; text: string }
  | { kind: 'volumeGuid'; text: string; guid: string };

const VOLUME_ALLOWED =
  'a drive letter (E: or E:\\), a mount-point folder such as C:\\Mounts\\Data\\ (letters, digits, - _ . ( ) in folder names, no spaces), or \\\\?\\Volume{GUID}\\';

/**
 * A volume to shadow-copy. Returns the text to write into the script: `E:` / `E:\` keep their form with an
 * upper-case letter; mount points end with a backslash (as VSS names them); volume GUID paths get a
 * lower-case GUID.
 */
export function validateVolume(value: unknown, field = 'volume'): VolumeName {
  const text = cleanString(field, value, VOLUME_ALLOWED, 259);
  const drive = /^([A-Za-z]):(\\?)$/.exec(text);
  if (drive !== null) {
    const letter = (drive[1] ?? '').toUpperCase();
    return { kind: 'drive', text: `${letter}:${drive[2] ?? ''}`, letter };
  }
  const guidPath = /^\\\\\?\\Volume\{([0-9a-fA-F-]+)\}\\$/.exec(text);
  if (guidPath !== null) {
    const guid = validateGuid(guidPath[1], field);
    return { kind: 'volumeGuid', text: `\\\\?\\Volume{${guid}}\\`, guid };
  }
  const mount = /^([A-Za-z]):\\(.+?)\\?$/.exec(text);
  if (mount !== null) {
    const segments = (mount[2] ?? '').split('\\');
    checkPathSegments(field, text, segments, VOLUME_ALLOWED);
    return { kind: 'mountPoint', text: `${(mount[1] ?? '').toUpperCase()}:\\${segments.join('\\')}\\` };
  }
  throw invalid(field, value, 'it is not a drive letter, mount point or volume GUID path', VOLUME_ALLOWED);
}

const FILE_ALLOWED =
  'an absolute local path such as C:\\ShadowSwap\\fr.cab (letters, digits, - _ . ( ) in names, no spaces), up to 259 characters';

/**
 * An absolute local file path (script, log, metadata .cab). UNC and relative paths are refused: the
 * console writes these files itself into a private folder, and diskshadow resolves relative names
 * against its working directory (import.md), which we do not want to depend on.
 */
export function validateLocalFilePath(value: unknown, field: string, extensions: readonly string[]): string {
  const allowed = `${FILE_ALLOWED}, ending in ${extensions.join(' or ')}`;
  const text = cleanString(field, value, allowed, 259);
  const m = /^([A-Za-z]):\\(.+)$/.exec(text);
  if (m === null) throw invalid(field, value, 'it is not an absolute path that starts with a drive letter', allowed);
  const segments = (m[2] ?? '').split('\\');
  if (segments.some((s) => s.length === 0)) throw invalid(field, value, 'it has an empty folder name or ends with a backslash', allowed);
  checkPathSegments(field, text, segments, allowed);
  const lower = text.toLowerCase();
  const ext = extensions.find((e) => lower.endsWith(e.toLowerCase()));
  if (ext === undefined) throw invalid(field, value, `it does not end with ${extensions.join(' or ')}`, allowed);
  const fileName = segments[segments.length - 1] ?? '';
  if (fileName.length <= ext.length) throw invalid(field, value, 'the file has no name before its extension', allowed);
  return `${(m[1] ?? '').toUpperCase()}:\\${segments.join('\\')}`;
}

/** The metadata .cab written by `set metadata` and read by `load metadata`. */
export function validateMetadataCabPath(value: unknown, field = 'metadata file'): string {
  return validateLocalFilePath(value, field, ['.cab']);
}

const HOST_ALLOWED =
  'a NetBIOS name (1-15 letters, digits or -) or a DNS name (dot-separated labels of 1-63 letters, digits or -, not starting or ending with -, 253 characters at most)';

/**
 * A computer name for Invoke-Command -ComputerName / Get-Cluster* -Cluster. Kept as typed (Windows
 * compares names case-insensitively) so logs show what the operator entered.
 */
export function validateHostName(value: unknown, field = 'computer name'): string {
  const text = cleanString(field, value, HOST_ALLOWED, 253);
  const labels = text.split('.');
  for (const label of labels) {
    if (label.length === 0) throw invalid(field, value, 'it has an empty label (two dots, or a leading or trailing dot)', HOST_ALLOWED);
    if (label.length > 63) throw invalid(field, value, 'a label is longer than 63 characters', HOST_ALLOWED);
    if (!/^[A-Za-z0-9-]+$/.test(label)) throw invalid(field, value, 'it has a character other than letters, digits, - and .', HOST_ALLOWED);
    if (label.startsWith('-') || label.endsWith('-')) throw invalid(field, value, 'a label starts or ends with -', HOST_ALLOWED);
  }
  if (labels.length === 1 && text.length > 15)
    throw invalid(field, value, 'a single-label (NetBIOS) name is longer than 15 characters', HOST_ALLOWED);
  if (/^[0-9]+$/.test(labels[0] ?? '') && labels.length === 1)
    throw invalid(field, value, 'a NetBIOS name cannot be all digits', HOST_ALLOWED);
  return text;
}

const CLUSTER_NAME_ALLOWED = 'letters, digits, space, - _ . and ( ) only, 1-255 characters, no leading or trailing space';

/** A cluster resource or group name, e.g. `Cluster Disk 2`, `SQL Data (E)`. */
export function validateClusterResourceName(value: unknown, field = 'cluster resource name'): string {
  const text = cleanString(field, value, CLUSTER_NAME_ALLOWED, 255);
  if (!/^[A-Za-z0-9 _.()-]+$/.test(text)) throw invalid(field, value, 'it has a character outside the allowed set', CLUSTER_NAME_ALLOWED);
  if (text !== text.trim()) throw invalid(field, value, 'it starts or ends with a space', CLUSTER_NAME_ALLOWED);
  return text;
}

const WWN_ALLOWED = 'a 64-bit World Wide Name: 16 hex digits, optionally written as 8 pairs separated by : or -';

/**
 * An FC port WWN. IVdsLun::SetMask wants "a hexadecimal string (16 characters long), most significant
 * byte first", e.g. 0123456789ABCDEF, so we normalize to that (upper case, no separators).
 */
export function validateWwn(value: unknown, field = 'WWN'): string {
  const text = cleanString(field, value, WWN_ALLOWED, 23);
  if (/^[0-9a-fA-F]{16}$/.test(text)) return text.toUpperCase();
  if (/^[0-9a-fA-F]{2}([:-])(?:[0-9a-fA-F]{2}\1){6}[0-9a-fA-F]{2}$/.test(text)) return text.replace(/[:-]/g, '').toUpperCase();
  throw invalid(field, value, 'it is not 16 hex digits', WWN_ALLOWED);
}

const IQN_ALLOWED =
  'an iSCSI name: iqn.YYYY-MM.reversed.domain[:identifier] or eui. followed by 16 hex digits; lower-case letters, digits, - . : only, 223 characters at most';

/**
 * An iSCSI initiator name. iSCSI names compare case-insensitively and are defined lower-case, so we
 * normalize to lower case. `;` is the diskraid list separator and is always refused.
 */
export function validateIqn(value: unknown, field = 'iSCSI initiator name'): string {
  const text = cleanString(field, value, IQN_ALLOWED, 223).toLowerCase();
  if (/^eui\.[0-9a-f]{16}$/.test(text)) return text;
  const m = /^iqn\.(\d{4})-(\d{2})\.([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::[a-z0-9.:-]+)?$/.exec(text);
  if (m === null) throw invalid(field, value, 'it is not in iqn.YYYY-MM.domain[:name] or eui.<16 hex> form', IQN_ALLOWED);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw invalid(field, value, 'its month is not 01-12', IQN_ALLOWED);
  return text;
}

const NUMBER_ALLOWED = 'a whole number from 0 to 65535 (as listed by diskraid "list subsystems" / "list luns")';

/** A diskraid object number (`select subsystem N`, `select lun N`). */
export function validateDiskraidNumber(value: unknown, field: string): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^[0-9]{1,5}$/.test(value)) n = Number(value);
  else throw invalid(field, value, 'it is not a whole number', NUMBER_ALLOWED);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw invalid(field, value, 'it is out of range', NUMBER_ALLOWED);
  return n;
}

const DISK_NUMBER_ALLOWED = 'a whole number from 0 to 9999 (the Number column of Get-Disk)';

/** A Windows disk number for Get-Disk/Set-Disk -Number. */
export function validateDiskNumber(value: unknown, field = 'disk number'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 9999) {
    throw invalid(field, value, 'it is not a whole number in range', DISK_NUMBER_ALLOWED);
  }
  return value;
}

const ALIAS_ALLOWED = 'a letter followed by up to 63 letters, digits or _, not starting with VSS_ (diskshadow reserves those)';

/**
 * A diskshadow alias (`add volume E: alias DataE`). Diskshadow turns it into an environment variable
 * (%DataE%), so it must be a plain identifier; the VSS_ prefix is used by diskshadow's own aliases
 * (VSS_SHADOW_SET, VSS_SHADOW_1...).
 */
export function validateDiskshadowAlias(value: unknown, field = 'alias'): string {
  const text = cleanString(field, value, ALIAS_ALLOWED, 64);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(text)) throw invalid(field, value, 'it is not a plain identifier', ALIAS_ALLOWED);
  if (/^vss_/i.test(text)) throw invalid(field, value, 'it starts with VSS_, which diskshadow uses for its own aliases', ALIAS_ALLOWED);
  return text;
}

const UNIQUE_ID_ALLOWED = 'the UniqueId shown by Get-Disk: letters, digits, - _ . : only, up to 256 characters';

/** A disk UniqueId (VPD 0x83 identifier as Get-Disk shows it), for Get-Disk/Set-Disk -UniqueId. */
export function validateDiskUniqueId(value: unknown, field = 'disk UniqueId'): string {
  const text = cleanString(field, value, UNIQUE_ID_ALLOWED, 256);
  if (!/^[A-Za-z0-9_.:-]+$/.test(text)) throw invalid(field, value, 'it has a character outside the allowed set', UNIQUE_ID_ALLOWED);
  return text;
}

/** A positive number of seconds for Stop-/Start-ClusterResource -Wait (0 = do not wait). */
export function validateWaitSeconds(value: unknown, field = 'wait time'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 86400) {
    throw invalid(field, value, 'it is not a whole number of seconds', 'a whole number from 0 to 86400');
  }
  return value;
}

const DISK_IDENTITY_ALLOWED =
  'an MBR disk signature of 8 hex digits (optionally written 0x1234ABCD), not 00000000; or a GPT disk GUID (8-4-4-4-12 hex digits, with or without braces)';

export type DiskIdentityValue = { kind: 'mbr'; signature: string } | { kind: 'gpt'; guid: string };

/**
 * The identity a Physical Disk resource looks for (docs/windows-facts.md#the-cluster-finds-a-disk-by-its-signature): DiskSignature, a
 * DWORD, for MBR disks, or DiskIdGuid for GPT disks. Normalized to 8 upper-case hex digits / a lower-case GUID without braces.
 * A zero signature is refused: Windows treats it as "no signature" and writes a new one (KB 293778).
 */
export function validateDiskIdentity(value: unknown, field = 'disk signature'): DiskIdentityValue {
  const text = cleanString(field, value, DISK_IDENTITY_ALLOWED, 38);
  const mbr = /^(?:0[xX])?([0-9a-fA-F]{8})$/.exec(text);
  if (mbr !== null) {
    const signature = (mbr[1] ?? '').toUpperCase();
    if (signature === '00000000') throw invalid(field, value, 'a zero signature means "no signature"', DISK_IDENTITY_ALLOWED);
    return { kind: 'mbr', signature };
  }
  if (GUID_RE.test(text)) return { kind: 'gpt', guid: validateGuid(text, field) };
  throw invalid(field, value, 'it is neither an MBR signature nor a GPT GUID', DISK_IDENTITY_ALLOWED);
}

const DRIVE_LETTER_ALLOWED = 'a drive letter such as X: (or X:\\)';

/** A drive letter to expose a shadow copy as, returned as `X:`. */
export function validateDriveLetter(value: unknown, field = 'drive letter'): string {
  const text = cleanString(field, value, DRIVE_LETTER_ALLOWED, 3);
  const m = /^([A-Za-z]):\\?$/.exec(text);
  if (m === null) throw invalid(field, value, 'it is not a drive letter', DRIVE_LETTER_ALLOWED);
  return `${(m[1] ?? '').toUpperCase()}:`;
}
