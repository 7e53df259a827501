/**
 * The page's entry: starts loading the console and the page its URL names at once, side by side, instead
 * of the page's chunk only once the console has loaded and started (one more round trip, on a busy server).
 * Both arrive through the module loader, so the console's lazy page finds this load already under way.
 */
import { pageModules } from './page-modules';
import { parseHash } from './routes';

// A failure is shown where the page would be (PageBoundary), when the console asks for it again.
pageModules[parseHash(window.location.hash).page]().catch(() => undefined);
void import('./main');
