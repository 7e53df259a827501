import { describe, expect, it } from 'vitest';
import { newToken, presentedToken, tokenCookieName, tokenMatches } from '../../../electron/gateway/token';

describe('gateway token', () => {
  it('is new at every launch', () => {
    expect(newToken()).not.toBe(newToken());
  });

  it('matches only the exact token', () => {
    const token = newToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, `${token}x`)).toBe(false);
    expect(tokenMatches(token, token.slice(1))).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
  });

  it('is read from the query string or our cookie only', () => {
    const name = tokenCookieName(7420);
    expect(presentedToken(new URL('http://h/?token=abc'), undefined, name)).toBe('abc');
    expect(presentedToken(new URL('http://h/'), `a=1; ${name}=xyz; b=2`, name)).toBe('xyz');
    expect(presentedToken(new URL('http://h/'), 'other_token=xyz', name)).toBeNull();
  });

  it('treats a planted cookie that is not valid percent-encoding as no token, without throwing', () => {
    const name = tokenCookieName(7420);
    expect(presentedToken(new URL('http://h/'), `${name}=%E0%A4%A`, name)).toBeNull();
  });

  it('names the cookie after the port, so two gateways on one host keep their own', () => {
    expect(tokenCookieName(7420)).not.toBe(tokenCookieName(7421));
    expect(presentedToken(new URL('http://h/'), `${tokenCookieName(7421)}=other`, tokenCookieName(7420))).toBeNull();
  });
});
