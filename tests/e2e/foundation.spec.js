// The foundation: a first visit creates a workspace; what is created
// survives a reload; more than one workspace lives side by side.
import { test, expect } from '@playwright/test';

async function createWorkspace(page, name, groups) {
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

test('a first visit creates a workspace and a person, and both survive a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Välkommen till Rådslag' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');

  // The council's name is required.
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await expect(page.getByRole('alert')).toHaveText('Ange rådets namn.');

  await createWorkspace(page, 'Trygghetsrådet och Klara-gruppen', ['Trygghetsrådet', 'Klara-gruppen']);
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  for (const section of ['Möten', 'Åtgärder', 'Årshjul', 'Dialoger', 'Personer']) {
    await expect(nav.getByRole('link', { name: section })).toBeVisible();
  }

  await nav.getByRole('link', { name: 'Personer' }).click();
  await expect(page.getByRole('heading', { name: 'Personer', level: 1 })).toBeVisible();
  const form = page.locator('form.person-form').last();
  await form.getByLabel('Namn').fill('Moa Magnusson');
  await form.getByLabel('Roll').fill('folkhälsostrateg');
  await form.getByLabel('Organisation').fill('Ånge kommun');
  await form.getByLabel('Trygghetsrådet').check();
  await form.getByLabel('Klara-gruppen').check();
  await form.getByRole('button', { name: 'Lägg till person' }).click();
  const people = page.locator('.people-list');
  await expect(people.getByText('Moa Magnusson')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Personer', level: 1 })).toBeVisible();
  await expect(people.locator('.person-name')).toHaveText(['Moa Magnusson']);
  await expect(people.locator('.person-details')).toHaveText('folkhälsostrateg, Ånge kommun');
  await expect(people.locator('.person-groups')).toHaveText('Trygghetsrådet, Klara-gruppen');
  await expect(page.locator('.group-list .group-name')).toHaveText(['Klara-gruppen', 'Trygghetsrådet']);
  await expect(page.getByLabel('Arbetsyta')).toHaveValue(/.+/);
  await expect(page.getByLabel('Arbetsyta').locator('option:checked')).toHaveText(/^Trygghetsrådet och Klara-gruppen( — .*)?$/);

  // The device says whom it writes for; the choice is remembered.
  await page.getByLabel('Du är').selectOption({ label: 'Moa Magnusson' });
  await page.reload();
  await expect(page.getByLabel('Du är').locator('option:checked')).toHaveText('Moa Magnusson');

  // A closed browser: a new page in the same context starts at the last workspace.
  const again = await page.context().newPage();
  await page.close();
  await again.goto('/');
  await expect(again.getByRole('heading', { name: 'Möten' })).toBeVisible();
  await again.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  await expect(again.locator('.people-list .person-name')).toHaveText(['Moa Magnusson']);
});

test('the welcome creates the workspace with its groups and first people; empty rows are left out', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Rådets namn').fill('Trygghetsrådet Ånge');
  await page.getByLabel('Organisation').fill('Ånge kommun');
  await page.getByPlaceholder('Gruppens namn').first().fill('Trygghetsrådet');
  const people = [
    ['Moa Magnusson', 'folkhälsostrateg', 'Ånge kommun'],
    ['', '', ''],
    ['Josef Wiklund', 'kommunpolis', 'Polisen Ånge'],
    ['Per Håkansson', 'rektor', 'Ånge kommun'],
  ];
  for (const [name, role, organisation] of people) {
    await page.getByRole('button', { name: 'Lägg till person' }).click();
    const row = page.locator('.person-row').last();
    await row.getByPlaceholder('Namn').fill(name);
    await row.getByPlaceholder('Roll').fill(role);
    await row.getByPlaceholder('Organisation').fill(organisation);
  }
  // A row added by mistake is removed again.
  await page.locator('.person-row').last().getByRole('button', { name: 'Ta bort' }).click();
  await expect(page.locator('.person-row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await expect(page.getByRole('heading', { name: 'Möten', level: 1 })).toBeVisible();

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  await expect(page.locator('.people-list .person-name')).toHaveText(['Josef Wiklund', 'Moa Magnusson']);
  await expect(page.locator('.people-list .person-details')).toHaveText(['kommunpolis, Polisen Ånge', 'folkhälsostrateg, Ånge kommun']);
  await expect(page.locator('.group-list .group-name')).toHaveText(['Trygghetsrådet']);
});
