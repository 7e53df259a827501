/**
 * Splitting tool output into logical lines.
 *
 * Console captures are hard-wrapped at the window width (80 or 120 columns) in mid-token: vssadmin's
 * "No writers," + " Differential", "Please run t" + "his utility"
 * (docs/windows-facts.md#listings-depend-on-locale-console-width-and-case). A physical line whose display width is exactly a console
 * width, followed by a line that does not start a known record, is joined with it without a separator. Tabs count to the next multiple of
 * 8, as the console draws them.
 */
import { hasRegexLineSeparator, skipSpace } from './text-scan';

export interface LogicalLine {
  /** The joined text. */
  text: string;
  /** 1-based number of the first physical line. */
  line: number;
  /** The first physical line as received. */
  raw: string;
}

export const CONSOLE_WIDTHS: readonly number[] = [80, 120];

export function splitPhysicalLines(input: string): string[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  return text.split(/\r\n|\r|\n/);
}

export function displayWidth(line: string): number {
  return rangeDisplayWidth(line, 0, line.length);
}

const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;

const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** The display width of `s.slice(from, to)`, code point by code point (a surrogate pair is one column). */
function rangeDisplayWidth(s: string, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i += 1) {
    const code = s.charCodeAt(i);
    if (code === TAB) {
      col = (col | 7) + 1;
    } else {
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
        const low = s.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) i += 1;
      }
      col += 1;
    }
  }
  return col;
}

/**
 * Walks the logical lines of `input` one at a time (`while (cursor.next())`), with the same lines, numbers
 * and joins as `logicalLines`, but without building an array of line objects: the current line is the range
 * `[start, end)` of `src`, which is the input itself unless the line was joined from wrapped pieces. Parsers
 * match their hot lines on that range directly and slice only the values they keep. The cursor is also the
 * `LogicalLine` of the current line, for ParseError and `unparsed`.
 */
export class LineCursor implements LogicalLine {
  /** The string that holds the current line. */
  src = '';
  start = 0;
  end = 0;
  line = 0;
  /** Whether the input holds U+2028/U+2029, which a regex `.` does not match (see text-scan.ts). */
  readonly lineSeparators: boolean;

  private readonly input: string;
  private readonly startsRecord: (line: string) => boolean;
  /** Start of the next physical line; the input length once all are read (a final empty piece is no line). */
  private pos: number;
  /** Physical lines consumed so far. */
  private physical = 0;
  private rawStart = 0;
  private rawEnd = 0;
  /**
   * Cached positions of the next `\n`, `\r` and tab (input length when none), so each is found by one
   * native indexOf and never searched for again; counting characters one by one in JavaScript costs more
   * than the whole `split` the benchmark compares with.
   */
  private nextLf = -1;
  private nextCr = -1;
  private nextTab = -1;
  /**
   * Surrogates make a column differ from a UTF-16 unit; one-byte strings (most captures) cannot hold any, and the regex knows that at once.
   */
  private readonly surrogates: boolean;

  constructor(input: string, startsRecord: (line: string) => boolean) {
    this.input = input;
    this.startsRecord = startsRecord;
    this.pos = input.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.lineSeparators = hasRegexLineSeparator(input);
    this.surrogates = HAS_SURROGATE.test(input);
  }

  get text(): string {
    return this.src.slice(this.start, this.end);
  }

  get raw(): string {
    return this.input.slice(this.rawStart, this.rawEnd);
  }

  /** Moves to the next logical line; false at the end of the input. */
  next(): boolean {
    const input = this.input;
    if (this.pos >= input.length) return false;
    const first = this.pos;
    const firstEnd = this.breakAt(first);
    this.pos = this.afterBreak(firstEnd);
    this.physical += 1;
    this.line = this.physical;
    this.rawStart = first;
    this.rawEnd = firstEnd;
    let pieces: string[] | null = null;
    let full = CONSOLE_WIDTHS.includes(this.widthOf(first, firstEnd));
    while (full && this.pos < input.length) {
      const next = this.pos;
      const nextEnd = this.breakAt(next);
      if (skipSpace(input, next, nextEnd) === nextEnd || this.startsRecord(input.slice(next, nextEnd))) break;
      pieces ??= [input.slice(first, firstEnd)];
      pieces.push(input.slice(next, nextEnd));
      full = CONSOLE_WIDTHS.includes(this.widthOf(next, nextEnd));
      this.pos = this.afterBreak(nextEnd);
      this.physical += 1;
    }
    if (pieces === null) {
      this.src = input;
      this.start = first;
      this.end = firstEnd;
    } else {
      // join makes one flat string; `+` would make a pair of pieces that every character read goes through.
      this.src = pieces.join('');
      this.start = 0;
      this.end = this.src.length;
    }
    return true;
  }

  /** Display width of the physical line `[from, to)`: columns jump from tab to tab instead of counting every character. */
  private widthOf(from: number, to: number): number {
    if (this.surrogates) return rangeDisplayWidth(this.input, from, to);
    const input = this.input;
    let col = 0;
    let at = from;
    for (;;) {
      // A run of tabs (indentation) is counted in place, so indexOf only looks past it.
      while (at < to && input.charCodeAt(at) === TAB) {
        col = (col | 7) + 1;
        at += 1;
      }
      if (this.nextTab < at) {
        const i = input.indexOf('\t', at);
        this.nextTab = i === -1 ? input.length : i;
      }
      if (this.nextTab >= to) return col + (to - at);
      col = ((col + (this.nextTab - at)) | 7) + 1;
      at = this.nextTab + 1;
    }
  }

  /** Index of the line break (`\r\n`, `\r` or `\n`) ending the physical line that starts at `from`, or the input length. */
  private breakAt(from: number): number {
    const input = this.input;
    if (this.nextLf < from) {
      const i = input.indexOf('\n', from);
      this.nextLf = i === -1 ? input.length : i;
    }
    if (this.nextCr < from) {
      const i = input.indexOf('\r', from);
      this.nextCr = i === -1 ? input.length : i;
    }
    return Math.min(this.nextLf, this.nextCr);
  }

  private afterBreak(at: number): number {
    const input = this.input;
    if (at >= input.length) return input.length;
    return input.charCodeAt(at) === CR && input.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  }
}

/**
 * @param startsRecord true when a line is the start of something the parser knows (a key line, a header):
 *   such a line is never treated as a continuation, even after a full-width line.
 */
export function logicalLines(input: string, startsRecord: (line: string) => boolean): LogicalLine[] {
  const cursor = new LineCursor(input, startsRecord);
  const out: LogicalLine[] = [];
  while (cursor.next()) out.push({ text: cursor.text, line: cursor.line, raw: cursor.raw });
  return out;
}
