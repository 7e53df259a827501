// A French Lab estate end to end: the recovery runs through the console, and what SQL01's vssadmin prints in
// French while the set is imported there opens in "Open saved output…", read with its D/M/Y dates.
import type { Page } from '@playwright/test';
import { approveAndStart } from './approval';
import { expect, test } from './fixtures';

type Cli = (...args: string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>;

async function cli(shadowswap: Cli, ...args: string[]): Promise<string> {
  const result = await shadowswap(...args);
  if (result.code !== 0) throw new Error(`shadowswap ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const runStatus = (page: Page) => page.getByRole('status').filter({ hasText: /steps done/ });

test('a recovery on a French Lab estate; SQL01\u2019s French vssadmin output read in the console', async ({
  consolePage: page,
  shadowswap,
}) => {
  // A recovery, a failed break and a resume, with five typed confirmations: longer than one wizard walk.
  test.setTimeout(180_000);
  await cli(shadowswap, 'lab', 'latency', '--scale', '0');
  expect(await cli(shadowswap, 'lab', 'language', '--set', 'fr-FR')).toMatch(/^Lab language: fr-FR/);
  // The break fails once, so the run stops with the set imported on SQL01: the shadow copies SQL01 holds.
  await cli(shadowswap, 'lab', 'fault', 'add', '--op', 'breakSnapshotSet', '--kind', 'fail', '--times', '1');
  const [set] = JSON.parse(await cli(shadowswap, 'inventory', 'snapshots', '--json')) as Array<{
    id: string;
    createdAt: string;
    shadowCopies: { id: string }[];
  }>;

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recovery', exact: true }).click();
  await page.getByRole('grid', { name: 'Snapshot sets to recover from' }).getByRole('row').nth(1).click();
  await page.getByRole('button', { name: 'Next: scope and preflight' }).click();
  await page.getByRole('button', { name: 'Next: options' }).click();
  await page.getByRole('button', { name: 'Next: review the plan' }).click();
  await approveAndStart(page);
  await expect(runStatus(page)).toContainText(/^Failed/);

  const french = await cli(shadowswap, 'lab', 'output', 'vssadmin', '--host', 'SQL01');
  expect(french).toContain('ID du cliché instantané :');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Snapshot sets', exact: true }).click();
  await page.getByRole('button', { name: 'Open saved output…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open saved tool output' });
  await dialog
    .getByLabel("File with the tool's output")
    .setInputFiles({ name: 'SQL01-vssadmin.txt', mimeType: 'text/plain', buffer: Buffer.from(french) });
  await expect(dialog.getByRole('radio', { name: /^vssadmin/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Show it' }).click();
  const copies = page.getByRole('region', { name: 'Saved output' }).getByRole('table', { name: 'Shadow copies in the saved output' });
  for (const copy of set!.shadowCopies) await expect(copies).toContainText(copy.id);
  // Read D/M/Y because the labels are French: the set's own creation time, to the second.
  await expect(copies).toContainText(set!.createdAt.slice(0, 19));

  await page.getByRole('button', { name: 'Back to the live snapshot sets' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true }).click();
  const row = page.getByRole('table', { name: 'Recovery runs' }).getByRole('row').filter({ hasText: 'Failed' });
  await row.getByRole('button', { name: /^Open.*: run / }).click();
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  // The break was approved with the plan: resuming asks nothing more.
  await expect(runStatus(page)).toContainText(/^Succeeded/);

  // Broken, the set is ordinary LUNs: SQL01's vssadmin lists none, and that is read as none, not refused.
  const after = await shadowswap('lab', 'output', 'vssadmin', '--host', 'SQL01');
  expect(after.stdout).toContain('vssadmin 1.1 - Outil ligne de commande');
  expect(after.stdout).not.toContain('ID du cliché instantané');
});
