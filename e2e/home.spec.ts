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

test('the inventory pages say when the SAN was read, and warn with what to do when a host could not be read', async ({
  consolePage: page,
  shadowswap,
}) => {
  const notice = page.getByRole('region', { name: 'SAN reading' });
  await expect(notice).toContainText(/^SAN read at \d\d:\d\d \(.+\)$/);
  await expect(notice.getByRole('button', { name: 'Refresh' })).toHaveCount(0);

  // Another process makes SQL02 stop answering over remoting: the console follows without a reload.
  expect((await shadowswap('lab', 'host', 'unreachable', '--host', 'SQL02')).code).toBe(0);
  await expect(notice).toContainText('SQL02 could not be read: SQL02 did not answer over PowerShell remoting');
  await expect(notice).toContainText('Test-WSMan SQL02), then refresh.');
  await expect(notice.getByRole('button', { name: 'Refresh' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the SAN reading warning');

  // The same notice stands above the LUN page.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'LUNs', exact: true }).click();
  await expect(notice).toContainText('SQL02 could not be read');
});
