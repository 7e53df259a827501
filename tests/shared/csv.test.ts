import { describe, expect, it } from 'vitest';
import { toCsv } from '../../shared/csv';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['Name', 'Size'], [['SQL-DATA', '500 GiB']])).toBe('Name,Size\r\nSQL-DATA,500 GiB\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(toCsv(['a'], [['SQL01, SQL02'], ['say "hi"'], ['two\nlines']])).toBe('a\r\n"SQL01, SQL02"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
  });

  it('keeps a spreadsheet from running a field as a formula', () => {
    expect(toCsv(['label'], [['=HYPERLINK("x")'], ['-1'], ['@SUM']])).toBe('label\r\n"\'=HYPERLINK(""x"")"\r\n\'-1\r\n\'@SUM\r\n');
  });
});
