/**
 * The page's entry: starts loading the console and the page its URL names at once, side by side, instead
 * of the page's chunk only once the console has loaded and started (one more round trip, on a busy server).
 * Both arrive through the module loader, so the console's lazy page finds this load already under way; the
 * page's first data is asked for as soon as the (smaller) client has loaded, see first-data.ts.
 */
import { pageModules } from './page-modules';
import { parseHash } from './routes';

// A failure is shown where the page would be (PageBoundary), when the console asks for it again.
const route = parseHash(window.location.hash);
pageModules[route.page]().catch(() => undefined);
// The page's first data, asked for once the contract client has loaded: before React and the page have drawn.
import('./first-data').then((firstData) => firstData.fetchFirstData(route)).catch(() => undefined);
void import('./main');
