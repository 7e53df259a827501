/**
 * The one inventory table: Fluent UI Table primitives over a virtual window (@tanstack/react-virtual) of
 * rows the core filters, sorts and pages (use-paged-rows). The DOM holds only the rows on screen plus a
 * small overscan, whatever the estate's size. It is an ARIA grid (a treegrid when rows have children)
 * with aria-rowcount over all rows and sortable, resizable columns. Its parts: the toolbar
 * (DataTableToolbar: search, count, copy, export, refresh), the keyboard cursor (use-grid-cursor) and the
 * CSV export (csv-export).
 */
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { Sort } from '../../../shared/inventory-rows';
import { refreshInventory } from '../query-keys';
import { exportTableCsv } from './csv-export';
import { DataTableToolbar, type ToolbarNotice } from './DataTableToolbar';
import { QueryError } from './QueryState';
import { copyText } from './row-transfer';
import { useColumnWidths } from './use-column-widths';
import { useFillHeight } from './use-fill-height';
import { useGridCursor } from './use-grid-cursor';
import { blockQuery, usePagedRows, type ExtraParams, type PagedMethod, type PagedQuery, type RowOf } from './use-paged-rows';
import { countText } from '../../../shared/count-text';

export interface DataColumn<Row> {
  /** Also the column the core sorts by, when `sortable`. */
  id: string;
  header: string;
  width: number;
  sortable?: boolean;
  render: (row: Row) => ReactNode;
  /** The cell as plain text, for CSV export. */
  text: (row: Row) => string;
}

/** Tree tables: the core sends rows flattened with their level; the page keeps which parents are open. */
export interface TreeShape<Row> {
  level: (row: Row) => number;
  childCount: (row: Row) => number;
  expanded: ReadonlySet<string>;
  toggle: (id: string, open: boolean) => void;
}

interface Props<M extends PagedMethod> {
  method: M;
  /** The table's accessible name, e.g. "LUNs". */
  label: string;
  noun: { one: string; many: string };
  columns: ReadonlyArray<DataColumn<RowOf<M>>>;
  rowId: (row: RowOf<M>) => string;
  extra: ExtraParams<M>;
  tree?: TreeShape<RowOf<M>>;
  /** The row whose details are open. */
  openId?: string | null;
  /** A click or Enter on a row: open its details. */
  onOpen?: (row: RowOf<M>) => void;
  /** What an empty table means, when "There are no …" undersells it. */
  emptyText?: string;
  /** Field terms the search takes (shown in its placeholder), and the table's own switches. */
  searchHint?: string;
  controls?: ReactNode;
}

const ROW_HEIGHT = 34;
const OVERSCAN = 12;
const TREE_INDENT = 20;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  viewport: {
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3 },
  headerCell: { position: 'relative', fontWeight: tokens.fontWeightSemibold, flexShrink: 0 },
  resizer: {
    position: 'absolute',
    top: 0,
    right: 0,
    width: '6px',
    height: '100%',
    cursor: 'col-resize',
    touchAction: 'none',
    ':hover': { backgroundColor: tokens.colorBrandStroke1 },
    ':focus-visible': { backgroundColor: tokens.colorBrandStroke1, outline: 'none' },
  },
  body: { position: 'relative' },
  row: {
    position: 'absolute',
    left: 0,
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  open: { boxShadow: `inset 3px 0 0 ${tokens.colorBrandBackground}` },
  cell: { flexShrink: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  firstCell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  chevron: { minWidth: '20px', width: '20px', height: '20px', padding: 0 },
  chevronSpace: { display: 'inline-block', width: '20px', flexShrink: 0 },
  loading: { color: tokens.colorNeutralForeground4 },
  empty: { padding: tokens.spacingVerticalL, color: tokens.colorNeutralForeground3 },
});

/** Fluent's flex cells grow to share the row equally; a resizable column needs its own fixed basis. */
const columnStyle = (width: number | undefined) => ({ flex: `0 0 ${width ?? 0}px`, width });

