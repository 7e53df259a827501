// Guided recovery end to end on the Lab: the wizard from the set to the done page with one approval before
// the outage, and runs that stop at a step being resumed, rolled back or cancelled from the console.
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { CHANGE, REASON, approveAndStart, fillApproval } from './approval';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';

type Cli = (...args: string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>;

async function cli(shadowswap: Cli, ...args: string[]): Promise<string> {
  const result = await shadowswap(...args);
  if (result.code !== 0) throw new Error(`shadowswap ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Opens the wizard, chooses the scenario's only set and walks to the review with the given options. */
async function reviewThePlan(page: Page, options: { newSignatures?: boolean; forensicsHost?: string } = {}) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recovery', exact: true }).click();
  await page.getByRole('grid', { name: 'Snapshot sets to recover from' }).getByRole('row').nth(1).click();
  await page.getByRole('button', { name: 'Next: scope and preflight' }).click();
  await expect(page.getByRole('list', { name: 'Preflight checks' })).toBeVisible();
  await page.getByRole('button', { name: 'Next: options' }).click();
  if (options.newSignatures) await page.getByLabel('Give new signatures and repoint the disk resources').check();
  if (options.forensicsHost) await page.getByLabel('Forensics host for the damaged LUNs').selectOption(options.forensicsHost);
  await page.getByRole('button', { name: 'Next: review the plan' }).click();
  await expect(page.getByRole('list', { name: 'Planned steps' })).toBeVisible();
}

/** Confirms the destructive step the run waits at, typing the phrase as an operator would. */
async function confirmWaitingStep(page: Page, phrase: string) {
  await page.getByRole('button', { name: /^Review and confirm:/ }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByLabel(`Type ${phrase} to confirm`).fill(phrase);
  await dialog.getByRole('button', { name: 'Confirm and run' }).click();
  await expect(dialog).toBeHidden();
}

// The approval dialog is checked with axe, which is injected as a script the console's CSP would refuse.
test.use({ bypassCSP: true });

const runStatus = (page: Page) => page.getByRole('status').filter({ hasText: /steps done/ });

test('the whole wizard on two-node-sql, with one approval before the outage, ends on the done page', async ({
  consolePage: page,
  shadowswap,
}) => {
  // Every wizard step, the script dialog, an axe check, the run and the report: more than one default timeout on a busy machine.
  test.slow();
  await cli(shadowswap, 'lab', 'latency', '--scale', '0');
  await cli(shadowswap, 'lab', 'corrupt', '--lun', 'SQL-DATA');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recovery', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Choose the snapshot set to recover from', level: 3 })).toBeVisible();
  const next = page.getByRole('button', { name: 'Next: scope and preflight' });
  await expect(next).toBeDisabled();
  await page.getByRole('grid', { name: 'Snapshot sets to recover from' }).getByRole('row').nth(1).click();
  await next.click();

  // Scope: the damaged LUN is named, and every check passes on this estate.
  const scope = page.getByRole('table', { name: 'LUNs this recovery swaps' });
  // Its row only: the healthy log LUN's row names SQL-DATA too, as the group it is swapped with.
  await expect(scope.getByRole('row', { name: /^SQL-DATA / })).toContainText('damaged');
  await expect(page.getByText('Ready to run')).toBeVisible();

  await page.getByRole('button', { name: 'Next: options' }).click();
  await page.getByLabel('Give new signatures and repoint the disk resources').check();
  // Only hosts outside production are offered: not SQL01 nor SQL02, the nodes of the recovered cluster.
  await expect(page.getByLabel('Forensics host for the damaged LUNs').locator('option')).toHaveText([
    'None: keep them masked from every host',
    'BACKUP01',
  ]);
  await page.getByLabel('Forensics host for the damaged LUNs').selectOption('BACKUP01');
  await page.getByRole('button', { name: 'Next: review the plan' }).click();

  // Review: new signatures raise a warning that must be ticked before the run can start.
  const start = page.getByRole('button', { name: 'Approve and start…' });
  await expect(start).toBeDisabled();
  await expect(page.getByText('Acknowledge the warning above first.')).toBeVisible();
  const masking = page.getByRole('table', { name: 'Who sees which LUN, before and after' });
  const damagedRow = masking.getByRole('row').filter({ hasText: 'SQL-DATA (damaged original)' });
  const columns = await masking.getByRole('columnheader').allTextContents();
  const cellFor = (host: string) => damagedRow.getByRole('cell').nth(columns.indexOf(host));
  await expect(cellFor('SQL01')).toHaveText('Sees → No access');
  await expect(cellFor('BACKUP01')).toHaveText('No access → Sees');

  await page.getByRole('button', { name: 'Copy as script…' }).click();
  const script = page.getByRole('textbox', { name: 'Recovery plan script' });
  await expect(script).toHaveValue(/# SIMULATED: the active backend is the Lab/);
  await expect(script).toHaveValue(/# Step 1 of 12: Take 4 disk resource\(s\) offline\n# Why: /);
  // One approval before the run covers every destructive step: the script says so rather than a wait per step.
  await expect(script).toHaveValue(
    /# journals every change\. Before the first step it asks for one approval: the operator types\n# "SQLCLUS"/,
  );
  await expect(script).toHaveValue(/# DESTRUCTIVE: covered by the approval given before the run \(typing "SQLCLUS"\)/);
  await expect(script).not.toHaveValue(/waits for the operator to type/);
  // The originals leave each host's masking set in one call naming every virtual disk, each found by UniqueId (no diskraid index).
  await expect(script).toHaveValue(
    /# powershell, run from the console; runs on SQL01:\n\$ErrorActionPreference = 'Stop'; \$names = @\(\(Get-VirtualDisk -UniqueId '6[0-9a-f]{31}'\)\.Name(?:, \(Get-VirtualDisk -UniqueId '6[0-9a-f]{31}'\)\.Name)+\); Remove-VirtualDiskFromMaskingSet -MaskingSetUniqueId '[0-9a-f-]{36}' -VirtualDiskNames \$names -Confirm:\$false\n/,
  );
  await expect(script).not.toHaveValue(/select lun/);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await script.inputValue());
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('checkbox', { name: /Disk identity is kept/ }).check();
  await expect(start).toBeEnabled();

  // One approval, before anything changes: every destructive step and what it changes, the change and the reason.
  const dialog = await fillApproval(page);
  await expect(dialog).toContainText('This approval covers the 3 destructive steps below.');
  await expect(dialog).toContainText('SQLCLUS resource "Cluster Disk 1": Online → Offline');
  await expectNoSeriousA11yViolations(page, 'the approval dialog');
  const approve = dialog.getByRole('button', { name: 'Approve and start' });
  await dialog.getByLabel('Type SQLCLUS to confirm').fill('sqlclus');
  await expect(approve).toBeDisabled();
  await dialog.getByLabel('Type SQLCLUS to confirm').fill('SQLCLUS');
  await approve.click();
  await expect(dialog).toBeHidden();

  // Run: it never stops to ask (it goes straight on to the done page).
  await expect(page.getByRole('button', { name: /^Review and confirm:/ })).toHaveCount(0);

  // Done: verification, downtime and where the damaged LUNs went.
  await expect(page.getByRole('heading', { name: 'Recovery complete', level: 3 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Verification results' })).toContainText('SQL-DATA: data matches the shadow copy');
  await expect(page.getByRole('heading', { name: 'Production downtime' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'What happened to the damaged LUNs' }).getByRole('listitem').filter({ hasText: 'SQL-DATA' }),
  ).toContainText('now visible only to BACKUP01 for forensics');
  const luns = JSON.parse(await cli(shadowswap, 'inventory', 'luns', '--json')) as Array<{ name: string; maskedTo: string[] }>;
  expect(luns.find((l) => l.name === 'SQL-DATA')?.maskedTo).toEqual(['BACKUP01']);

  await page.getByRole('link', { name: 'Open this run on the Runs page' }).click();
  await expect(page.getByRole('table', { name: 'Recovery runs' }).getByRole('row').nth(1)).toContainText('Succeeded');
  await expect(runStatus(page)).toHaveText(/^Succeeded: 12 of 12 steps done/);
  // The approval is on record, and every destructive step passed under it: none was confirmed after storage went away.
  await expect(page.getByText(new RegExp(`for change ${CHANGE}: ${REASON}`))).toBeVisible();
  await expect(page.getByText(/^Destructive: passed under the approval of E2E Operator/)).toHaveCount(3);

  // The report's first page, for the change board: the change reference, the recovery point and the downtime split.
  const runId = /runs\/(run-[\w-]+)/.exec(page.url())?.[1] ?? '';
  const reports = page.getByRole('group', { name: `Report of run ${runId}` });
  const [download] = await Promise.all([page.waitForEvent('download'), reports.getByRole('button', { name: 'HTML report' }).click()]);
  const html = fs.readFileSync(await download.path(), 'utf8');
  const firstPage = html.slice(
    html.indexOf('<section id="change-board"'),
    html.indexOf('</section>', html.indexOf('<section id="change-board"')),
  );
  expect(html.indexOf('<section id="change-board"')).toBe(html.indexOf('<section'));
  expect(firstPage).toContain(CHANGE);
  expect(firstPage).toMatch(/Recovery point<\/th><td>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  expect(firstPage).toMatch(/Production downtime<\/th><td>[^<]+ of work, [^<]+ waiting for the operator/);
});

test('the Scope step leaves the backup volume out, never the logs of the damaged data', async ({ consolePage: page, shadowswap }) => {
  test.slow();
  await cli(shadowswap, 'lab', 'latency', '--scale', '0');
  await cli(shadowswap, 'lab', 'corrupt', '--lun', 'SQL-DATA');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recovery', exact: true }).click();
  await page.getByRole('grid', { name: 'Snapshot sets to recover from' }).getByRole('row').nth(1).click();
  await page.getByRole('button', { name: 'Next: scope and preflight' }).click();

  // The logs go back with the damaged data; with the original identity kept, the backup volume cannot stay either.
  const logs = page.getByRole('checkbox', { name: 'Leave SQL-LOGS out' });
  await expect(logs).toBeDisabled();
  await expect(logs).toHaveAccessibleDescription(
    /SQL-LOGS holds the transaction logs \(\.ldf\) of the databases on SQL-DATA: they go back together/,
  );
  const backup = page.getByRole('checkbox', { name: 'Leave SQL-BACKUP out' });
  await expect(backup).toBeDisabled();
  await expect(backup).toHaveAccessibleDescription(/choose new disk signatures/);
  await expect(page.getByRole('checkbox', { name: 'Leave SQL-DATA out' })).toBeDisabled();

  await page.getByRole('button', { name: 'Next: options' }).click();
  await page.getByLabel('Give new signatures and repoint the disk resources').check();
  await page.getByRole('button', { name: 'Back' }).click();

  // With new signatures the backup volume may stay; it is ticked from the keyboard.
  await expect(backup).toBeEnabled();
  await backup.focus();
  await page.keyboard.press('Space');
  await expect(backup).toBeChecked();
  const row = page.getByRole('table', { name: 'LUNs this recovery swaps' }).getByRole('row').filter({ hasText: 'SQL-BACKUP' });
  await expect(row).toContainText('None: stays in production');
  await expect(page.getByRole('list', { name: 'What each LUN loses' })).toContainText(
    'SQL-BACKUP (H: SQLBackup), left out: stays in production as it is, so nothing on it is lost',
  );
  await expect(page.getByRole('list', { name: 'Preflight checks' })).toContainText('The LUNs left out split no consistency group');
  await expectNoSeriousA11yViolations(page, 'the Scope step with a LUN left out');

  // The review plans without it: three disk resources go offline, the fourth stays with production.
  await page.getByRole('button', { name: 'Next: options' }).click();
  await page.getByRole('button', { name: 'Next: review the plan' }).click();
  const steps = page.getByRole('list', { name: 'Planned steps' });
  await expect(steps).toContainText('Take 3 disk resource(s) offline');
  await expect(steps).not.toContainText('resource "Cluster Disk 4"');
  await expect(page.getByRole('list', { name: 'LUNs left out' })).toContainText('Left out: SQL-BACKUP holds only backup files');
  // The masking picture names each LUN for what it is: the logs healthy, the backup's shadow copy a spare nobody sees.
  const masking = page.getByRole('table', { name: 'Who sees which LUN, before and after' });
  await expect(masking.getByRole('row').filter({ hasText: 'SQL-LOGS (healthy original)' })).toContainText('Sees → No access');
  await expect(masking.getByRole('row').filter({ hasText: '(spare shadow copy, left out)' })).toHaveCount(1);
  await expect(masking.getByRole('row').filter({ hasText: '(spare shadow copy, left out)' })).not.toContainText('Sees');
});

test('a run that failed at a step is resumed from the Runs page and succeeds', async ({ consolePage: page, shadowswap }) => {
  await cli(shadowswap, 'lab', 'latency', '--scale', '0');
  await cli(shadowswap, 'lab', 'fault', 'add', '--op', 'startResource', '--kind', 'fail', '--times', '1');

  await reviewThePlan(page);
  // "Pause before each destructive step" keeps a confirmation at each of them.
  await approveAndStart(page, { pauseBeforeEachStep: true });
  for (let i = 0; i < 3; i++) await confirmWaitingStep(page, 'SQLCLUS');
  await expect(runStatus(page)).toContainText('Failed: 6 of 10 steps done');
  await expect(
    page
      .getByRole('list', { name: /^Steps of run/ })
      .getByRole('listitem')
      .filter({ hasText: 'Bring the disk resources online' }),
  ).toContainText('ERROR_RESOURCE_FAILED');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true }).click();
  const row = page.getByRole('table', { name: 'Recovery runs' }).getByRole('row').filter({ hasText: 'Failed' });
  await row.getByRole('button', { name: /^Open.*: run / }).click();
  await expect(page.getByRole('heading', { level: 3, name: /^Run run-/ })).toBeVisible();
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(runStatus(page)).toHaveText(/^Succeeded: 10 of 10 steps done/);
  await expect(row).toHaveCount(0);
});

test('a failed run is rolled back from the Runs page with the cluster name typed', async ({ consolePage: page, shadowswap }) => {
  await cli(shadowswap, 'lab', 'latency', '--scale', '0');
  await cli(shadowswap, 'lab', 'fault', 'add', '--op', 'importSnapshotSet', '--kind', 'fail', '--times', '1');

  await reviewThePlan(page);
  await approveAndStart(page);
  await expect(runStatus(page)).toContainText('Failed');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: /^Open.*: run / }).click();
  await page.getByRole('button', { name: 'Roll back…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Roll back this run' });
  await expect(dialog).toContainText('Mask the 4 damaged original LUN(s) from every host: Unmask each original');
  await dialog.getByLabel('Type SQLCLUS to confirm').fill('SQLCLUS');
  await dialog.getByRole('button', { name: 'Roll back' }).click();
  await expect(runStatus(page)).toHaveText(/^Rolled back/);

  const luns = JSON.parse(await cli(shadowswap, 'inventory', 'luns', '--json')) as Array<{ name: string; maskedTo: string[] }>;
  expect(luns.find((l) => l.name === 'SQL-DATA')?.maskedTo).toEqual(['SQL01', 'SQL02']);
});

test('Cancel stops the run after the current step, then rolls it back', async ({ consolePage: page, shadowswap }) => {
  await cli(shadowswap, 'lab', 'latency', '--scale', '0');
  await cli(shadowswap, 'lab', 'fault', 'add', '--op', 'importSnapshotSet', '--kind', 'delay', '--ms', '3000', '--times', '1');

  await reviewThePlan(page);
  await approveAndStart(page);
  await expect(runStatus(page)).toContainText('now: Import the shadow copy set');
  // The live outage clock: storage is away while the import runs.
  await expect(runStatus(page)).toContainText(/Production storage away for \d/);

  await page.getByRole('button', { name: 'Cancel…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel this run' });
  await dialog.getByLabel('Type SQLCLUS to confirm').fill('SQLCLUS');
  const rollBack = dialog.getByRole('button', { name: 'Roll back' });
  await expect(dialog.getByRole('status')).toContainText('The step now running is finishing');
  await expect(rollBack).toBeDisabled();
  await expect(rollBack).toBeEnabled();
  await rollBack.click();
  await expect(runStatus(page)).toHaveText(/^Rolled back/);
  await expect(page.getByRole('button', { name: 'Start a new recovery' })).toBeVisible();
});

test.describe('on an estate with non-compliant LUNs', () => {
  test.use({ scenario: 'mixed-compliance' });

  test('a failed preflight check blocks the run but not the review', async ({ consolePage: page }) => {
    await reviewThePlan(page);
    await expect(page.getByText('This recovery cannot run')).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Preflight checks' }).getByRole('listitem').filter({ hasText: 'dynamic disk' }),
    ).toContainText('Fail');
    await expect(page.getByText('A preflight check failed: this plan cannot run.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Approve and start…' })).toBeDisabled();
  });
});

test("a finished run's report is saved from the Runs page in every format", async ({ consolePage: page, shadowswap }) => {
  await cli(shadowswap, 'lab', 'latency', '--scale', '0');
  const sets = JSON.parse(await cli(shadowswap, 'inventory', 'snapshots', '--json')) as Array<{ id: string }>;
  await cli(shadowswap, 'recover', '--set', sets[0]?.id ?? '', '--yes');
  const runId = (JSON.parse(await cli(shadowswap, 'runs', '--json')) as Array<{ id: string }>)[0]?.id ?? '';

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true }).click();
  // Filters: the finished run is not among the unfinished ones, and search finds it by operator or id.
  await page.getByRole('combobox', { name: 'Show runs' }).click();
  await page.getByRole('option', { name: 'Unfinished (resume or roll back)' }).click();
  await expect(page.getByText('No run matches these filters (1 in all).')).toBeVisible();
  await page.getByRole('combobox', { name: 'Show runs' }).click();
  await page.getByRole('option', { name: 'All runs' }).click();
  await page.getByRole('searchbox', { name: 'Search runs' }).fill(runId.slice(-6));
  await page.getByRole('button', { name: `Open: run ${runId}` }).click();
  const reports = page.getByRole('group', { name: `Report of run ${runId}` });
  for (const [label, extension] of [
    ['HTML report', 'html'],
    ['JSON (verifiable)', 'json'],
    ['CSV of the steps', 'csv'],
    ['PDF report', 'pdf'],
  ] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), reports.getByRole('button', { name: label }).click()]);
    expect(download.suggestedFilename()).toBe(`shadowswap-report-${runId}.${extension}`);
    const saved = await download.path();
    const bytes = (await import('node:fs')).readFileSync(saved);
    if (extension === 'pdf') expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    else if (extension === 'csv') expect(bytes.toString('utf8')).toContain('"1-stop-resources","Take 4 disk resource(s) offline"');
    else expect(bytes.toString('utf8')).toContain(runId);
  }
  // The saved JSON passes the CLI's verification against the run's journal.
  const [json] = await Promise.all([page.waitForEvent('download'), reports.getByRole('button', { name: 'JSON (verifiable)' }).click()]);
  const verified = await shadowswap('report', 'verify', await json.path());
  expect(verified.code, verified.stdout + verified.stderr).toBe(0);
});

test("a damaged run's LUNs are released from the Runs page once its id is typed", async ({ consolePage: page, shadowswap, dataDir }) => {
  await cli(shadowswap, 'lab', 'latency', '--scale', '0');
  const setId = (JSON.parse(await cli(shadowswap, 'inventory', 'snapshots', '--json')) as Array<{ id: string }>)[0]?.id ?? '';
  // The run stops at a failed step, holding its LUNs; then its journal is lost.
  await cli(shadowswap, 'lab', 'fault', 'add', '--op', 'breakSnapshotSet', '--kind', 'fail', '--times', '1');
  const stopped = await shadowswap('recover', '--set', setId, '--yes');
  const runId = /Run (run-[\w-]+) stopped/.exec(stopped.stdout)?.[1] ?? '';
  fs.writeFileSync(path.join(dataDir, 'runs', `${runId}.journal`), '');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Refresh the list' }).click();
  await expect(page.getByText(`Run ${runId}: damaged journal`)).toBeVisible();
  await expect(page.getByText(/It still holds ARRAY-01:lun-/)).toBeVisible();
  await page.getByRole('button', { name: 'Release its LUNs…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Release the LUNs of run ${runId}` });
  const release = dialog.getByRole('button', { name: 'Release the LUNs' });
  await dialog.getByLabel(`Type ${runId} to confirm`).fill('SQLCLUS');
  await expect(release).toBeDisabled();
  await dialog.getByLabel(`Type ${runId} to confirm`).fill(runId);
  await release.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Its LUNs were released by/)).toBeVisible();
  expect(JSON.parse(await cli(shadowswap, 'runs', '--json'))[0]?.damage?.heldLunIds).toEqual([]);
});

