import { describe, expect, it } from 'vitest';
import {
  flatNodes,
  lazyRow,
  pagedTable,
  pageOfTable,
  searchText,
  type TreeNode,
} from '../../../../electron/core/inventory/inventory-paging';

interface Row {
  name: string;
  size: number;
}

const rows: Row[] = [
  { name: 'LUN10', size: 5 },
  { name: 'LUN2', size: 50 },
  { name: 'lun1', size: 20 },
  { name: 'DATA', size: 20 },
];
const flat = () =>
  pagedTable(
    flatNodes(
      rows,
      (r) => r.name,
      (r) => [r.name],
    ),
    { name: (r) => r.name, size: (r) => r.size },
  );
const request = { filter: '', sort: null, offset: 0, limit: 100 };

describe('pageOfTable on a flat table', () => {
  it('counts and windows the rows in their natural order', () => {
    const page = pageOfTable(flat(), { ...request, offset: 1, limit: 2 });
    expect(page).toEqual({ total: 4, matched: 4, rowCount: 4, offset: 1, rows: [rows[1], rows[2]] });
  });

  it('filters with the shared filter rules: every word, any case', () => {
    const page = pageOfTable(flat(), { ...request, filter: '  lun 1 ' });
    expect(page.rows.map((r) => r.name)).toEqual(['LUN10', 'lun1']);
    expect(page).toMatchObject({ total: 4, matched: 2, rowCount: 2 });
  });

  it('sorts names as people read numbers, and numbers numerically, keeping ties in natural order', () => {
    const table = flat();
    expect(pageOfTable(table, { ...request, sort: { column: 'name', direction: 'ascending' } }).rows.map((r) => r.name)).toEqual([
      'DATA',
      'lun1',
      'LUN2',
      'LUN10',
    ]);
    expect(pageOfTable(table, { ...request, sort: { column: 'size', direction: 'descending' } }).rows.map((r) => r.name)).toEqual([
      'LUN2',
      'lun1',
      'DATA',
      'LUN10',
    ]);
  });

  it('computes a sort once and reuses it', () => {
    const table = flat();
    pageOfTable(table, { ...request, sort: { column: 'size', direction: 'ascending' } });
    const cached = table.sorted.get('size:ascending');
    pageOfTable(table, { ...request, filter: 'lun', sort: { column: 'size', direction: 'ascending' } });
    expect(table.sorted.get('size:ascending')).toBe(cached);
  });

  it('refuses a column it cannot sort by, naming the ones it can', () => {
    expect(() => pageOfTable(flat(), { ...request, sort: { column: 'colour', direction: 'ascending' } })).toThrow('it sorts by name, size');
    expect(() => pageOfTable(pagedTable([], {}), { ...request, sort: { column: 'name', direction: 'ascending' } })).toThrow('fixed order');
  });

  it('narrows from the last match as the user types, and widens again on backspace', () => {
    const table = flat();
    expect(pageOfTable(table, { ...request, filter: 'lun' }).matched).toBe(3);
    expect(pageOfTable(table, { ...request, filter: 'lun1' }).rows.map((r) => r.name)).toEqual(['LUN10', 'lun1']);
    expect(pageOfTable(table, { ...request, filter: 'lun10' }).rows.map((r) => r.name)).toEqual(['LUN10']);
    expect(pageOfTable(table, { ...request, filter: 'lun' }).matched).toBe(3);
    expect(pageOfTable(table, { ...request, filter: 'data' }).rows.map((r) => r.name)).toEqual(['DATA']);
  });

  it('matches a field:value term on that field alone, whole value and any case, next to free words', () => {
    const table = pagedTable(
      flatNodes(
        rows,
        (r) => r.name,
        (r) => [r.name],
      ),
      {},
      { size: (r) => String(r.size) },
    );
    expect(pageOfTable(table, { ...request, filter: 'size:20' }).rows.map((r) => r.name)).toEqual(['lun1', 'DATA']);
    expect(pageOfTable(table, { ...request, filter: 'SIZE:20 lun' }).rows.map((r) => r.name)).toEqual(['lun1']);
    // Whole value: size:2 is not size:20 nor size:5 0.
    expect(pageOfTable(table, { ...request, filter: 'size:2' }).matched).toBe(0);
    // A word with a colon that names no field stays a plain word (a WWN, a drive letter "C:").
    expect(pageOfTable(table, { ...request, filter: 'lun1:x' }).matched).toBe(0);
    expect(pageOfTable(table, { ...request, filter: 'lun' }).matched).toBe(3);
  });

  it('does not narrow a field:value filter from the plain words typed before it', () => {
    const table = pagedTable(
      flatNodes(
        rows,
        (r) => r.name,
        (r) => [r.name],
      ),
      {},
      { size: (r) => String(r.size) },
    );
    expect(pageOfTable(table, { ...request, filter: 'siz' }).matched).toBe(0);
    expect(pageOfTable(table, { ...request, filter: 'size:50' }).rows.map((r) => r.name)).toEqual(['LUN2']);
  });

  it('makes only the rows of the window', () => {
    let made = 0;
    const nodes: TreeNode<number>[] = Array.from({ length: 1000 }, (_, i) => ({
      id: String(i),
      row: lazyRow(() => ((made += 1), i)),
      text: String(i),
      children: [],
    }));
    expect(pageOfTable(pagedTable(nodes, {}), { ...request, offset: 500, limit: 10 }).rows).toEqual([
      500, 501, 502, 503, 504, 505, 506, 507, 508, 509,
    ]);
    expect(made).toBe(10);
  });
});

describe('pageOfTable on a tree', () => {
  const leaf = (id: string): TreeNode<string> => ({ id, row: () => id, text: searchText([id]), children: [] });
  const tree = () =>
    pagedTable<string>(
      [
        { id: 'set-a', row: () => 'set-a', text: 'set-a', children: [leaf('SQL-DATA'), leaf('SQL-LOGS')] },
        { id: 'set-b', row: () => 'set-b', text: 'set-b', children: [leaf('DC01-NTDS')] },
      ],
      { name: (row) => row },
    );

  it('shows children only under expanded parents', () => {
    expect(pageOfTable(tree(), request).rows).toEqual(['set-a', 'set-b']);
    expect(pageOfTable(tree(), { ...request, expanded: ['set-a'] })).toMatchObject({
      matched: 2,
      rowCount: 4,
      rows: ['set-a', 'SQL-DATA', 'SQL-LOGS', 'set-b'],
    });
  });

  it('opens a collapsed parent to show the children a search found, and only those', () => {
    expect(pageOfTable(tree(), { ...request, filter: 'logs' })).toMatchObject({
      total: 2,
      matched: 1,
      rowCount: 2,
      rows: ['set-a', 'SQL-LOGS'],
    });
  });

  it('shows a matching parent with all its children when it is expanded', () => {
    expect(pageOfTable(tree(), { ...request, filter: 'set-b', expanded: ['set-b'] }).rows).toEqual(['set-b', 'DC01-NTDS']);
  });

  it("sorts parents and keeps each one's children under it", () => {
    expect(pageOfTable(tree(), { ...request, sort: { column: 'name', direction: 'descending' }, expanded: ['set-a'] }).rows).toEqual([
      'set-b',
      'set-a',
      'SQL-DATA',
      'SQL-LOGS',
    ]);
  });
});
