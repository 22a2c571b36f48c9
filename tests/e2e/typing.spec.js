// Typing in the minutes, as the member and the others see it. A keystroke
// shows in its own field at once; the rest of the page hears of it when
// typing pauses or the field is left, and the other devices get each letter
// as it is typed (docs/performance.md, typing).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { menu } from './app.js';
import { council, invitationLink, join } from './peers.js';

const TITLE = 'Rådsmöte mars';
const notes = (page) => page.getByLabel('Anteckningar, punkt 4', { exact: true });
const heading = (page) => page.getByLabel('Rubrik, punkt 4', { exact: true });

async function newMeeting(page) {
  await menu(page).getByRole('link', { name: 'Möten' }).click();
  const create = page.getByRole('region', { name: 'Nytt möte' });
  await create.getByLabel('Titel').fill(TITLE);
  await create.getByLabel('Datum').fill('2024-03-19');
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
}

test('what was just typed is in what the page does next, and the rest of the page follows while the caret stays', async ({ browser }) => {
  const { page } = await council(browser);
  await newMeeting(page);

  // Typed, then at once the export: the file has every letter.
  await notes(page).pressSequentially('Lugnt vid stationen');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner som Markdown' }).click();
  const markdown = readFileSync(await (await download).path(), 'utf8');
  expect(markdown).toContain('### 4. Lägesbild\n\nLugnt vid stationen');

  // A heading typed without leaving the field: the item's buttons are
  // named after it once typing pauses, and the caret never moved.
  await heading(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' i centrum');
  await expect(page.getByRole('button', { name: 'Flytta ned: Lägesbild i centrum' })).toBeVisible();
  await expect(heading(page)).toBeFocused();
  await page.keyboard.type('!');
  await expect(heading(page)).toHaveValue('Lägesbild i centrum!');

  // Moved with the keyboard right after typing: the typed text moves along.
  await notes(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(', inga larm');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByLabel('Anteckningar, punkt 3', { exact: true })).toHaveValue('Lugnt vid stationen, inga larm');
  await page.reload();
  await expect(page.getByLabel('Anteckningar, punkt 3', { exact: true })).toHaveValue('Lugnt vid stationen, inga larm');
  await expect(page.getByLabel('Rubrik, punkt 3', { exact: true })).toHaveValue('Lägesbild i centrum!');
});

test('the other device sees the letters while they are typed, not only when typing pauses', async ({ browser }) => {
  const moa = await council(browser);
  await newMeeting(moa.page);
  const meetingUrl = moa.page.url();
  const josef = await join(browser, await invitationLink(moa.page));
  await josef.page.goto(meetingUrl);
  await expect(notes(josef.page)).toHaveValue('');

  // Steady typing, a key every 60 ms (no pause of 250 ms), for about 4 s.
  const sentence = 'Fältgruppen har träffat ungdomarna vid fritidsgården varje fredag.';
  let done = false;
  const typing = notes(moa.page).pressSequentially(sentence, { delay: 60 }).then(() => { done = true; });
  await expect(notes(josef.page)).toHaveValue(/^Fältgruppen har/, { timeout: 3000 });
  expect(done).toBe(false);
  await typing;
  await expect(notes(josef.page)).toHaveValue(sentence);
  await expect(notes(moa.page)).toHaveValue(sentence);
});
