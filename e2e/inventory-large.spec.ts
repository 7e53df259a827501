// The LUN page on the Lab's large estate (26,000 LUNs): it scrolls to the very last LUN while the DOM
// holds only the rows on screen.
import { expect, test } from './fixtures';

test.use({ scenario: 'large' });

const MAX_DOM_ROWS = 150;

test('the LUN table scrolls to the last LUN with a bounded number of rows in the DOM', async ({ consolePage: page, shadowswap }) => {
  const last = (
    JSON.parse((await shadowswap('inventory', 'matrix', '--json', '--filter', 'ARRAY-10:lun-2599')).stdout) as {
      rows: Array<{ name: string }>;
    }
  ).rows;
  const table = page.getByRole('grid', { name: 'LUNs' });
  // Most of the estate is spare shadow copies: left out until asked for.
  await expect(page.getByRole('status')).toHaveText(/^[\d,]+ LUNs$/);
  await expect(page.getByRole('status')).not.toHaveText('26,000 LUNs');
  await page.getByRole('switch', { name: 'Show spare shadow copies' }).check();
  await expect(page.getByRole('status')).toHaveText('26,000 LUNs');
  await expect(table).toHaveAttribute('aria-rowcount', '26001');
  expect(await table.getByRole('row').count()).toBeLessThanOrEqual(MAX_DOM_ROWS);

  await table.getByRole('row').nth(1).click();
  await page.keyboard.press('End');
  const lastRow = table.locator('[aria-rowindex="26001"]');
  await expect(lastRow).toBeVisible();
  await expect(lastRow).not.toContainText('Loading');
  expect(last).toHaveLength(1);
  await expect(lastRow).toContainText(last[0]?.name ?? 'the last LUN');
  await expect(lastRow).toHaveAttribute('aria-selected', 'true');
  expect(await table.getByRole('row').count()).toBeLessThanOrEqual(MAX_DOM_ROWS);

  await page.getByRole('searchbox', { name: 'Search LUNs' }).fill('SRV300-DISK30 healthy');
  await expect(page.getByRole('status')).toHaveText('1 of 26,000 LUNs');
});

test('the set chooser pages 2,000 sets newest first, searches them and sorts by cluster', async ({ consolePage: page }) => {
  await page.goto(page.url().replace(/#.*$/, '#/recovery/set'));
  const table = page.getByRole('grid', { name: 'Snapshot sets to recover from' });
  await expect(table).toHaveAttribute('aria-rowcount', '2001');
  expect(await table.getByRole('row').count()).toBeLessThanOrEqual(MAX_DOM_ROWS);

  const cluster = table.getByRole('columnheader', { name: 'Cluster', exact: true });
  await cluster.click();
  await expect(cluster).toHaveAttribute('aria-sort', 'ascending');

  // Every set of a fresh large Lab can be used. Until the sorted window arrives the first row reads "Loading…" and a
  // click on it chooses nothing; sorted by cluster, the sets of standalone hosts (no cluster, "—") come first.
  const first = table.getByRole('row').nth(1);
  await expect(first).toContainText('Yes: not imported anywhere yet.');
  await expect(first.getByRole('gridcell').nth(3)).toHaveText('—');
  await first.click();
  await expect(page.getByRole('button', { name: 'Next: scope and preflight' })).toBeEnabled();
  await page.getByRole('searchbox', { name: 'Search snapshot sets' }).fill('no-such-set-anywhere');
  await expect(page.getByText('No snapshot sets match')).toBeVisible();
});

test('Home draws the first 50 of 400 healthy systems, says what it left out, and shows all on request', async ({ consolePage: page }) => {
  await page.goto(page.url().replace(/#.*$/, '#/home'));
  const systems = page.getByRole('table', { name: 'Clusters and standalone hosts' });
  await expect(systems.getByRole('row')).toHaveCount(51);
  await expect(page.getByText('350 more systems are healthy, with no warning.')).toBeVisible();
  await page.getByRole('button', { name: 'Show all 400 systems' }).click();
  await expect(systems.getByRole('row')).toHaveCount(401);
});
