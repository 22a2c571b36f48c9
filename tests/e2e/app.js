// What many tests do in the app: the main menu, the people register, an
// event on the annual wheel, and a browser storage filled to its quota.
import { expect } from '@playwright/test';

export const menu = (page) => page.getByRole('navigation', { name: 'Huvudmeny' });
export const names = (page) => page.locator('.people-list .person-name');

/// Adds a person by name on the Personer page.
export async function addPerson(page, name) {
  await menu(page).getByRole('link', { name: 'Personer' }).click();
  const form = page.locator('form.person-form').last();
  await form.getByLabel('Namn').fill(name);
  await form.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(names(page).filter({ hasText: name })).toBeVisible();
}

/// Adds an event on the annual wheel (a single day).
export async function addWheelEvent(page, title, category, date) {
  await menu(page).getByRole('link', { name: 'Årshjul' }).click();
  await page.getByRole('button', { name: 'Ny händelse' }).click();
  const form = page.locator('.wheel-form');
  await form.getByLabel('Rubrik').fill(title);
  await form.getByLabel('Kategori').selectOption({ label: category });
  await form.getByLabel('Från').fill(date);
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(form).toHaveCount(0);
}

/// Fills the rest of localStorage, down to the last few characters.
export async function fillStorage(page) {
  await page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler.${n++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

/// Frees what fillStorage took.
export async function freeStorage(page) {
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
}
