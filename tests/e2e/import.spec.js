// Bringing an archive in the browser: several minutes files at once (.pdf,
// .docx, .txt) read by the file reader worker, each with its preview (what
// was read, what will be added), skipped or corrected, one "Importera alla";
// a file already imported (same date and title) recognised and not added
// twice; files that are not minutes, scans and files that crash the reader
// refused with a reason while the rest import. The .pdf and .docx in
// fixtures/ were written by the core's `minutes_import::files::fixtures`
// (a Word-style numbered .docx with a header table, and a text PDF).
import { test, expect } from '@playwright/test';
import { createCouncil as createWorkspace } from './app.js';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';

const examples = resolve(import.meta.dirname, '../../../shared/examples');
const fixtures = resolve(import.meta.dirname, 'fixtures');
const menu = (page) => page.getByRole('navigation', { name: 'Huvudmeny' });

const card = (page, name) => page.getByRole('article', { name });
const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', txt: 'text/plain' };
// Files from disk (paths) and made here (buffers) in one choice.
const asBuffer = (file) =>
  typeof file === 'string' ? { name: basename(file), mimeType: MIME[file.split('.').pop()], buffer: readFileSync(file) } : file;
const chooseFiles = (page, files) =>
  page.getByLabel('Eller välj filer (.pdf, .docx, .txt)').setInputFiles([files].flat().map(asBuffer));

