/**
 * The inventory table every page uses: a search box that filters as you type, sortable columns,
 * and a row count ("3 of 4"). Rows carry ARIA roles so they are accessible and testable.
 */
import {
  SearchBox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import { matchesFilter } from '../../../shared/filter';

export interface DataColumn<T> {
  id: string;
  header: string;
  render: (row: T) => ReactNode;
  /** What sorting compares and the search box matches; defaults to nothing (not sortable, not searched). */
  text?: (row: T) => string;
  numeric?: (row: T) => number;
}

interface Props<T> {
  label: string;
  rows: readonly T[];
  columns: ReadonlyArray<DataColumn<T>>;
  rowId: (row: T) => string;
  noun: string;
}

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
  count: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

type Sort = { columnId: string; direction: 'ascending' | 'descending' } | null;

export function DataTable<T>({ label, rows, columns, rowId, noun }: Props<T>) {
  const styles = useStyles();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>(null);

  const visible = useMemo(() => {
    const filtered = rows.filter((row) => matchesFilter(search, columns.map((column) => column.text?.(row))));
    const column = sort ? columns.find((c) => c.id === sort.columnId) : undefined;
    if (!column || !sort) return filtered;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    const compare = column.numeric
      ? (a: T, b: T) => ((column.numeric as (row: T) => number)(a) - (column.numeric as (row: T) => number)(b)) * sign
      : (a: T, b: T) => (column.text?.(a) ?? '').localeCompare(column.text?.(b) ?? '', undefined, { numeric: true }) * sign;
    return [...filtered].sort(compare);
  }, [rows, columns, search, sort]);

  const toggleSort = (columnId: string) =>
    setSort((current) =>
      current?.columnId === columnId
        ? { columnId, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { columnId, direction: 'ascending' },
    );

  return (
    <div>
      <div className={styles.toolbar}>
        <SearchBox
          aria-label={`Search ${noun}s`}
          placeholder={`Search ${noun}s`}
          value={search}
          onChange={(_event, data) => setSearch(data.value)}
        />
        <Text className={styles.count} role="status">
          {visible.length === rows.length
            ? `${rows.length.toLocaleString('en-US')} ${noun}${rows.length === 1 ? '' : 's'}`
            : `${visible.length.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} ${noun}s`}
        </Text>
      </div>
      <Table aria-label={label} aria-rowcount={visible.length + 1} size="small" sortable>
        <TableHeader>
          <TableRow aria-rowindex={1}>
            {columns.map((column) => (
              <TableHeaderCell
                key={column.id}
                sortDirection={sort?.columnId === column.id ? sort.direction : undefined}
                onClick={column.text || column.numeric ? () => toggleSort(column.id) : undefined}
              >
                {column.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {visible.map((row, index) => (
            <TableRow key={rowId(row)} aria-rowindex={index + 2} data-row-id={rowId(row)}>
              {columns.map((column) => (
                <TableCell key={column.id}>{column.render(row)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
