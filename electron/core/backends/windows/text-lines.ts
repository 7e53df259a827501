/**
 * Splitting tool output into logical lines.
 *
 * Console captures are hard-wrapped at the window width (80 or 120 columns) in mid-token: vssadmin's
 * "No writers," + " Differential", "Please run t" + "his utility" (reference §3.2, §7 fact 4). A physical
 * line whose display width is exactly a console width, followed by a line that does not start a known
 * record, is joined with it without a separator. Tabs count to the next multiple of 8, as the console
 * draws them.
 */
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
  let col = 0;
  for (const ch of line) col = ch === '\t' ? col + 8 - (col % 8) : col + 1;
  return col;
}

/**
 * @param startsRecord true when a line is the start of something the parser knows (a key line, a header):
 *   such a line is never treated as a continuation, even after a full-width line.
 */
export function logicalLines(input: string, startsRecord: (line: string) => boolean): LogicalLine[] {
  const physical = splitPhysicalLines(input);
  // A trailing newline yields one empty last element; it is not a line.
  if (physical.length > 0 && physical[physical.length - 1] === '') physical.pop();
  const out: LogicalLine[] = [];
  let i = 0;
  while (i < physical.length) {
    const first = physical[i] ?? '';
    let text = first;
    let width = displayWidth(first);
    const start = i;
    i += 1;
    while (CONSOLE_WIDTHS.includes(width) && i < physical.length) {
      const next = physical[i] ?? '';
      if (next.trim() === '' || startsRecord(next)) break;
      text += next;
      width = displayWidth(next);
      i += 1;
    }
    out.push({ text, line: start + 1, raw: first });
  }
  return out;
}
