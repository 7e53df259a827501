/**
 * CSV export of what a table shows: every row matching its filter and sort, fetched from the core in
 * pages of the largest size the contract allows (not only the rows on screen).
 */
import type { MethodName } from '../../../shared/contract';
import { MAX_PAGE_ROWS } from '../../../shared/inventory-rows';
import { client } from '../client';
import { downloadCsv } from './row-transfer';
import { pageParamsOf, type PagedMethod, type PagedQuery, type RowOf } from './use-paged-rows';

export interface CsvColumn<Row> {
  header: string;
  text: (row: Row) => string;
}

/** Downloads the table as `<label>-<time>.csv`; answers how many rows it wrote. */
export async function exportTableCsv<M extends PagedMethod>(
  method: M,
  query: PagedQuery<M>,
  columns: ReadonlyArray<CsvColumn<RowOf<M>>>,
  label: string,
): Promise<number> {
  const lines: string[][] = [];
  for (let offset = 0; ; offset += MAX_PAGE_ROWS) {
    const page = await client.invoke(method as MethodName, pageParamsOf(query, offset, MAX_PAGE_ROWS) as never);
    const { rows, rowCount } = page as { rows: Array<RowOf<M>>; rowCount: number };
    lines.push(...rows.map((row) => columns.map((column) => column.text(row))));
    if (offset + MAX_PAGE_ROWS >= rowCount) break;
  }
  downloadCsv(
    label.toLowerCase().replace(/\W+/g, '-'),
    columns.map((column) => column.header),
    lines,
  );
  return lines.length;
}
