/**
 * Character-level scanning for the listing parsers. Listings run to tens of megabytes, so the hot paths
 * (property lines) are matched on a range `[from, to)` of one big string with charCode tests instead of
 * slicing every line and running a regex over it. Each helper reproduces exactly what the regex it
 * replaces would do; the comments name that regex.
 */

/** Exactly the characters of the regex class `\s` (and of String.prototype.trim): ECMAScript WhiteSpace + LineTerminator. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** First index in `[from, to)` that is not `\s`, or `to`. */
export function skipSpace(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(s.charCodeAt(i))) i += 1;
  return i;
}

/** One past the last index in `[from, to)` that is not `\s`, or `from`. */
export function skipSpaceBack(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(s.charCodeAt(i - 1))) i -= 1;
  return i;
}

/** First index in `[from, to)` that is `\s`, or `to` (the end of an `\S+` run). */
export function skipNonSpace(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && !isSpace(s.charCodeAt(i))) i += 1;
  return i;
}

/** Index of the first `code` in `[from, to)`, or -1; unlike indexOf, never looks past `to` into the lines after. */
export function indexOfCode(s: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i += 1) if (s.charCodeAt(i) === code) return i;
  return -1;
}

/** The number written by the ASCII digits `[from, to)` (the caller has checked they are digits). */
export function digitsValue(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) n = n * 10 + (s.charCodeAt(i) - 0x30);
  return n;
}

/** `s.slice(from, to).trim()` without the intermediate string. */
export function trimmedSlice(s: string, from: number, to: number): string {
  const start = skipSpace(s, from, to);
  return s.slice(start, skipSpaceBack(s, start, to));
}

/**
 * True when `s` has `lowerPrefix` at `at` (before `to`), ASCII letters compared case-insensitively. This is
 * what a regex literal prefix under the `i` flag matches: without the `u` flag no non-ASCII character
 * case-folds to an ASCII letter.
 */
export function startsWithIgnoreCase(s: string, at: number, to: number, lowerPrefix: string): boolean {
  if (to - at < lowerPrefix.length) return false;
  for (let k = 0; k < lowerPrefix.length; k += 1) {
    const want = lowerPrefix.charCodeAt(k);
    const got = s.charCodeAt(at + k);
    if (got !== want && !(want >= 0x61 && want <= 0x7a && got === want - 0x20)) return false;
  }
  return true;
}

/**
 * True when `[from, to)` holds U+2028 or U+2029, the line terminators a regex `.` does not match (`\r` and
 * `\n` never reach a line). `anyInInput` is the answer for the whole input, computed once by
 * `hasRegexLineSeparator`: almost always false, which spares the per-line scan.
 */
export function hasLineSeparatorIn(s: string, from: number, to: number, anyInInput: boolean): boolean {
  if (!anyInInput) return false;
  for (let i = from; i < to; i += 1) {
    const code = s.charCodeAt(i);
    if (code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

/** Whether the input holds U+2028/U+2029 at all (instant on one-byte strings, which cannot). */
export function hasRegexLineSeparator(input: string): boolean {
  return input.includes('\u2028') || input.includes('\u2029');
}

/** A name as the table compares it: its lower-case code units, and per unit the bit that folds an ASCII letter. */
interface TableName<T> {
  entry: T;
  codes: Uint16Array;
  fold: Uint16Array;
}

/** A line rule of a listing parser: the property's name as the tool prints it, how its value ends, and its key. */
export interface KeyedRule<Key extends string, Tail extends string> {
  key: Key;
  /**
   * As the tool prints it; matched case-insensitively (ASCII letters). Where one name is a prefix of another
   * (German `Typ`, English `Type`), the longer is tried first and the line is that rule's or none.
   */
  name: string;
  tail: Tail;
  /** The key's bit, kept on the rule so that the line loop reads a field instead of a keyed lookup. */
  bit: number;
}

/**
 * Names matched case-insensitively at a position, as a regex literal prefix under the `i` flag would.
 * Every name starts with an ASCII letter; they are grouped by that letter, so a line is compared with the
 * one or two names that can fit. Every property line of a listing goes through here, so a name is kept as
 * code units with a fold mask: `(code | fold) === lower` is one comparison per character, where comparing
 * with a string and testing both cases took twice as long.
 */
export class NameTable<T extends { readonly name: string }> {
  private readonly byInitial: TableName<T>[][] = [];

  constructor(entries: readonly T[]) {
    // Longest first: a line is compared with `Type` before `Typ` (stable, so equal lengths keep their order).
    for (const entry of [...entries].sort((a, b) => b.name.length - a.name.length)) {
      const lower = entry.name.toLowerCase();
      const codes = new Uint16Array(lower.length);
      const fold = new Uint16Array(lower.length);
      for (let k = 0; k < lower.length; k += 1) {
        codes[k] = lower.charCodeAt(k);
        fold[k] = isLowerAsciiLetter(codes[k] ?? 0) ? 0x20 : 0;
      }
      (this.byInitial[codes[0] ?? 0] ??= []).push({ entry, codes, fold });
    }
  }

  /** The entry whose name `s` holds at `at` (before `to`), or null. */
  find(s: string, at: number, to: number): T | null {
    // `| 0x20` lower-cases an ASCII letter; no other character lands on a letter.
    const candidates = this.byInitial[s.charCodeAt(at) | 0x20];
    if (candidates === undefined) return null;
    for (let i = 0; i < candidates.length; i += 1) {
      const { entry, codes, fold } = candidates[i] as TableName<T>;
      if (to - at >= codes.length && holdsFolded(s, at, codes, fold)) return entry;
    }
    return null;
  }
}

function isLowerAsciiLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/** Whether `s` at `at` holds `codes`, ASCII letters in either case (the caller has checked the length). */
function holdsFolded(s: string, at: number, codes: Uint16Array, fold: Uint16Array): boolean {
  for (let k = 0; k < codes.length; k += 1) {
    if ((s.charCodeAt(at + k) | (fold[k] as number)) !== codes[k]) return false;
  }
  return true;
}
