/**
 * Column widths the user can change: drag a header's right edge, or focus it and press the arrow keys.
 * Widths live as long as the table does; a column never gets narrower than its header can be read.
 */
import { useMemo, useState, type HTMLAttributes, type KeyboardEvent, type PointerEvent } from 'react';

const MIN_WIDTH = 48;
const KEY_STEP = 16;

interface Sized {
  id: string;
  header: string;
  width: number;
}

export function useColumnWidths(columns: readonly Sized[]) {
  const [overrides, setOverrides] = useState<Record<string, number>>({});
  // Stable between renders, so memoized rows re-render only when a width really changes.
  const widths = useMemo(
    () => Object.fromEntries(columns.map((column) => [column.id, overrides[column.id] ?? column.width])),
    [columns, overrides],
  );
  const totalWidth = columns.reduce((sum, column) => sum + (widths[column.id] ?? column.width), 0);
  const resize = (id: string, width: number) => setOverrides((current) => ({ ...current, [id]: Math.max(MIN_WIDTH, Math.round(width)) }));

  const resizeHandleProps = (column: Sized): HTMLAttributes<HTMLDivElement> => {
    const width = widths[column.id] ?? column.width;
    return {
      role: 'separator',
      'aria-orientation': 'vertical',
      'aria-label': `Resize ${column.header}`,
      'aria-valuenow': width,
      'aria-valuemin': MIN_WIDTH,
      tabIndex: 0,
      // The header cell sorts on click: a drag on its edge must not.
      onClick: (event) => event.stopPropagation(),
      onPointerDown: (event: PointerEvent<HTMLDivElement>) => {
        event.preventDefault();
        event.stopPropagation();
        const handle = event.currentTarget;
        const startX = event.clientX;
        handle.setPointerCapture(event.pointerId);
        const onMove = (move: globalThis.PointerEvent) => resize(column.id, width + move.clientX - startX);
        const onUp = () => {
          handle.removeEventListener('pointermove', onMove);
          handle.removeEventListener('pointerup', onUp);
        };
        handle.addEventListener('pointermove', onMove);
        handle.addEventListener('pointerup', onUp);
      },
      onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        event.preventDefault();
        event.stopPropagation();
        resize(column.id, width + (event.key === 'ArrowRight' ? KEY_STEP : -KEY_STEP));
      },
    };
  };

  return { widths, totalWidth, resizeHandleProps };
}
