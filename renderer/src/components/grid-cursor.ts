/**
 * Keyboard navigation of a virtual grid: which row a key moves the cursor to. Pure, so the rules are
 * tested without a DOM; use-grid-cursor.ts applies them to the virtualizer and the focus.
 */

/** The row a navigation key moves to from `current` (null: no row active yet), or null for other keys. */
export function cursorTarget(key: string, current: number | null, rowCount: number, pageRows: number): number | null {
  if (rowCount <= 0) return null;
  const from = current ?? -1;
  const page = Math.max(1, pageRows);
  const targets: Record<string, () => number> = {
    ArrowDown: () => from + 1,
    ArrowUp: () => from - 1,
    PageDown: () => from + page,
    PageUp: () => from - page,
    Home: () => 0,
    End: () => rowCount - 1,
  };
  const target = targets[key];
  return target ? Math.min(Math.max(target(), 0), rowCount - 1) : null;
}

/** Rows a PageDown moves: a screenful less one, so the last row seen stays on screen. */
export function rowsPerPage(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}
