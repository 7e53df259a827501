/**
 * GUIDs as tools print them: lower-case with braces (diskshadow, vshadow, vssadmin), upper-case (WMI/CIM),
 * sometimes without braces (cluster DiskIdGuid). Parsers compare them case- and brace-insensitively and
 * report them lower-case without braces.
 */
import { skipSpace, skipSpaceBack } from './text-scan';

const NOT_A_GUID = 0;
const LOWER_CASE = 1;
const HAS_UPPER_CASE = 2;

/**
 * Whether `t` holds `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (ASCII hex digits) at `at`, and whether any digit
 * is upper-case: most tools print lower case, and toLowerCase costs more than this whole check even when
 * it has nothing to change.
 */
function guidAt(t: string, at: number): number {
  let kind = LOWER_CASE;
  for (let k = 0; k < 36; k += 1) {
    const code = t.charCodeAt(at + k);
    if (k === 8 || k === 13 || k === 18 || k === 23) {
      if (code !== 0x2d) return NOT_A_GUID;
    } else if (code >= 0x41 && code <= 0x46) {
      kind = HAS_UPPER_CASE;
    } else if (!((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66))) {
      return NOT_A_GUID;
    }
  }
  return kind;
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
  const kind = guidAt(s, at);
  if (kind === NOT_A_GUID) return null;
  const guid = s.slice(at, at + 36);
  return kind === HAS_UPPER_CASE ? guid.toLowerCase() : guid;
}
