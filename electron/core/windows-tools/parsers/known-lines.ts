/**
 * The fixed lines a tool prints (banners, progress messages) that a parser recognises and skips. Each
 * pattern comes with the literal text it must start with, so a line is run only through the patterns its
 * first characters allow: most lines of a listing are properties, and trying a dozen regexes on each is
 * what made unknown-line checks cost more than the properties themselves.
 */
import { startsWithIgnoreCase } from './text-scan';

export interface KnownLine {
  /** What every line the pattern matches starts with, compared case-insensitively (the patterns are /i or case-exact supersets). */
  prefix: string;
  /** Anchored at the start; tested on the trimmed line. */
  pattern: RegExp;
}

export class KnownLines {
  private readonly byInitial = new Map<number, { lower: string; pattern: RegExp }[]>();

  constructor(lines: readonly KnownLine[]) {
    for (const { prefix, pattern } of lines) {
      const lower = prefix.toLowerCase();
      const initial = lower.charCodeAt(0);
      const group = this.byInitial.get(initial) ?? [];
      group.push({ lower, pattern });
      this.byInitial.set(initial, group);
    }
  }

  /** Whether the trimmed line `[from, to)` of `s` is one of the known lines; sliced only when a prefix fits. */
  test(s: string, from = 0, to = s.length): boolean {
    const group = this.byInitial.get(lowerAscii(s.charCodeAt(from)));
    if (group === undefined) return false;
    for (const { lower, pattern } of group) {
      if (startsWithIgnoreCase(s, from, to, lower) && pattern.test(s.slice(from, to))) return true;
    }
    return false;
  }
}

function lowerAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}
