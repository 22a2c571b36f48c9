// Opening a workspace with five years of a council's work to an interactive
// meetings list, in headless Chromium: cold (a fresh profile, nothing
// cached) and warm (the service worker's cache, as on the next visit), with
// the phases of a cold open, against the welcome page of an empty browser
// measured in the same run (the app alone, no document). Prints figures;
// asserts nothing.
//
// node bench/load.mjs BASE_URL FIXTURE_FILE [RUNS]
import { chromium } from '../tests/node_modules/playwright/index.mjs';
import { readFileSync } from 'node:fs';

const [base, fixture, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 7);
const snapshot = readFileSync(fixture, 'utf8').trim();
const id = 'benchfiveyears';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/// The device's list of workspaces; after the priming visit below, as the
/// app keeps it (with the workspace's origin, written on its first open).
let registry = JSON.stringify([{ id, name: 'Fem år' }]);

/// A fresh profile holding the five-year workspace.
async function profileWithWorkspace(serviceWorkers) {
  const context = await browser.newContext({ serviceWorkers });
  await context.addInitScript(
    ([id, snapshot, registry]) => {
      if (!localStorage.getItem('radslag.workspaces')) {
        localStorage.setItem('radslag.workspaces', registry);
        localStorage.setItem(`radslag.doc.${id}`, snapshot);
      }
    },
    [id, snapshot, registry],
  );
  return context;
}

/// Opens the meetings list; the phases in ms from the start of navigation.
async function openList(page) {
  await page.goto(`${base}/w/${id}/moten`);
  await page.waitForFunction(() => document.querySelectorAll('.entry-list li').length === 40, null, { timeout: 60_000 });
  return page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm') && !r.name.includes('extract'));
    return {
      total: performance.now(),
      fetched: wasm ? wasm.responseEnd : NaN,
      started: at('radslag-started'),
      load: at('radslag-loaded') - at('radslag-open'),
      loaded: at('radslag-loaded'),
    };
  });
}

{
  const priming = await profileWithWorkspace('block');
  const page = await priming.newPage();
  await openList(page);
  registry = await page.evaluate(() => localStorage.getItem('radslag.workspaces'));
  await priming.close();
}

const cold = [];
const warm = [];
const empty = [];
for (let run = 0; run < runs; run++) {
  const context = await profileWithWorkspace('block');
  cold.push(await openList(await context.newPage()));
  await context.close();

  // The next visit: the app from the service worker's cache.
  const returning = await profileWithWorkspace('allow');
  const first = await returning.newPage();
  await openList(first);
  await first.evaluate(() => navigator.serviceWorker.ready);
  await first.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Its saves done (the document 0.4 s, the sync state 1 s after the last
  // change), so the next visit does not open while this one still writes.
  await first.waitForTimeout(2_000);
  await first.close();
  warm.push(await openList(await returning.newPage()));
  await returning.close();

  // The reference: the app with no document, an empty browser's welcome.
  const bare = await browser.newContext({ serviceWorkers: 'block' });
  const page = await bare.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).waitFor();
  empty.push(await page.evaluate(() => performance.now()));
  await bare.close();
}
await browser.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => `${value.toFixed(0)} ms`;
const phases = (opens) => {
  const m = (f) => median(opens.map(f));
  return `wasm fetched ${ms(m((o) => o.fetched))}, app started (compiled) ${ms(m((o) => o.started))}, workspace loaded ${ms(m((o) => o.load))} (done at ${ms(m((o) => o.loaded))}), list drawn ${ms(m((o) => o.total - o.loaded))} after`;
};
const reference = median(empty);
const report = (name, opens, target) => {
  const total = median(opens.map((o) => o.total));
  const sorted = opens.map((o) => o.total).sort((a, b) => a - b);
  console.log(`${name} open to interactive meetings list: median ${ms(total)} (min ${ms(sorted[0])}, max ${ms(sorted[sorted.length - 1])}; target ≤ ${target} ms), ${(total / reference).toFixed(2)}× the empty welcome`);
  console.log(`  phases (medians, from navigation): ${phases(opens)}`);
};
console.log(`five-year workspace, ${runs} runs each; reference: an empty browser's welcome page interactive, median ${ms(reference)}`);
report('cold', cold, 600);
report('warm', warm, 300);
console.log(`stored workspace: ${snapshot.length} characters of localStorage (${(snapshot.length / 1024).toFixed(0)} KiB)`);