export function DataTable<M extends PagedMethod>({
  method,
  label,
  noun,
  columns,
  rowId,
  extra,
  tree,
  openId = null,
  onOpen,
  emptyText,
  searchHint,
  controls,
}: Props<M>) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort | null>(null);
  const [notice, setNotice] = useState<ToolbarNotice | null>(null);
  const [exporting, setExporting] = useState(false);
  const { widths, totalWidth, resizeHandleProps } = useColumnWidths(columns);
  const viewportRef = useRef<HTMLDivElement>(null);
  const typedFilter = useRef('');
  const height = useFillHeight(viewportRef);

  const query: PagedQuery<M> = { filter, sort, extra };
  const [rowCount, setRowCount] = useState(0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the console does not use the React Compiler; the virtualizer re-renders on scroll itself.
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const rows = usePagedRows(method, query, items[0]?.index ?? 0, items.at(-1)?.index ?? 0);
  const head = rows.head;
  useEffect(() => {
    if (head) setRowCount(head.rowCount);
  }, [head]);

  const cursor = useGridCursor(viewportRef, virtualizer, rowCount, height, ROW_HEIGHT);
  const { activeIndex, setActiveIndex } = cursor;

  const toggleSort = (columnId: string) => {
    setSort((current) =>
      current?.column === columnId
        ? { column: columnId, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column: columnId, direction: 'ascending' },
    );
    cursor.reset();
  };

  const copyRow = async (row: RowOf<M> | undefined) => {
    if (!row) return;
    try {
      await copyText(JSON.stringify(row, null, 2));
      setNotice({ text: `Copied ${rowId(row)} as JSON.`, failed: false });
    } catch (error) {
      setNotice({
        text: `Could not copy the row: ${error instanceof Error ? error.message : String(error)}. Select the text in the details pane instead.`,
        failed: true,
      });
    }
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const count = await exportTableCsv(method, query, columns, label);
      setNotice({ text: `Exported ${countText(count)} ${count === 1 ? noun.one : noun.many} as CSV.`, failed: false });
    } catch (error) {
      setNotice({ text: `The export failed: ${error instanceof Error ? error.message : String(error)}`, failed: true });
    } finally {
      setExporting(false);
    }
  };

  const activeRow = activeIndex === null ? undefined : rows.rowAt(activeIndex);

  // One handler for every row (rows are memoized and must not get new closures on each render).
  const onBodyClick = (event: MouseEvent<HTMLElement>) => {
    const target = event.target instanceof Element ? event.target : null;
    const element = target?.closest<HTMLElement>('[data-index]');
    const index = Number(element?.dataset.index);
    const row = Number.isInteger(index) ? rows.rowAt(index) : undefined;
    if (!row) return;
    setActiveIndex(index);
    if (tree && target?.closest('[data-toggle]')) tree.toggle(rowId(row), !tree.expanded.has(rowId(row)));
    else onOpen?.(row);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLElement && event.target.getAttribute('role') === 'separator') return;
    if (cursor.navigate(event)) return;
    if (!activeRow) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen?.(activeRow);
    } else if (tree && (event.key === 'ArrowRight' || event.key === 'ArrowLeft') && tree.childCount(activeRow) > 0) {
      event.preventDefault();
      tree.toggle(rowId(activeRow), event.key === 'ArrowRight');
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c' && !window.getSelection()?.toString()) {
      event.preventDefault();
      void copyRow(activeRow);
    }
  };

  const matched = head?.matched ?? 0;
  const total = head?.total ?? 0;
  const countLabel =
    head === undefined
      ? `Loading ${noun.many}…`
      : matched === total
        ? `${countText(total)} ${total === 1 ? noun.one : noun.many}`
        : `${countText(matched)} of ${countText(total)} ${noun.many}`;

  return (
    <div className={styles.root}>
      <DataTableToolbar
        noun={noun}
        searchHint={searchHint}
        controls={controls}
        countLabel={countLabel}
        fetching={rows.isFetching}
        notice={notice}
        onSearch={(typed) => {
          // The box keeps its own text; the table changes once, when the new first rows are here, so a
          // keystroke costs one request and one render (a newer keystroke supersedes a pending one).
          typedFilter.current = typed;
          void queryClient.prefetchQuery(blockQuery(method, { ...query, filter: typed }, 0)).finally(() => {
            if (typedFilter.current !== typed) return;
            setFilter(typed);
            cursor.reset();
          });
        }}
        canCopy={activeRow !== undefined}
        onCopy={() => void copyRow(activeRow)}
        exporting={exporting}
        canExport={matched > 0}
        onExport={() => void exportCsv()}
        onRefresh={() => void refreshInventory(queryClient)}
      />
      {rows.error && <QueryError what={noun.many} error={rows.error} />}
      <div ref={viewportRef} className={styles.viewport} style={{ height }} onKeyDown={onKeyDown}>
        <Table
          noNativeElements
          size="small"
          sortable
          role={tree ? 'treegrid' : 'grid'}
          aria-label={label}
          aria-rowcount={rowCount + 1}
          aria-colcount={columns.length}
          style={{ width: totalWidth, minWidth: '100%' }}
        >
          <TableHeader className={styles.header}>
            <TableRow aria-rowindex={1}>
              {columns.map((column) => (
                <TableHeaderCell
                  key={column.id}
                  className={styles.headerCell}
                  style={columnStyle(widths[column.id])}
                  // Named by its title alone: the resize handle inside it has a name of its own.
                  aria-label={column.header}
                  sortDirection={sort?.column === column.id ? sort.direction : undefined}
                  sortable={column.sortable === true}
                  onClick={column.sortable ? () => toggleSort(column.id) : undefined}
                >
                  {column.header}
                  <div className={styles.resizer} {...resizeHandleProps(column)} />
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody className={styles.body} style={{ height: virtualizer.getTotalSize() }} onClick={onBodyClick}>
            {items.map((item) => {
              const row = rows.rowAt(item.index);
              const id = row === undefined ? null : rowId(row);
              const isActive = item.index === activeIndex;
              return (
                <VirtualRow
                  key={id ?? `loading-${item.index}`}
                  row={row}
                  id={id}
                  index={item.index}
                  start={item.start}
                  width={totalWidth}
                  active={isActive}
                  open={id !== null && id === openId}
                  tabbable={isActive || (activeIndex === null && item.index === 0)}
                  columns={columns}
                  widths={widths}
                  branch={
                    row !== undefined && tree
                      ? { level: tree.level(row), childCount: tree.childCount(row), expanded: id !== null && tree.expanded.has(id) }
                      : null
                  }
                />
              );
            })}
          </TableBody>
        </Table>
        {head !== undefined && rowCount === 0 && (
          <Text as="p" className={styles.empty}>
            {total === 0 ? (emptyText ?? `There are no ${noun.many}.`) : `No ${noun.many} match “${filter}”.`}
          </Text>
        )}
      </div>
    </div>
  );
}

interface Branch {
  level: number;
  childCount: number;
  expanded: boolean;
}

interface RowProps<Row> {
  row: Row | undefined;
  id: string | null;
  index: number;
  start: number;
  width: number;
  active: boolean;
  open: boolean;
  tabbable: boolean;
  columns: ReadonlyArray<DataColumn<Row>>;
  widths: Readonly<Record<string, number>>;
  branch: Branch | null;
}

/** One row; memoized so a keystroke or a scroll re-renders only the rows whose data or place changed. */
const VirtualRow = memo(function VirtualRow<Row>({
  row,
  id,
  index,
  start,
  width,
  active,
  open,
  tabbable,
  columns,
  widths,
  branch,
}: RowProps<Row>) {
  const styles = useStyles();
  return (
    <TableRow
      className={mergeClasses(styles.row, active && styles.active, open && styles.open)}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT, width }}
      aria-rowindex={index + 2}
      aria-selected={active}
      aria-level={branch?.level}
      aria-expanded={branch && branch.childCount > 0 ? branch.expanded : undefined}
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      data-row-id={id ?? undefined}
    >
      {columns.map((column, c) => (
        <TableCell
          key={column.id}
          role="gridcell"
          className={mergeClasses(styles.cell, c === 0 && branch !== null && styles.firstCell)}
          style={columnStyle(widths[column.id])}
        >
          {row === undefined ? (
            c === 0 && <span className={styles.loading}>Loading…</span>
          ) : (
            <>
              {c === 0 && branch && <TreeToggle branch={branch} />}
              {column.render(row)}
            </>
          )}
        </TableCell>
      ))}
    </TableRow>
  );
}) as <Row>(props: RowProps<Row>) => ReactNode;

/** The chevron of a parent row (the body's click handler toggles it), or the room a chevron takes. */
function TreeToggle({ branch }: { branch: Branch }) {
  const styles = useStyles();
  const indent = (branch.level - 1) * TREE_INDENT;
  if (branch.childCount === 0) return <span className={styles.chevronSpace} style={{ marginLeft: indent }} />;
  return (
    <Button
      appearance="subtle"
      size="small"
      className={styles.chevron}
      style={{ marginLeft: indent }}
      icon={branch.expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
      aria-label={branch.expanded ? 'Collapse' : 'Expand'}
      tabIndex={-1}
      data-toggle
    />
  );
}
