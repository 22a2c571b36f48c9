// Typing latency in a five-year workspace: a keystroke at the end of a
// 10,000-character agenda item, from its keydown to the first task after
// the next paint, with a second browser connected through the relay showing
// the same meeting; against a plain <textarea> holding the same text on the
// same page, measured in the same run, keystrokes interleaved in blocks.
// Prints figures and their ratio; asserts nothing.
//
// node bench/typing.mjs BASE_URL FIXTURE_FILE [KEYS]      (bench/typing.sh)
// With PROFILE=file.cpuprofile, the writer's CPU profile while typing is
// written there (open it in Chrome's DevTools; serve a build whose wasm
// keeps its names, see docs/performance.md).
import { chromium } from '../tests/node_modules/playwright/index.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

const [base, fixture, keysArg] = process.argv.slice(2);
const keys = Number(keysArg || 300);
const snapshot = readFileSync(fixture, 'utf8').trim();
const id = randomUUID();
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args });

// Swedish words of varied length, as minutes are written.
const words = 'trygghetsrådet kommunpolisen fältgruppen skolan föräldravandring lägesbild kulturnatten '
  + 'åtgärd uppföljning samverkan ungdomar fritidsgården belysning badplatsen kameraövervakning '
  + 'socialtjänsten medborgardialog enkät resultat analys vi planerar att under hösten genomföra';
const pool = words.split(' ');
let long = '';
for (let n = 0; long.length < 10_000; n++) long += pool[(n * 7 + (n >> 3)) % pool.length] + (n % 13 === 12 ? '.\n' : ' ');
long = long.slice(0, 10_000);

const writerContext = await browser.newContext({ serviceWorkers: 'block' });
await writerContext.addInitScript(([id, snapshot]) => {
  if (!localStorage.getItem('radslag.workspaces')) {
    localStorage.setItem('radslag.workspaces', JSON.stringify([{ id, name: 'Fem år' }]));
    localStorage.setItem(`radslag.doc.${id}`, snapshot);
  }
}, [id, snapshot]);
const writer = await writerContext.newPage();
await writer.goto(`${base}/w/${id}/moten`);
// The workspace's first upload to the relay, then the meeting.
await writer.getByRole('status').filter({ hasText: 'Allt synkat' }).waitFor({ timeout: 300_000 });
await writer.locator('.entry-list li a').first().click();
const field = writer.getByLabel('Anteckningar, punkt 1', { exact: true });
// In one input event, as typed text arrives: a paste of text with line
// breaks comes as an event per line (see docs/performance.md).
await field.evaluate((el, text) => {
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}, long);
await writer.getByRole('status').filter({ hasText: 'Allt synkat' }).waitFor({ timeout: 300_000 });
const meetingUrl = writer.url();

// The other member, on the same meeting.
await writer.getByText('Bjud in').click();
const link = await writer.getByLabel('Inbjudningslänk').inputValue();
await writer.getByText('Bjud in').click();
const reader = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
await reader.goto(link);
await reader.getByRole('heading', { name: 'Möten', level: 1 }).waitFor({ timeout: 300_000 });
await reader.goto(meetingUrl);
await reader.waitForFunction(
  (n) => document.querySelector('textarea[aria-label], textarea')?.value.length >= n,
  9_000,
  { timeout: 300_000 },
);

// The plain textarea, beside the app's, with the same text.
await writer.evaluate((text) => {
  const plain = document.createElement('textarea');
  plain.id = 'bench-plain';
  plain.rows = 4;
  plain.value = text;
  document.querySelector('main').prepend(plain);
  window.samples = { app: [], plain: [] };
  window.addEventListener('keydown', (event) => {
    const kind = event.target.id === 'bench-plain' ? 'plain' : 'app';
    const start = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.samples[kind].push(performance.now() - start)));
  }, true);
}, long);

async function typeInto(locator, count) {
  await locator.focus();
  await locator.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
  for (let i = 0; i < count; i++) {
    await writer.keyboard.press('abcdefghij'[i % 10]);
    await writer.waitForTimeout(40);
  }
}
const plain = writer.locator('#bench-plain');
const profiler = process.env.PROFILE && await writerContext.newCDPSession(writer);
if (profiler) {
  await profiler.send('Profiler.enable');
  await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
  await profiler.send('Profiler.start');
}
for (let done = 0; done < keys; done += 20) {
  await typeInto(field, 20);
  await typeInto(plain, 20);
}
await writer.waitForTimeout(500);
if (profiler) writeFileSync(process.env.PROFILE, JSON.stringify((await profiler.send('Profiler.stop')).profile));
const samples = await writer.evaluate(() => window.samples);
await browser.close();

const stats = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, p50: at(0.5), p99: at(0.99) };
};
const app = stats(samples.app);
const ref = stats(samples.plain);
console.log(`typing at the end of a 10,000-character agenda item, five-year workspace, a second browser connected (${app.n} / ${ref.n} keystrokes)`);
console.log(`app's agenda item: p50 ${app.p50.toFixed(1)} ms, p99 ${app.p99.toFixed(1)} ms`);
console.log(`plain <textarea>:  p50 ${ref.p50.toFixed(1)} ms, p99 ${ref.p99.toFixed(1)} ms`);
console.log(`ratio app / plain: p50 ${(app.p50 / ref.p50).toFixed(2)}, p99 ${(app.p99 / ref.p99).toFixed(2)} (target p99 ≤ 1.25)`);
