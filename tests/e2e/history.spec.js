// What Automerge's history gives a council, between two devices through
// the relay: *Nytt sedan ditt senaste besök* marks what the other member
// changed since this device last looked, and a meeting's *Historik* lists
// its versions (who, when, the approval), shows one read-only and brings an
// agenda item's text back from it.
import { test, expect } from '@playwright/test';
import { addPerson, menu } from './app.js';
import { council, invitationLink, join, syncStatus } from './peers.js';

const TITLE = 'Rådsmöte februari';
const notes = (page) => page.getByLabel('Anteckningar, punkt 4');
const meetingLink = (page) => page.locator('.meeting-list li').filter({ hasText: TITLE });

/// Moa's device with Moa and Josef in the register and a meeting whose
/// fourth item (Lägesbild) has notes; Josef's device joined, Josef chosen
/// as its member.
async function meetingOnTwoDevices(browser) {
  const moa = await council(browser);
  await addPerson(moa.page, 'Moa Magnusson');
  await addPerson(moa.page, 'Josef Wiklund');
  await moa.page.getByLabel('Du är').selectOption({ label: 'Moa Magnusson' });
  await menu(moa.page).getByRole('link', { name: 'Möten' }).click();
  const create = moa.page.getByRole('region', { name: 'Nytt möte' });
  await create.getByLabel('Titel').fill(TITLE);
  await create.getByLabel('Datum').fill('2023-02-07');
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await notes(moa.page).fill('Polisens statistik visar färre anmälningar.');
  await expect(syncStatus(moa.page, 'Allt synkat')).toBeVisible();

  const josef = await join(browser, await invitationLink(moa.page));
  await josef.page.getByLabel('Du är').selectOption({ label: 'Josef Wiklund' });
  return { moa, josef };
}

/// Josef opens the meeting and rewrites Lägesbild's notes; Moa's device has them.
async function josefRewritesTheNotes({ moa, josef }, text) {
  await menu(josef.page).getByRole('link', { name: 'Möten' }).click();
  await meetingLink(josef.page).getByRole('link').click();
  await expect(notes(josef.page)).toHaveValue('Polisens statistik visar färre anmälningar.');
  await notes(josef.page).fill(text);
  await expect(syncStatus(josef.page, 'Allt synkat')).toBeVisible();
  await menu(josef.page).getByRole('link', { name: 'Möten' }).click();
}

