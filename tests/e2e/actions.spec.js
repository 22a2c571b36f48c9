// Åtgärder: actions with owners, due dates and statuses; the overview's
// counts, filters and Mina åtgärder; the status history; the CSV export for
// Excel; and an action created from an agenda item, seen in the overview and
// closed in the next meeting's follow-up.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addWheelEvent, councilWithMembers as council, fillAction } from './app.js';

test('actions in the overview: counts, filters, Mina åtgärder, status in place, history and CSV', async ({ page }) => {
  const nav = await council(page);
  await nav.getByRole('link', { name: 'Åtgärder' }).click();
  await expect(page.getByRole('heading', { name: 'Åtgärder', level: 1 })).toBeVisible();
  await expect(page.getByText('Inga åtgärder ännu.')).toBeVisible();

  // A text is required.
  await page.getByRole('button', { name: 'Ny åtgärd' }).click();
  const form = page.locator('.action-form');
  await form.getByRole('button', { name: 'Spara åtgärd' }).click();
  await expect(form.getByRole('alert')).toHaveText('Skriv vad som ska göras.');

  await fillAction(form, {
    text: 'Planera medborgardialog på Kulturnatten',
    people: ['Moa Magnusson'],
    organisations: 'Polisen Ånge',
    due: '2023-05-01',
    status: 'Pågår',
  });
  await expect(form).toHaveCount(0);
  await page.getByRole('button', { name: 'Ny åtgärd' }).click();
  await fillAction(form, {
    text: 'Fältarna träffar föräldravandrarna igen',
    organisations: 'Fältarna',
    due: '2099-12-31',
  });
  await page.getByRole('button', { name: 'Ny åtgärd' }).click();
  await fillAction(form, { text: 'Följ utvecklingen i industriområdet', people: ['Josef Wiklund'] });

  // Counts per status, by due date, no date last.
  const counts = page.locator('.status-counts');
  await expect(counts.locator('.count-total .count-number')).toHaveText('3');
  await expect(counts.locator('.status-inProgress .count-number')).toHaveText('1');
  await expect(counts.locator('.status-notStarted .count-number')).toHaveText('2');
  await expect(counts.locator('.count-overdue .count-number')).toHaveText('1');
  const table = page.getByRole('table', { name: 'Åtgärder, tidigaste datum först' });
  const rows = table.locator('tbody tr');
  await expect(rows.locator('th .action-text')).toHaveText([
    'Planera medborgardialog på Kulturnatten',
    'Fältarna träffar föräldravandrarna igen',
    'Följ utvecklingen i industriområdet',
  ]);
  const planning = table.getByRole('row', { name: /Planera medborgardialog/ });
  await expect(planning).toContainText('Moa Magnusson, Polisen Ånge');
  await expect(planning).toContainText('Försenad');
  await expect(planning).toContainText('Klara-gruppen, Trygghetsrådet');

  // Filters: owner, status, overdue, group.
  const filters = page.getByRole('group', { name: 'Filter' });
  await filters.getByLabel('Ansvarig').selectOption({ label: 'Polisen Ånge' });
  await expect(rows).toHaveCount(1);
  await expect(page.getByText('1 av 3 åtgärder visas.')).toBeVisible();
  await filters.getByLabel('Ansvarig').selectOption({ label: 'Josef Wiklund' });
  await expect(rows.locator('th .action-text')).toHaveText(['Följ utvecklingen i industriområdet']);
  await filters.getByRole('button', { name: 'Rensa filter' }).click();
  await expect(rows).toHaveCount(3);
  await filters.getByLabel('Status').selectOption({ label: 'Klar' });
  await expect(page.getByText('Inga åtgärder matchar filtren.')).toBeVisible();
  await filters.getByLabel('Status').selectOption({ label: 'Pågår' });
  await expect(rows).toHaveCount(1);
  await filters.getByRole('button', { name: 'Rensa filter' }).click();
  await filters.getByLabel('Försenade').check();
  await expect(rows.locator('th .action-text')).toHaveText(['Planera medborgardialog på Kulturnatten']);
  await filters.getByLabel('Försenade').uncheck();
  await filters.getByLabel('Grupp').selectOption({ label: 'Klara-gruppen' });
  await expect(rows).toHaveCount(1);
  await filters.getByRole('button', { name: 'Rensa filter' }).click();

  // Mina åtgärder: Moa's own; Josef's include his organisation's.
  await filters.getByLabel('Mina åtgärder').check();
  await expect(rows.locator('th .action-text')).toHaveText(['Planera medborgardialog på Kulturnatten']);

  // The status changed in place, announced, counted.
  await planning.getByLabel('Status för Planera medborgardialog på Kulturnatten').selectOption({ label: 'Klar' });
  await expect(page.getByRole('status').filter({ hasText: 'Status ändrad till' })).toContainText('Klar');
  await filters.getByLabel('Mina åtgärder').uncheck();
  await expect(counts.locator('.status-done .count-number')).toHaveText('1');
  await expect(counts.locator('.count-overdue .count-number')).toHaveText('0');

  // Keyboard: the select keeps focus and works with the arrow keys.
  const select = planning.getByLabel('Status för Planera medborgardialog på Kulturnatten');
  await select.focus();
  await expect(select).toBeFocused();

  // History: who set which status, and when.
  await planning.getByRole('button', { name: /Historik för/ }).click();
  const history = page.locator('.action-history');
  await expect(history.getByRole('heading', { name: 'Historik för ”Planera medborgardialog på Kulturnatten”' })).toBeFocused();
  const historyRows = history.locator('tbody tr');
  await expect(historyRows).toHaveCount(2);
  await expect(historyRows.nth(0)).toContainText('Moa Magnusson');
  await expect(historyRows.nth(0)).toContainText('Pågår');
  await expect(historyRows.nth(1)).toContainText('Klar');
  await expect(historyRows.nth(1).locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await history.getByRole('button', { name: 'Stäng' }).click();

  // Edit an action: a new due date.
  await table.getByRole('row', { name: /Följ utvecklingen/ }).getByRole('button', { name: /Ändra/ }).click();
  await expect(form.getByLabel('Vad ska göras?')).toHaveValue('Följ utvecklingen i industriområdet');
  await form.getByLabel('Klart senast').fill('2099-01-15');
  await form.getByRole('button', { name: 'Spara åtgärd' }).click();
  await expect(table.getByRole('row', { name: /Följ utvecklingen/ })).toContainText('2099-01-15');

  // CSV for Excel: BOM, semicolons, CRLF, Swedish characters and statuses.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner som CSV (Excel)' }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toMatch(/^atgarder-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await csv.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('Åtgärd;Ansvariga;Klart senast;Status;Försenad;Grupper;Från möte;Årshjulet');
  expect(lines[1]).toBe('Planera medborgardialog på Kulturnatten;Moa Magnusson, Polisen Ånge;2023-05-01;Klar;;Klara-gruppen, Trygghetsrådet;;');
  expect(lines[2]).toBe('Följ utvecklingen i industriområdet;Josef Wiklund;2099-01-15;Ej påbörjad;;Trygghetsrådet;;');
  expect(lines[3]).toBe('Fältarna träffar föräldravandrarna igen;Fältarna;2099-12-31;Ej påbörjad;;;;');
  expect(lines[4]).toBe('');

  // Everything survives a reload.
  await page.reload();
  await expect(rows).toHaveCount(3);
  await expect(counts.locator('.status-done .count-number')).toHaveText('1');
});

test('an action from an agenda item: in the overview, in the next meeting\'s follow-up, closed there', async ({ page }) => {
  const nav = await council(page);
  await nav.getByRole('link', { name: 'Möten' }).click();
  const create = page.getByRole('region', { name: 'Nytt möte' });
  await create.getByLabel('Titel').fill('Trygghetsrådet februari');
  await create.getByLabel('Datum').fill('2023-02-07');
  await create.getByLabel('Trygghetsrådet').check();
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByRole('heading', { name: 'Trygghetsrådet februari', level: 1 })).toBeVisible();

  // Ny åtgärd under Lägesbild (item 4): tied to the meeting and the item.
  const lagesbild = page.locator('.agenda-item').nth(3);
  await expect(lagesbild.locator('.item-heading')).toHaveValue('Lägesbild');
  await lagesbild.getByRole('button', { name: 'Ny åtgärd' }).click();
  await fillAction(lagesbild.locator('.action-form'), {
    text: 'Fältarna träffar gruppen igen',
    people: ['Josef Wiklund'],
    organisations: 'Fältarna',
    due: '2023-04-30',
  });
  await expect(lagesbild.locator('.item-actions')).toContainText('Åtgärder från punkten');
  await expect(lagesbild.locator('.action-lines')).toContainText('Fältarna träffar gruppen igen');
  // A meeting does not follow up what it decided itself.
  const ownFollowUp = page.getByRole('region', { name: 'Åtgärder att följa upp' });
  await expect(ownFollowUp).not.toContainText('Fältarna träffar gruppen igen');
  const meetingUrl = page.url();

  // In the overview, with its owners and where it was decided.
  await nav.getByRole('link', { name: 'Åtgärder' }).click();
  const table = page.getByRole('table', { name: 'Åtgärder, tidigaste datum först' });
  const row = table.getByRole('row', { name: /Fältarna träffar gruppen igen/ });
  await expect(row).toContainText('Josef Wiklund, Fältarna');
  await expect(row).toContainText('Trygghetsrådet');
  await expect(page.locator('.status-counts .status-notStarted .count-number')).toHaveText('1');

  // The next meeting's Uppföljning av åtgärder lists it; closed there…
  await page.goto(meetingUrl);
  const next = page.getByRole('region', { name: 'Nästa möte' });
  const trygg = next.getByRole('group', { name: 'Trygghetsrådet' });
  await trygg.getByLabel('Datum').fill('2023-05-11');
  await trygg.getByLabel('Börjar').fill('13:00');
  await trygg.getByLabel('Slutar').fill('15:00');
  await next.getByRole('button', { name: 'Skapa nästa möte' }).click();
  await next.getByRole('link', { name: 'Trygghetsrådet' }).click();
  await expect(page.locator('#meeting-date')).toHaveValue('2023-05-11');
  const nextUrl = page.url();
  const followUp = page.getByRole('region', { name: 'Åtgärder att följa upp' });
  await expect(followUp.locator('.action-text')).toHaveText(['Fältarna träffar gruppen igen']);
  await followUp.getByLabel('Status för Fältarna träffar gruppen igen').selectOption({ label: 'Klar' });
  await expect(page.getByRole('status').filter({ hasText: 'Status ändrad till' })).toContainText('Klar');
  // …it stays listed as Klar while the meeting is open…
  await expect(followUp.getByLabel('Status för Fältarna träffar gruppen igen')).toHaveValue('done');

  // …and is closed everywhere: in the overview and under its agenda item.
  await nav.getByRole('link', { name: 'Åtgärder' }).click();
  await expect(page.locator('.status-counts .status-done .count-number')).toHaveText('1');
  await expect(row.getByLabel('Status för Fältarna träffar gruppen igen')).toHaveValue('done');
  await page.goto(meetingUrl);
  await expect(
    page.locator('.agenda-item').nth(3).getByLabel('Status för Fältarna träffar gruppen igen'),
  ).toHaveValue('done');
  // Opened again, the next meeting has nothing left to follow up.
  await page.goto(nextUrl);
  await expect(page.getByRole('region', { name: 'Åtgärder att följa upp' })).toContainText('Inga öppna åtgärder att följa upp.');
});

test('an action tied to a wheel event shows on the event', async ({ page }) => {
  const nav = await council(page);
  await addWheelEvent(page, 'Kulturnatten', 'Evenemang', '2023-05-26');

  await nav.getByRole('link', { name: 'Åtgärder' }).click();
  await page.getByRole('button', { name: 'Ny åtgärd' }).click();
  const form = page.locator('.action-form');
  await form.getByLabel('Händelse i årshjulet').selectOption({ label: '2023-05-26 Kulturnatten' });
  await fillAction(form, { text: 'Planera medborgardialog på Kulturnatten', people: ['Moa Magnusson'], due: '2023-05-01' });
  await expect(form).toHaveCount(0);

  await nav.getByRole('link', { name: 'Årshjul' }).click();
  await page.getByLabel('År', { exact: true }).fill('2023');
  await page.getByLabel('År', { exact: true }).press('Enter');
  await page.locator('.wheel-figure').getByRole('button', { name: /^Kulturnatten, 26 maj 2023/ }).focus();
  const details = page.getByRole('complementary', { name: 'Vald händelse' });
  await expect(details).toContainText('Kopplade åtgärder: Planera medborgardialog på Kulturnatten');
});
