/** Resolves a request path inside the built renderer folder, refusing anything that escapes it. */
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Vite names each built asset after its content (`assets/<name>-<8-character hash>.js`): a new build has new
 * names, so a browser may keep one for good and a reload need not fetch the bundle again. index.html names
 * the current build's assets and is never kept. `private`: the responses are for this console's cookie
 * holder only; they carry neither the token nor a cookie (the token's redirect is not a file).
 */
const HASHED_ASSET = /^\/assets\/[\w.-]+-[\w-]{8}\.(?:js|css|woff2|svg|png)$/;
const IMMUTABLE = 'private, max-age=31536000, immutable';

/** The Cache-Control of a file served at urlPath. */
export function cacheControlOf(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? IMMUTABLE : 'no-store';
}

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file for a URL path under root, or null when the path is malformed or leaves root. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  const fromRoot = path.relative(root, resolved);
  if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return resolved;
}
