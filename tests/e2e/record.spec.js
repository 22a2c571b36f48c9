// Actions in the record: approved minutes show the actions decided under
// each agenda item and, under Uppföljning av åtgärder, the follow-up as it
// stood when the minutes were approved — on the meeting's page, in the print
// view and in the Markdown export — not the status an action got later.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { councilWithMembers as council, fillAction } from './app.js';

async function approve(page) {
  await page.getByLabel('Justeras av').fill('Moa Magnusson');
  await page.getByRole('button', { name: 'Justera' }).click();
  await expect(page.locator('.status-line')).toHaveText('Status: Justerad');
}

async function downloadMarkdown(page, fileName) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner som Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(fileName);
  return readFileSync(await file.path(), 'utf8');
}

const FALTARNA = 'Fältarna träffar gruppen igen';
const SKOLAN = 'Skolan ser över belysningen';
const faltarnaLine = (status) => `${FALTARNA} — Ansvarig: Josef Wiklund, Fältarna; klart senast 2023-04-30 (${status})`;
const skolanLine = (status) => `${SKOLAN} — Ansvarig: Moa Magnusson; klart senast 2023-06-15 (${status})`;

/// The minutes' item with this numbered heading ("4. Lägesbild"), on the
/// page or inside `scope`.
const minutesItem = (page, heading, scope = page) =>
  scope.locator('.minutes-item').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });

