/**
 * The one inventory table: Fluent UI Table primitives over a virtual window (@tanstack/react-virtual) of
 * rows the core filters, sorts and pages (use-paged-rows). The DOM holds only the rows on screen plus a
 * small overscan, whatever the estate's size. It is an ARIA grid (a treegrid when rows have children)
 * with aria-rowcount over all rows, a search box, a row count, sortable and resizable columns, keyboard
 * navigation across the whole list, copy a row as JSON, CSV export of the rows it shows, and refresh.
 */
import {
  Button,
  SearchBox,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular, ChevronDownRegular, ChevronRightRegular, CopyRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { MethodName } from '../../../shared/contract';
import { MAX_PAGE_ROWS, type Sort } from '../../../shared/inventory-rows';
import { client } from '../client';
import { QueryError } from './QueryState';
import { copyText, downloadCsv } from './row-transfer';
import { useColumnWidths } from './use-column-widths';
import { useFillHeight } from './use-fill-height';
import { blockQuery, pageParamsOf, usePagedRows, type ExtraParams, type PagedMethod, type PagedQuery, type RowOf } from './use-paged-rows';

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
}

const ROW_HEIGHT = 34;
const OVERSCAN = 12;
const TREE_INDENT = 20;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  search: { width: '320px' },
  count: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  spacer: { flexGrow: 1 },
  notice: { color: tokens.colorNeutralForeground3 },
  noticeError: { color: tokens.colorPaletteRedForeground1 },
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

const countText = (n: number) => n.toLocaleString('en-US');
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
}: Props<M>) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort | null>(null);
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | null>(null);
  const [exporting, setExporting] = useState(false);
  const { widths, totalWidth, resizeHandleProps } = useColumnWidths(columns);
  const viewportRef = useRef<HTMLDivElement>(null);
  const focusRequest = useRef<number | null>(null);
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

  // Move keyboard focus to the active row once the virtualizer has rendered it.
  useEffect(() => {
    const index = focusRequest.current;
    if (index === null) return;
    const element = viewportRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (element) {
      element.focus({ preventScroll: true });
      focusRequest.current = null;
    }
  });

  const resetCursor = () => {
    setActiveIndex(null);
    virtualizer.scrollToOffset(0);
  };

  const moveTo = (index: number) => {
    const target = Math.min(Math.max(index, 0), rowCount - 1);
    if (target < 0) return;
    setActiveIndex(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    focusRequest.current = target;
  };

  const toggleSort = (columnId: string) => {
    setSort((current) =>
      current?.column === columnId
        ? { column: columnId, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column: columnId, direction: 'ascending' },
    );
    resetCursor();
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
      const lines: string[][] = [];
      for (let offset = 0; ; offset += MAX_PAGE_ROWS) {
        const page = await client.invoke(method as MethodName, pageParamsOf(query, offset, MAX_PAGE_ROWS) as never);
        const { rows: batch, rowCount: count } = page as { rows: Array<RowOf<M>>; rowCount: number };
        lines.push(...batch.map((row) => columns.map((column) => column.text(row))));
        if (offset + MAX_PAGE_ROWS >= count) break;
      }
      downloadCsv(
        label.toLowerCase().replace(/\W+/g, '-'),
        columns.map((column) => column.header),
        lines,
      );
      setNotice({ text: `Exported ${countText(lines.length)} ${lines.length === 1 ? noun.one : noun.many} as CSV.`, failed: false });
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
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const current = activeIndex ?? -1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => current + 1,
      ArrowUp: () => Math.max(0, current - 1),
      PageDown: () => current + page,
      PageUp: () => Math.max(0, current - page),
      Home: () => 0,
      End: () => rowCount - 1,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(move());
      return;
    }
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
      <div className={styles.toolbar}>
        <SearchBox
          className={styles.search}
          aria-label={`Search ${noun.many}`}
          placeholder={`Search ${noun.many}`}
          onChange={(_event, data) => {
            // The box keeps its own text; the table changes once, when the new first rows are here, so a
            // keystroke costs one request and one render (a newer keystroke supersedes a pending one).
            const typed = data.value;
            typedFilter.current = typed;
            void queryClient.prefetchQuery(blockQuery(method, { ...query, filter: typed }, 0)).finally(() => {
              if (typedFilter.current !== typed) return;
              setFilter(typed);
              resetCursor();
            });
          }}
        />
        <Text className={styles.count} role="status">
          {countLabel}
        </Text>
        {rows.isFetching && <Spinner size="extra-tiny" aria-label={`Updating ${noun.many}`} />}
        <span className={styles.spacer} />
        {notice && (
          <Text className={notice.failed ? styles.noticeError : styles.notice} aria-live="polite">
            {notice.text}
          </Text>
        )}
        <Tooltip content="Copy the selected row as JSON (Ctrl+C)" relationship="description">
          <Button icon={<CopyRegular />} disabled={!activeRow} onClick={() => void copyRow(activeRow)}>
            Copy row
          </Button>
        </Tooltip>
        <Tooltip content={`Download the ${noun.many} this table shows, as CSV`} relationship="description">
          <Button
            icon={exporting ? <Spinner size="extra-tiny" /> : <ArrowDownloadRegular />}
            disabled={exporting || matched === 0}
            onClick={() => void exportCsv()}
          >
            Export CSV
          </Button>
        </Tooltip>
        <Button
          icon={<ArrowClockwiseRegular />}
          onClick={() =>
            void queryClient.invalidateQueries({
              predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith('inventory.'),
            })
          }
        >
          Refresh
        </Button>
      </div>
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
