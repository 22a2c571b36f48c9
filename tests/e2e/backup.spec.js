// Backups: download, wipe the browser, restore — everything is back; an
// older backup merges instead of deleting newer work; other files are refused.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addPerson, menu, names } from './app.js';

async function downloadBackup(page) {
  await menu(page).getByRole('link', { name: 'Inställningar' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner säkerhetskopia' }).click();
  return (await download).path();
}

test('backup, wipe, restore: everything is back, and old backups merge', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Rådets namn').fill('Trygghetsrådet');
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await addPerson(page, 'Moa Magnusson');
  const backup = await downloadBackup(page);

  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner som JSON' }).click();
  const readable = JSON.parse(readFileSync(await (await json).path(), 'utf8'));
  expect(readable.workspace.name).toBe('Trygghetsrådet');
  expect(readable.people.map((p) => p.name)).toEqual(['Moa Magnusson']);

  // Newer work, then the older backup is restored: the newer work stays.
  await addPerson(page, 'Josef Wiklund');
  await menu(page).getByRole('link', { name: 'Inställningar' }).click();
  await page.getByLabel('Återställ från säkerhetskopia').setInputFiles(backup);
  await expect(page.getByRole('status').filter({ hasText: 'inget som inte redan finns' })).toBeVisible();
  await menu(page).getByRole('link', { name: 'Personer' }).click();
  await expect(names(page)).toHaveText(['Josef Wiklund', 'Moa Magnusson']);

  // Wipe the browser's storage: the app starts over; the backup brings it back.
  const full = await downloadBackup(page);
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Välkommen till Rådslag' })).toBeVisible();
  await page.getByLabel('Återställ från säkerhetskopia').setInputFiles(full);
  await expect(page.getByRole('heading', { name: 'Inställningar', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Rådets namn')).toHaveValue('Trygghetsrådet');
  await page.reload();
  await menu(page).getByRole('link', { name: 'Personer' }).click();
  await expect(names(page)).toHaveText(['Josef Wiklund', 'Moa Magnusson']);
});

test('a file that is not a backup is refused with a clear message', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Återställ från säkerhetskopia').setInputFiles({
    name: 'minnesanteckningar.automerge',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MINNESANTECKNINGAR\n1. Summering'),
  });
  await expect(page.getByRole('status').filter({ hasText: 'ingen säkerhetskopia' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Välkommen till Rådslag' })).toBeVisible();
});

test('the settings page shows storage use and compacts', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Rådets namn').fill('Trygghetsrådet');
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  for (const name of ['Moa Magnusson', 'Josef Wiklund', 'Per Håkansson']) await addPerson(page, name);
  await menu(page).getByRole('link', { name: 'Inställningar' }).click();
  await expect(page.locator('.storage-workspace')).toHaveText(/^\d+ kB$/);
  const meter = page.getByRole('meter', { name: 'Använd lagring' });
  await expect(meter).toBeVisible();
  await page.getByRole('button', { name: 'Komprimera' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'komprimerad' })).toBeVisible();
  const chunks = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.chunk.')).length);
  expect(chunks).toBe(0);
  await page.reload();
  await menu(page).getByRole('link', { name: 'Personer' }).click();
  await expect(names(page)).toHaveCount(3);
});
