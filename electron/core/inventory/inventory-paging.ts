/**
 * Filtering, sorting and windowing for every inventory table, flat or tree-shaped. A table is built once
 * per backend state; each request then costs one pass over precomputed search text plus a slice, and a
 * sort order is computed once per column and direction and reused by every later keystroke and scroll.
 */
import { ShadowSwapError } from '../../../shared/errors';
import { filterTerms, matchesTerms, splitFieldTerms, type FieldTerm } from '../../../shared/filter';
import type { Sort } from '../../../shared/inventory-rows';

export interface TreeNode<Row> {
  id: string;
  /** Built on first use: a window of 100 rows should not pay for making 26,000. */
  row: () => Row;
  /** Everything the search box matches for this row, joined. */
  text: string;
  children: ReadonlyArray<TreeNode<Row>>;
}

export type SortKey<Row> = (row: Row) => string | number;
/** The value a `field:value` search term is compared with (whole value, any case). */
export type FieldValue<Row> = (row: Row) => string;

export interface PagedTable<Row> {
  nodes: ReadonlyArray<TreeNode<Row>>;
  /** What each sortable column compares, for top-level rows; children keep their natural order. */
  sortKeys: Readonly<Record<string, SortKey<Row>>>;
  /** The fields a search can name (`state:damaged`), for top-level rows. */
  fields: Readonly<Record<string, FieldValue<Row>>>;
  sorted: Map<string, ReadonlyArray<TreeNode<Row>>>;
  /** The top-level nodes the last filter matched, in order: typing one more letter only narrows them. */
  lastMatch: { order: ReadonlyArray<TreeNode<Row>>; filter: string; nodes: ReadonlyArray<TreeNode<Row>> } | null;
}

export interface PageRequest {
  filter: string;
  sort: Sort | null;
  offset: number;
  limit: number;
  expanded?: readonly string[];
}

export interface Page<Row> {
  total: number;
  matched: number;
  rowCount: number;
  offset: number;
  rows: Row[];
}

export function pagedTable<Row>(
  nodes: ReadonlyArray<TreeNode<Row>>,
  sortKeys: Readonly<Record<string, SortKey<Row>>>,
  fields: Readonly<Record<string, FieldValue<Row>>> = {},
): PagedTable<Row> {
  return { nodes, sortKeys, fields, sorted: new Map(), lastMatch: null };
}

/** A row made once, when a page or a sort first needs it. */
export function lazyRow<Row>(make: () => Row): () => Row {
  let row: Row | undefined;
  return () => (row ??= make());
}

/** A flat table of rows that already exist: one node per row. */
export function flatNodes<Row>(
  rows: readonly Row[],
  id: (row: Row) => string,
  text: (row: Row) => ReadonlyArray<string | null | undefined>,
): TreeNode<Row>[] {
  return rows.map((row) => ({ id: id(row), row: () => row, text: searchText(text(row)), children: [] }));
}

export function searchText(fields: ReadonlyArray<string | null | undefined>): string {
  return fields
    .filter((field): field is string => typeof field === 'string' && field.length > 0)
    .join('\u0000')
    .toLowerCase();
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareKeys(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

function ordered<Row>(table: PagedTable<Row>, sort: Sort | null): ReadonlyArray<TreeNode<Row>> {
  if (sort === null) return table.nodes;
  const key = table.sortKeys[sort.column];
  if (!key) {
    const columns = Object.keys(table.sortKeys);
    throw new ShadowSwapError(
      'INVALID_REQUEST',
      columns.length === 0
        ? 'This table has a fixed order and cannot be sorted.'
        : `This table cannot be sorted by "${sort.column}"; it sorts by ${columns.join(', ')}.`,
    );
  }
  const cacheKey = `${sort.column}:${sort.direction}`;
  let nodes = table.sorted.get(cacheKey);
  if (!nodes) {
    const keyed = table.nodes.map((node) => ({ node, key: key(node.row()) }));
    const sign = sort.direction === 'ascending' ? 1 : -1;
    // Array.prototype.sort is stable: equal keys keep the natural order in both directions.
    keyed.sort((a, b) => compareKeys(a.key, b.key) * sign);
    nodes = keyed.map((entry) => entry.node);
    table.sorted.set(cacheKey, nodes);
  }
  return nodes;
}

/** Whether a node matches: every plain word in its search text, every field term on its field. */
type Matcher<Row> = (node: TreeNode<Row>) => boolean;

function matcherOf<Row>(table: PagedTable<Row>, terms: readonly string[]): Matcher<Row> | null {
  if (terms.length === 0) return null;
  const { words, fieldTerms } = splitFieldTerms(terms, new Set(Object.keys(table.fields)));
  const fieldMatches = (row: Row, { field, value }: FieldTerm) => table.fields[field]?.(row).toLowerCase() === value;
  return (node) => matchesTerms(words, node.text) && fieldTerms.every((term) => fieldMatches(node.row(), term));
}

/**
 * Appends a node and the part of its subtree to show. A node the filter matches shows its children when
 * it is expanded; a node shown only because a descendant matched opens by itself and shows just the path
 * to the matches, so a search for a LUN name finds it inside a collapsed set.
 */
function appendVisible<Row>(
  node: TreeNode<Row>,
  matches: Matcher<Row> | null,
  expanded: ReadonlySet<string>,
  out: Array<TreeNode<Row>>,
): boolean {
  if (matches === null || matches(node)) {
    out.push(node);
    if (expanded.has(node.id)) for (const child of node.children) appendVisible(child, null, expanded, out);
    return true;
  }
  const mark = out.length;
  out.push(node);
  let any = false;
  for (const child of node.children) any = appendVisible(child, matches, expanded, out) || any;
  if (!any) out.length = mark;
  return any;
}

/**
 * The top-level nodes to test against a filter. A filter of plain words that extends the previous one ("srv1"
 * after "srv") matches a subset of what that one matched, so only those are tested again. A filter with a colon
 * is not narrowed: "state:damaged" after "stat" is a field term, not a longer word.
 */
function candidates<Row>(table: PagedTable<Row>, order: ReadonlyArray<TreeNode<Row>>, filter: string): ReadonlyArray<TreeNode<Row>> {
  const last = table.lastMatch;
  const narrows = last && last.order === order && last.filter !== '' && filter.startsWith(last.filter) && !filter.includes(':');
  return narrows ? last.nodes : order;
}

export function pageOfTable<Row>(table: PagedTable<Row>, request: PageRequest): Page<Row> {
  const filter = request.filter.trim().toLowerCase();
  const terms = filterTerms(filter);
  const matches = matcherOf(table, terms);
  const expanded = new Set(request.expanded ?? []);
  const order = ordered(table, request.sort);
  const visible: Array<TreeNode<Row>> = [];
  const matchedNodes: Array<TreeNode<Row>> = [];
  for (const node of candidates(table, order, filter)) if (appendVisible(node, matches, expanded, visible)) matchedNodes.push(node);
  if (terms.length > 0) table.lastMatch = { order, filter, nodes: matchedNodes };
  return {
    total: table.nodes.length,
    matched: matchedNodes.length,
    rowCount: visible.length,
    offset: request.offset,
    rows: visible.slice(request.offset, request.offset + request.limit).map((node) => node.row()),
  };
}
