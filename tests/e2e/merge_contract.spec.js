// Nothing a member writes is lost or hidden: devices apart (separate
// browser contexts, offline) that meet only through the relay keep every
// answer and every word; a restored backup keeps syncing; a change from a
// newer release never bricks a device.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { menu, addPerson, names } from './app.js';
import { cachedForOffline, council, invitationLink, join, syncStatus } from './peers.js';

async function newDialogue(page) {
  await menu(page).getByRole('link', { name: 'Dialoger' }).click();
  await page.getByLabel('Rubrik').fill('Trygghetsvandring');
  await page.getByLabel('Frågor').fill('Var känner du dig otrygg?\nVad skulle göra platsen tryggare?');
  await page.getByLabel('Smågrupper').fill('Grupp 1\nGrupp 2');
  await page.getByRole('button', { name: 'Skapa dialog' }).click();
  await expect(page.getByRole('heading', { name: 'Trygghetsvandring', level: 1 })).toBeVisible();
  return page.url();
}

test('two tablets collect ten citizen answers each offline; the coordinator sees all twenty', async ({ browser }) => {
  const { page: coordinator } = await council(browser, 'Trygghetsrådet och Klara-gruppen');
  const url = await newDialogue(coordinator);
  const link = await invitationLink(coordinator);
  const tablets = [await join(browser, link), await join(browser, link)];
  for (const [n, { context, page }] of tablets.entries()) {
    await page.goto(url);
    // The dialogue shown (its part of the app fetched), then the network goes.
    await expect(page.getByRole('heading', { name: 'Trygghetsvandring', level: 1 })).toBeVisible();
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Medborgardialog' }).click();
    for (let i = 0; i < 10; i++) {
      const question = await page.locator('.citizen-question').textContent();
      await page.getByLabel('Ditt svar').fill(`Surfplatta ${n + 1}: mörkt vid gångtunneln, svar ${i}`);
      await page.getByRole('button', { name: 'Skicka svar' }).click();
      await expect(page.locator('.citizen-question')).not.toHaveText(question);
    }
    await expect(page.getByText('Svar på den här enheten: 10')).toBeVisible();
  }
  for (const { context } of tablets) await context.setOffline(false);
  await coordinator.goto(url + '/resultat');
  await expect(coordinator.locator('.tally strong')).toHaveText(['10', '10'], { timeout: 30_000 });
  await expect(coordinator.locator('.words').first()).toContainText('gångtunneln (10)');
});

test('two members of one group type the first words of the same answer at once: both words are kept', async ({ browser }) => {
  const { page: coordinator } = await council(browser);
  const url = await newDialogue(coordinator);
  const link = await invitationLink(coordinator);
  const devices = [await join(browser, link), await join(browser, link)];
  for (const { context, page } of devices) {
    await page.goto(url);
    await page.getByLabel('Vilken grupp skriver här?').selectOption({ label: 'Grupp 1' });
    await context.setOffline(true);
  }
  // Apart, each types the first words into the empty answer.
  await devices[0].page.getByLabel('Var känner du dig otrygg?').pressSequentially('Busstationen', { delay: 5 });
  await devices[1].page.getByLabel('Var känner du dig otrygg?').pressSequentially('Parkeringen', { delay: 5 });
  for (const { context } of devices) await context.setOffline(false);
  for (const { page } of devices) {
    const answer = page.getByLabel('Var känner du dig otrygg?');
    await expect(answer).toHaveValue(/Busstationen/, { timeout: 30_000 });
    await expect(answer).toHaveValue(/Parkeringen/);
  }
  await coordinator.getByRole('link', { name: 'Sammanställning' }).click();
  await expect(coordinator.locator('.side-by-side').first()).toContainText('Busstationen');
  await expect(coordinator.locator('.side-by-side').first()).toContainText('Parkeringen');
});