test('Nytt sedan ditt senaste besök: the other member\'s edit is marked in the list and told on the meeting, until looked at', async ({ browser }) => {
  const { moa, josef } = await meetingOnTwoDevices(browser);
  // Moa has looked at the list: her own changes are never news.
  await menu(moa.page).getByRole('link', { name: 'Möten' }).click();
  await expect(meetingLink(moa.page)).toBeVisible();
  await expect(meetingLink(moa.page).locator('.news-badge')).toHaveCount(0);
  await menu(moa.page).getByRole('link', { name: 'Personer' }).click();

  await josefRewritesTheNotes({ moa, josef }, 'Färre anmälningar, fler samtal i skolan.');

  await menu(moa.page).getByRole('link', { name: 'Möten' }).click();
  const mark = meetingLink(moa.page).locator('.news-badge');
  await expect(mark).toHaveText('Nytt sedan ditt senaste besök, ändrat av Josef Wiklund');
  await expect(mark).toBeVisible();
  await meetingLink(moa.page).getByRole('link').click();
  const news = moa.page.getByRole('region', { name: 'Nytt sedan ditt senaste besök' });
  await expect(news).toContainText('Ändrat av Josef Wiklund.');
  await expect(news.getByRole('listitem')).toHaveText(['Ändrade punkter: Lägesbild']);
  await expect(notes(moa.page)).toHaveValue('Färre anmälningar, fler samtal i skolan.');

  // Looked at: the next visit marks nothing.
  await menu(moa.page).getByRole('link', { name: 'Möten' }).click();
  await meetingLink(moa.page).getByRole('link').click();
  await expect(moa.page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await expect(news).toHaveCount(0);
  await menu(moa.page).getByRole('link', { name: 'Möten' }).click();
  await expect(meetingLink(moa.page)).toBeVisible();
  await expect(meetingLink(moa.page).locator('.news-badge')).toHaveCount(0);
});

test('the mark is there too when the list opens from its first view, before the history has loaded', async ({ browser }) => {
  const { moa, josef } = await meetingOnTwoDevices(browser);
  await menu(moa.page).getByRole('link', { name: 'Möten' }).click();
  await expect(meetingLink(moa.page).locator('.news-badge')).toHaveCount(0);
  await menu(moa.page).getByRole('link', { name: 'Personer' }).click();
  await josefRewritesTheNotes({ moa, josef }, 'Färre anmälningar, fler samtal i skolan.');
  await expect(syncStatus(moa.page, 'Allt synkat')).toBeVisible();

  // Moa's device stored Josef's changes and the list's first view with them.
  const id = moa.page.url().match(/\/w\/([^/]+)\//)[1];
  await moa.page.waitForFunction((key) => localStorage.getItem(key), `radslag.view.${id}`);
  await moa.page.waitForTimeout(1_000);
  await moa.page.goto(`/w/${id}/moten`);
  await expect(meetingLink(moa.page).locator('.news-badge')).toHaveText('Nytt sedan ditt senaste besök, ändrat av Josef Wiklund');
  expect(await moa.page.evaluate(() => performance.getEntriesByName('radslag-first-view').length)).toBe(1);
});

test('Historik: a meeting\'s versions by who, one shown read-only, an item\'s text brought back on both devices, the approval listed', async ({ browser }) => {
  const { moa, josef } = await meetingOnTwoDevices(browser);
  await josefRewritesTheNotes({ moa, josef }, 'Josefs nya text.');

  await menu(moa.page).getByRole('link', { name: 'Möten' }).click();
  await meetingLink(moa.page).getByRole('link').click();
  await expect(notes(moa.page)).toHaveValue('Josefs nya text.');
  await moa.page.getByRole('link', { name: 'Historik' }).click();
  await expect(moa.page.getByRole('heading', { level: 1 })).toHaveText(`Historik: ${TITLE}`);
  const versions = moa.page.locator('.versions .version');
  // Newest first: Josef's session, then Moa's (which created the meeting).
  await expect(versions.locator('.version-who')).toHaveText(['Redigerat av Josef Wiklund', 'Redigerat av Moa Magnusson']);
  await expect(versions.locator('.version-when').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(–\d{2}:\d{2})?$/);

  await versions.nth(1).getByRole('button', { name: /^Visa versionen från/ }).click();
  const shown = moa.page.getByRole('region', { name: /^Versionen från/ });
  await expect(shown.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(shown.getByRole('note')).toHaveText('Skrivskyddad: så här såg mötet ut efter den här versionen.');
  await expect(shown).toContainText('Polisens statistik visar färre anmälningar.');
  await expect(shown).not.toContainText('Josefs nya text.');
  await expect(shown.locator('textarea, input')).toHaveCount(0);

  await shown.getByRole('button', { name: 'Återställ texten: 4. Lägesbild' }).click();
  await expect(shown.getByRole('status')).toHaveText('Texten är återställd: Lägesbild');
  await expect(shown.getByText('Alla punkter har samma text nu som i den här versionen.')).toBeVisible();
  await moa.page.getByRole('link', { name: 'Tillbaka till mötet' }).click();
  await expect(notes(moa.page)).toHaveValue('Polisens statistik visar färre anmälningar.');
  await meetingLink(josef.page).getByRole('link').click();
  await expect(notes(josef.page)).toHaveValue('Polisens statistik visar färre anmälningar.');

  // The approval is a version of its own, naming who approved; the restore
  // went into Moa's editing session (no half-hour pause since).
  await moa.page.getByLabel('Justeras av').fill('Moa Magnusson');
  await moa.page.getByRole('button', { name: 'Justera' }).click();
  await expect(moa.page.locator('.status-line')).toHaveText('Status: Justerad');
  await moa.page.getByRole('link', { name: 'Historik' }).click();
  await expect(versions.locator('.version-who')).toHaveText(['Justerat av Moa Magnusson', 'Redigerat av Josef Wiklund', 'Redigerat av Moa Magnusson']);
});
