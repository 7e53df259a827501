import { expect, test } from './fixtures';

test('the console opens on the Lab and lists its LUNs', async ({ consolePage: page, shadowswap }) => {
  const luns = JSON.parse((await shadowswap('inventory', 'luns', '--json')).stdout) as Array<{ name: string }>;

  await expect(page.getByRole('heading', { name: 'ShadowSwap', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'LAB' })).toContainText('simulated SAN');
  await expect(page.getByLabel(/^Live backend: Lab \(two-node-sql\)$/)).toBeVisible();

  const table = page.getByRole('grid', { name: 'LUNs' });
  // The spare shadow copies are left out until asked for.
  await expect(table).toHaveAttribute('aria-rowcount', '5');
  await page.getByRole('switch', { name: 'Show spare shadow copies' }).check();
  await expect(table).toHaveAttribute('aria-rowcount', String(luns.length + 1));
  for (const lun of luns) await expect(table.getByRole('gridcell', { name: lun.name, exact: true })).toHaveCount(1);
});

test('the search box filters the LUN table as you type', async ({ consolePage: page }) => {
  const table = page.getByRole('grid', { name: 'LUNs' });
  await expect(table.getByRole('row')).toHaveCount(5);
  const search = page.getByRole('searchbox', { name: 'Search LUNs' });
  await search.fill('logs healthy');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('status')).toHaveText('1 of 4 LUNs');
  // A field:value term matches that field alone: SQL-BACKUP is a cluster disk too, SQL-DATA's word "data" is not a state.
  await search.fill('cluster:sqlclus state:healthy');
  await expect(page.getByRole('status')).toHaveText('4 LUNs');
  await search.fill('state:data');
  await expect(page.getByRole('status')).toHaveText('0 of 4 LUNs');
});

test('the Hosts page shows each host and what it sees', async ({ consolePage: page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts', exact: true }).click();
  const table = page.getByRole('grid', { name: 'Hosts' });
  await expect(table.getByRole('row').filter({ hasText: 'SQL01' })).toContainText('SQLCLUS');
  await expect(table.getByRole('row').filter({ hasText: 'BACKUP01' })).toBeVisible();
});
