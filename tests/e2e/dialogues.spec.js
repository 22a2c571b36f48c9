// Dialogues: small groups write at the same time, each on a device of its
// own, the coordinator sees all of it live and compiles it into minutes;
// two coordinators curate the same points apart and both keep their
// decisions; groups get members from the register; citizen answers are
// collected offline and arrive when the network is back. Devices are
// separate browser contexts that meet only through the relay.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addPerson, addWheelEvent, menu } from './app.js';
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

/// The workspace as the readable JSON download of Inställningar.
async function exported(page) {
  await menu(page).getByRole('link', { name: 'Inställningar' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner som JSON' }).click();
  return JSON.parse(readFileSync(await (await download).path(), 'utf8'));
}

/// The points of the first question on the compilation, as shown: each
/// point's text, and whether it goes into the minutes.
async function expectPoints(page, points) {
  const list = page.locator('.points').first();
  await expect(list.locator('.point-text')).toHaveText(points.map(([text]) => text), { timeout: 30_000 });
  for (const [i, [, included]] of points.entries()) {
    const mark = list.locator('.point').nth(i).getByRole('checkbox');
    if (included) await expect(mark).toBeChecked();
    else await expect(mark).not.toBeChecked();
  }
}

/// A small group's entry under Gruppernas deltagare.
const smallGroup = (page, name) => page.locator('.small-group').filter({ has: page.getByRole('heading', { name, exact: true }) });

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

  // The points follow the answers as they are written.
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
  const workspace = await exported(coordinator);
  const item = workspace.meetings[0].agenda[0];
  expect(item.heading).toBe('Dialog: Lägesbildsarbete');
  expect(item.body).toBe(
    'Dialogmaterialet sammanställt per fråga.\n\n' +
      'Vilka underlag finns till förfogande?\n' +
      '- Polisens statistik (Grupp 1, Grupp 2)\n' +
      '- Socialtjänstens orosanmälningar; Fältarnas iakttagelser (Grupp 3, Grupp 2)\n\n' +
      'Vilka hinder finns?',
  );
  expect(workspace.dialogues[0].compiledInto.item).toBe(item.id);
});

