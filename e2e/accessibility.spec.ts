// axe-core on every page and dialog of the console: zero serious or critical violations.
import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';

test.use({ bypassCSP: true });

// Known failing, so marked fixme rather than passing: with the run bar and the wizard's confirmation dialog open, axe
// reports aria-hidden-focus on #root (the dialog hides the app root, which still holds focusable elements). Issue 18
// item 9 stays open until the whole walk is clean.
test('every page, pane and dialog passes axe', async ({ consolePage: page, shadowswap }) => {
  await shadowswap('lab', 'latency', '--scale', '0');
  const base = page.url().replace(/#.*$/, '');
  await expect(page.getByRole('grid', { name: 'LUNs' }).getByRole('row')).toHaveCount(9);
  await expectNoSeriousA11yViolations(page, 'the LUNs page');

  await page.getByRole('grid', { name: 'LUNs' }).getByRole('row').nth(1).click();
  await expect(page.getByRole('complementary', { name: 'LUN details' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the LUN details pane');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'LUN details' })).toHaveCount(0);

  for (const [hash, ready] of [
    ['snapshots', 'Snapshot sets'],
    ['clusters', 'Clusters'],
    ['hosts', 'Hosts'],
    ['masking', 'LUN masking matrix'],
  ] as const) {
    await page.goto(`${base}#/${hash}`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(/Loading/);
    await expectNoSeriousA11yViolations(page, `the ${ready} page`);
  }

  await page.goto(`${base}#/recovery/set`);
  await page.getByRole('grid', { name: 'Snapshot sets to recover from' }).getByRole('row').nth(1).click();
  await expectNoSeriousA11yViolations(page, 'wizard step 1');
  await page.getByRole('button', { name: 'Next: scope and preflight' }).click();
  await expect(page.getByRole('list', { name: 'Preflight checks' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'wizard step 2');
  await page.getByRole('button', { name: 'Next: options' }).click();
  await expectNoSeriousA11yViolations(page, 'wizard step 3');
  await page.getByRole('button', { name: 'Next: review the plan' }).click();
  await expect(page.getByRole('list', { name: 'Planned steps' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'wizard step 4');
  await page.getByRole('button', { name: 'Copy as script…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the script dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Start the recovery' }).click();
  await page.getByRole('button', { name: /^Review and confirm:/ }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the confirmation dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the run step, with the run bar');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: /^Open.*: run / }).click();
  await expectNoSeriousA11yViolations(page, 'the Runs page with a run open');
  await page.getByRole('button', { name: 'Roll back…' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the rollback dialog');
});

test('below 1200 px the navigation folds behind a menu button, and Escape folds it again', async ({ consolePage: page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toHaveCount(0);
  const menu = page.getByRole('button', { name: 'Navigation' });
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await nav.getByRole('link', { name: 'Hosts', exact: true }).click();
  await expect(page.getByRole('grid', { name: 'Hosts' })).toBeVisible();
  await expect(nav).toHaveCount(0);
  await menu.click();
  await nav.getByRole('link', { name: 'Hosts', exact: true }).press('Escape');
  await expect(nav).toHaveCount(0);
});
