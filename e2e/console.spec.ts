import { presetOperatorName } from './browser';
import { E2E_OPERATOR, expect, test } from './fixtures';

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

test("a page's first data is asked for once, at boot or as its link is reached, before the page has drawn", async ({
  consolePage: page,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'watches the browser console’s WebSocket frames');
  // Each request sent, with whether the page it serves was already on screen when it left.
  await page.addInitScript(() => {
    const sent: Array<{ method: string; offset: unknown; matrixDrawn: boolean }> = [];
    Object.assign(window, { sentRequests: sent });
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data: string) {
      const frame = JSON.parse(data) as { method: string; params: { offset?: unknown } };
      sent.push({
        method: frame.method,
        offset: frame.params.offset,
        matrixDrawn: document.querySelector('[role="grid"][aria-label="Masking matrix"]') !== null,
      });
      send.call(this, data);
    };
  });
  const sentRequests = () =>
    page.evaluate(
      () => (window as unknown as { sentRequests: Array<{ method: string; offset: unknown; matrixDrawn: boolean }> }).sentRequests,
    );

  // A new hash alone moves inside the open page: the reload starts the console afresh there.
  await page.goto(page.url().replace(/#.*$/, '#/recovery/set'));
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Snapshot sets to recover from' }).getByRole('row').nth(1)).toBeVisible();
  const firstRows = (await sentRequests()).filter((r) => r.method === 'inventory.snapshotPage' && r.offset === 0);
  // One call: the page found the boot's answer instead of asking again with a key of its own. (When it leaves depends
  // on the socket opening, so whether the page was drawn by then is the benchmark's to show, not this test's.)
  expect(firstRows).toHaveLength(1);

  // Reaching a page's link asks for its data; the click finds it on its way.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Masking matrix', exact: true }).hover();
  await expect.poll(async () => (await sentRequests()).some((r) => r.method === 'inventory.matrixPage')).toBe(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Masking matrix', exact: true }).click();
  await expect(page.getByRole('grid', { name: 'Masking matrix' }).getByRole('gridcell').first()).toBeVisible();
  const matrixRows = (await sentRequests()).filter((r) => r.method === 'inventory.matrixPage');
  expect(matrixRows).toHaveLength(1);
  expect(matrixRows[0]?.matrixDrawn).toBe(false);
});

test('a page whose code cannot be loaded says so in place, and the rest of the console goes on working', async ({ consolePage: page }) => {
  // Routing turns the browser's cache off, so the page's chunk is asked for again, and refused, in a new tab.
  await page.context().route(/\/RecoveryPage-[\w-]+\.js$/, (route) => route.abort());
  const tab = await page.context().newPage();
  await presetOperatorName(tab, E2E_OPERATOR);
  await tab.goto(`${new URL(page.url()).origin}/#/luns`);
  const main = tab.getByRole('navigation', { name: 'Main' });
  await main.getByRole('link', { name: 'Recovery', exact: true }).click();
  await expect(tab.getByText('This page could not be shown')).toBeVisible();
  await main.getByRole('link', { name: 'LUNs', exact: true }).click();
  await expect(tab.getByRole('grid', { name: 'LUNs' }).getByRole('row').nth(1)).toBeVisible();
  await tab.close();
});
