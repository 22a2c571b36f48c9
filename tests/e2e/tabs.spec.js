// Several tabs of one workspace in one browser never overwrite each other:
// each sees the other's edits within a second, online or offline, and every
// edit survives a reload.
import { test, expect } from '@playwright/test';

async function peoplePage(page, url) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Personer', level: 1 })).toBeVisible();
}

async function addPerson(page, name) {
  const form = page.locator('form.person-form').last();
  await form.getByLabel('Namn').fill(name);
  await form.getByRole('button', { name: 'Lägg till person' }).click();
}

const names = (page) => page.locator('.people-list .person-name');

test('two tabs see each other and keep every edit, online and offline', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/');
  await first.getByLabel('Rådets namn').fill('Trygghetsrådet');
  await first.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await first.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  // The address changes once the page (its chunk fetched) is shown.
  await expect(first.getByRole('heading', { name: 'Personer', level: 1 })).toBeVisible();
  const url = first.url();
  const second = await context.newPage();
  await peoplePage(second, url);

  await addPerson(first, 'Moa Magnusson');
  await expect(names(second)).toHaveText(['Moa Magnusson'], { timeout: 2000 });

  await context.setOffline(true);
  await Promise.all([addPerson(first, 'Josef Wiklund'), addPerson(second, 'Per Håkansson')]);
  const everyone = ['Josef Wiklund', 'Moa Magnusson', 'Per Håkansson'];
  await expect(names(first)).toHaveText(everyone, { timeout: 2000 });
  await expect(names(second)).toHaveText(everyone, { timeout: 2000 });

  // A burst of edits from both tabs at once.
  for (let i = 0; i < 5; i++) {
    await Promise.all([addPerson(first, `Första ${i}`), addPerson(second, `Andra ${i}`)]);
  }
  await expect(names(first)).toHaveCount(13, { timeout: 2000 });
  await expect(names(second)).toHaveCount(13, { timeout: 2000 });

  // Loading the app itself needs the network until it is cached offline.
  await context.setOffline(false);
  await first.reload();
  await second.reload();
  await expect(names(first)).toHaveCount(13);
  await expect(names(second)).toHaveCount(13);
});
