import { describe, expect, it } from 'vitest';
import { parseRequestTarget, redirectWithoutToken } from '../../../electron/gateway/request-target';

describe('gateway request target', () => {
  it.each(['/', '/index.html', '/assets/app.js?v=1', '/%ff%fe'])('reads the plain path %s', (target) => {
    expect(parseRequestTarget(target)?.pathname).toBe(target.split('?')[0]);
  });

  it.each([undefined, '', '//', '//evil.example/', '/\\evil.example/', 'http://evil.example/', '*', 'index.html', '/a\\b'])(
    'refuses %s without throwing',
    (target) => {
      expect(parseRequestTarget(target)).toBeNull();
    },
  );

  it('redirects to the same path without the token, keeping the other parameters', () => {
    expect(redirectWithoutToken(new URL('http://g/?token=T'))).toBe('/');
    expect(redirectWithoutToken(new URL('http://g/runs?token=T&tab=2'))).toBe('/runs?tab=2');
  });

  it('never redirects to another origin, even when the path folds into "//host"', () => {
    const url = parseRequestTarget('/a/..//evil.example/?token=T');
    expect(url?.pathname).toBe('//evil.example/');
    expect(redirectWithoutToken(url as URL)).toBe('/');
  });
});
