/** The gateway's per-launch secret and its checks, kept pure so they can be tested without a server. */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_COOKIE = 'shadowswap_token';

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

/** The token from `?token=` or from our cookie. */
export function presentedToken(url: URL, cookieHeader: string | undefined): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null) return fromQuery;
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}
