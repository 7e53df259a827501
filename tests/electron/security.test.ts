import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appRequestToFile,
  devToolsAllowed,
  guardNavigation,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  launchOf,
  type NavigationSource,
} from '../../electron/security';

describe('Electron security decisions', () => {
  it.each([
    ['app://console/index.html', true],
    ['app://console/assets/index.js', true],
    ['app://console.evil/index.html', false],
    ['app://user@console/index.html', false],
    ['app://evil/?next=app://console/', false],
    ['https://console/index.html', false],
    ['file:///C:/index.html', false],
    ['not a url', false],
  ])('isAppUrl(%s) = %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('trusts IPC only from the main frame of our own window showing our page', () => {
    const page = { url: 'app://console/index.html', isMainFrame: true };
    expect(isTrustedSender(page, true)).toBe(true);
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender(page, false)).toBe(false);
    expect(isTrustedSender({ ...page, isMainFrame: false }, true)).toBe(false);
    expect(isTrustedSender({ ...page, url: 'https://evil.example/' }, true)).toBe(false);
  });

  it('opens only plain http(s) links externally', () => {
    expect(isSafeExternalUrl('https://learn.microsoft.com/windows/win32/vss/')).toBe(true);
    expect(isSafeExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isSafeExternalUrl('ms-settings:')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
  });

  it('maps app:// requests into the renderer folder and nowhere else', () => {
    const root = path.resolve('/opt/shadowswap/renderer');
    expect(appRequestToFile(root, 'app://console/index.html')).toBe(path.join(root, 'index.html'));
    expect(appRequestToFile(root, 'app://console/')).toBe(path.join(root, 'index.html'));
    // The URL parser folds %2e%2e into .. at the root, so this stays inside the folder.
    expect(appRequestToFile(root, 'app://console/%2e%2e/secret')).toBe(path.join(root, 'secret'));
    expect(appRequestToFile(root, 'app://console/..%2fsecret')).toBeNull();
    expect(appRequestToFile(root, 'app://other/index.html')).toBeNull();
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('refuses a %s away from app://console, in any frame', (name) => {
    const contents = new EventEmitter();
    guardNavigation(contents as unknown as NavigationSource);
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit(name, { url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///C:/Windows/')).toBe(true);
    expect(navigate('app://console/index.html')).toBe(false);
  });

  it('allows DevTools only in development builds', () => {
    expect(devToolsAllowed(true)).toBe(false);
    expect(devToolsAllowed(false)).toBe(true);
  });

  it('runs a command as the CLI without the single-instance lock; a second console launch focuses the first', () => {
    const never = () => {
      throw new Error('a command must not take the lock');
    };
    expect(launchOf(['runs'], never)).toEqual({ kind: 'command', args: ['runs'] });
    expect(launchOf(null, () => true)).toEqual({ kind: 'console' });
    expect(launchOf(null, () => false)).toEqual({ kind: 'focus-first-instance' });
  });
});