test('several minutes files import at once, each previewed; one already there is recognised', async ({ page }) => {
  await createWorkspace(page);
  // The example minutes, imported once (as a single file it opens at once).
  await page.getByRole('link', { name: 'Importera minnesanteckningar' }).click();
  await chooseFiles(page, resolve(examples, 'minutes-2023-02-07.pdf.txt'));
  await expect(page.getByLabel('Datum')).toHaveValue('2023-02-07');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.locator('.agenda-item')).toHaveCount(6);

  // The archive: a text PDF, a Word file, the same minutes again, a copy of
  // the PDF under another name, a shopping list, a scan and a broken PDF.
  await menu(page).getByRole('link', { name: 'Möten' }).click();
  await page.getByRole('link', { name: 'Importera minnesanteckningar' }).click();
  await chooseFiles(page, [
    resolve(fixtures, 'trygghetsradet-hostmote.pdf'),
    resolve(fixtures, 'klara-gruppen-2024-03-19.docx'),
    resolve(examples, 'minutes-2023-02-07.pdf.txt'),
    { name: 'hostmote-kopia.pdf', mimeType: 'application/pdf', buffer: readFileSync(resolve(fixtures, 'trygghetsradet-hostmote.pdf')) },
    { name: 'inkop.txt', mimeType: 'text/plain', buffer: Buffer.from('Mjölk\nBröd\nÄgg\n') },
    { name: 'skanning.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
    { name: 'trasig.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') },
  ]);

  // Each file's preview: what was read and what will be added.
  const pdf = card(page, 'trygghetsradet-hostmote.pdf');
  await expect(pdf.locator('.import-read')).toHaveText('Läst: 3 punkter, 3 personer, 1 nästa möte.');
  // Its three people are in the register already (from the first minutes).
  await expect(pdf.locator('.import-adds')).toHaveText('Läggs till: «Trygghetsrådet höstmöte», tisdag 12 september 2023.');
  const docx = card(page, 'klara-gruppen-2024-03-19.docx');
  await expect(docx.locator('.import-read')).toHaveText(/^Läst: 3 punkter, 2 personer/);
  await expect(docx.locator('.import-adds')).toContainText('tisdag 19 mars 2024, 2 nya personer');
  // Already imported, and twice in this batch: recognised, skipped.
  const again = card(page, 'minutes-2023-02-07.pdf.txt');
  await expect(again.locator('.duplicate')).toHaveText('Finns redan i arbetsytan: Trygghetsrådet och Klara-gruppen utvärderar och planerar. Hoppas över.');
  await expect(again.getByRole('link', { name: 'Trygghetsrådet och Klara-gruppen utvärderar och planerar' })).toBeVisible();
  await expect(card(page, 'hostmote-kopia.pdf').locator('.duplicate')).toHaveText('Samma datum och titel som trygghetsradet-hostmote.pdf. Hoppas över.');
  // Not minutes, a scan, and a file the reader cannot read: each says why.
  await expect(card(page, 'inkop.txt').locator('.error')).toContainText('Texten ser inte ut som minnesanteckningar');
  await expect(card(page, 'skanning.png').locator('.error')).toContainText('Filen är skannad och saknar text');
  await expect(card(page, 'trasig.pdf').locator('.error')).toContainText('PDF-filen kan inte läsas');

  // Corrected before importing: the Word file's title.
  await docx.getByText('Granska och rätta').click();
  await docx.getByLabel('Titel').fill('Klara-gruppen mars');
  await expect(docx.locator('.import-adds')).toContainText('«Klara-gruppen mars»');
  await expect(page.getByRole('button', { name: 'Importera alla (2)' })).toBeVisible();
  // Skipping one, then taking it back.
  await docx.getByLabel('Importera filen').uncheck();
  await expect(page.getByRole('button', { name: 'Importera alla (1)' })).toBeVisible();
  await docx.getByLabel('Importera filen').check();
  // With the PDF skipped, its copy is no longer a duplicate: it would be
  // imported in its place.
  await pdf.getByLabel('Importera filen').uncheck();
  await expect(card(page, 'hostmote-kopia.pdf').locator('.duplicate')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Importera alla (2)' })).toBeVisible();
  await pdf.getByLabel('Importera filen').check();
  await expect(card(page, 'hostmote-kopia.pdf').locator('.duplicate')).toHaveText('Samma datum och titel som trygghetsradet-hostmote.pdf. Hoppas över.');
  await page.getByRole('button', { name: 'Importera alla (2)' }).click();

  await expect(page.locator('.import-done')).toContainText('2 möten importerade');
  await expect(page.locator('.import-done-list li')).toHaveText(['Trygghetsrådet höstmöte', 'Klara-gruppen mars']);
  await page.locator('.import-done-list').getByRole('link', { name: 'Klara-gruppen mars' }).click();
  await expect(page.getByRole('heading', { name: 'Klara-gruppen mars', level: 1 })).toBeVisible();
  await expect(page.locator('.agenda-item .item-heading').first()).toHaveValue('Mötets öppnande');

  // Three meetings from the archive, each once, and the next meetings.
  await menu(page).getByRole('link', { name: 'Möten' }).click();
  for (const title of ['Trygghetsrådet höstmöte', 'Klara-gruppen mars', 'Trygghetsrådet och Klara-gruppen utvärderar och planerar']) {
    await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(1);
  }
  // Importing the same files again adds nothing.
  await page.getByRole('link', { name: 'Importera minnesanteckningar' }).click();
  await chooseFiles(page, [resolve(fixtures, 'trygghetsradet-hostmote.pdf'), resolve(fixtures, 'klara-gruppen-2024-03-19.docx')]);
  await expect(card(page, 'trygghetsradet-hostmote.pdf').locator('.duplicate')).toContainText('Finns redan i arbetsytan');
  await expect(card(page, 'klara-gruppen-2024-03-19.docx').locator('.duplicate')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Importera minnesanteckningar', level: 1 })).toBeVisible();
});

test('a file that crashes the reader is refused, and the next files still read', async ({ page }) => {
  await createWorkspace(page);
  await page.getByRole('link', { name: 'Importera minnesanteckningar' }).click();
  // A PDF whose object graph loops, then a good file.
  const looping = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  await chooseFiles(page, [
    { name: 'loop.pdf', mimeType: 'application/pdf', buffer: Buffer.from(looping) },
    resolve(fixtures, 'trygghetsradet-hostmote.pdf'),
  ]);
  await expect(card(page, 'loop.pdf').locator('.error')).toBeVisible({ timeout: 70_000 });
  await expect(card(page, 'trygghetsradet-hostmote.pdf').locator('.import-read')).toHaveText(/^Läst: 3 punkter/);
  // The app goes on: one meeting imported opens at once.
  await page.getByRole('button', { name: 'Importera alla (1)' }).click();
  await expect(page.getByRole('heading', { name: 'Trygghetsrådet höstmöte', level: 1 })).toBeVisible();
});
