// Årshjul: add an event, see it on the wheel and in the list, filter it
// away, export the wheel as .ics and SVG, and a recurring campaign week.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addWheelEvent } from './app.js';
import { syncStatus } from './peers.js';

async function createWorkspace(page, name, groups) {
  await page.goto('/');
  await page.getByLabel('Rådets namn').fill(name);
  await page.getByLabel('Organisation').fill('Ånge kommun');
  await page.getByPlaceholder('Gruppens namn').first().fill(groups[0]);
  for (const group of groups.slice(1)) {
    await page.getByRole('button', { name: 'Lägg till grupp' }).click();
    await page.getByPlaceholder('Gruppens namn').last().fill(group);
  }
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await expect(page.getByRole('heading', { name: 'Möten' })).toBeVisible();
}

async function goToYear(page, year) {
  await page.getByLabel('År', { exact: true }).fill(String(year));
  await page.getByLabel('År', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { name: `Årshjul ${year}`, level: 1 })).toBeVisible();
}

test('an event on the wheel and in the list, filtered away, exported as .ics and SVG', async ({ page }) => {
  await createWorkspace(page, 'Trygghetsrådet och Klara-gruppen', ['Trygghetsrådet', 'Klara-gruppen']);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Årshjul' }).click();
  await expect(page.getByRole('heading', { name: /^Årshjul \d{4}$/, level: 1 })).toBeVisible();

  // The default categories are there, as filters and in the legend.
  const filters = page.getByRole('group', { name: 'Filter' });
  for (const category of ['Möten', 'Evenemang', 'Kampanjveckor', 'Lagändringar', 'Mätningar', 'Dialoger', 'Uppföljning']) {
    await expect(filters.getByLabel(category, { exact: true })).toBeChecked();
  }

  // Add End of summer meet, 25–27 August 2023, for Klara-gruppen.
  await page.getByRole('button', { name: 'Ny händelse' }).click();
  const form = page.locator('.wheel-form');
  await expect(form.getByLabel('Rubrik')).toBeFocused();
  await form.getByLabel('Rubrik').fill('End of summer meet');
  await form.getByLabel('Kategori').selectOption({ label: 'Evenemang' });
  await form.getByLabel('Från').fill('2023-08-25');
  await form.getByLabel('Till och med', { exact: true }).fill('2023-08-27');
  await form.getByLabel('Klara-gruppen').check();
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(form).toHaveCount(0);

  await goToYear(page, 2023);
  const wheel = page.locator('.wheel-figure');
  const arc = wheel.getByRole('button', { name: 'End of summer meet, 25–27 augusti 2023, Evenemang' });
  await expect(arc).toBeVisible();
  await expect(arc.locator('path')).toHaveCount(1); // an arc, not a dot

  // Keyboard: Tab from the filters' last button reaches the event; its details show.
  await page.getByRole('button', { name: 'Rensa filter' }).focus();
  await page.keyboard.press('Tab');
  await expect(arc).toBeFocused();
  const details = page.getByRole('complementary', { name: 'Vald händelse' });
  await expect(details).toContainText('End of summer meet');
  await expect(details).toContainText('25–27 augusti 2023');
  await expect(details).toContainText('Klara-gruppen');
  // Enter opens it in the form.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Redigera händelse' })).toBeVisible();
  await expect(form.getByLabel('Rubrik')).toHaveValue('End of summer meet');
  await form.getByRole('button', { name: 'Avbryt' }).click();

  // The list shows it under August, week 34.
  await page.getByRole('button', { name: 'Lista', exact: true }).click();
  const list = page.getByRole('region', { name: 'Händelser 2023' });
  await expect(list.getByRole('heading', { name: 'augusti 2023' })).toBeVisible();
  await expect(list.getByRole('heading', { name: 'Vecka 34' })).toBeVisible();
  await expect(list.locator('.timeline-entry')).toHaveCount(1);
  await expect(list.locator('.timeline-entry')).toContainText('End of summer meet');
  await expect(list.locator('.timeline-entry')).toContainText('25–27 augusti 2023');

  // Filter by Trygghetsrådet: gone from the list and from the wheel.
  await page.getByLabel('Grupp', { exact: true }).selectOption({ label: 'Trygghetsrådet' });
  await expect(list.locator('.timeline-entry')).toHaveCount(0);
  await expect(list.getByText('Inga händelser under perioden.')).toBeVisible();
  await page.getByRole('button', { name: 'Hjul', exact: true }).click();
  await expect(wheel.getByRole('button', { name: /End of summer meet/ })).toHaveCount(0);
  // A hidden category hides it too; clearing brings it back.
  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await expect(arc).toBeVisible();
  await filters.getByLabel('Evenemang', { exact: true }).uncheck();
  await expect(arc).toHaveCount(0);
  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await expect(arc).toBeVisible();

  // Zoom to the third quarter: still there; to March: not.
  await page.getByLabel('Period').selectOption({ label: 'Kvartal 3 (juli–september)' });
  await expect(arc).toBeVisible();
  await page.getByLabel('Period').selectOption({ label: 'Mars' });
  await expect(arc).toHaveCount(0);
  await page.getByLabel('Period').selectOption({ label: 'Hela året' });

  // Export the whole wheel as .ics.
  const icsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner kalender (.ics)' }).click();
  const ics = await icsDownload;
  expect(ics.suggestedFilename()).toBe('arshjul-trygghetsradet-och-klara-gruppen.ics');
  const text = readFileSync(await ics.path(), 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  expect(text).toContain('SUMMARY:End of summer meet\r\n');
  expect(text).toContain('DTSTART;VALUE=DATE:20230825\r\n');
  expect(text).toContain('DTEND;VALUE=DATE:20230828\r\n');
  expect(text).toContain('CATEGORIES:Evenemang\r\n');
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

  // One group's calendar leaves other groups' events out.
  await page.getByLabel('Kalender för').selectOption({ label: 'Trygghetsrådet' });
  const groupDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner kalender (.ics)' }).click();
  const groupIcs = readFileSync(await (await groupDownload).path(), 'utf8');
  expect(groupIcs).toContain('BEGIN:VCALENDAR');
  expect(groupIcs).not.toContain('End of summer meet');

  // A campaign every year in week 40.
  await page.getByRole('button', { name: 'Ny händelse' }).click();
  await form.getByLabel('Rubrik').fill('Kampanjvecka mot langning');
  await form.getByLabel('Kategori').selectOption({ label: 'Kampanjveckor' });
  await form.getByLabel('Från').fill('2023-10-02');
  await form.getByLabel('Till och med', { exact: true }).fill('2023-10-08');
  await form.getByLabel('Upprepas').selectOption({ label: 'Varje år samma vecka' });
  await expect(form.getByLabel('Vecka')).toHaveValue('40');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(wheel.getByRole('button', { name: 'Kampanjvecka mot langning, 2–8 oktober 2023, Kampanjveckor' })).toBeVisible();
  await page.getByRole('button', { name: 'Nästa år' }).click();
  await expect(page.getByRole('heading', { name: 'Årshjul 2024', level: 1 })).toBeVisible();
  await expect(
    wheel.getByRole('button', { name: 'Kampanjvecka mot langning, 30 september – 6 oktober 2024, Kampanjveckor' }),
  ).toBeVisible();
  await expect(wheel.getByRole('button', { name: /End of summer meet/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Lista', exact: true }).click();
  const list2024 = page.getByRole('region', { name: 'Händelser 2024' });
  await expect(list2024.getByRole('heading', { name: 'Vecka 40' })).toBeVisible();
  await expect(list2024.locator('.timeline-entry')).toContainText('återkommande');
  await page.getByRole('button', { name: 'Hjul', exact: true }).click();

  // The wheel as SVG for a presentation.
  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner SVG' }).click();
  const svg = await svgDownload;
  expect(svg.suggestedFilename()).toBe('arshjul-trygghetsradet-och-klara-gruppen-2024.svg');
  const svgText = readFileSync(await svg.path(), 'utf8');
  expect(svgText).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svgText).toContain('Kampanjvecka mot langning');
  expect(svgText).toContain('>oktober</text>');

  // And as PNG.
  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner PNG' }).click();
  const png = readFileSync(await (await pngDownload).path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');

  // Leaving the page and coming back finds the same year.
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await nav.getByRole('link', { name: 'Personer' }).click();
  await nav.getByRole('link', { name: 'Årshjul' }).click();
  await expect(page.getByRole('heading', { name: 'Årshjul 2024', level: 1 })).toBeVisible();

  // Printed, the wheel fits on one A4 landscape page.
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });

  // Everything survives a reload.
  await page.reload();
  await goToYear(page, 2023);
  await expect(arc).toBeVisible();
});

test('categories can be recoloured, with a contrast check, and added', async ({ page }) => {
  await createWorkspace(page, 'Trygghetsrådet', ['Trygghetsrådet']);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Årshjul' }).click();

  // A category with too little contrast is flagged.
  await page.getByText('Kategorier och färger').click();
  const row = page.locator('.category-row').filter({ has: page.getByLabel('Namn (Evenemang)') });
  await expect(row.locator('.contrast')).toContainText('Kontrast mot vitt');
  await row.getByLabel('Färg (Evenemang)').evaluate((input) => {
    input.value = '#ffff00';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(row.locator('.contrast')).toContainText('För låg kontrast');
  await page.getByLabel('Lägg till kategori').fill('Arbetsplatsträffar');
  await page.getByRole('button', { name: 'Lägg till kategori' }).click();
  await expect(page.getByRole('group', { name: 'Filter' }).getByLabel('Arbetsplatsträffar')).toBeChecked();
});

test('the subscription address serves the calendar under a read-only token; a new address retires the old one', async ({ page, request }) => {
  await createWorkspace(page, 'Trygghetsrådet', ['Trygghetsrådet']);
  const id = page.url().match(/\/w\/([^/]+)\//)[1];
  await addWheelEvent(page, 'Kulturnatten', 'Evenemang', '2026-05-29');
  await expect(syncStatus(page, 'Allt synkat')).toBeVisible();
  const address = page.getByLabel('Prenumerationsadress');
  await expect(address).toHaveValue(/\/ics\/[^/]+\.ics$/, { timeout: 30_000 });
  const first = await address.inputValue();
  // The address is not the workspace's id, which is its write key.
  expect(first).not.toContain(id);
  const feed = await request.get(first);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('SUMMARY:Kulturnatten');

  await page.getByRole('button', { name: 'Ny adress (den gamla slutar fungera)' }).click();
  await expect(address).not.toHaveValue(first);
  const second = await address.inputValue();
  expect((await request.get(first)).status()).toBe(404);
  expect(await (await request.get(second)).text()).toContain('SUMMARY:Kulturnatten');
});
