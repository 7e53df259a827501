/**
 * GUIDs as tools print them: lower-case with braces (diskshadow, vshadow, vssadmin), upper-case (WMI/CIM),
 * sometimes without braces (cluster DiskIdGuid). Parsers compare them case- and brace-insensitively and
 * report them lower-case without braces.
 */

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
  const t = text.trim();
  const at = t.length === 38 && t.charCodeAt(0) === 0x7b && t.charCodeAt(37) === 0x7d ? 1 : 0;
  if (t.length !== 36 + 2 * at) return null;
  const kind = guidAt(t, at);
  if (kind === NOT_A_GUID) return null;
  const guid = at === 0 ? t : t.slice(1, 37);
  return kind === HAS_UPPER_CASE ? guid.toLowerCase() : guid;
}