test('a backup restored into a wiped browser keeps its workspace id and keeps syncing', async ({ browser }) => {
  const { page } = await council(browser);
  await addPerson(page, 'Moa Magnusson');
  const workspaceId = new URL(page.url()).pathname.split('/')[2];
  const { page: other } = await join(browser, await invitationLink(page));

  await menu(page).getByRole('link', { name: 'Inställningar' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner säkerhetskopia' }).click();
  const backup = await (await download).path();
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await page.getByLabel('Återställ från säkerhetskopia').setInputFiles(backup);
  await expect(page.getByRole('heading', { name: 'Inställningar', level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname.split('/')[2]).toBe(workspaceId);

  await addPerson(page, 'Per Håkansson');
  await expect(syncStatus(page, 'Allt synkat')).toBeVisible();
  await menu(other).getByRole('link', { name: 'Personer' }).click();
  await expect(names(other)).toHaveText(['Moa Magnusson', 'Per Håkansson'], { timeout: 30_000 });
});

test('restoring a backup of another workspace over an open one asks first', async ({ browser }) => {
  const { page } = await council(browser, 'Klara-gruppen');
  await menu(page).getByRole('link', { name: 'Inställningar' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner säkerhetskopia' }).click();
  const backup = await (await download).path();
  await menu(page).getByRole('link', { name: 'Personer' }).click();
  await page.getByLabel('Arbetsyta').selectOption({ label: 'Ny arbetsyta…' });
  await page.getByLabel('Rådets namn').fill('Trygghetsrådet');
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await menu(page).getByRole('link', { name: 'Inställningar' }).click();

  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    dialog.dismiss();
  });
  await page.getByLabel('Återställ från säkerhetskopia').setInputFiles(backup);
  await expect.poll(() => asked).toContain('en annan arbetsyta');
  await expect(page.getByLabel('Rådets namn')).toHaveValue('Trygghetsrådet');
});

test('a stock automerge-repo client writes schemaVersion 99: the app shows the last readable state, says so, and keeps working', async ({ browser, baseURL }) => {
  const { page } = await council(browser);
  await addPerson(page, 'Moa Magnusson');
  await expect(syncStatus(page, 'Allt synkat')).toBeVisible();
  const workspaceId = new URL(page.url()).pathname.split('/')[2];
  const wsUrl = baseURL.replace(/^http/, 'ws') + '/sync';
  const interop = resolve(import.meta.dirname, '..', 'interop');
  const out = execFileSync('node', ['peer.mjs', 'set', wsUrl, `automerge:${workspaceId}`, 'schemaVersion', '99'], {
    cwd: interop,
    encoding: 'utf8',
  });
  expect(out).toContain('"done":true');

  const notice = page.locator('.notice').filter({ hasText: 'kunde inte läsas' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('nyare version av Rådslag');
  await expect(names(page)).toHaveText(['Moa Magnusson']);
  await addPerson(page, 'Josef Wiklund');
  await expect(names(page)).toHaveText(['Josef Wiklund', 'Moa Magnusson']);

  // Reopened, it is the same: the newer change is kept, not overwritten.
  await page.reload();
  await expect(page.locator('.notice').filter({ hasText: 'kunde inte läsas' })).toBeVisible();
  await menu(page).getByRole('link', { name: 'Personer' }).click();
  await expect(names(page)).toHaveText(['Josef Wiklund', 'Moa Magnusson']);
});

test('a second workspace edited offline reaches another device without being opened', async ({ browser }) => {
  const { context, page } = await council(browser, 'Trygghetsrådet');
  const trygghetsradet = new URL(page.url()).pathname.split('/')[2];
  await page.getByLabel('Arbetsyta').selectOption({ label: 'Ny arbetsyta…' });
  await page.getByLabel('Rådets namn').fill('Klara-gruppen');
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await expect(syncStatus(page, 'Allt synkat')).toBeVisible();
  const klara = new URL(page.url()).pathname.split('/')[2];
  const { page: other } = await join(browser, await invitationLink(page));
  await menu(other).getByRole('link', { name: 'Personer' }).click();

  // Offline, Klara-gruppen gets a new member; then the device moves on to
  // the other workspace and only then finds the network again. (Its pages
  // come from the service worker then, as after any first visit.)
  await cachedForOffline(page);
  await context.setOffline(true);
  await addPerson(page, 'Elin Berg');
  await page.getByLabel('Arbetsyta').selectOption(trygghetsradet);
  await expect(page).toHaveURL(new RegExp(`/w/${trygghetsradet}/`));
  await expect(page.getByLabel('Arbetsyta').locator(`option[value="${klara}"]`)).toHaveText('Klara-gruppen — offline');
  await context.setOffline(false);

  await expect(names(other)).toHaveText(['Elin Berg'], { timeout: 30_000 });
  await expect(page.getByLabel('Arbetsyta').locator(`option[value="${klara}"]`)).toHaveText('Klara-gruppen — synkad');
  await expect(page.getByLabel('Arbetsyta')).toHaveValue(trygghetsradet);
  await expect(syncStatus(page, 'Allt synkat')).toBeVisible();
});

test('an unreadable stored workspace is set aside once; settings lists the copy to download or delete', async ({ browser }) => {
  const { page } = await council(browser, 'Trygghetsrådet');
  const damaged = new URL(page.url()).pathname.split('/')[2];
  await page.evaluate((id) => localStorage.setItem(`radslag.doc.${id}`, 'this is not a workspace'), damaged);
  for (let open = 0; open < 3; open++) {
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('kunde inte läsas');
  }
  const copies = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('radslag.backup.')));
  expect(await copies()).toHaveLength(1);

  await page.getByLabel('Arbetsyta').selectOption({ label: 'Ny arbetsyta…' });
  await page.getByLabel('Rådets namn').fill('Klara-gruppen');
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await menu(page).getByRole('link', { name: 'Inställningar' }).click();
  const section = page.getByRole('region', { name: 'Undanlagda kopior' });
  const row = section.getByRole('row').filter({ hasText: 'Trygghetsrådet' });
  await expect(row).toContainText('0 kB');
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Ladda ner' }).click();
  const saved = await (await download).path();
  expect(readFileSync(saved, 'utf8')).toBe('this is not a workspace');
  // Opening the other workspace synced nothing over the copy, nor copied it again.
  expect(await copies()).toHaveLength(1);

  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: 'Ta bort' }).click();
  await expect(section.getByText('Inga undanlagda kopior.')).toBeVisible();
  expect(await copies()).toHaveLength(0);
});
