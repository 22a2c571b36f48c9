// The app is split (scripts/app-wasm.sh): the first page loads the main
// module and, once it is drawn, the document engine's chunk; each other
// area's chunk comes when the area is first opened, the service worker caches
// every chunk on the first visit, and a chunk that cannot be fetched gets a
// message, not a dead app; a slow one is told.
import { test, expect } from '@playwright/test';
import { menu } from './app.js';

const CHUNK = /\/app-[0-9a-f]+\/(?:split_|chunk_)[^/]*\.wasm$/;
const AREAS = [
  ['Åtgärder', 'Åtgärder'],
  ['Årshjul', /^Årshjul \d{4}$/],
  ['Dialoger', 'Dialoger'],
  ['Personer', 'Personer'],
  ['Inställningar', 'Inställningar'],
];

async function createWorkspace(page) {
  await page.getByLabel('Rådets namn').fill('Trygghetsrådet');
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await expect(page.getByRole('heading', { name: 'Möten', level: 1 })).toBeVisible();
}

async function createMeeting(page, title) {
  const create = page.getByRole('region', { name: 'Nytt möte' });
  await create.getByLabel('Titel').fill(title);
  await create.getByLabel('Datum').fill('2026-02-07');
  await create.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test("the meetings list loads the engine's chunk and no page's; an area loads its chunks when first opened, saying so while they come", async ({ page }) => {
    const chunks = [];
    page.on('request', (request) => CHUNK.test(new URL(request.url()).pathname) && chunks.push(request.url()));
    await page.goto('/');
    await createWorkspace(page);
    chunks.length = 0;
    await page.reload();
    await expect(page.getByRole('region', { name: 'Nytt möte' })).toBeVisible();
    expect(chunks.some((url) => /split_document/.test(url))).toBe(true);
    expect(chunks.every((url) => /split_document|chunk_/.test(url))).toBe(true);

    // A slow network: the click is answered at once, the page when it comes.
    await page.route(CHUNK, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await menu(page).getByRole('link', { name: 'Årshjul' }).click();
    const fetching = page.getByRole('status').filter({ hasText: 'Hämtar sidan…' });
    await expect(fetching).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Årshjul \d{4}$/, level: 1 })).toBeVisible();
    await expect(fetching).toHaveCount(0);
    expect(chunks.some((url) => /split_wheel/.test(url))).toBe(true);
    expect(chunks.some((url) => /split_(?:meeting|dialogues|actions|admin|import)/.test(url))).toBe(false);
  });

  test('a chunk that cannot be fetched gets a message; the rest of the app works, and a reload brings the page', async ({ page }) => {
    await page.goto('/');
    await createWorkspace(page);
    let blocked = true;
    await page.route(CHUNK, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));

    await menu(page).getByRole('link', { name: 'Årshjul' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Den här delen av appen kunde inte hämtas' });
    await expect(alert).toBeVisible();
    // The main module's pages still work, and nothing written is lost.
    await menu(page).getByRole('link', { name: 'Möten' }).click();
    await expect(page.getByRole('heading', { name: 'Möten', level: 1 })).toBeVisible();
    await expect(page.getByText('Inga möten ännu.')).toBeVisible();

    await menu(page).getByRole('link', { name: 'Årshjul' }).click();
    await expect(alert).toBeVisible();
    blocked = false;
    await alert.getByRole('button', { name: 'Ladda om' }).click();
    await expect(page.getByRole('heading', { name: /^Årshjul \d{4}$/, level: 1 })).toBeVisible();
  });
});

test.describe('the document engine', () => {
  test.use({ serviceWorkers: 'block' });

  test('the meetings list shows from its first view before the engine is here; what writes comes with it', async ({ page }) => {
    await page.goto('/');
    await createWorkspace(page);
    await createMeeting(page, 'Rådsmöte i februari');
    await menu(page).getByRole('link', { name: 'Möten' }).click();
    await expect(page.getByRole('link', { name: /Rådsmöte i februari/ })).toBeVisible();

    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(CHUNK, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Möten', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /Rådsmöte i februari/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Nytt möte' })).toHaveCount(0);

    release();
    await createMeeting(page, 'Rådsmöte i maj');
    await menu(page).getByRole('link', { name: 'Möten' }).click();
    await expect(page.getByRole('link', { name: /Rådsmöte i februari/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Rådsmöte i maj/ })).toBeVisible();
  });

  test('an engine that cannot be fetched is said; the list still shows, nothing is lost, and a reload brings it back', async ({ page }) => {
    await page.goto('/');
    await createWorkspace(page);
    await createMeeting(page, 'Rådsmöte i februari');
    await menu(page).getByRole('link', { name: 'Möten' }).click();

    let blocked = true;
    await page.route(CHUNK, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'Den här delen av appen kunde inte hämtas' });
    await expect(alert).toBeVisible();
    await expect(page.getByRole('link', { name: /Rådsmöte i februari/ })).toBeVisible();

    blocked = false;
    await alert.getByRole('button', { name: 'Ladda om' }).click();
    await expect(page.getByRole('region', { name: 'Nytt möte' })).toBeVisible();
    await expect(alert).toHaveCount(0);
    await page.getByRole('link', { name: /Rådsmöte i februari/ }).click();
    await expect(page.getByRole('heading', { name: 'Rådsmöte i februari', level: 1 })).toBeVisible();
  });
});

test('after one visit to the meetings list, every area opens with no network', async ({ context, page }) => {
  await page.goto('/');
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active && navigator.serviceWorker.controller;
  });
  await createWorkspace(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Möten', level: 1 })).toBeVisible();
  await createMeeting(page, 'Rådsmöte utan nät');
  for (const [link, heading] of AREAS) {
    await menu(page).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.setOffline(false);
});
