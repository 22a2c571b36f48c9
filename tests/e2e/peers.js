// Members on devices of their own: separate browser contexts (separate
// storage, as separate browsers are) that meet only through the relay of
// the `radslag serve` under test.
import { expect } from '@playwright/test';

export const syncStatus = (page, words) => page.getByRole('status').filter({ hasText: words });

/// A coordinator's device with a new workspace, synced with the relay.
export async function council(browser, name = 'Trygghetsrådet') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Rådets namn').fill(name);
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await expect(syncStatus(page, 'Allt synkat')).toBeVisible();
  return { context, page };
}

/// The workspace's invitation link, from the header's Bjud in.
export async function invitationLink(page) {
  await page.getByText('Bjud in').click();
  const link = await page.getByLabel('Inbjudningslänk').inputValue();
  await page.getByText('Bjud in').click();
  return link;
}

/// Another member's device, joined through the invitation link.
export async function join(browser, link) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Möten', level: 1 })).toBeVisible();
  return { context, page };
}

/// Waits until the service worker controls the page, so it opens offline.
export async function cachedForOffline(page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active && navigator.serviceWorker.controller;
  });
}