test('two coordinators curate the same points apart: both see every decision, a reload keeps them, and members chosen from the register show on both devices', async ({ browser }) => {
  const { context: firstContext, page: first } = await council(browser, 'Trygghetsrådet och Klara-gruppen');
  await addPerson(first, 'Moa Magnusson');
  await addPerson(first, 'Josef Wiklund');
  const url = await newDialogue(first);
  for (const [group, answer] of [['Grupp 1', '- Polisens statistik\n- Skolans trivselenkät'], ['Grupp 2', '- Fältarnas iakttagelser\n- Socialtjänstens orosanmälningar']]) {
    await first.getByLabel('Vilken grupp skriver här?').selectOption({ label: group });
    await first.getByLabel('Vilka underlag finns till förfogande?').fill(answer);
  }
  // Moa joins Grupp 1, chosen from the register with the keyboard.
  const picker = first.getByLabel('Lägg till deltagare i Grupp 1');
  await picker.focus();
  await picker.selectOption({ label: 'Moa Magnusson' });
  await first.keyboard.press('Tab');
  await first.keyboard.press('Enter');
  await expect(smallGroup(first, 'Grupp 1').locator('.member-name')).toHaveText(['Moa Magnusson']);
  await first.getByLabel('Vilken grupp skriver här?').selectOption({ label: 'Grupp 1' });
  await expect(first.locator('.members-line')).toHaveText('Deltagare: Moa Magnusson');

  const { context: secondContext, page: second } = await join(browser, await invitationLink(first));
  const gathered = [['Polisens statistik', true], ['Skolans trivselenkät', true], ['Fältarnas iakttagelser', true], ['Socialtjänstens orosanmälningar', true]];
  for (const page of [first, second]) {
    await page.goto(url + '/sammanstallning');
    await expectPoints(page, gathered);
  }

  // Apart, each curates points of their own.
  await firstContext.setOffline(true);
  await secondContext.setOffline(true);
  await first.getByRole('checkbox', { name: /Skolans trivselenkät/ }).uncheck();
  await first.getByRole('button', { name: 'Slå ihop med punkten ovanför: Socialtjänstens orosanmälningar' }).click();
  await expectPoints(first, [['Polisens statistik', true], ['Skolans trivselenkät', false], ['Fältarnas iakttagelser; Socialtjänstens orosanmälningar', true]]);
  await second.getByRole('button', { name: 'Flytta ned: Polisens statistik' }).click();
  // Focus stays on the moved point's button: Enter moves it once more.
  await expect(second.getByRole('button', { name: 'Flytta ned: Polisens statistik' })).toBeFocused();
  await second.keyboard.press('Enter');
  await second.getByRole('checkbox', { name: /Polisens statistik/ }).uncheck();
  await expectPoints(second, [['Skolans trivselenkät', true], ['Fältarnas iakttagelser', true], ['Polisens statistik', false], ['Socialtjänstens orosanmälningar', true]]);

  await firstContext.setOffline(false);
  await secondContext.setOffline(false);
  const curated = [['Skolans trivselenkät', false], ['Fältarnas iakttagelser; Socialtjänstens orosanmälningar', true], ['Polisens statistik', false]];
  for (const page of [first, second]) await expectPoints(page, curated);
  await first.reload();
  await expectPoints(first, curated);

  // Josef joins Grupp 2 on the second device; both see both members.
  await second.goto(url);
  await expect(smallGroup(second, 'Grupp 1').locator('.member-name')).toHaveText(['Moa Magnusson']);
  await second.getByLabel('Lägg till deltagare i Grupp 2').selectOption({ label: 'Josef Wiklund' });
  await smallGroup(second, 'Grupp 2').getByRole('button', { name: 'Lägg till' }).click();
  const sideBySide = first.locator('.group-answer');
  await expect(sideBySide.filter({ hasText: 'Grupp 1' }).first().locator('.members-line')).toHaveText('Deltagare: Moa Magnusson');
  await expect(sideBySide.filter({ hasText: 'Grupp 2' }).first().locator('.members-line')).toHaveText('Deltagare: Josef Wiklund', { timeout: 30_000 });

  // The minutes hold what both decided.
  await first.getByRole('button', { name: 'Sammanställ till minnesanteckningar' }).click();
  await expect(first.getByRole('status').filter({ hasText: 'Sammanställt i' })).toContainText('Lägesbildsarbete');
  const workspace = await exported(first);
  expect(workspace.meetings[0].agenda[0].body).toBe(
    'Dialogmaterialet sammanställt per fråga.\n\n' +
      'Vilka underlag finns till förfogande?\n' +
      '- Fältarnas iakttagelser; Socialtjänstens orosanmälningar (Grupp 2)\n\n' +
      'Vilka hinder finns?',
  );
});

test('citizen dialogue: 20 answers offline are kept, tallied, and all arrive at the coordinator when the network is back', async ({ browser }) => {
  const { page: coordinator } = await council(browser, 'Trygghetsrådet och Klara-gruppen');
  // A citizen dialogue at Kulturnatten, an event on the annual wheel.
  await addWheelEvent(coordinator, 'Kulturnatten', 'Evenemang', '2023-05-26');
  const url = await newDialogue(coordinator, '2023-05-26 Kulturnatten');
  await expect(coordinator.locator('.dialogue-context')).toHaveText('Händelse: 2023-05-26 Kulturnatten');
  const { context, page } = await join(browser, await invitationLink(coordinator));
  await page.goto(url);
  // The dialogue shown (its part of the app fetched), then the network goes.
  await expect(page.getByRole('heading', { name: 'Lägesbildsarbete', level: 1 })).toBeVisible();
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
