// Finds a Chromium for the browser project without configuration: Playwright's own if it was
// installed, else the system's (Debian's /usr/bin/chromium), so the suite never downloads a browser.
import fs from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const systemCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.SHADOWSWAP_CHROMIUM;
  if (fromEnv) return fromEnv;
  try {
    const bundled = chromium.executablePath();
    if (bundled && fs.existsSync(bundled)) return undefined; // Playwright's default launch finds it.
  } catch {
    // No bundled browser registered: fall through to the system one.
  }
  return systemCandidates.find((candidate) => fs.existsSync(candidate));
}

/** Flags that keep a headless Chromium from reaching for the network on a closed machine. */
export const quietChromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
];

/**
 * The browser console asks who operates it once per session (renderer/src/operator.ts keeps the answer in
 * sessionStorage). Pages that drive the console for a test or a benchmark give that answer before it loads.
 */
export async function presetOperatorName(page: Page, name: string): Promise<void> {
  await page.addInitScript((operator) => window.sessionStorage.setItem('shadowswap.operator', operator), name);
}
