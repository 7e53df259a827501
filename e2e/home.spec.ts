// The home page: where the console opens. Per cluster and standalone host its health and latest recovery
// point; after an incident the damaged cluster first, and the run that needs the operator.
import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';

test.use({ startPage: '', bypassCSP: true });

test('the console opens on Home: each system with its health and latest recovery point', async ({ consolePage: page, shadowswap }) => {
  await expect(page.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible();
  const systems = page.getByRole('table', { name: 'Clusters and standalone hosts' });
  const sqlclus = systems.getByRole('row').filter({ hasText: 'SQLCLUS' });
  await expect(sqlclus).toContainText('Healthy');
  await expect(sqlclus).toContainText(/ago\)/);
  await expect(page.getByText('None: no recovery is under way or waiting.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the Home page');

  await shadowswap('lab', 'corrupt', '--lun', 'SQL-DATA');
  await page.reload();
  await expect(systems.getByRole('row').nth(1)).toContainText('SQLCLUS');
  await expect(systems.getByRole('row').nth(1)).toContainText('Damaged');
  await expect(systems.getByRole('row').nth(1)).toContainText('SQL-DATA is damaged');

  // The LUN page says which LUN is production and which a spare shadow copy.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'LUNs', exact: true }).click();
  const data = page
    .getByRole('grid', { name: 'LUNs' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: 'SQL-DATA', exact: true }) });
  await expect(data).toContainText('Production');
});
