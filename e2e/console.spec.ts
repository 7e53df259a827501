import { expect, test } from './fixtures';

test('the console opens on the Lab and lists its LUNs', async ({ consolePage: page, shadowswap }) => {
  const luns = JSON.parse((await shadowswap('inventory', 'luns', '--json')).stdout) as Array<{ name: string }>;

  await expect(page.getByRole('heading', { name: 'ShadowSwap', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'LAB' })).toContainText('simulated SAN');
  await expect(page.getByLabel(/^Live backend: Lab \(two-node-sql\)$/)).toBeVisible();

  const table = page.getByRole('grid', { name: 'LUNs' });
  await expect(table).toHaveAttribute('aria-rowcount', String(luns.length + 1));
  for (const lun of luns) await expect(table.getByRole('gridcell', { name: lun.name, exact: true })).toHaveCount(1);
});

test('the search box filters the LUN table as you type', async ({ consolePage: page }) => {
  const table = page.getByRole('grid', { name: 'LUNs' });
  await expect(table.getByRole('row')).toHaveCount(9);
  await page.getByRole('searchbox', { name: 'Search LUNs' }).fill('logs healthy');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('status')).toHaveText('1 of 8 LUNs');
});

test('the Hosts page shows each host and what it sees', async ({ consolePage: page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts', exact: true }).click();
  const table = page.getByRole('grid', { name: 'Hosts' });
  await expect(table.getByRole('row').filter({ hasText: 'SQL01' })).toContainText('SQLCLUS');
  await expect(table.getByRole('row').filter({ hasText: 'BACKUP01' })).toBeVisible();
});
