/** Light or dark, following the operating system and switching live when it changes. */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

const query = '(prefers-color-scheme: dark)';

export function useOsTheme(): Theme {
  const [dark, setDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const update = () => setDark(media.matches);
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return dark ? webDarkTheme : webLightTheme;
}
