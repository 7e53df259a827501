/**
 * The active row of a virtual grid (its roving tab stop): arrow keys, Page Up/Down, Home and End move it
 * across the whole list, scrolling the virtualizer and moving focus once the row is rendered.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { cursorTarget, rowsPerPage } from './grid-cursor';

export interface GridCursor {
  activeIndex: number | null;
  setActiveIndex(index: number | null): void;
  /** Back to no active row and the top of the list (a new filter or sort). */
  reset(): void;
  /** Handles a navigation key; true when it did (the caller then ignores the key). */
  navigate(event: KeyboardEvent<HTMLElement>): boolean;
}

export function useGridCursor(
  viewportRef: RefObject<HTMLElement | null>,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  rowCount: number,
  viewportHeight: number,
  rowHeight: number,
): GridCursor {
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const focusRequest = useRef<number | null>(null);

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

  return {
    activeIndex,
    setActiveIndex,
    reset() {
      setActiveIndex(null);
      virtualizer.scrollToOffset(0);
    },
    navigate(event) {
      const target = cursorTarget(event.key, activeIndex, rowCount, rowsPerPage(viewportHeight, rowHeight));
      if (target === null) return false;
      event.preventDefault();
      setActiveIndex(target);
      virtualizer.scrollToIndex(target, { align: 'auto' });
      focusRequest.current = target;
      return true;
    },
  };
}
