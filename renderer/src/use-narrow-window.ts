/** True while the window is narrower than `px`: the shell collapses its sidebar then. */
import { useEffect, useState } from 'react';

export function useNarrowWindow(px: number): boolean {
  const query = `(max-width: ${px - 0.02}px)`;
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setNarrow(media.matches);
    media.addEventListener('change', onChange);
    onChange();
    return () => media.removeEventListener('change', onChange);
  }, [query]);
  return narrow;
}
