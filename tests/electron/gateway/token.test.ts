import { describe, expect, it } from 'vitest';
import { newToken, presentedToken, tokenMatches } from '../../../electron/gateway/token';

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
    expect(presentedToken(new URL('http://h/?token=abc'), undefined)).toBe('abc');
    expect(presentedToken(new URL('http://h/'), 'a=1; shadowswap_token=xyz; b=2')).toBe('xyz');
    expect(presentedToken(new URL('http://h/'), 'other_token=xyz')).toBeNull();
  });
});
