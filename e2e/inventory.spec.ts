// The inventory pages on the two-node-sql estate, through the gateway: each renders the Lab's real data,
// the search filters, a row opens its details, and the masking matrix and the cluster tree follow changes
// made behind the console's back.
import { LabBackend } from '../electron/core/backends/lab/lab-backend';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test('the LUN page shows compliance, masking and the cluster disk, and opens a LUN with its snapshot sets', async ({
  consolePage: page,
}) => {
  const table = page.getByRole('grid', { name: 'LUNs' });
  const data = table.getByRole('row').filter({ has: page.getByRole('gridcell', { name: 'SQL-DATA', exact: true }) });
  await expect(data).toContainText('Compliant');
  await expect(data).toContainText('SQL01, SQL02');
  await expect(data).toContainText('SQLCLUS / Cluster Disk 1');

  await data.click();
  const details = page.getByRole('complementary', { name: 'LUN details' });
  await expect(details.getByRole('heading', { name: 'SQL-DATA' })).toBeVisible();
  await expect(details).toContainText('The LUN has a page 0x83 identifier of type 8 with association 0.');
  await expect(details.getByRole('list', { name: 'Snapshot sets holding a copy' })).toContainText(/SQL-DATA-SC-\d{8}-2300/);
});

test('the keyboard moves the selection, and Enter opens the details', async ({ consolePage: page }) => {
  const table = page.getByRole('grid', { name: 'LUNs' });
  await table.getByRole('row').nth(1).click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(table.locator('[aria-selected="true"]')).toContainText('SQL-TEMPDB');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'LUN details' }).getByRole('heading', { name: 'SQL-TEMPDB' })).toBeVisible();
});

test('a column sorts on the server when its header is clicked', async ({ consolePage: page }) => {
  const table = page.getByRole('grid', { name: 'LUNs' });
  const size = table.getByRole('columnheader', { name: 'Size', exact: true });
  await size.click();
  await expect(size).toHaveAttribute('aria-sort', 'ascending');
  await size.click();
  await expect(size).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1)).toContainText('1000 GiB');
});

