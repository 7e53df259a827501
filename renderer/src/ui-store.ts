/**
 * Where the console is: the route (page, run, wizard step), kept in zustand and mirrored in the location
 * hash, so Back and Forward move through it and a reload comes back to the same place. Server data lives
 * in react-query.
 */
import { create } from 'zustand';
import { formatRoute, pageRoute, parseHash, type PageId, type Route } from './routes';

interface UiState {
  route: Route;
  /** The last route seen on each page: its tab goes back there (the open run, the wizard's step). */
  lastRouteOf: Partial<Record<PageId, Route>>;
  /** `replace`: correct the current URL instead of adding a history entry (a redirect, not a move). */
  navigate(route: Route, options?: { replace?: boolean }): void;
  /** The page's tab: back to where the operator left that page. */
  openPage(page: PageId): void;
}

const hasWindow = typeof window !== 'undefined';
const initialRoute = hasWindow ? parseHash(window.location.hash) : parseHash('');

export const useUiStore = create<UiState>((set, get) => ({
  route: initialRoute,
  lastRouteOf: { [initialRoute.page]: initialRoute },
  navigate(route, options) {
    set((state) => ({ route, lastRouteOf: { ...state.lastRouteOf, [route.page]: route } }));
    if (!hasWindow) return;
    const hash = formatRoute(route);
    if (window.location.hash === hash) return;
    if (options?.replace) window.history.replaceState(window.history.state, '', hash);
    else window.location.hash = hash;
  },
  openPage(page) {
    const last = get().lastRouteOf[page];
    get().navigate(last ?? pageRoute(page));
  },
}));

// Back, Forward, a typed URL or a clicked link: the hash moved, the route follows.
if (hasWindow) {
  window.addEventListener('hashchange', () => {
    const route = parseHash(window.location.hash);
    if (formatRoute(route) !== formatRoute(useUiStore.getState().route)) useUiStore.getState().navigate(route, { replace: true });
  });
}

export const usePage = () => useUiStore((state) => state.route.page);
