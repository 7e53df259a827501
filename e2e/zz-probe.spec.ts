import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';
test.use({ bypassCSP: true });
test('probe', async ({ consolePage: page, shadowswap }) => {
  await shadowswap('lab', 'latency', '--scale', '0');
  const base = page.url().replace(/#.*$/, '');
  await page.goto(`${base}#/recovery/set`);
  await page.getByRole('grid', { name: 'Snapshot sets to recover from' }).getByRole('row').nth(1).click();
  await page.getByRole('button', { name: 'Next: scope and preflight' }).click();
  await page.getByRole('button', { name: 'Next: options' }).click();
  await page.getByRole('button', { name: 'Next: review the plan' }).click();
  await page.getByRole('button', { name: 'Start the recovery' }).click();
  await page.getByRole('button', { name: /^Review and confirm:/ }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  const dump = () => page.evaluate(() => ({
    root: document.getElementById('root')?.getAttribute('aria-hidden'),
    rootAttrs: [...(document.getElementById('root')?.attributes ?? [])].map(a => `${a.name}=${a.value}`).join(' '),
    bodyKids: [...document.body.children].map(c => `${c.tagName}#${c.id}.${c.className} ${[...c.attributes].map(a=>a.name+'='+a.value).join(' ')}`.slice(0,300)),
    active: document.activeElement?.outerHTML.slice(0, 200),
  }));
  await page.evaluate(() => { const w = window as any; w.log = []; new MutationObserver((ms) => { for (const m of ms) w.log.push(`${performance.now().toFixed(0)} ${(m.target as Element).id || (m.target as Element).tagName} ${m.attributeName}=${(m.target as Element).getAttribute(m.attributeName!)}`); }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['aria-hidden', 'inert'] }); });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'after').catch((e) => console.log(String(e).slice(0, 400)));
  console.log(await page.evaluate(() => (window as any).log.filter((l: string) => !l.includes(' I ')).join('\n')));
});
