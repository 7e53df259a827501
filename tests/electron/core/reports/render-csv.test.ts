import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../../electron/core/reports/render-csv';
import type { ReportModel, ReportStep } from '../../../../shared/report';

/** A strict RFC 4180 reader: every field quoted, quotes doubled, CRLF between records. */
function readCsv(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      expect(text[i]).toBe('"');
      let value = '';
      i += 1;
      for (;;) {
        if (text[i] === '"' && text[i + 1] !== '"') break;
        value += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i += 1;
      record.push(value);
      if (text[i] === ',') i += 1;
      else break;
    }
    expect(text.slice(i, i + 2)).toBe('\r\n');
    i += 2;
    records.push(record);
  }
  return records;
}

const step = (overrides: Partial<ReportStep>): ReportStep => ({
  number: 1,
  id: '1-verify',
  kind: 'verify',
  title: 'Verify the recovery',
  why: '',
  destructive: false,
  state: 'succeeded',
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: '2026-01-01T00:00:01.500Z',
  durationMs: 1500,
  confirmations: [],
  changes: [],
  commands: [],
  commandsSimulated: true,
  output: [],
  error: null,
  failures: [],
  undo: '',
  ...overrides,
});

describe('steps as CSV', () => {
  it('quotes commas, quotes and line breaks so every field reads back exactly', () => {
    const output = [
      { seq: 7, at: '2026-01-01T00:00:01.000Z', text: 'Disk "SQL, DATA" is online' },
      { seq: 8, at: '2026-01-01T00:00:01.000Z', text: 'second line' },
    ];
    const csv = renderCsv({
      steps: [step({ output, commands: [{ tool: 'diskraid', runsOn: 'SQL01', text: 'select lun 0\r\nunmask lun none\r\n' }] })],
    } as ReportModel);
    const [header, row] = readCsv(csv);
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell('output')).toBe('Disk "SQL, DATA" is online\nsecond line');
    expect(cell('commands')).toBe('diskraid on SQL01:\nselect lun 0\nunmask lun none');
    expect(cell('duration_ms')).toBe('1500');
    expect(cell('error')).toBe('');
  });

  it('keeps a spreadsheet from running a field as a formula', () => {
    const csv = renderCsv({ steps: [step({ title: '=HYPERLINK("http://evil")', error: '-2+3' })] } as ReportModel);
    const [header, row] = readCsv(csv);
    expect(row?.[header?.indexOf('title') ?? -1]).toBe('\'=HYPERLINK("http://evil")');
    expect(row?.[header?.indexOf('error') ?? -1]).toBe("'-2+3");
  });
});
