/**
 * The page's entry: starts loading the console and the page its URL names at once, side by side, instead
 * of the page's chunk only once the console has loaded and started (one more round trip, on a busy server).
 * Both arrive through the module loader, so the console's lazy page finds this load already under way; the
 * page's first data is asked for as soon as the (smaller) client has loaded, see first-data.ts. Once that page
 * has its code and data and the browser is idle, the other pages' code loads, so that moving to another page
 * waits for its data only (README.md "Performance").
 */
import { loadPage } from './page-modules';
import { pageIds, parseHash } from './routes';

const route = parseHash(window.location.hash);
// A failure is shown where the page would be (PageBoundary), when the console asks for it again.
const page = loadPage(route.page).catch(() => undefined);
// The page's first data, asked for once the contract client has loaded: before React and the page have drawn.
const firstData = import('./first-data').then((module) => module.fetchFirstData(route)).catch(() => undefined);
void import('./main');

void Promise.all([page, firstData]).then(() =>
  requestIdleCallback(() => {
    for (const id of pageIds) if (id !== route.page) loadPage(id).catch(() => undefined);
  }),
);
