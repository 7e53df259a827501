/** The height that takes an element to the bottom of the window: a virtual list needs a fixed viewport. */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useFillHeight(ref: RefObject<HTMLElement | null>, bottomGap = 16, minimum = 240): number {
  const [height, setHeight] = useState(minimum);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(minimum, Math.floor(window.innerHeight - top - bottomGap)));
    };
    measure();
    window.addEventListener('resize', measure);
    // The toolbar above can wrap or a banner can appear: follow the element's own position too.
    const observer = new ResizeObserver(measure);
    if (ref.current?.parentElement) observer.observe(ref.current.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [ref, bottomGap, minimum]);
  return height;
}