test('the snapshot sets page expands a set to its shadow copies and opens its details', async ({ consolePage: page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Snapshot sets', exact: true }).click();
  const table = page.getByRole('treegrid', { name: 'Snapshot sets' });
  await expect(page.getByRole('status')).toHaveText('1 snapshot set');
  const set = table.getByRole('row', { level: 1 });
  await expect(set).toContainText('SQL01');
  await expect(set).toContainText('created');
  await set.getByRole('button', { name: 'Expand' }).click();
  await expect(table.getByRole('row', { level: 2 })).toHaveCount(4);
  await expect(table.getByRole('row', { level: 2 }).first()).toContainText(/E: SQL-DATA → SQL-DATA-SC-/);

  await page.getByRole('searchbox', { name: 'Search snapshot sets' }).fill('SQL-LOGS');
  await expect(table.getByRole('row', { level: 2 })).toHaveCount(1);

  await set.click();
  const details = page.getByRole('complementary', { name: 'Snapshot set details' });
  await expect(details).toContainText('Transportable');

  // "Recover from this set" opens the wizard with the set chosen, at scope and preflight.
  await details.getByRole('button', { name: 'Recover from this set' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recovery', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  expect(page.url()).toMatch(/#\/recovery\/scope\/.+/);
  await expect(page.getByRole('list', { name: 'Preflight checks' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'LUNs this recovery swaps' })).toContainText('SQL-LOGS');
});

const SQL_GROUP = 'SQLCLUS/group/SQL Server (MSSQLSERVER)';

/** A row of the cluster tree by its id, and its cells by column: name, kind, state, owner node, depends on. */
function clusterRow(page: Page, id: string) {
  const row = page.getByRole('treegrid', { name: 'Clusters' }).locator(`[data-row-id="${id}"]`);
  const cell = (column: number) => row.getByRole('gridcell').nth(column);
  return { row, kind: cell(1), state: cell(2), owner: cell(3), dependsOn: cell(4) };
}

async function openSqlGroup(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clusters', exact: true }).click();
  const table = page.getByRole('treegrid', { name: 'Clusters' });
  await table
    .getByRole('row', { name: /SQLCLUS/ })
    .getByRole('button', { name: 'Expand' })
    .click();
  await table
    .getByRole('row', { name: /SQL Server \(MSSQLSERVER\)/ })
    .getByRole('button', { name: 'Expand' })
    .click();
  return table;
}

test('the clusters page walks cluster → nodes and groups → disk resources with their LUN and SQL Server on its owner node', async ({
  consolePage: page,
}) => {
  const table = await openSqlGroup(page);
  await expect(table.getByRole('row', { level: 2 })).toHaveCount(3);
  await expect(clusterRow(page, 'SQLCLUS').state).toHaveText('2 of 2 nodes up, 4 of 4 disks online, 4 of 4 application resources online');
  const { row: disk } = clusterRow(page, `${SQL_GROUP}/Cluster Disk 2`);
  await expect(disk).toContainText('SQL-LOGS');
  await expect(disk).toContainText('Online');

  // After a recovery, the question at the console: is SQL Server back, where, and on what.
  const sqlServer = clusterRow(page, `${SQL_GROUP}/SQL Server`);
  await expect(sqlServer.kind).toHaveText('SQL Server');
  await expect(sqlServer.state).toHaveText('Online');
  await expect(sqlServer.owner).toHaveText('SQL01');
  await expect(sqlServer.dependsOn).toHaveText('Cluster Disk 1, Cluster Disk 2, Cluster Disk 3, Cluster Disk 4, SQL Network Name (SQLVS)');

  await page.getByRole('searchbox', { name: 'Search clusters' }).fill('SQL02');
  await expect(table.getByRole('row')).toHaveCount(3);
  await disk
    .or(table.getByRole('row', { level: 2 }))
    .first()
    .click();
  await expect(page.getByRole('complementary', { name: 'Cluster details' })).toContainText('SQLCLUS');
});

test('the clusters page shows SQL Server Offline and its group partly online once a disk under it goes offline', async ({
  consolePage: page,
  dataDir,
}) => {
  await openSqlGroup(page);
  await expect(clusterRow(page, `${SQL_GROUP}/SQL Server`).state).toHaveText('Online');

  const lab = await LabBackend.open(dataDir, { latencyScale: 0 });
  await lab.stopResource({ cluster: 'SQLCLUS', resource: 'Cluster Disk 2', onNode: 'SQL01' });
  await lab.close();

  await expect(clusterRow(page, `${SQL_GROUP}/SQL Server`).state).toHaveText('Offline');
  await expect(clusterRow(page, SQL_GROUP).state).toHaveText(
    'Partly onlineCluster Disk 2 Offline, SQL Server Offline, SQL Server Agent Offline',
  );
  await expect(clusterRow(page, 'SQLCLUS').state).toHaveText('2 of 2 nodes up, 3 of 4 disks online, 2 of 4 application resources online');
});

test('the hosts page filters and opens a host with its initiators and LUNs', async ({ consolePage: page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts', exact: true }).click();
  const table = page.getByRole('grid', { name: 'Hosts' });
  await page.getByRole('searchbox', { name: 'Search hosts' }).fill('sqlclus');
  await expect(page.getByRole('status')).toHaveText('2 of 3 hosts');
  await table.getByRole('row').filter({ hasText: 'SQL02' }).click();
  const details = page.getByRole('complementary', { name: 'Host details' });
  await expect(details).toContainText(/FC 10000090fa[0-9a-f]{6}/);
  await expect(details.getByRole('list', { name: 'LUNs it sees' }).getByRole('listitem')).toHaveCount(4);
});

test('the masking matrix shows a finding after a LUN is masked away from one node', async ({ consolePage: page, dataDir }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Masking matrix', exact: true }).click();
  const matrix = page.getByRole('grid', { name: 'Masking matrix' });
  await expect(matrix.locator('[data-lun="SQL-LOGS"] [data-access="sees"]')).toHaveCount(2);
  await expect(page.getByText(/^No masking findings/)).toBeVisible();

  // Another process (a script, a colleague) changes the array: the console follows without a reload.
  const lab = await LabBackend.open(dataDir, { latencyScale: 0 });
  await lab.setLunMask({ lunId: 'SQL-LOGS', hosts: ['SQL01'] });
  await lab.close();

  await expect(matrix.locator('[data-lun="SQL-LOGS"] [data-access="missing-cluster-node"]')).toHaveAttribute(
    'aria-label',
    'SQL02 cannot see it, though it is a node of its cluster',
  );
  const findings = page.getByRole('grid', { name: 'Masking findings' });
  const finding = findings.getByRole('row').filter({ hasText: 'SQL-LOGS' });
  await expect(finding).toContainText('Cluster node cannot see its disk');
  await expect(finding).toContainText('SQL02 cannot see it');
});

test('the masking matrix scopes to one cluster, and a LUN opens from its name or a cell', async ({ consolePage: page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Masking matrix', exact: true }).click();
  const matrix = page.getByRole('grid', { name: 'Masking matrix' });
  await expect(matrix.getByRole('columnheader', { name: 'BACKUP01' })).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Cluster' }).click();
  await page.getByRole('option', { name: 'SQLCLUS' }).click();
  // Only the cluster's disks, and only its nodes as columns (no one else sees them).
  await expect(matrix.getByRole('columnheader', { name: 'BACKUP01' })).toHaveCount(0);
  await expect(matrix.locator('[data-lun]')).toHaveCount(4);

  await matrix.locator('[data-lun="SQL-LOGS"] [data-access="sees"]').first().click();
  const details = page.getByRole('complementary', { name: 'LUN details' });
  await expect(details.getByRole('heading', { name: 'SQL-LOGS' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  // The keyboard reaches each LUN's name, a button.
  const data = matrix.getByRole('button', { name: 'SQL-DATA', exact: true });
  await data.focus();
  await page.keyboard.press('Enter');
  await expect(details.getByRole('heading', { name: 'SQL-DATA' })).toBeVisible();
});

test('the rows a table shows export as CSV, and a row copies as JSON', async ({ consolePage: page }) => {
  await page.getByRole('searchbox', { name: 'Search LUNs' }).fill('SQL-DATA');
  // The spare shadow copy SQL-DATA-SC-… is left out, as the page leaves spare shadows out until asked for.
  await expect(page.getByRole('status')).toHaveText('1 of 4 LUNs');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^luns-\d{12}\.csv$/);
  const csv = (await (await download.createReadStream()).toArray()).join('');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('Name,State,Role,Size,Volumes,Masked to,Cluster disk,Identifiers (page 0x83),Disk,Signature,Array');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('SQL-DATA,healthy,Production,500 GiB,E: SQLData,"SQL01, SQL02",');
  expect(lines[1]).toContain(',"compliant: type 3, type 8",basic MBR,');

  await page.getByRole('grid', { name: 'LUNs' }).getByRole('row').nth(1).click();
  await page.getByRole('button', { name: 'Copy row' }).click();
  await expect(page.getByText(/^Copied ARRAY-01:lun-0 as JSON\.$/)).toBeVisible();
});

test('saved vssadmin output opens in the snapshot page, then the live sets come back', async ({ consolePage: page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Snapshot sets', exact: true }).click();
  await page.getByRole('button', { name: 'Open saved output…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open saved tool output' });
  await dialog.getByLabel("File with the tool's output").setInputFiles('tests/fixtures/windows/vssadmin-list-shadows-wrapped.txt');
  await expect(dialog.getByRole('radio', { name: /^vssadmin/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Show it' }).click();

  const saved = page.getByRole('region', { name: 'Saved output' });
  await expect(saved).toContainText('Showing saved vssadmin output from vssadmin-list-shadows-wrapped.txt, not the live inventory.');
  await expect(saved.getByRole('table', { name: 'Shadow copies in the saved output' })).toContainText(
    '153b6835-be81-45ed-bd01-2edbf4f61a85',
  );
  await saved.getByRole('button', { name: 'Back to the live snapshot sets' }).click();
  await expect(page.getByRole('treegrid', { name: 'Snapshot sets' })).toBeVisible();
});

test("a file that is not the chosen tool's output is refused with the line named", async ({ consolePage: page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Snapshot sets', exact: true }).click();
  await page.getByRole('button', { name: 'Open saved output…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open saved tool output' });
  await dialog.getByLabel("File with the tool's output").setInputFiles({
    name: 'cut.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('\t* Shadow copy ID = {5f1d8c2a-1b2c-4d3e-8f40-123456789abc}\r\nNumber of shadow copies listed: 2\r\n'),
  });
  await dialog.getByRole('radio', { name: /^diskshadow/ }).check();
  await dialog.getByRole('button', { name: 'Show it' }).click();
  await expect(dialog).toContainText('cut.txt is not diskshadow output ShadowSwap can read');
  await expect(dialog).toContainText('line 2');
});
