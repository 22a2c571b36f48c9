// A workspace opens on its meetings list from its first view (a small read
// model kept beside the stored document) and loads its history just after:
// the list is the stored one, never an older one, and the workspace works
// as usual once loaded.
import { test, expect } from '@playwright/test';
import { createCouncil } from './app.js';

const list = (page) => page.locator('.meeting-list li');
const workspaceId = (page) => page.url().match(/\/w\/([^/]+)\//)[1];
const firstViewUsed = (page) => page.evaluate(() => performance.getEntriesByName('radslag-first-view').length > 0);

async function newMeeting(page, title, date) {
  const create = page.getByRole('region', { name: 'Nytt möte' });
  await create.getByLabel('Titel').fill(title);
  await create.getByLabel('Datum').fill(date);
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Möten' }).click();
}

/// The stored first view of the workspace, once it names `title`.
async function storedFirstView(page, id, title) {
  const key = `radslag.view.${id}`;
  await page.waitForFunction(([key, title]) => (localStorage.getItem(key) || '').includes(title), [key, title]);
  return page.evaluate((key) => localStorage.getItem(key), key);
}

/// Every meeting title the list has shown since the page started.
async function recordTitles(page) {
  await page.addInitScript(() => {
    window.titlesShown = new Set();
    new MutationObserver(() => {
      for (const item of document.querySelectorAll('.meeting-list li a')) window.titlesShown.add(item.textContent.trim());
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

test('a reload opens the meetings list from its first view, then the workspace loads and edits as before', async ({ page }) => {
  await createCouncil(page);
  const id = workspaceId(page);
  await newMeeting(page, 'Rådsmöte februari', '2023-02-07');
  await newMeeting(page, 'Rådsmöte maj', '2023-05-09');
  await storedFirstView(page, id, 'Rådsmöte maj');

  await page.reload();
  await expect(list(page)).toHaveCount(2);
  await expect(list(page).first()).toContainText('Rådsmöte maj');
  expect(await firstViewUsed(page)).toBe(true);

  // Loaded: a meeting opens with its agenda, and an edit is kept.
  await list(page).filter({ hasText: 'Rådsmöte februari' }).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Rådsmöte februari', level: 1 })).toBeVisible();
  await page.getByLabel('Anteckningar, punkt 4').fill('Färre anmälningar i centrum.');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Möten' }).click();
  await page.reload();
  await list(page).filter({ hasText: 'Rådsmöte februari' }).getByRole('link').click();
  await expect(page.getByLabel('Anteckningar, punkt 4')).toHaveValue('Färre anmälningar i centrum.');

  // Another page of the workspace waits for the document, then shows.
  await page.goto(`/w/${id}/personer`);
  await expect(page.getByRole('heading', { name: 'Personer', level: 1 })).toBeVisible();
});

test('a first view older than the stored workspace is never shown, and an unreadable one is ignored', async ({ page }) => {
  await recordTitles(page);
  await createCouncil(page);
  const id = workspaceId(page);
  await newMeeting(page, 'Gammal rubrik', '2023-02-07');
  const older = await storedFirstView(page, id, 'Gammal rubrik');

  // Renamed, and the first view written again; then the older one put back
  // (as when another tab stored more than this first view knows).
  await list(page).getByRole('link').click();
  await page.locator('#meeting-title').fill('Ny rubrik');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Möten' }).click();
  await storedFirstView(page, id, 'Ny rubrik');
  await page.evaluate(([key, older]) => localStorage.setItem(key, older), [`radslag.view.${id}`, older]);

  await page.reload();
  await expect(list(page)).toHaveText([/Ny rubrik/]);
  expect(await firstViewUsed(page)).toBe(false);
  expect([...(await page.evaluate(() => [...window.titlesShown]))]).toEqual(['Ny rubrik']);
  // Opened the slow way, it writes its first view again.
  await storedFirstView(page, id, 'Ny rubrik');

  await page.evaluate((key) => localStorage.setItem(key, '{"format":1,"stamp":'), `radslag.view.${id}`);
  await page.reload();
  await expect(list(page)).toHaveText([/Ny rubrik/]);
  expect(await firstViewUsed(page)).toBe(false);
  await storedFirstView(page, id, 'Ny rubrik');
});
