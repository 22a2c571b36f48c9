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

/// A new workspace for a council with two groups, Trygghetsrådet and
/// Klara-gruppen, opened on its meetings list.
export async function createCouncil(page) {
  await page.goto('/');
  await page.getByLabel('Rådets namn').fill('Trygghetsrådet och Klara-gruppen');
  await page.getByLabel('Organisation').fill('Ånge kommun');
  await page.getByPlaceholder('Gruppens namn').first().fill('Trygghetsrådet');
  await page.getByRole('button', { name: 'Lägg till grupp' }).click();
  await page.getByPlaceholder('Gruppens namn').last().fill('Klara-gruppen');
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await expect(page.getByRole('heading', { name: 'Möten', level: 1 })).toBeVisible();
}

/// A person with a role and an organisation in some groups, on Personer.
async function addMember(page, name, role, organisation, groups) {
  const form = page.locator('form.person-form').last();
  await form.getByLabel('Namn').fill(name);
  await form.getByLabel('Roll').fill(role);
  await form.getByLabel('Organisation').fill(organisation);
  for (const group of groups) await form.getByLabel(group).check();
  await form.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.locator('.people-list').getByText(name)).toBeVisible();
}

/// The council with Moa (both groups) and Josef (Trygghetsrådet), Moa as
/// this device's member. Returns the main menu.
export async function councilWithMembers(page) {
  await createCouncil(page);
  const nav = menu(page);
  await nav.getByRole('link', { name: 'Personer' }).click();
  await addMember(page, 'Moa Magnusson', 'folkhälsostrateg', 'Ånge kommun', ['Trygghetsrådet', 'Klara-gruppen']);
  await addMember(page, 'Josef Wiklund', 'kommunpolis', 'Polisen Ånge', ['Trygghetsrådet']);
  await page.getByLabel('Du är').selectOption({ label: 'Moa Magnusson' });
  return nav;
}

/// Fills in and saves an action form.
export async function fillAction(form, { text, people = [], organisations = '', due = '', status = 'Ej påbörjad' }) {
  await form.getByLabel('Vad ska göras?').fill(text);
  for (const person of people) await form.getByLabel(person).check();
  await form.getByLabel('Organisation').fill(organisations);
  await form.getByLabel('Klart senast').fill(due);
  await form.getByLabel('Status').selectOption({ label: status });
  await form.getByRole('button', { name: 'Spara åtgärd' }).click();
}
