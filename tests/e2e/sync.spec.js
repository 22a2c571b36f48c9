// Live collaboration through a real relay (`radslag serve` at /sync) between
// separate browser contexts: an invitation link joins the workspace, edits
// flow both ways, two people typing in the same agenda item both keep their
// words, presence says who is where, and offline edits arrive when the
// network is back.
import { test, expect } from '@playwright/test';
import { addPerson, menu, names } from './app.js';
import { cachedForOffline, council, invitationLink, join, syncStatus } from './peers.js';

test('an invitation joins the workspace; edits and presence flow both ways', async ({ browser }) => {
  const moa = await council(browser);
  await addPerson(moa.page, 'Moa Magnusson');
  const link = await invitationLink(moa.page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\/\w{20,}$/);
  await moa.page.getByText('Bjud in').click();
  await moa.page.getByRole('button', { name: 'Kopiera länken' }).click();
  await expect(moa.page.locator('.invite-panel').getByRole('status')).toHaveText('Kopierad.');
  // Over plain http there is no clipboard API: the link is selected instead.
  await moa.page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await moa.page.getByRole('button', { name: 'Kopiera länken' }).click();
  await expect(moa.page.locator('.invite-panel').getByRole('status')).toHaveText(/^Länken är markerad: kopiera den med Ctrl\+C/);
  expect(await moa.page.getByLabel('Inbjudningslänk').evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(link);
  await moa.page.getByText('Bjud in').click();

  const josef = await join(browser, link);
  await expect(josef.page.getByLabel('Arbetsyta').locator('option:checked')).toHaveText(/^Trygghetsrådet( — .*)?$/);
  await menu(josef.page).getByRole('link', { name: 'Personer' }).click();
  await expect(names(josef.page)).toHaveText(['Moa Magnusson']);

  await addPerson(josef.page, 'Josef Wiklund');
  await expect(names(moa.page)).toHaveText(['Josef Wiklund', 'Moa Magnusson']);
  await expect(syncStatus(moa.page, 'Allt synkat')).toBeVisible();
  await expect(syncStatus(josef.page, 'Allt synkat')).toBeVisible();

  // Who else is here, and where: Josef says who he is.
  await josef.page.getByLabel('Du är').selectOption({ label: 'Josef Wiklund' });
  await expect(moa.page.locator('.presence .avatar')).toHaveAttribute('title', 'Josef Wiklund — Personer');
  await expect(moa.page.locator('.presence')).toContainText('Josef Wiklund (Personer)');

  // The joined workspace is kept: a reload opens it with no fetching.
  await josef.page.reload();
  await expect(names(josef.page)).toHaveText(['Josef Wiklund', 'Moa Magnusson']);

  // A link to a workspace the relay does not have says so, as does a link
  // that is not an invitation at all.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto('/join/' + crypto.randomUUID().replaceAll('-', ''));
  await expect(stranger.getByRole('alert')).toHaveText(/^Servern har ingen arbetsyta med den här länken/);
  await stranger.goto('/join/inte-en-arbetsyta');
  await expect(stranger.getByRole('alert')).toHaveText(/^Länken är inte en inbjudan till en arbetsyta/);
});

test('two people typing in the same agenda item at once both keep their words, letter by letter', async ({ browser }) => {
  const moa = await council(browser);
  const create = moa.page.getByRole('region', { name: 'Nytt möte' });
  await create.getByLabel('Titel').fill('Trygghetsrådet');
  await create.getByLabel('Datum').fill('2023-02-07');
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(moa.page.getByRole('heading', { name: 'Trygghetsrådet', level: 1 })).toBeVisible();
  const meetingUrl = moa.page.url();
  const josef = await join(browser, await invitationLink(moa.page));
  await josef.page.goto(meetingUrl);

  const field = (page) => page.getByLabel('Anteckningar, punkt 4');
  await field(moa.page).fill('Polisens statistik.');
  await expect(field(josef.page)).toHaveValue('Polisens statistik.');

  // Both type at once: Moa at the end, Josef at the start. Josef's caret
  // stays where he types while Moa's letters arrive.
  await field(moa.page).press('End');
  await field(josef.page).press('Control+Home');
  await Promise.all([
    field(moa.page).pressSequentially(' Skolans enkät.', { delay: 25 }),
    field(josef.page).pressSequentially('Underlag: ', { delay: 25 }),
  ]);
  const merged = 'Underlag: Polisens statistik. Skolans enkät.';
  await expect(field(moa.page)).toHaveValue(merged);
  await expect(field(josef.page)).toHaveValue(merged);
  expect(await field(josef.page).evaluate((el) => el.selectionStart)).toBe('Underlag: '.length);

  // Presence names the meeting and the item each is in (Josef has not said
  // who he is).
  await expect(moa.page.locator('.presence .avatar')).toHaveAttribute('title', 'Okänd — Möten: Trygghetsrådet, punkt 4 Lägesbild');
});

test('offline edits are kept through a reload and arrive when the network is back', async ({ browser }) => {
  const moa = await council(browser);
  const josef = await join(browser, await invitationLink(moa.page));
  await cachedForOffline(josef.page);
  await menu(josef.page).getByRole('link', { name: 'Personer' }).click();

  await josef.context.setOffline(true);
  await expect(syncStatus(josef.page, 'Offline — ändringar sparas lokalt')).toBeVisible();
  await addPerson(josef.page, 'Per Håkansson');
  await josef.page.reload();
  await expect(names(josef.page)).toHaveText(['Per Håkansson']);
  await expect(syncStatus(josef.page, 'Offline — ändringar sparas lokalt')).toBeVisible();
  // Meanwhile Moa edits too.
  await addPerson(moa.page, 'Moa Magnusson');
  await josef.context.setOffline(false);

  await expect(names(moa.page)).toHaveText(['Moa Magnusson', 'Per Håkansson'], { timeout: 40_000 });
  await expect(names(josef.page)).toHaveText(['Moa Magnusson', 'Per Håkansson']);
  await expect(syncStatus(josef.page, 'Allt synkat')).toBeVisible();
});
