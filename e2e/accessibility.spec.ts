// axe-core on every page and dialog of the console: zero serious or critical violations.
import { expectNoSeriousA11yViolations } from './axe';
import { fillApproval } from './approval';
import { expect, test } from './fixtures';

test.use({ bypassCSP: true });

test('every page, pane and dialog passes axe', async ({ consolePage: page, shadowswap }) => {
  // Some twenty axe runs over every page: minutes on a loaded machine.
  test.setTimeout(300_000);
  await shadowswap('lab', 'latency', '--scale', '0');
  const base = page.url().replace(/#.*$/, '');
  const main = page.getByRole('main');
  await expect(page.getByRole('grid', { name: 'LUNs' }).getByRole('row')).toHaveCount(5);
  await expectNoSeriousA11yViolations(page, 'the LUNs page');

  // Each inventory page, then the detail pane of its first row (Escape closes it).
  for (const [hash, role, grid, pane] of [
    ['luns', 'grid', 'LUNs', 'LUN details'],
    ['snapshots', 'treegrid', 'Snapshot sets', 'Snapshot set details'],
    ['clusters', 'treegrid', 'Clusters', 'Cluster details'],
    ['hosts', 'grid', 'Hosts', 'Host details'],
  ] as const) {
    await page.goto(`${base}#/${hash}`);
    await expect(main).not.toContainText(/Loading/);
    await expectNoSeriousA11yViolations(page, `the ${grid} page`);
    await page.getByRole(role, { name: grid }).getByRole('row').nth(1).click();
    await expect(page.getByRole('complementary', { name: pane })).toBeVisible();
    await expect(main).not.toContainText(/Loading/);
    await expectNoSeriousA11yViolations(page, `the ${pane} pane`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary', { name: pane })).toHaveCount(0);
  }

  await page.goto(`${base}#/snapshots`);
  await page.getByRole('button', { name: 'Open saved output…' }).click();
  await expect(page.getByRole('dialog', { name: 'Open saved tool output' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the saved output dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  for (const [hash, ready] of [
    ['home', 'Home'],
    ['masking', 'LUN masking matrix'],
    ['runs', 'Runs'],
  ] as const) {
    await page.goto(`${base}#/${hash}`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(main).not.toContainText(/Loading/);
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

  await fillApproval(page, { pauseBeforeEachStep: true });
  await expectNoSeriousA11yViolations(page, 'the approval dialog');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Approve and start' }).click();
  const confirm = page.getByRole('button', { name: /^Review and confirm:/ });
  await confirm.click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the confirmation dialog');
  // Behind a modal dialog the console is inert: Tab cycles inside the dialog and never reaches the page.
  await expect(page.locator('#root')).toHaveJSProperty('inert', true);
  for (let tab = 0; tab < 6; tab++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('root')?.contains(document.activeElement))).toBe(false);
  }
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  // Closing hands the page back at once, and focus to the button that opened the dialog.
  await expect(page.locator('#root')).toHaveJSProperty('inert', false);
  await expect(confirm).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'the run step, with the run bar');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: /^Open.*: run / }).click();
  await expectNoSeriousA11yViolations(page, 'the Runs page with a run open');
  await page.getByRole('button', { name: 'Roll back…' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the rollback dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Not you?' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Who is operating this console?' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the operator prompt');
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