test.describe('on a domain controller', () => {
  test.use({ scenario: 'dc-pair' });

  test('the wizard speaks of the domain, never of a cluster, and never offers the DC as forensics host', async ({ consolePage: page }) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recovery', exact: true }).click();
    await page.getByRole('grid', { name: 'Snapshot sets to recover from' }).getByRole('row').nth(1).click();
    await page.getByRole('button', { name: 'Next: scope and preflight' }).click();
    const notice = page.getByLabel('What this restore means for the domain');
    await expect(notice).toContainText('DC01 is one of 2 domain controllers (contoso.local)');
    await expect(notice).toContainText('an authoritative restore of those objects or the AD Recycle Bin');
    const dsrm = page.getByRole('list', { name: 'Preflight checks' }).getByRole('listitem').filter({ hasText: 'DSRM password' });
    await expect(dsrm.getByRole('link', { name: "Microsoft's page for: The DSRM password and console access are ready" })).toHaveAttribute(
      'href',
      /^https:\/\/learn\.microsoft\.com\//,
    );
    await page.getByRole('button', { name: 'Next: options' }).click();
    const forensics = page.getByLabel('Forensics host for the damaged LUNs');
    await expect(forensics.locator('option', { hasText: 'DC02' })).toHaveCount(1);
    await expect(forensics.locator('option', { hasText: 'DC01' })).toHaveCount(0);
    await expect(page.getByRole('main')).not.toContainText(/cluster/i);
    await page.getByRole('button', { name: 'Next: review the plan' }).click();
    await expect(page.getByRole('list', { name: 'Planned steps' })).toBeVisible();
    await expect(page.getByLabel('What this restore means for the domain')).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(/cluster/i);
  });
});
