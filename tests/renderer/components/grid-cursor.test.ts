import { describe, expect, it } from 'vitest';
import { cursorTarget, rowsPerPage } from '../../../renderer/src/components/grid-cursor';

describe('cursorTarget', () => {
  it('starts on the first row when no row is active yet', () => {
    expect(cursorTarget('ArrowDown', null, 10, 5)).toBe(0);
    expect(cursorTarget('ArrowUp', null, 10, 5)).toBe(0);
  });

  it('moves one row, a page, or to either end, and stops at the ends', () => {
    expect(cursorTarget('ArrowDown', 3, 10, 5)).toBe(4);
    expect(cursorTarget('ArrowUp', 3, 10, 5)).toBe(2);
    expect(cursorTarget('PageDown', 3, 10, 5)).toBe(8);
    expect(cursorTarget('PageDown', 8, 10, 5)).toBe(9);
    expect(cursorTarget('PageUp', 3, 10, 5)).toBe(0);
    expect(cursorTarget('Home', 7, 10, 5)).toBe(0);
    expect(cursorTarget('End', 0, 10, 5)).toBe(9);
    expect(cursorTarget('ArrowDown', 9, 10, 5)).toBe(9);
  });

  it('ignores other keys and empty tables', () => {
    expect(cursorTarget('Enter', 3, 10, 5)).toBeNull();
    expect(cursorTarget('ArrowDown', null, 0, 5)).toBeNull();
  });
});

describe('rowsPerPage', () => {
  it('is a screenful less one row, and at least one', () => {
    expect(rowsPerPage(340, 34)).toBe(9);
    expect(rowsPerPage(20, 34)).toBe(1);
  });
});
