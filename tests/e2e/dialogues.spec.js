// Dialogues: small groups write at the same time, each on a device of its
// own, the coordinator sees all of it live and compiles it into minutes;
// citizen answers are collected offline and arrive when the network is back.
// Devices are separate browser contexts that meet only through the relay.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addWheelEvent, menu } from './app.js';
import { council, invitationLink, join } from './peers.js';

async function newDialogue(page, event) {
  await menu(page).getByRole('link', { name: 'Dialoger' }).click();
  await page.getByLabel('Rubrik').fill('Lägesbildsarbete');
  await page.getByLabel('Frågor').fill('Vilka underlag finns till förfogande?\nVilka hinder finns?');
  await page.getByLabel('Smågrupper').fill('Grupp 1\nGrupp 2\nGrupp 3');
  if (event) await page.getByLabel('Hör till händelsen i årshjulet').selectOption({ label: event });
  await page.getByRole('button', { name: 'Skapa dialog' }).click();
  await expect(page.getByRole('heading', { name: 'Lägesbildsarbete', level: 1 })).toBeVisible();
  return page.url();
}

test('three groups on three devices write at once; the coordinator sees all and compiles them into the minutes', async ({ browser }) => {
  const { page: coordinator } = await council(browser, 'Trygghetsrådet och Klara-gruppen');
  const url = await newDialogue(coordinator);
  const link = await invitationLink(coordinator);
  const groups = [];
  for (const name of ['Grupp 1', 'Grupp 2', 'Grupp 3']) {
    const { page } = await join(browser, link);
    await page.goto(url);
    await page.getByLabel('Vilken grupp skriver här?').selectOption({ label: name });
    groups.push(page);
  }
  const answers = ['- Polisens statistik\n- Skolans trivselenkät', '- Polisens statistik\n- Fältarnas iakttagelser', '- Socialtjänstens orosanmälningar'];
  await Promise.all(
    groups.map((page, i) => page.getByLabel('Vilka underlag finns till förfogande?').pressSequentially(answers[i], { delay: 5 })),
  );

  await coordinator.getByRole('link', { name: 'Sammanställning' }).click();
  const sideBySide = coordinator.locator('.side-by-side').first();
  for (const text of ['Skolans trivselenkät', 'Fältarnas iakttagelser', 'Socialtjänstens orosanmälningar']) {
    await expect(sideBySide).toContainText(text);
  }
  // Every group's own text is intact on its own page too.
  for (const [i, page] of groups.entries()) {
    await expect(page.getByLabel('Vilka underlag finns till förfogande?')).toHaveValue(answers[i]);
  }

  await coordinator.getByRole('button', { name: 'Hämta gruppernas punkter igen' }).click();
  const points = coordinator.locator('.points').first().locator('.point-text');
  await expect(points).toHaveText(['Polisens statistik', 'Skolans trivselenkät', 'Fältarnas iakttagelser', 'Socialtjänstens orosanmälningar']);
  await coordinator.getByRole('button', { name: 'Flytta upp: Socialtjänstens orosanmälningar' }).click();
  await coordinator.getByRole('button', { name: 'Slå ihop med punkten ovanför: Fältarnas iakttagelser' }).click();
  await coordinator.getByRole('checkbox', { name: /Skolans trivselenkät/ }).uncheck();
  await coordinator.getByRole('button', { name: 'Sammanställ till minnesanteckningar' }).click();
  await expect(coordinator.getByRole('status').filter({ hasText: 'Sammanställt i' })).toContainText('Lägesbildsarbete');

  // The minutes hold the compiled item, grouped per question with its groups.
  await menu(coordinator).getByRole('link', { name: 'Möten' }).click();
  await expect(coordinator.locator('.entry-list')).toContainText('Lägesbildsarbete');
  await menu(coordinator).getByRole('link', { name: 'Inställningar' }).click();
  const download = coordinator.waitForEvent('download');
  await coordinator.getByRole('button', { name: 'Ladda ner som JSON' }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  const item = exported.meetings[0].agenda[0];
  expect(item.heading).toBe('Dialog: Lägesbildsarbete');
  expect(item.body).toBe(
    'Dialogmaterialet sammanställt per fråga.\n\n' +
      'Vilka underlag finns till förfogande?\n' +
      '- Polisens statistik (Grupp 1, Grupp 2)\n' +
      '- Socialtjänstens orosanmälningar; Fältarnas iakttagelser (Grupp 3, Grupp 2)\n\n' +
      'Vilka hinder finns?',
  );
  expect(exported.dialogues[0].compiledInto.item).toBe(item.id);
});

test('citizen dialogue: 20 answers offline are kept, tallied, and all arrive at the coordinator when the network is back', async ({ browser }) => {
  const { page: coordinator } = await council(browser, 'Trygghetsrådet och Klara-gruppen');
  // A citizen dialogue at Kulturnatten, an event on the annual wheel.
  await addWheelEvent(coordinator, 'Kulturnatten', 'Evenemang', '2023-05-26');
  const url = await newDialogue(coordinator, '2023-05-26 Kulturnatten');
  await expect(coordinator.locator('.dialogue-context')).toHaveText('Händelse: 2023-05-26 Kulturnatten');
  const { context, page } = await join(browser, await invitationLink(coordinator));
  await page.goto(url);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Medborgardialog' }).click();
  for (let i = 0; i < 20; i++) {
    const question = await page.locator('.citizen-question').textContent();
    await page.getByLabel('Ditt svar').fill(`Mer belysning vid busstationen, svar ${i}`);
    if (i % 2 === 0) await page.getByLabel('Åldersgrupp (frivilligt)').selectOption('16–25');
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Tack! Ditt svar är sparat.' })).toBeVisible();
    await expect(page.locator('.citizen-question')).not.toHaveText(question);
  }
  await expect(page.getByText('Svar på den här enheten: 20')).toBeVisible();
  // The coordinator has none of them yet.
  await coordinator.goto(url + '/resultat');
  await expect(coordinator.locator('.tally strong')).toHaveText(['0', '0']);

  await context.setOffline(false);
  for (const device of [page, coordinator]) {
    if (device === page) await page.goto(url + '/resultat');
    await expect(device.locator('.tally strong')).toHaveText(['10', '10'], { timeout: 30_000 });
    await expect(device.locator('.words').first()).toContainText('belysning (10)');
    await expect(device.locator('.result').first()).toContainText('16–25: 10');
  }
});
