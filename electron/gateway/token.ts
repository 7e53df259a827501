/** The gateway's per-launch secret and its checks, kept pure so they can be tested without a server. */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The cookie that carries the token, named after the gateway's port: browsers share cookies across the
 * ports of one host, so one fixed name let a second `shadowswap serve` on another port overwrite the
 * first one's cookie and log its consoles out.
 */
export function tokenCookieName(port: number): string {
  return `shadowswap_token_${port}`;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
export function tokenMatches(expected: string, candidate: string | null | undefined): boolean {
  if (typeof candidate !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(candidate);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The token from `?token=` or from our cookie. Any page on the same host can plant a cookie, so a value
 * that is not valid percent-encoding counts as no token (decodeURIComponent would throw on it).
 */
export function presentedToken(url: URL, cookieHeader: string | undefined, cookieName: string): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null) return fromQuery;
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookieName) return decodedOrNull(rest.join('='));
  }
  return null;
}

function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
