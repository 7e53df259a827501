// Accessibility check with axe-core (https://github.com/dequelabs/axe-core): injected into the page and run
// against the whole document, or the open dialog. The bar is zero serious or critical violations.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string }>;
}

/**
 * Fluent UI's focus manager (Tabster) places `<i data-tabster-dummy aria-hidden="true" tabindex="0">` sentinels
 * around arrow-key groups: they are focusable by design and hand focus on at once, and aria-hidden so screen readers
 * do not announce them. axe reports them under aria-hidden-focus; Microsoft's own Accessibility Insights drops exactly
 * these nodes from that rule (https://github.com/microsoft/tabster/issues/288,
 * https://github.com/microsoft/accessibility-insights-web/pull/7605). Only those nodes are dropped: any other
 * aria-hidden focusable element still fails the check.
 */
function isTabsterSentinel(ruleId: string, node: { html: string }): boolean {
  return ruleId === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(node.html);
}

/** The console's CSP forbids inline scripts: specs that call this run with `bypassCSP: true`. */
export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  // The pointer is moved off the page first: a button left hovered by the last click shows its tooltip and is caught
  // mid colour transition, which axe measures as a contrast failure of the button's resting colours.
  await page.mouse.move(0, 0);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  // Colour transitions still running (a toolbar button turning disabled as the page changes) are measured half way
  // too: axe waits for every running CSS transition and animation to end.
  // (A spinner's endless animation is not waited for.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterSentinel(v.id, n)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}
