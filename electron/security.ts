/**
 * The Electron door's security decisions as pure functions, so they are unit-tested without the
 * Electron binary (main.ts only wires them to Electron's hooks).
 */
import { resolveStaticPath } from './gateway/static-files';

/** Pages are served from app://console/, never file://, so the origin is fixed and checkable. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** True only for a URL on our own app:// origin; parsed with URL, never compared as a string prefix. */
export function isAppUrl(candidate: string | null | undefined): boolean {
  if (typeof candidate !== 'string') return false;
  try {
    const url = new URL(candidate);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * Whether an IPC message may be served: it must come from the main frame of one of our windows, showing
 * our own page. A null frame (navigated away or destroyed) is refused.
 */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null, fromOurWindow: boolean): boolean {
  return frame !== null && fromOurWindow && frame.isMainFrame && isAppUrl(frame.url);
}

/** Links the user may open in the system browser, after confirming: plain http(s) only. */
export function isSafeExternalUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** The file an app:// request maps to inside the renderer folder, or null (traversal, other host). */
export function appRequestToFile(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  return resolveStaticPath(rendererDir, new URL(requestUrl).pathname);
}

/** Every navigation Electron lets us veto: the main frame's, any frame's (iframes too), and server redirects. */
export const NAVIGATION_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const;

/** The part of a WebContents the navigation guard needs; each event carries the target URL. */
export interface NavigationSource {
  on(event: (typeof NAVIGATION_EVENTS)[number], listener: (event: { url: string; preventDefault(): void }) => void): unknown;
}

/** Refuses any navigation, in any frame, that would leave our app:// origin. */
export function guardNavigation(contents: NavigationSource): void {
  for (const name of NAVIGATION_EVENTS) {
    contents.on(name, (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
  }
}

/** DevTools let anyone at the keyboard call the contract from the console's own page: development builds only. */
export function devToolsAllowed(isPackaged: boolean): boolean {
  return !isPackaged;
}

/**
 * What this launch does. A command runs as the CLI whatever else is open (it never takes the lock, so a
 * console started while it runs still opens). Without one, only the first instance opens the console; a
 * second launch leaves, and the first is told (its 'second-instance' event) to bring its window forward:
 * two consoles in two processes would drive one estate with two engines.
 */
export type Launch = { kind: 'command'; args: string[] } | { kind: 'console' } | { kind: 'focus-first-instance' };

export function launchOf(cliArguments: string[] | null, takeSingleInstanceLock: () => boolean): Launch {
  if (cliArguments !== null) return { kind: 'command', args: cliArguments };
  return takeSingleInstanceLock() ? { kind: 'console' } : { kind: 'focus-first-instance' };
}
