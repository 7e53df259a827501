// The one approval before the outage, given on the review page as an operator would: the change reference,
// the reason, and the cluster name typed once. With pauseBeforeEachStep the run still stops at each destructive step.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const CHANGE = 'CHG-4711';
export const REASON = 'Sales database corrupted by a faulty batch job';

/** Opens the approval dialog from the review page and fills it in, without submitting. */
export async function fillApproval(page: Page, options: { phrase?: string; pauseBeforeEachStep?: boolean } = {}) {
  await page.getByRole('button', { name: 'Approve and start…' }).click();
  const dialog = page.getByRole('alertdialog', { name: /^Approve the recovery of / });
  await dialog.getByLabel('Change reference').fill(CHANGE);
  await dialog.getByLabel('Reason').fill(REASON);
  if (options.pauseBeforeEachStep) await dialog.getByRole('checkbox', { name: /Pause before each destructive step/ }).check();
  await dialog.getByLabel(`Type ${options.phrase ?? 'SQLCLUS'} to confirm`).fill(options.phrase ?? 'SQLCLUS');
  return dialog;
}

/** Approves the reviewed plan and starts the run. */
export async function approveAndStart(page: Page, options: { phrase?: string; pauseBeforeEachStep?: boolean } = {}) {
  const dialog = await fillApproval(page, options);
  await dialog.getByRole('button', { name: 'Approve and start' }).click();
  await expect(dialog).toBeHidden();
}
