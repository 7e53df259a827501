/**
 * The request target of an HTTP request, read without ever throwing: the gateway must answer a malformed
 * one with 400, not die on it (`GET // HTTP/1.1` made `new URL` throw before any check ran).
 */

const BASE = 'http://gateway.invalid';

/**
 * The target as a URL on our own origin, or null unless it is a plain path (origin-form, https://www.rfc-editor.org/rfc/rfc9112#section-3.2.1):
 * it starts with one "/" and the URL parser keeps it on our origin. "//host/..." and "/\host" are
 * refused, since browsers read both as another host.
 */
export function parseRequestTarget(target: string | undefined): URL | null {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return null;
  }
  return url.origin === BASE ? url : null;
}

/** Where to send the browser once the token is in its cookie: the same path without the token, never another origin. */
export function redirectWithoutToken(url: URL): string {
  const search = new URLSearchParams(url.searchParams);
  search.delete('token');
  const query = search.toString();
  const path = url.pathname.startsWith('//') ? '/' : url.pathname;
  return query === '' ? path : `${path}?${query}`;
}
