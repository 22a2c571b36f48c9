// After one visit the app opens and works with no network at all, and it is
// installable (a web app manifest with icons).
import { test, expect } from '@playwright/test';
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

test('after one visit the app opens, works and saves with no network', async ({ context, page }) => {
  await page.goto('/');
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active && navigator.serviceWorker.controller;
  });
  await page.getByLabel('Rådets namn').fill('Trygghetsrådet');
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  // The address changes once the page (its chunk fetched) is shown.
  await expect(page.getByRole('heading', { name: 'Personer', level: 1 })).toBeVisible();
  const url = page.url();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Personer', level: 1 })).toBeVisible();
  const form = page.locator('form.person-form').last();
  await form.getByLabel('Namn').fill('Moa Magnusson');
  await form.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.locator('.people-list .person-name')).toHaveText(['Moa Magnusson']);

  // A fresh tab, straight to a deep link, still offline.
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.locator('.people-list .person-name')).toHaveText(['Moa Magnusson']);
  await context.setOffline(false);
});

test('the app is installable: a manifest with icons', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href)).json();
  expect(manifest.name).toBe('Rådslag');
  expect(manifest.display).toBe('standalone');
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.ok(), icon.src).toBeTruthy();
  }
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
});

test('a new deployment is cached in the background and the user is offered a reload', async ({ page }) => {
  const dist = process.env.RADSLAG_DIST || resolve(import.meta.dirname, '../../dist');
  const index = join(dist, 'index.html');
  const original = readFileSync(index, 'utf8');
  // The new version renames a hashed file, as a new build does.
  const css = readdirSync(dist).find((f) => /^main-.*\.css$/.test(f));
  const renamed = 'main-anewversion.css';
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller);
  const cachedPaths = () =>
    page.evaluate(async () => (await (await caches.open('radslag-shell-v1')).keys()).map((r) => new URL(r.url).pathname));
  expect(await cachedPaths()).toContain(`/${css}`);
  try {
    copyFileSync(join(dist, css), join(dist, renamed));
    writeFileSync(index, original.replace('</body>', '<!-- a new version --></body>').replaceAll(`/${css}`, `/${renamed}`));
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: 'En ny version av Rådslag finns' });
    await expect(notice).toBeVisible();
    // The new version's files are cached and the old one's are gone.
    const cached = await cachedPaths();
    expect(cached).toContain(`/${renamed}`);
    expect(cached).not.toContain(`/${css}`);
    await notice.getByRole('button', { name: 'Ladda om' }).click();
    await expect(page.getByRole('heading', { name: 'Välkommen till Rådslag' })).toBeVisible();
    expect(await page.content()).toContain('a new version');
  } finally {
    writeFileSync(index, original);
    rmSync(join(dist, renamed), { force: true });
  }
});
