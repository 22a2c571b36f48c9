// Keyboard only: a member who uses no mouse creates a meeting, writes in an
// agenda item, adds an action under it and approves the minutes. Every step
// is reached with Tab (and Shift+Tab) from where the focus is, and done with
// the keyboard: no click, no focus set by the test.
import { test, expect } from '@playwright/test';
import { createCouncil } from './app.js';

/// Presses Tab until the focused element is `locator` (at most 250 times).
async function tabTo(page, locator, back = false) {
  const target = await locator.elementHandle();
  for (let i = 0; i < 250; i++) {
    if (await page.evaluate((el) => document.activeElement === el, target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`never reached with ${back ? 'Shift+Tab' : 'Tab'}: ${locator}`);
}

test('a meeting created, filled in, given an action and approved with the keyboard alone', async ({ page }) => {
  await createCouncil(page);
  const create = page.getByRole('region', { name: 'Nytt möte' });
  await tabTo(page, create.getByLabel('Titel'));
  await page.keyboard.type('Trygghetsrådet mars');
  await tabTo(page, create.getByLabel('Datum'));
  await page.keyboard.type('2024-03-19');
  await tabTo(page, create.getByLabel('Trygghetsrådet'));
  await page.keyboard.press('Space');
  await tabTo(page, create.getByRole('button', { name: 'Skapa möte' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Trygghetsrådet mars', level: 1 })).toBeVisible();

  // Writing in Lägesbild.
  const notes = page.getByLabel('Anteckningar, punkt 4', { exact: true });
  await tabTo(page, notes);
  await page.keyboard.type('Skolan upplever att stämningen är lugnare.');
  await expect(notes).toHaveValue('Skolan upplever att stämningen är lugnare.');

  // An action under it.
  const item = page.locator('.agenda-item').nth(3);
  await tabTo(page, item.getByRole('button', { name: 'Ny åtgärd' }));
  await page.keyboard.press('Enter');
  const form = item.locator('.action-form');
  await tabTo(page, form.getByLabel('Vad ska göras?'), true);
  await page.keyboard.type('Fältarna träffar gruppen igen');
  await tabTo(page, form.getByLabel('Klart senast'));
  await page.keyboard.type('2024-04-30');
  await tabTo(page, form.getByRole('button', { name: 'Spara åtgärd' }));
  await page.keyboard.press('Enter');
  await expect(item.locator('.action-lines')).toContainText('Fältarna träffar gruppen igen');

  // Approved.
  await tabTo(page, page.getByLabel('Justeras av'));
  await page.keyboard.type('Moa Magnusson');
  await tabTo(page, page.getByRole('button', { name: 'Justera' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.status-line')).toHaveText('Status: Justerad');
  await expect(notes).toHaveCount(0);
  await expect(page.getByText('Skolan upplever att stämningen är lugnare.')).toBeVisible();
});
