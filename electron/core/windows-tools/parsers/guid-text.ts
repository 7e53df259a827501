/**
 * GUIDs as tools print them: lower-case with braces (diskshadow, vshadow, vssadmin), upper-case (WMI/CIM),
 * sometimes without braces (cluster DiskIdGuid). Parsers compare them case- and brace-insensitively and
 * report them lower-case without braces.
 */
import { skipSpace, skipSpaceBack } from './text-scan';

/** What hexText found: not the layout, or the layout with lower-case digits only, or with some upper-case. */
export const NOT_A_GUID = 0;
export const LOWER_CASE = 1;
export const HAS_UPPER_CASE = 2;
const DASH = 4;

/** The class of each ASCII code unit: LOWER_CASE for 0-9 a-f, HAS_UPPER_CASE for A-F, DASH for `-`, else 0. */
const CHAR_CLASS = new Uint8Array(128);
for (const c of '0123456789abcdef') CHAR_CLASS[c.charCodeAt(0)] = LOWER_CASE;
for (const c of 'ABCDEF') CHAR_CLASS[c.charCodeAt(0)] = HAS_UPPER_CASE;
CHAR_CLASS[0x2d] = DASH;

/** Per position, the classes allowed there. */
export type HexLayout = Uint8Array;

/** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`. */
export const GUID_LAYOUT: HexLayout = Uint8Array.from({ length: 36 }, (_, k) =>
  k === 8 || k === 13 || k === 18 || k === 23 ? DASH : LOWER_CASE | HAS_UPPER_CASE,
);

/** 36 of `[0-9a-fA-F-]` in any order, as a `Volume{...}` path is matched. */
export const HEX_OR_DASH_36: HexLayout = new Uint8Array(36).fill(LOWER_CASE | HAS_UPPER_CASE | DASH);

/**
 * Whether `t` holds text of `layout` at `at`, and whether any digit is upper-case (most tools print lower
 * case, and toLowerCase costs more than this whole check even when it has nothing to change). One table
 * lookup per character: this runs on two or three GUIDs of every shadow copy in a listing.
 */
export function hexText(t: string, at: number, layout: HexLayout): number {
  let found = 0;
  for (let k = 0; k < layout.length; k += 1) {
    const code = t.charCodeAt(at + k);
    const charClass = code < 128 ? (CHAR_CLASS[code] as number) : 0;
    if ((charClass & (layout[k] as number)) === 0) return NOT_A_GUID;
    found |= charClass;
  }
  return (found & HAS_UPPER_CASE) !== 0 ? HAS_UPPER_CASE : LOWER_CASE;
}

/**
 * The normalized GUID if `text` (trimmed) is exactly one GUID with balanced or no braces, else null.
 * Checked character by character rather than with a regex: this runs several times per shadow copy.
 */
export function guidOrNull(text: string): string | null {
  return guidIn(text, 0, text.length);
}

/**
 * `guidOrNull(s.slice(from, to))` read in place: listing parsers take their GUIDs straight from the
 * output, and the only string made is the one returned.
 */
export function guidIn(s: string, from: number, to: number): string | null {
  const start = skipSpace(s, from, to);
  const end = skipSpaceBack(s, start, to);
  const braced = end - start === 38 && s.charCodeAt(start) === 0x7b && s.charCodeAt(end - 1) === 0x7d;
  const at = braced ? start + 1 : start;
  if (end - at !== (braced ? 37 : 36)) return null;
  const kind = hexText(s, at, GUID_LAYOUT);
  if (kind === NOT_A_GUID) return null;
  const guid = s.slice(at, at + 36);
  return kind === HAS_UPPER_CASE ? guid.toLowerCase() : guid;
}
