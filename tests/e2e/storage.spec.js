// Browser storage under stress: several workspaces on one device, a stored
// value that cannot be read, and a full quota. Nothing saved is ever lost.
import { test, expect } from '@playwright/test';
import { addPerson, fillStorage, freeStorage } from './app.js';

async function createWorkspace(page, name) {
  await page.getByLabel('Rådets namn').fill(name);
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await expect(page.getByRole('heading', { name: 'Möten' })).toBeVisible();
  return page.url().match(/\/w\/([^/]+)\//)[1];
}


test('two workspaces live side by side and the switcher moves between them', async ({ page }) => {
  await page.goto('/');
  const first = await createWorkspace(page, 'Trygghetsrådet Ånge');
  await addPerson(page, 'Moa Magnusson');

  await page.getByLabel('Arbetsyta').selectOption({ label: 'Ny arbetsyta…' });
  await expect(page.getByRole('heading', { name: 'Välkommen till Rådslag' })).toBeVisible();
  const second = await createWorkspace(page, 'Brottsförebyggande rådet Sundsvall');
  expect(second).not.toBe(first);
  await addPerson(page, 'Erik Lövgren');
  await expect(page.locator('.people-list .person-name')).toHaveText(['Erik Lövgren']);

  await page.getByLabel('Arbetsyta').selectOption(first);
  await expect(page).toHaveURL(new RegExp(`/w/${first}/`));
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  await expect(page.locator('.people-list .person-name')).toHaveText(['Moa Magnusson']);

  await page.reload();
  // Each workspace is named with its own sync state.
  await expect(page.getByLabel('Arbetsyta').locator('option')).toHaveText([
    /^Trygghetsrådet Ånge — (synkad|synkar|offline)$/,
    /^Brottsförebyggande rådet Sundsvall — (synkad|synkar|offline)$/,
    'Ny arbetsyta…',
  ]);
});

test('a stored workspace that cannot be read is kept as a backup and the user is told', async ({ page }) => {
  await page.goto('/');
  const id = await createWorkspace(page, 'Trygghetsrådet');
  await page.evaluate((id) => localStorage.setItem(`radslag.doc.${id}`, 'this is not a workspace'), id);
  await page.reload();

  await expect(page.getByRole('alert')).toContainText('kunde inte läsas');
  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  const backups = Object.entries(stored).filter(([key]) => key.startsWith('radslag.backup.'));
  expect(backups.map(([, value]) => value)).toContain('this is not a workspace');
  // Nothing overwrote the damaged value either.
  expect(stored[`radslag.doc.${id}`]).toBe('this is not a workspace');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner säkerhetskopia' }).click();
  expect(await (await download).suggestedFilename()).toMatch(/^radslag\.backup\..*\.txt$/);
});

test('a full quota gives a clear message, keeps every edit, and saves once space is free', async ({ page }) => {
  await page.goto('/');
  await createWorkspace(page, 'Trygghetsrådet');
  await addPerson(page, 'Moa Magnusson');

  await fillStorage(page);
  await addPerson(page, 'Josef Wiklund');
  const alert = page.getByRole('alert').filter({ hasText: 'lagring är full' });
  await expect(alert).toBeVisible();
  await expect(page.locator('.people-list .person-name')).toHaveText(['Josef Wiklund', 'Moa Magnusson']);
  // The meetings list's first view gave its space to the document.
  const firstViews = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('radslag.view.')).length);
  expect(await firstViews()).toBe(0);

  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Ladda ner säkerhetskopia' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.automerge$/);

  // Free the space: the next change saves everything, and the notice goes.
  await freeStorage(page);
  await addPerson(page, 'Per Håkansson');
  await expect(alert).toHaveCount(0);
  await expect.poll(firstViews).toBe(1);
  await page.reload();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  await expect(page.locator('.people-list .person-name')).toHaveText(['Josef Wiklund', 'Moa Magnusson', 'Per Håkansson']);
});

test('a damaged change chunk that cannot be copied aside on a full quota is told about and never deleted', async ({ page }) => {
  await page.goto('/');
  const id = await createWorkspace(page, 'Trygghetsrådet');
  await addPerson(page, 'Moa Magnusson');
  // Saved, and the meetings list's first view with it (a save still to
  // come would find storage full and free the first view's space).
  await page.waitForFunction((id) => (localStorage.getItem(`radslag.view.${id}`) || '').includes('Moa Magnusson'), id);
  // The app is left for a page of the same origin without it, so nothing it
  // writes on leaving can free space after storage is filled.
  await page.goto('/healthz');
  const damaged = `radslag.doc.${id}.chunk.other-tab.1`;
  await page.evaluate((damaged) => localStorage.setItem(damaged, 'not a change'), damaged);
  await fillStorage(page);
  await page.goto(`/w/${id}/moten`);
  const alert = page.getByRole('alert').filter({ hasText: 'kunde inte läsas' });
  await expect(alert).toBeVisible();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  await expect(page.locator('.people-list .person-name')).toHaveText(['Moa Magnusson']);
  // With no room for a copy, the button downloads the readable workspace.
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Ladda ner säkerhetskopia' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.automerge$/);

  // Space is freed and the workspace is saved anew as one snapshot: the
  // damaged chunk is still there, for whoever can repair it.
  await freeStorage(page);
  await addPerson(page, 'Josef Wiklund');
  await page.waitForFunction((id) => !Object.keys(localStorage).some((k) => k.startsWith(`radslag.doc.${id}.chunk.`) && !k.includes('other-tab')), id);
  expect(await page.evaluate((damaged) => localStorage.getItem(damaged), damaged)).toBe('not a change');
});

test('a change is stored the moment the page is hidden (a phone may end a hidden page without notice)', async ({ page }) => {
  await page.goto('/');
  const id = await createWorkspace(page, 'Trygghetsrådet');
  await addPerson(page, 'Moa Magnusson');
  // Saved, and its first view written: nothing is waiting to be stored.
  await page.waitForFunction((id) => (localStorage.getItem(`radslag.view.${id}`) || '').includes('Moa Magnusson'), id);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  const form = page.locator('form.person-form').last();
  await form.getByLabel('Namn').fill('Josef Wiklund');
  // In one turn, before any timer could run: the person added, the page
  // hidden, what is stored read.
  const stored = await page.evaluate((id) => {
    [...document.querySelectorAll('form.person-form')].pop().requestSubmit();
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    return localStorage.getItem(`radslag.view.${id}`);
  }, id);
  expect(stored).toContain('Josef Wiklund');
});

test('the language can be switched to English and back, and is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Rådslag' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Rådslag' })).toBeVisible();
  await page.getByRole('button', { name: 'På svenska' }).click();
  await expect(page.getByRole('heading', { name: 'Välkommen till Rådslag' })).toBeVisible();
});
