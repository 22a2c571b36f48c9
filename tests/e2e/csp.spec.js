// The app runs under the relay's Content-Security-Policy: every page a
// member visits, with no violation reported by the browser.
import { test, expect } from '@playwright/test';
import { menu, addPerson } from './app.js';

test('every page runs under the Content-Security-Policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const response = await page.goto('/');
  const policy = response.headers()['content-security-policy'] || '';
  expect(policy).toContain("'wasm-unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');

  await page.getByLabel('Rådets namn').fill('Trygghetsrådet');
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await addPerson(page, 'Moa Magnusson');
  for (const name of ['Möten', 'Åtgärder', 'Årshjul', 'Dialoger', 'Personer', 'Inställningar']) {
    await menu(page).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
});
