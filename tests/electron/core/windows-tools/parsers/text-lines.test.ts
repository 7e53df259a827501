import { describe, expect, it } from 'vitest';
import { displayWidth, logicalLines } from '../../../../../electron/core/windows-tools/parsers/text-lines';

describe('logicalLines', () => {
  it('joins a full 80-column line with its continuation and keeps the first line number', () => {
    const first = 'x'.repeat(80);
    const lines = logicalLines(`a\r\n${first}\r\ntail\r\nnext`, () => false);
    expect(lines.map((l) => [l.line, l.text])).toEqual([
      [1, 'a'],
      [2, `${first}tail`],
      [4, 'next'],
    ]);
  });
  it('joins a line wrapped twice into one', () => {
    const first = 'a'.repeat(80);
    const second = 'b'.repeat(80);
    expect(logicalLines(`${first}\r\n${second}\r\ntail\r\nnext`, () => false).map((l) => [l.line, l.text])).toEqual([
      [1, `${first}${second}tail`],
      [4, 'next'],
    ]);
  });
  it('does not join before a recognized record start or a blank line', () => {
    const first = 'y'.repeat(80);
    expect(logicalLines(`${first}\n- Key: v`, (l) => l.startsWith('- ')).map((l) => l.text)).toEqual([first, '- Key: v']);
    expect(logicalLines(`${first}\n\nz`, () => false).map((l) => l.text)).toEqual([first, '', 'z']);
  });
  it('counts tabs to the next multiple of 8', () => {
    expect(displayWidth('\t\t- a')).toBe(19);
    expect(displayWidth('ab\tc')).toBe(9);
  });
});
