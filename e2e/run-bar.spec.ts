// A run is never lost from view: after a reload mid-run the wizard reopens on the run, every page shows the
// run bar with what the run waits for and how long production storage has been away, and every page, run
// and wizard step has a URL that Back and Forward move through.
import type { Page } from '@playwright/test';
import { approveAndStart } from './approval';
import { expect, test } from './fixtures';

async function reviewThePlan(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recovery', exact: true }).click();
  await page.getByRole('grid', { name: 'Snapshot sets to recover from' }).getByRole('row').nth(1).click();
  await page.getByRole('button', { name: 'Next: scope and preflight' }).click();
  await expect(page.getByRole('list', { name: 'Preflight checks' })).toBeVisible();
  await page.getByRole('button', { name: 'Next: options' }).click();
  await page.getByRole('button', { name: 'Next: review the plan' }).click();
  await expect(page.getByRole('list', { name: 'Planned steps' })).toBeVisible();
}

const runBar = (page: Page) => page.getByRole('region', { name: 'Recovery run needing attention' });

test('after a reload mid-run the wizard reopens on the run, and every page shows the run bar', async ({
  consolePage: page,
  shadowswap,
}) => {
  await shadowswap('lab', 'latency', '--scale', '0');
  await expect(runBar(page)).toHaveCount(0);
  await reviewThePlan(page);
  // Pausing before each destructive step keeps the run waiting mid-outage, which is what this walk needs.
  await approveAndStart(page, { pauseBeforeEachStep: true });
  await page.getByRole('button', { name: /^Review and confirm:/ }).click();
  await page.getByRole('alertdialog').getByLabel('Type SQLCLUS to confirm').fill('SQLCLUS');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm and run' }).click();
  await expect(runBar(page)).toContainText('Waits for your confirmation of "Mask the 4 damaged original LUN(s)');
  expect(page.url()).toMatch(/#\/recovery\/run\/run-[\w-]+$/);
  const runId = /run\/(run-[\w-]+)$/.exec(page.url())?.[1] ?? '';

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Recovery run', level: 3 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /steps done/ })).toContainText('Waiting for your confirmation');

  for (const tab of ['LUNs', 'Snapshot sets', 'Clusters', 'Hosts', 'Masking matrix', 'Runs', 'Recovery']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: tab, exact: true }).click();
    await expect(runBar(page)).toContainText(/Production storage away for \d/);
    await expect(runBar(page).getByRole('link', { name: runId })).toHaveAttribute('href', `#/runs/${runId}`);
  }

  // A fresh tab on the bare Recovery page lands on the live run, not on a fresh step 1.
  await page.goto(page.url().replace(/#.*$/, '#/recovery'));
  await expect(page.getByRole('heading', { name: 'Recovery run', level: 3 })).toBeVisible();
  expect(page.url()).toContain(`#/recovery/run/${runId}`);

  // The run id in the bar opens the run on the Runs page.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'LUNs', exact: true }).click();
  await runBar(page).getByRole('link', { name: runId }).click();
  await expect(page.getByRole('heading', { level: 3, name: `Run ${runId}` })).toBeVisible();
});

test('Back and Forward move through pages and wizard steps; passed step pills link back', async ({ consolePage: page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts', exact: true }).click();
  await expect(page.getByRole('grid', { name: 'Hosts' })).toBeVisible();
  expect(page.url()).toMatch(/#\/hosts$/);
  await page.goBack();
  await expect(page.getByRole('grid', { name: 'LUNs' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('grid', { name: 'Hosts' })).toBeVisible();

  await reviewThePlan(page);
  expect(page.url()).toMatch(/#\/recovery\/review\/.+/);
  const steps = page.getByRole('list', { name: 'Recovery wizard steps' });
  await expect(steps.getByRole('link')).toHaveCount(3);
  await steps.getByRole('link', { name: '2. Scope and preflight' }).click();
  await expect(page.getByRole('list', { name: 'Preflight checks' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('list', { name: 'Planned steps' })).toBeVisible();

  // A step's URL survives a reload.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Planned steps' })).toBeVisible();
});
