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
