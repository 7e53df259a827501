import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRequestToFile, isAppUrl, isSafeExternalUrl, isTrustedSender } from '../../electron/security';

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
});
