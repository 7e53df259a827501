/**
 * GUIDs as tools print them: lower-case with braces (diskshadow, vshadow, vssadmin), upper-case (WMI/CIM),
 * sometimes without braces (cluster DiskIdGuid). Parsers compare them case- and brace-insensitively and
 * report them lower-case without braces.
 */
const EXACT = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** The normalized GUID if `text` (trimmed) is exactly one GUID with balanced or no braces, else null. */
export function guidOrNull(text: string): string | null {
  const t = text.trim();
  const m = EXACT.exec(t);
  if (m === null) return null;
  if (t.startsWith('{') !== t.endsWith('}')) return null;
  return (m[1] ?? '').toLowerCase();
}