test('approved minutes record the actions under their items and the follow-up as at approval', async ({ page }) => {
  const nav = await council(page);

  // February: an action decided under Lägesbild, with owners and a due date.
  await nav.getByRole('link', { name: 'Möten' }).click();
  const create = page.getByRole('region', { name: 'Nytt möte' });
  await create.getByLabel('Titel').fill('Trygghetsrådet februari');
  await create.getByLabel('Datum').fill('2023-02-07');
  await create.getByLabel('Trygghetsrådet').check();
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByRole('heading', { name: 'Trygghetsrådet februari', level: 1 })).toBeVisible();
  const lagesbild = page.locator('.agenda-item').nth(3);
  await expect(lagesbild.locator('.item-heading')).toHaveValue('Lägesbild');
  await lagesbild.getByRole('button', { name: 'Ny åtgärd' }).click();
  await fillAction(lagesbild.locator('.action-form'), {
    text: FALTARNA,
    people: ['Josef Wiklund'],
    organisations: 'Fältarna',
    due: '2023-04-30',
  });
  await expect(lagesbild.locator('.action-lines')).toContainText(FALTARNA);

  // Its next meeting, in May, then February approved.
  const next = page.getByRole('region', { name: 'Nästa möte' });
  const trygg = next.getByRole('group', { name: 'Trygghetsrådet' });
  await trygg.getByLabel('Datum').fill('2023-05-11');
  await trygg.getByLabel('Börjar').fill('13:00');
  await trygg.getByLabel('Slutar').fill('15:00');
  await next.getByRole('button', { name: 'Skapa nästa möte' }).click();
  const februaryUrl = page.url();
  await next.getByRole('link', { name: 'Trygghetsrådet' }).click();
  await expect(page.locator('#meeting-date')).toHaveValue('2023-05-11');
  const mayUrl = page.url();
  await page.goto(februaryUrl);
  await approve(page);

  // February's approved minutes: the action under Lägesbild.
  const februaryDecided = minutesItem(page, '4. Lägesbild').getByRole('region', { name: 'Åtgärder', exact: true });
  await expect(februaryDecided.locator('.minutes-action')).toHaveText([faltarnaLine('Ej påbörjad')]);

  // May follows it up: set to Pågår at the meeting; a new action decided
  // under May's Lägesbild; May approved.
  await page.goto(mayUrl);
  await expect(page.locator('#meeting-date')).toHaveValue('2023-05-11');
  const liveFollowUp = page.getByRole('region', { name: 'Åtgärder att följa upp' });
  await expect(liveFollowUp.locator('.action-text')).toHaveText([FALTARNA]);
  await liveFollowUp.getByLabel(`Status för ${FALTARNA}`).selectOption({ label: 'Pågår' });
  await expect(page.getByRole('status').filter({ hasText: 'Status ändrad till' })).toContainText('Pågår');
  const mayLagesbild = page.locator('.agenda-item').nth(3);
  await expect(mayLagesbild.locator('.item-heading')).toHaveValue('Lägesbild');
  await mayLagesbild.getByRole('button', { name: 'Ny åtgärd' }).click();
  await fillAction(mayLagesbild.locator('.action-form'), {
    text: SKOLAN,
    people: ['Moa Magnusson'],
    due: '2023-06-15',
  });
  await expect(mayLagesbild.locator('.action-lines')).toContainText(SKOLAN);
  await approve(page);

  // Afterwards both actions are closed.
  await nav.getByRole('link', { name: 'Åtgärder' }).click();
  const table = page.getByRole('table', { name: 'Åtgärder, tidigaste datum först' });
  for (const text of [FALTARNA, SKOLAN]) {
    const status = table.getByRole('row', { name: new RegExp(text) }).getByLabel(`Status för ${text}`);
    await status.selectOption({ label: 'Klar' });
    await expect(status).toHaveValue('done');
  }
  await expect(page.locator('.status-counts .status-done .count-number')).toHaveText('2');

  // May's approved page: the follow-up and the decided action as they stood
  // at approval, not Klar.
  await page.goto(mayUrl);
  await expect(page.locator('.status-line')).toHaveText('Status: Justerad');
  await expect(page.locator('.meeting-page').locator('input, textarea, select')).toHaveCount(0);
  const followUp = minutesItem(page, '1. Uppföljning av åtgärder').getByRole('region', { name: 'Åtgärder att följa upp' });
  await expect(followUp.locator('.minutes-action')).toHaveText([faltarnaLine('Pågår')]);
  await expect(followUp).toContainText('Status när minnesanteckningarna justerades.');
  const decided = minutesItem(page, '4. Lägesbild').getByRole('region', { name: 'Åtgärder', exact: true });
  await expect(decided.locator('.minutes-action')).toHaveText([skolanLine('Ej påbörjad')]);
  await expect(page.locator('.minutes')).not.toContainText('(Klar)');

  // The Markdown export says the same.
  const markdown = await downloadMarkdown(page, 'minnesanteckningar-2023-05-11.md');
  expect(markdown).toContain(
    `### 1. Uppföljning av åtgärder\n\n**Åtgärder att följa upp:**\n\n- ${faltarnaLine('Pågår')}\n`,
  );
  expect(markdown).toContain(`### 4. Lägesbild\n\n**Åtgärder:**\n\n- ${skolanLine('Ej påbörjad')}\n`);
  expect(markdown).not.toContain('(Klar)');

  // So does the print view.
  await page.getByRole('link', { name: 'Utskrift' }).click();
  const printed = page.locator('.minutes-print');
  await expect(printed.locator('.minutes-date')).toHaveText('Datum 230511');
  await expect(
    minutesItem(page, '1. Uppföljning av åtgärder', printed).getByRole('region', { name: 'Åtgärder att följa upp' }).locator('.minutes-action'),
  ).toHaveText([faltarnaLine('Pågår')]);
  await expect(
    minutesItem(page, '4. Lägesbild', printed).getByRole('region', { name: 'Åtgärder', exact: true }).locator('.minutes-action'),
  ).toHaveText([skolanLine('Ej påbörjad')]);
  await expect(printed).not.toContainText('(Klar)');

  // February's record too: its action as it stood at February's approval.
  await page.goto(februaryUrl);
  await expect(februaryDecided.locator('.minutes-action')).toHaveText([faltarnaLine('Ej påbörjad')]);
  const februaryMarkdown = await downloadMarkdown(page, 'minnesanteckningar-2023-02-07.md');
  expect(februaryMarkdown).toContain(`### 4. Lägesbild\n\n**Åtgärder:**\n\n- ${faltarnaLine('Ej påbörjad')}\n`);
  await page.getByRole('link', { name: 'Utskrift' }).click();
  await expect(
    minutesItem(page, '4. Lägesbild', page.locator('.minutes-print')).locator('.minutes-action'),
  ).toHaveText([faltarnaLine('Ej påbörjad')]);

  // Reopened for changes, May shows today's state again: nothing open to
  // follow up, and the decided action editable and Klar.
  await page.goto(mayUrl);
  await page.getByRole('button', { name: 'Öppna för ändring' }).click();
  await page.getByRole('alertdialog').getByLabel('Öppnas av').fill('Moa Magnusson');
  await page.getByRole('button', { name: 'Ja, öppna för ändring' }).click();
  await expect(page.locator('.status-line')).toHaveText('Status: Utkast');
  await expect(page.locator('.agenda-item').nth(3).getByLabel(`Status för ${SKOLAN}`)).toHaveValue('done');
  await expect(page.getByRole('region', { name: 'Åtgärder att följa upp' })).toContainText('Inga öppna åtgärder att följa upp.');
});
