// Meetings and minutes: a meeting from the template, filled in, bullets,
// reordered with the keyboard, the next meetings (also on the annual
// wheel), approved (read-only, logged), reopened, printed and exported;
// search and groups on the list; minutes imported from an OCR scan, and text
// that is not minutes refused.
import { test, expect } from '@playwright/test';
import { createCouncil as createWorkspace } from './app.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const examples = resolve(import.meta.dirname, '../../../shared/examples');
const menu = (page) => page.getByRole('navigation', { name: 'Huvudmeny' });
const TITLE = 'Trygghetsrådet och Klara-gruppen utvärderar och planerar';

async function headings(page) {
  return page.locator('.agenda-item .item-heading').evaluateAll((inputs) => inputs.map((i) => i.value));
}

async function addPerson(page, name, role, organisation) {
  const form = page.locator('.new-person');
  if (!(await form.evaluate((d) => d.open))) await form.locator('summary').click();
  await form.getByLabel('Namn').fill(name);
  await form.getByLabel('Roll').fill(role);
  await form.getByLabel('Organisation').fill(organisation);
  await form.getByRole('button', { name: 'Lägg till ny person' }).click();
  await expect(page.locator('.participant-list')).toContainText(name);
}

test('a meeting from the template: filled, reordered, next meetings, approved, reopened, printed, exported', async ({ page }) => {
  await createWorkspace(page);
  await expect(page.getByText('Inga möten ännu.')).toBeVisible();

  // A new meeting from the default template, for both groups.
  const create = page.getByRole('region', { name: 'Nytt möte' });
  await expect(create.getByLabel('Mall').locator('option:checked')).toHaveText(/^Rådsmöte \(/);
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(create.getByRole('alert')).toHaveText('Ange en titel för mötet.');
  await create.getByLabel('Titel').fill(TITLE);
  await create.getByLabel('Datum').fill('2023-02-07');
  await create.getByLabel('Trygghetsrådet').check();
  await create.getByLabel('Klara-gruppen').check();
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  const standing = ['Uppföljning av åtgärder', 'Summering', 'Framåtblick', 'Lägesbild', 'Årshjul', 'Övriga frågor', 'Nästa möte'];
  expect(await headings(page)).toEqual(standing);

  // Date, time and place.
  await expect(page.locator('#meeting-date')).toHaveValue('2023-02-07');
  await expect(page.locator('#meeting-date-spoken')).toHaveText('tisdag 7 februari 2023');
  await page.getByLabel('Börjar').first().fill('13:00');
  await page.getByLabel('Slutar').first().fill('15:00');
  await page.getByLabel('Plats', { exact: true }).first().fill('Corner, Medborgarhuset Ånge');
  await page.getByLabel('Länk till onlinemöte').fill('https://teams.example/m/123');

  // Participants: new people go into the register; one is absent; the note-taker.
  await addPerson(page, 'Moa Magnusson', 'folkhälsostrateg', 'Ånge kommun');
  await addPerson(page, 'Josef Wiklund', 'kommunpolis', 'Polisen');
  await page.getByLabel('Närvaro: Josef Wiklund').selectOption({ label: 'Frånvarande' });
  await page.getByLabel('Vid pennan').selectOption({ label: 'Moa Magnusson, folkhälsostrateg, Ånge kommun' });

  // Bullets in an item; typing keeps the caret where it is.
  const summering = page.getByLabel('Anteckningar, punkt 2');
  await summering.fill('En summering av arbetet 2022.\n- End of summer meet 25–27 augusti\n- Kulturnatten 26 maj');
  await summering.press('End');
  await summering.pressSequentially('\n- Industriområdet i Ånge är lugnare', { delay: 10 });
  await expect(summering).toHaveValue(
    'En summering av arbetet 2022.\n- End of summer meet 25–27 augusti\n- Kulturnatten 26 maj\n- Industriområdet i Ånge är lugnare',
  );

  // Reordering with the keyboard: focus stays on the moved item.
  const lagesbild = page.getByLabel('Rubrik, punkt 4');
  await expect(lagesbild).toHaveValue('Lägesbild');
  await lagesbild.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByLabel('Rubrik, punkt 3')).toHaveValue('Lägesbild');
  await expect(page.getByLabel('Rubrik, punkt 3')).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByLabel('Rubrik, punkt 2')).toHaveValue('Lägesbild');
  await expect(page.getByLabel('Rubrik, punkt 2')).toBeFocused();
  // And with the buttons, named after the item.
  await page.getByRole('button', { name: 'Flytta ned: Lägesbild' }).click();
  await expect(page.getByRole('button', { name: 'Flytta ned: Lägesbild' })).toBeFocused();
  expect(await headings(page)).toEqual(['Uppföljning av åtgärder', 'Summering', 'Lägesbild', 'Framåtblick', 'Årshjul', 'Övriga frågor', 'Nästa möte']);
  await expect(page.getByLabel('Anteckningar, punkt 2')).toHaveValue(/Industriområdet i Ånge är lugnare$/);
  // Text in a moved item moves with it.
  await page.getByLabel('Anteckningar, punkt 3').fill('Vi går igenom underlagen:\n- Polisens statistik\n- Skolans trivselenkät');
  // An item added and removed.
  await page.getByLabel('Ny punkt').fill('Extra punkt');
  await page.getByRole('button', { name: 'Lägg till punkt' }).click();
  await expect(page.getByLabel('Rubrik, punkt 8')).toHaveValue('Extra punkt');
  await page.getByRole('button', { name: 'Ta bort punkt: Extra punkt' }).click();
  await expect(page.locator('.agenda-item')).toHaveCount(7);

  // The next meetings, per group, with date and time.
  const next = page.getByRole('region', { name: 'Nästa möte' });
  const klara = next.getByRole('group', { name: 'Klara-gruppen' });
  await klara.getByLabel('Datum').fill('2023-05-11');
  await klara.getByLabel('Börjar').fill('10:00');
  await klara.getByLabel('Slutar').fill('12:00');
  await klara.getByLabel('Plats').fill('digitalt via Teams');
  const trygg = next.getByRole('group', { name: 'Trygghetsrådet' });
  await trygg.getByLabel('Datum').fill('2023-05-11');
  await trygg.getByLabel('Börjar').fill('13:00');
  await trygg.getByLabel('Slutar').fill('15:00');
  await trygg.getByLabel('Plats').fill('digitalt via Teams');
  await next.getByRole('button', { name: 'Skapa nästa möte' }).click();
  await expect(next.getByRole('status')).toHaveText('Skapade: Trygghetsrådet, Klara-gruppen');
  await expect(next.locator('.next-list li')).toHaveText([
    'Trygghetsrådet torsdag 11 maj 2023 13:00–15:00',
    'Klara-gruppen torsdag 11 maj 2023 10:00–12:00',
  ]);
  await expect(page.getByLabel('Anteckningar, punkt 7')).toHaveValue(
    '11 maj klockan 13–15 för Trygghetsrådet (digitalt via Teams).\n11 maj klockan 10–12 för Klara-gruppen (digitalt via Teams).',
  );
  const meetingUrl = page.url();

  // The next meeting has the template's items and the group's time.
  await next.getByRole('link', { name: 'Klara-gruppen' }).click();
  await expect(page.getByRole('heading', { name: 'Klara-gruppen', level: 1 })).toBeVisible();
  await expect(page.locator('#meeting-date')).toHaveValue('2023-05-11');
  await expect(page.getByLabel('Börjar').first()).toHaveValue('10:00');
  expect(await headings(page)).toEqual(standing);

  // Both are on the annual wheel's meetings ring (and in its list).
  await menu(page).getByRole('link', { name: 'Årshjul' }).click();
  await page.getByLabel('År', { exact: true }).fill('2023');
  await page.getByLabel('År', { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Lista', exact: true }).click();
  const wheelList = page.getByRole('region', { name: 'Händelser 2023' });
  await expect(wheelList.locator('.timeline-entry', { hasText: '11 maj 2023' })).toHaveCount(2);
  await expect(wheelList.locator('.timeline-entry', { hasText: '11 maj 2023' }).filter({ hasText: 'Klara-gruppen' })).toHaveCount(1);
  await expect(wheelList.locator('.timeline-entry', { hasText: TITLE })).toContainText('7 februari 2023');
  // Opening it from the wheel leads to the meeting.
  await wheelList.getByRole('button', { name: TITLE }).click();
  await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  expect(page.url()).toBe(meetingUrl);

  // Approval: recorded with who and when; the minutes become read-only.
  await page.getByRole('button', { name: 'Justera' }).click();
  await expect(page.getByRole('region', { name: 'Justering' }).getByRole('alert')).toHaveText('Ange vem som justerar.');
  await page.getByLabel('Justeras av').fill('Moa Magnusson');
  await page.getByRole('button', { name: 'Justera' }).click();
  const approval = page.getByRole('region', { name: 'Justering' });
  await expect(approval.locator('.status-line')).toHaveText('Status: Justerad');
  await expect(approval.locator('.status-log li')).toHaveText([/^Justerad av Moa Magnusson \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/]);
  await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toContainText('justerad');
  await expect(page.getByRole('note')).toContainText('kan inte ändras');
  await expect(page.locator('.meeting-page').locator('input, textarea, select')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '3. Lägesbild', level: 2 })).toBeVisible();
  await expect(page.locator('.minutes-item').nth(1).locator('li')).toHaveText([
    'End of summer meet 25–27 augusti',
    'Kulturnatten 26 maj',
    'Industriområdet i Ånge är lugnare',
  ]);
  // It stays approved after a reload.
  await page.reload();
  await expect(page.locator('.status-line')).toHaveText('Status: Justerad');
  await expect(page.locator('.meeting-page textarea')).toHaveCount(0);

  // Markdown export.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner som Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('minnesanteckningar-2023-02-07.md');
  const markdown = readFileSync(await file.path(), 'utf8');
  expect(markdown).toContain('# MINNESANTECKNINGAR\n\n## ' + TITLE);
  expect(markdown).toContain('**Datum:** 2023-02-07 (tisdag 7 februari 2023), 13:00–15:00');
  expect(markdown).toContain('**Deltagare:** Moa Magnusson, folkhälsostrateg, Ånge kommun');
  expect(markdown).toContain('**Frånvarande:** Josef Wiklund, kommunpolis, Polisen');
  expect(markdown).toContain('### 3. Lägesbild\n\nVi går igenom underlagen:\n\n- Polisens statistik\n- Skolans trivselenkät');
  expect(markdown).toContain('**Vid pennan:** Moa Magnusson, folkhälsostrateg, Ånge kommun');
  expect(markdown).toMatch(/\*Justerad av Moa Magnusson \d{4}-\d{2}-\d{2} \d{2}:\d{2}\*/);

  // The print view: laid out as minutes, every item, no navigation when printed.
  await page.getByRole('link', { name: 'Utskrift' }).click();
  const printed = page.locator('.minutes-print');
  await expect(printed.locator('.minutes-kind')).toHaveText('MINNESANTECKNINGAR');
  await expect(printed.locator('.minutes-date')).toHaveText('Datum 230207');
  await expect(printed.locator('.minutes-org')).toHaveText('Ånge kommun');
  await expect(printed.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(printed.locator('.minutes-item h2')).toHaveText(
    ['Uppföljning av åtgärder', 'Summering', 'Lägesbild', 'Framåtblick', 'Årshjul', 'Övriga frågor', 'Nästa möte'].map((h, i) => `${i + 1}. ${h}`),
  );
  await expect(printed.locator('.minutes-facts')).toContainText('Corner, Medborgarhuset Ånge');
  await expect(printed.locator('.minutes-facts')).toContainText('Moa Magnusson, folkhälsostrateg, Ånge kommun');
  await expect(printed.locator('.pen')).toContainText('Vid pennan');
  await expect(printed.locator('.pen')).toContainText('Moa Magnusson, folkhälsostrateg, Ånge kommun');
  await expect(printed.locator('.minutes-approved')).toHaveText(/^Justerad av Moa Magnusson/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  await expect(printed.locator('.minutes-item h2').last()).toBeVisible();
  // The PDF is A4 portrait (595 × 842 points), even though the wheel prints landscape.
  const pdfBytes = await page.pdf({ preferCSSPageSize: true });
  expect(pdfBytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
  // Read back (poppler's pdftotext): the page number in the margin, every item.
  const pdfFile = join(mkdtempSync(join(tmpdir(), 'radslag-print-')), 'minutes.pdf');
  writeFileSync(pdfFile, pdfBytes);
  const pdfText = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(pdfText).toMatch(/Sida 1 \(\d\)/);
  for (const text of ['MINNESANTECKNINGAR', 'Datum 230207', '7. Nästa möte', 'Vid pennan', 'Industriområdet i Ånge är lugnare']) {
    expect(pdfText).toContain(text);
  }
  await page.emulateMedia({ media: 'screen' });

  // Reopening asks first, and is recorded too.
  await page.getByRole('link', { name: 'Tillbaka till mötet' }).click();
  await page.getByRole('button', { name: 'Öppna för ändring' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('noteras det i loggen');
  await confirm.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.locator('.status-line')).toHaveText('Status: Justerad');
  await page.getByRole('button', { name: 'Öppna för ändring' }).click();
  await page.getByRole('alertdialog').getByLabel('Öppnas av').fill('Josef Wiklund');
  await page.getByRole('button', { name: 'Ja, öppna för ändring' }).click();
  await expect(page.locator('.status-line')).toHaveText('Status: Utkast');
  await expect(page.locator('.status-log li')).toHaveText([
    /^Justerad av Moa Magnusson \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    /^Öppnad för ändring av Josef Wiklund \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
  ]);
  await expect(page.getByLabel('Rubrik, punkt 1')).toBeEditable();

  // The list: past meetings, search across all minutes text, per group.
  await menu(page).getByRole('link', { name: 'Möten' }).click();
  const past = page.getByRole('region', { name: 'Tidigare' });
  await expect(past.locator('li strong')).toHaveText(['Trygghetsrådet', 'Klara-gruppen', TITLE]);
  await page.getByLabel('Sök i minnesanteckningar').fill('INDUSTRIOMRADET ange');
  const found = page.getByRole('region', { name: 'Träffar' });
  await expect(found.locator('li strong')).toHaveText([TITLE]);
  await expect(found.locator('.context')).toHaveText('- Industriområdet i Ånge är lugnare');
  await page.getByLabel('Sök i minnesanteckningar').fill('trivselenkat');
  await expect(found.locator('li strong')).toHaveText([TITLE]);
  await page.getByLabel('Sök i minnesanteckningar').fill('finns inte någonstans');
  await expect(found).toContainText('Inga minnesanteckningar innehåller det du söker.');
  await page.getByLabel('Sök i minnesanteckningar').fill('');
  await page.getByLabel('Grupp', { exact: true }).selectOption({ label: 'Klara-gruppen' });
  await expect(past.locator('li strong')).toHaveText(['Klara-gruppen', TITLE]);
});

test('templates are edited per workspace and used by new meetings', async ({ page }) => {
  await createWorkspace(page);
  const templates = page.locator('details.templates');
  await templates.locator('summary').click();
  const form = templates.locator('form.template-form').last();
  await form.getByLabel('Mallens namn').fill('Klara-gruppen');
  await form.getByLabel('Punkter').fill('Aktuellt från skolorna\nFältarna\nÖvriga frågor');
  await form.getByRole('button', { name: 'Lägg till mall' }).click();
  await expect(templates.getByLabel('Mallens namn')).toHaveCount(3);
  const create = page.getByRole('region', { name: 'Nytt möte' });
  await create.getByLabel('Mall').selectOption({ label: 'Klara-gruppen (Aktuellt från skolorna, Fältarna, Övriga frågor)' });
  await create.getByLabel('Titel').fill('Klara-gruppen');
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByRole('heading', { name: 'Klara-gruppen', level: 1 })).toBeVisible();
  expect(await headings(page)).toEqual(['Aktuellt från skolorna', 'Fältarna', 'Övriga frågor']);
  // The list shows it as upcoming (no date).
  await menu(page).getByRole('link', { name: 'Möten' }).click();
  await expect(page.getByRole('region', { name: 'Kommande' }).locator('li strong')).toHaveText(['Klara-gruppen']);
});

test('participants are picked from the people register, one by one or a group at a time', async ({ page }) => {
  await createWorkspace(page);
  await menu(page).getByRole('link', { name: 'Personer' }).click();
  const person = page.locator('form.person-form').last();
  for (const [name, role, group] of [
    ['Per Håkansson', 'rektor', 'Klara-gruppen'],
    ['Lena Bjelkström', 'fältsekreterare', 'Trygghetsrådet'],
  ]) {
    await person.getByLabel('Namn').fill(name);
    await person.getByLabel('Roll').fill(role);
    await person.getByLabel('Organisation').fill('Ånge kommun');
    await person.getByLabel(group).check();
    await person.getByRole('button', { name: 'Lägg till person' }).click();
    await expect(page.locator('.people-list')).toContainText(name);
  }
  await menu(page).getByRole('link', { name: 'Möten' }).click();
  const create = page.getByRole('region', { name: 'Nytt möte' });
  await create.getByLabel('Titel').fill('Klara-gruppen');
  await create.getByLabel('Klara-gruppen').check();
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByRole('heading', { name: 'Klara-gruppen', level: 1 })).toBeVisible();

  const pick = page.getByLabel('Lägg till deltagare');
  await expect(pick.locator('option')).toHaveText([
    'Välj person…',
    'Lena Bjelkström, fältsekreterare, Ånge kommun',
    'Per Håkansson, rektor, Ånge kommun',
  ]);
  await pick.selectOption({ label: 'Lena Bjelkström, fältsekreterare, Ånge kommun' });
  await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(page.locator('.participant-list')).toContainText('Lena Bjelkström');
  // The meeting's groups' members in one click; nobody twice.
  await page.getByRole('button', { name: 'Lägg till gruppernas medlemmar' }).click();
  await expect(page.locator('.participant-list > li')).toHaveCount(2);
  await expect(page.locator('.participant-list')).toContainText('Per Håkansson');
  await expect(pick.locator('option')).toHaveText(['Välj person…']);
  await expect(page.getByLabel('Närvaro: Per Håkansson')).toHaveValue('present');
});

test('minutes from an OCR scan import through the UI; text that is not minutes imports nothing', async ({ page }) => {
  await createWorkspace(page);
  await page.getByRole('link', { name: 'Importera minnesanteckningar' }).click();
  await expect(page.getByRole('heading', { name: 'Importera minnesanteckningar', level: 1 })).toBeVisible();

  // Not minutes: a clear message, no preview, nothing imported.
  await page.getByLabel('Text att importera').fill('Inköpslista\nmjölk\nbröd\nkaffe');
  await page.getByRole('button', { name: 'Läs in texten' }).click();
  await expect(page.locator('.import-error')).toContainText('Texten ser inte ut som minnesanteckningar');
  await expect(page.getByRole('heading', { name: 'Förhandsgranskning' })).toHaveCount(0);

  // The OCR example, as a file.
  await page.getByLabel('Eller välj filer (.pdf, .docx, .txt)').setInputFiles(resolve(examples, 'minutes-2023-02-07.ocr.txt'));
  await expect(page.getByRole('heading', { name: 'Förhandsgranskning' })).toBeVisible();
  await expect(page.locator('.import-error')).toBeEmpty();
  // It asks for what the scan lacks.
  await expect(page.locator('.missing-summary')).toHaveText('Texten saknar: datum, plats, deltagare. Fyll i det nedan.');
  await expect(page.locator('[id$="-date-missing"]')).toHaveText('Saknas i texten');
  await expect(page.locator('[id$="-place-missing"]')).toHaveText('Saknas i texten');
  await expect(page.locator('[id$="-present-missing"]')).toHaveText('Saknas i texten');
  // The date the text lacks is taken from the file's name.
  await expect(page.getByLabel('Datum')).toHaveValue('2023-02-07');
  // The same six items as the PDF, with their bullets, and the note-taker.
  const items = page.locator('.import-item');
  await expect(items).toHaveCount(6);
  const expected = ['Summering och utvärdering av 2022', 'Framåtblick 2023, 2024, 2025 och 2026', 'Lägesbildsarbete', 'Årshjul 2023', 'Övriga frågor', 'Nästa möte'];
  for (const [i, heading] of expected.entries()) {
    await expect(page.getByLabel(`Rubrik, punkt ${i + 1}`, { exact: true })).toHaveValue(heading);
  }
  await expect(page.getByLabel('Anteckningar, punkt 1', { exact: true })).toHaveValue(/\n- Kulturnatten kommer genomföras den 26 maj 2023/);
  await expect(page.getByLabel('Vid pennan')).toHaveValue('Moa Magnusson');
  await expect(page.getByLabel('Roll för den som för anteckningar')).toHaveValue(/^folkhälsostrateg och samordnare/);
  await expect(page.getByText('Texten såg ut att vara skannad')).toBeVisible();
  // The groups, from the next meetings.
  await expect(page.getByRole('checkbox', { name: 'Klara-gruppen' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Trygghetsrådet' })).toBeChecked();

  // Importing without a date is refused.
  await page.getByLabel('Datum').fill('');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.locator('[id$="-date-error"]')).toHaveText('Ange mötets datum.');
  await expect(page.getByLabel('Datum')).toBeFocused();

  await page.getByLabel('Titel').fill(TITLE);
  await page.getByLabel('Datum').fill('2023-02-07');
  await page.getByLabel('Plats').fill('Corner, Medborgarhuset Ånge');
  await page.getByLabel('Deltagare').fill('Moa Magnusson, folkhälsostrateg, Ånge kommun\nJosef Wiklund, kommunpolis, Polisen\nPer Håkansson, rektor');
  // The next meetings follow the date given.
  await expect(page.locator('.import-next li')).toHaveText([
    'Klara-gruppen · torsdag 11 maj 2023 · 10:00–12:00 · digitalt via Teams',
    'Trygghetsrådet · torsdag 11 maj 2023 · 13:00–15:00 · digitalt via Teams',
  ]);
  await expect(page.getByText('3 nya personer läggs till i registret')).toBeVisible();
  await page.getByRole('button', { name: 'Importera', exact: true }).click();

  // The meeting, with its six items.
  await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await expect(page.locator('.agenda-item')).toHaveCount(6);
  expect(await headings(page)).toEqual(expected);
  await expect(page.getByLabel('Anteckningar, punkt 6')).toHaveValue(/11 maj klockan 10-12 för Klara-gruppen/);
  await expect(page.locator('#meeting-date')).toHaveValue('2023-02-07');
  await expect(page.locator('#meeting-place')).toHaveValue('Corner, Medborgarhuset Ånge');
  await expect(page.locator('.participant-name')).toHaveText(['Moa Magnusson', 'Josef Wiklund', 'Per Håkansson']);
  await expect(page.getByLabel('Vid pennan').locator('option:checked')).toHaveText('Moa Magnusson, folkhälsostrateg, Ånge kommun');
  await expect(page.getByRole('region', { name: 'Nästa möte' }).locator('.next-list li')).toHaveText([
    'Klara-gruppen torsdag 11 maj 2023 10:00–12:00',
    'Trygghetsrådet torsdag 11 maj 2023 13:00–15:00',
  ]);
  // The people are in the register.
  await menu(page).getByRole('link', { name: 'Personer' }).click();
  await expect(page.locator('.people-list .person-name')).toHaveText(['Josef Wiklund', 'Moa Magnusson', 'Per Håkansson']);
});
