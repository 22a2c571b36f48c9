// Takes the README's screenshots: a workspace with a few people, on a
// desktop and a phone. Usage: node scripts/screenshot.mjs http://127.0.0.1:8080
import { chromium } from '../tests/node_modules/playwright/index.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function seed(page) {
  await page.goto(base + '/');
  await page.getByLabel('Rådets namn').fill('Trygghetsrådet och Klara-gruppen');
  await page.getByLabel('Organisation').fill('Ånge kommun');
  await page.getByPlaceholder('Gruppens namn').first().fill('Trygghetsrådet');
  await page.getByRole('button', { name: 'Lägg till grupp' }).click();
  await page.getByPlaceholder('Gruppens namn').last().fill('Klara-gruppen');
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
  await page.getByRole('link', { name: 'Personer' }).click();
  const people = [
    ['Moa Magnusson', 'folkhälsostrateg och samordnare', 'Ånge kommun'],
    ['Josef Wiklund', 'kommunpolis', 'Polisen Ånge'],
    ['Per Håkansson', 'rektor', 'Ånge kommun'],
  ];
  for (const [name, role, org] of people) {
    const form = page.locator('form.person-form').last();
    await form.getByLabel('Namn').fill(name);
    await form.getByLabel('Roll').fill(role);
    await form.getByLabel('Organisation').fill(org);
    await form.getByLabel('Trygghetsrådet').check();
    await form.getByRole('button', { name: 'Lägg till person' }).click();
  }
}

const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
const desktop = await context.newPage();
await seed(desktop);
await desktop.reload();
await desktop.screenshot({ path: 'docs/screenshot.png' });
// Same browser profile, so the phone-sized page opens the same workspace.
const phone = await context.newPage();
await phone.setViewportSize({ width: 390, height: 844 });
await phone.goto(desktop.url());
await phone.screenshot({ path: 'docs/screenshot-phone.png' });
await browser.close();
