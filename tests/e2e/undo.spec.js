// Deleting asks nothing and takes nothing for good: a notice offers Ångra
// for ten seconds, and Borttaget keeps what was deleted — what, by whom,
// when — to restore, with everything that referred to it. Between two
// devices through the relay: the delete, its undoing and a restore reach
// the other device.
import { test, expect } from '@playwright/test';
import { addPerson, fillAction, menu } from './app.js';
import { council, invitationLink, join } from './peers.js';

const actionsTable = (page) => page.getByRole('table', { name: 'Åtgärder, tidigaste datum först' });
const undoNotice = (page) => page.locator('.undo-notice');

/// Adds an action on Åtgärder.
async function addAction(page, action) {
  await menu(page).getByRole('link', { name: 'Åtgärder' }).click();
  await page.getByRole('button', { name: 'Ny åtgärd' }).click();
  await fillAction(page.locator('.action-form'), action);
  await expect(actionsTable(page).getByRole('row', { name: new RegExp(action.text) })).toBeVisible();
}

test('an action deleted on one device: Ångra within ten seconds brings it back on both', async ({ browser }) => {
  const moa = await council(browser);
  await addAction(moa.page, { text: 'Planera Kulturnatten', organisations: 'Polisen Ånge' });
  const josef = await join(browser, await invitationLink(moa.page));
  await menu(josef.page).getByRole('link', { name: 'Åtgärder' }).click();
  const row = (page) => actionsTable(page).getByRole('row', { name: /Planera Kulturnatten/ });
  await expect(row(josef.page)).toContainText('Polisen Ånge');

  // Deleted at once, no question asked; gone on both devices.
  const deleteAction = async () => {
    await row(moa.page).getByRole('button', { name: /Ändra/ }).click();
    await moa.page.getByRole('button', { name: 'Ta bort åtgärd' }).click();
    await expect(row(moa.page)).toHaveCount(0);
    await expect(row(josef.page)).toHaveCount(0);
  };
  await deleteAction();
  const notice = undoNotice(moa.page);
  await expect(moa.page.getByRole('status').filter({ has: notice })).toContainText('Borttaget: Planera Kulturnatten');
  // The button that deleted is gone: the keyboard focus is on Ångra.
  const undo = notice.getByRole('button', { name: 'Ångra' });
  await expect(undo).toBeFocused();
  await moa.page.keyboard.press('Enter');
  await expect(notice).toHaveCount(0);
  await expect(row(moa.page)).toContainText('Polisen Ånge');
  await expect(row(josef.page)).toContainText('Polisen Ånge');

  // Left alone, the notice goes after ten seconds (once the focus is
  // elsewhere); the action stays deleted, and restorable from Borttaget.
  await deleteAction();
  await expect(undo).toBeFocused();
  const shown = Date.now();
  await moa.page.getByRole('heading', { name: 'Åtgärder', level: 1 }).click();
  await expect(notice).toHaveCount(0, { timeout: 15_000 });
  expect(Date.now() - shown).toBeGreaterThanOrEqual(9_000);
  await expect(row(josef.page)).toHaveCount(0);
  await menu(josef.page).getByRole('link', { name: 'Borttaget' }).click();
  await expect(josef.page.locator('.trash-entry')).toHaveCount(1);
  await expect(josef.page.locator('.trash-entry')).toContainText('Planera Kulturnatten');
  await expect(josef.page.locator('.trash-entry')).toContainText('Åtgärd');
});

test('a person who owns an action, deleted and restored from Borttaget on the other device: the action shows the owner again', async ({ browser }) => {
  const moa = await council(browser);
  await addPerson(moa.page, 'Moa Magnusson');
  await addPerson(moa.page, 'Josef Wiklund');
  await moa.page.getByLabel('Du är').selectOption({ label: 'Moa Magnusson' });
  await addAction(moa.page, { text: 'Följ utvecklingen i industriområdet', people: ['Josef Wiklund'] });
  const josef = await join(browser, await invitationLink(moa.page));
  await menu(josef.page).getByRole('link', { name: 'Åtgärder' }).click();
  const row = (page) => actionsTable(page).getByRole('row', { name: /Följ utvecklingen/ });
  await expect(row(josef.page)).toContainText('Josef Wiklund');

  await menu(moa.page).getByRole('link', { name: 'Personer' }).click();
  await moa.page.getByRole('button', { name: 'Ta bort Josef Wiklund' }).click();
  await expect(undoNotice(moa.page)).toContainText('Borttaget: Josef Wiklund');
  await expect(moa.page.locator('.people-list .person-name')).toHaveText(['Moa Magnusson']);
  // The action keeps its owner, who is not in the register while deleted.
  await expect(row(josef.page)).not.toContainText('Josef Wiklund');

  await menu(josef.page).getByRole('link', { name: 'Borttaget' }).click();
  await expect(josef.page.getByRole('heading', { name: 'Borttaget', level: 1 })).toBeVisible();
  const entry = josef.page.locator('.trash-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry.locator('.trash-label')).toHaveText('Josef Wiklund');
  await expect(entry.locator('.trash-kind')).toHaveText('Person');
  await expect(entry.locator('.trash-when')).toHaveText(/^Borttaget av Moa Magnusson, \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await entry.getByRole('button', { name: 'Återställ Josef Wiklund' }).click();
  await expect(josef.page.getByRole('status').filter({ hasText: 'Återställt' })).toHaveText('Återställt: Josef Wiklund');
  await expect(josef.page.getByText('Inget är borttaget.')).toBeVisible();

  await menu(moa.page).getByRole('link', { name: 'Åtgärder' }).click();
  await expect(row(moa.page)).toContainText('Josef Wiklund');
  await menu(moa.page).getByRole('link', { name: 'Personer' }).click();
  await expect(moa.page.locator('.people-list .person-name')).toHaveText(['Josef Wiklund', 'Moa Magnusson']);
});

test('an agenda item with notes is deleted without a question and restored in its place', async ({ browser }) => {
  const { page } = await council(browser);
  const create = page.getByRole('region', { name: 'Nytt möte' });
  await create.getByLabel('Titel').fill('Trygghetsrådet');
  await create.getByLabel('Datum').fill('2023-02-07');
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByRole('heading', { name: 'Trygghetsrådet', level: 1 })).toBeVisible();
  const headings = page.locator('.agenda-item .item-heading');
  const before = await headings.evaluateAll((inputs) => inputs.map((i) => i.value));
  expect(before[3]).toBe('Lägesbild');
  await page.getByLabel('Anteckningar, punkt 4').fill('Polisens statistik.');
  await page.getByRole('button', { name: 'Ta bort punkt: Lägesbild' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(headings).toHaveCount(before.length - 1);
  await expect(undoNotice(page)).toContainText('Borttaget: Lägesbild');

  await menu(page).getByRole('link', { name: 'Borttaget' }).click();
  await expect(page.locator('.trash-kind')).toHaveText('Dagordningspunkt i mötet Trygghetsrådet 2023-02-07');
  await page.getByRole('button', { name: 'Återställ Lägesbild' }).click();
  await page.goBack();
  await expect(headings).toHaveCount(before.length);
  expect(await headings.evaluateAll((inputs) => inputs.map((i) => i.value))).toEqual(before);
  await expect(page.getByLabel('Anteckningar, punkt 4')).toHaveValue('Polisens statistik.');
});
