/** Which parents of a tree table are open, as a set the table reads and the core receives as `expanded`. */
import { useState } from 'react';

export function useExpanded() {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: string, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  return { expanded, toggle };
}
