/**
 * DiskRAID results: the documented exit codes (docs/windows-facts.md#diskraid-exit-codes-and-output) and the messages of a
 * script run. DiskRAID's own output for `unmask lun`, `list luns` and `detail lun` was not found in any
 * public source, so we do not pretend to parse it: those lines stay in `unparsed` for the operator.
 * What we do recognize: the banner, `DISKRAID> ` echo lines, "<Object> N is now the selected <object>."
 * confirmations (used to check the script acted on the intended subsystem/LUN), port-association messages,
 * and fixed-width tables (a header row over a row of dashes, as `list drives` prints).
 */
import { ParseError } from './parse-error';
import { splitPhysicalLines } from './text-lines';

/** Exit codes 0-5, worded as Learn documents them. */
export const DISKRAID_EXIT_CODES: Readonly<Record<number, string>> = {
  0: 'No error occurred. The entire script ran without failure.',
  1: 'A fatal exception occurred.',
  2: 'The arguments specified on a Diskraid command line were incorrect.',
  3: 'Diskraid was unable to open the specified script or output file.',
  4: 'One of the services Diskraid uses returned a failure.',
  5: 'A command syntax error occurred. The script failed because an object was improperly selected or was invalid for use with that command.',
};

export interface DiskraidExit {
  exitCode: number;
  ok: boolean;
  /** The documented meaning, or null for a code Learn does not document. */
  meaning: string | null;
}

export function interpretDiskraidExit(exitCode: number): DiskraidExit {
  return { exitCode, ok: exitCode === 0, meaning: DISKRAID_EXIT_CODES[exitCode] ?? null };
}

export interface DiskraidTable {
  columns: string[];
  rows: Record<string, string>[];
}

export interface DiskraidOutput {
  /** From the banner `On computer: NAME`. */
  computer: string | null;
  /** Commands echoed after `DISKRAID> `, as written. */
  commands: string[];
  /** Last "<Object> N is now the selected <object>." per object type, lower-case keys (subsystem, lun, ...). */
  selected: Record<string, number>;
  /** Recognized status messages, in order. */
  messages: string[];
  tables: DiskraidTable[];
  unparsed: string[];
}

const SELECTED = /^(\w+) (\d+) is now the selected (\w+)\.$/i;
const KNOWN_MESSAGES: RegExp[] = [/^Controller port associations changed\.$/i, /^\(Controller ports active after this command: .*\)$/i];
const DASHES = /^\s*-+(?:\s+-+)*\s*$/;

function spans(dashLine: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /-+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(dashLine)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Cuts a fixed-width row at the column starts given by the dash row; values may be right-aligned. */
function cut(line: string, cols: { start: number; end: number }[]): string[] {
  return cols.map((c, i) => {
    const next = cols[i + 1];
    // Right-aligned numbers may start before their dashes; take from just after the previous column's end.
    const from = i === 0 ? 0 : (cols[i - 1]?.end ?? c.start);
    const to = next === undefined ? line.length : next.start;
    return line.slice(from, to).trim();
  });
}

export function parseDiskraidOutput(text: string): DiskraidOutput {
  if (typeof text !== 'string') throw new ParseError('diskraid output is not text', 0, '');
  const out: DiskraidOutput = { computer: null, commands: [], selected: {}, messages: [], tables: [], unparsed: [] };
  const lines = splitPhysicalLines(text);
  let table: { cols: { start: number; end: number }[]; result: DiskraidTable } | null = null;

  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? '';
    const t = raw.trim();
    if (t === '') {
      table = null;
      continue;
    }
    if (DASHES.test(raw)) {
      const header = lines[i - 1];
      if (i === 0 || header === undefined || header.trim() === '' || table !== null) {
        throw new ParseError('A row of dashes is not under a table header', i + 1, raw);
      }
      const cols = spans(raw);
      const columns = cut(header, cols);
      if (columns.some((c) => c === '')) throw new ParseError('A table column has no header', i + 1, raw);
      // The header line was recorded as unparsed on the previous iteration; it is a header after all.
      if (out.unparsed[out.unparsed.length - 1] === header) out.unparsed.pop();
      table = { cols, result: { columns, rows: [] } };
      out.tables.push(table.result);
      continue;
    }
    if (table !== null) {
      const cells = cut(raw, table.cols);
      const row: Record<string, string> = {};
      table.result.columns.forEach((c, k) => {
        row[c] = cells[k] ?? '';
      });
      table.result.rows.push(row);
      continue;
    }
    if (/^Microsoft Diskraid version \S+$/i.test(t) || /^Copyright \(.{1,3}\) \d{4}(?:-\d{4})? Microsoft Corporation\.?$/i.test(t))
      continue;
    const computer = /^On computer:\s*(\S.*)$/i.exec(t);
    if (computer !== null) {
      out.computer = (computer[1] ?? '').trim();
      continue;
    }
    const prompt = /^DISKRAID>\s?(.*)$/i.exec(t);
    if (prompt !== null) {
      const cmd = (prompt[1] ?? '').trim();
      if (cmd !== '') out.commands.push(cmd);
      continue;
    }
    const sel = SELECTED.exec(t);
    if (sel !== null && (sel[1] ?? '').toLowerCase() === (sel[3] ?? '').toLowerCase()) {
      out.selected[(sel[3] ?? '').toLowerCase()] = Number(sel[2]);
      out.messages.push(t);
      continue;
    }
    if (KNOWN_MESSAGES.some((re) => re.test(t))) {
      out.messages.push(t);
      continue;
    }
    out.unparsed.push(raw);
  }
  return out;
}
