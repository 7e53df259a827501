import { expect, test } from './fixtures';
import { startServe } from './fixtures';

test('the gateway answers 401 to the URL without its token', async ({ dataDir, request }, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'The gateway is the browser door.');
  const { url, child } = await startServe(dataDir);
  try {
    const withoutToken = url.replace(/\?token=.*$/, '');
    const refused = await request.get(withoutToken, { maxRedirects: 0 });
    expect(refused.status()).toBe(401);
    const accepted = await request.get(url);
    expect(accepted.status()).toBe(200);
    expect(await accepted.text()).toContain('<div id="root">');
  } finally {
    child.kill('SIGTERM');
  }
});

test('the browser console asks who operates it once per session and shows the name in the header', async ({ dataDir, page }, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'The desktop app confirms as the signed-in account and never asks.');
  const { url, child } = await startServe(dataDir);
  try {
    await page.goto(url);
    const question = page.getByRole('alertdialog', { name: 'Who is operating this console?' });
    await expect(question).toBeVisible();
    const proceed = question.getByRole('button', { name: 'Continue' });
    await expect(proceed).toBeDisabled();
    await question.getByLabel('Your name').fill('Ada Lovelace');
    await proceed.click();
    await expect(question).toBeHidden();
    await expect(page.getByLabel('Operator')).toHaveText('Operator: Ada Lovelace');
    // Kept for the session: a reload does not ask again.
    await page.reload();
    await expect(page.getByLabel('Operator')).toHaveText('Operator: Ada Lovelace');
    await expect(question).toBeHidden();
  } finally {
    child.kill('SIGTERM');
  }
});
