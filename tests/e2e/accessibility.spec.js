// WCAG 2.1 AA, kept by a test: axe-core checks every page and dialog — the
// welcome, meetings list, a meeting, its print view, its history (a version
// shown), the import preview, actions (with the action form), the annual
// wheel as circle and list (with the event form), a dialogue's groups (with
// a member from the register), compilation, citizen form and results,
// people (with the notice offering Ångra after a delete), Borttaget,
// settings, the invitation panel — in Swedish and English, at desktop and
// phone width. Zero violations.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { resolve } from 'node:path';
import { addPerson, addWheelEvent, createCouncil, menu } from './app.js';

const examples = resolve(import.meta.dirname, '../../../shared/examples');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/// The violations on the page as it is now, one line each.
async function violations(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}

for (const lang of ['sv', 'en']) {
  for (const [width, height, device] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
    test(`every page and dialog, ${lang}, ${device}: no WCAG 2.1 AA violation`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width, height });
      const found = [];
      const check = async (name) => {
        await page.waitForTimeout(100);
        for (const line of await violations(page)) found.push(`${name}: ${line}`);
      };
      await page.goto('/');
      await check('welcome');
      // The workspace, its data, then the language the pages are checked in.
      await createCouncil(page);
      await addPerson(page, 'Moa Magnusson');
      await addWheelEvent(page, 'Kulturnatten', 'Evenemang', '2023-05-26');
      await menu(page).getByRole('link', { name: 'Möten' }).click();
      await page.getByRole('link', { name: 'Importera minnesanteckningar' }).click();
      await page.getByLabel('Eller välj filer (.pdf, .docx, .txt)').setInputFiles(resolve(examples, 'minutes-2023-02-07.pdf.txt'));
      await expect(page.locator('.import-draft')).toBeVisible();
      if (lang === 'en') await page.getByRole('button', { name: 'In English' }).click();
      await check('import preview');
      await page.locator('.import-preview button.primary').click();
      await expect(page.locator('.agenda-item')).toHaveCount(6);
      const meeting = page.url();
      await check('meeting');
      await page.goto(meeting + '/utskrift');
      await expect(page.locator('.agenda-item, .print-item, ol li').first()).toBeVisible();
      await check('print view');
      await page.goto(meeting + '/historik');
      await page.locator('.versions .version').first().getByRole('button').click();
      await expect(page.locator('.version-view')).toBeVisible();
      await check('meeting history, a version shown');
      await page.goto(meeting);
      await page.locator('.agenda-item').nth(2).getByRole('button', { name: lang === 'sv' ? 'Ny åtgärd' : 'New action' }).click();
      await check('action form');
      const ws = new URL(meeting).pathname.split('/')[2];
      await page.goto(`/w/${ws}/moten`);
      await check('meetings list');
      await page.goto(`/w/${ws}/atgarder`);
      await check('actions');
      await page.goto(`/w/${ws}/arshjul`);
      await check('wheel, circle');
      await page.getByRole('button', { name: lang === 'sv' ? 'Lista' : 'List', exact: true }).click();
      await check('wheel, list');
      await page.getByRole('button', { name: lang === 'sv' ? 'Ny händelse' : 'New event' }).click();
      await check('wheel, event form');
      await page.goto(`/w/${ws}/dialoger`);
      await check('dialogues');
      await page.locator('form input').first().fill('Lägesbildsarbete');
      await page.locator('form textarea').nth(0).fill('Vilka underlag finns?\nVilka hinder finns?');
      await page.locator('form textarea').nth(1).fill('Grupp 1\nGrupp 2');
      await page.locator('form button[type=submit]').first().click();
      await expect(page.getByRole('heading', { name: 'Lägesbildsarbete', level: 1 })).toBeVisible();
      const dialogue = page.url();
      await check('dialogue, groups');
      // A member chosen from the register: the list and what is left to add.
      await page.locator('.add-member select').first().selectOption({ index: 1 });
      await page.locator('.add-member button').first().click();
      await expect(page.locator('.member')).toHaveCount(1);
      await check('dialogue, groups with a member');
      for (const tab of ['sammanstallning', 'medborgare', 'resultat']) {
        await page.goto(`${dialogue}/${tab}`);
        await expect(page.getByRole('heading', { name: 'Lägesbildsarbete', level: 1 })).toBeVisible();
        await check(`dialogue, ${tab}`);
      }
      await page.goto(`/w/${ws}/personer`);
      await check('people');
      await page.getByRole('button', { name: lang === 'sv' ? 'Ta bort Klara-gruppen' : 'Delete Klara-gruppen' }).click();
      await expect(page.getByRole('button', { name: lang === 'sv' ? 'Ångra' : 'Undo' })).toBeFocused();
      await check('people, undo notice');
      await page.goto(`/w/${ws}/borttaget`);
      await expect(page.locator('.trash-entry')).toHaveCount(1);
      await check('deleted');
      await page.goto(`/w/${ws}/installningar`);
      await check('settings');
      await page.getByText(lang === 'sv' ? 'Bjud in' : 'Invite', { exact: true }).first().click();
      await check('invitation panel');
      expect(found, found.join('\n')).toEqual([]);
    });
  }
}
