// Opening a workspace with five years of a council's work to its meetings
// list drawn, in headless Chromium: cold (a fresh profile, nothing cached)
// and warm (the service worker's cache, as on the next visit), with the
// phases (the document loads just after the list, from its first view),
// against the welcome page of an empty browser
// measured in the same run (the app alone, no document). Prints figures;
// asserts nothing.
//
// node bench/load.mjs BASE_URL FIXTURE_FILE [RUNS]
// NETWORK=weak: every page on an emulated weak mobile network (150 ms round
// trip, 1.6 Mbit/s down, 750 kbit/s up), as at an event on a phone.
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

/// Emulates NETWORK=weak on a page (the same for the reference).
async function network(page) {
  if (process.env.NETWORK !== 'weak') return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6e6 / 8),
    uploadThroughput: (750e3 / 8),
  });
}

/// What the device stores: at first the workspace alone; after the priming
/// visit below, everything the app keeps after its first open (the list of
/// workspaces with the workspace's origin, the first view of its meetings
/// list).
let stored = {
  'radslag.workspaces': JSON.stringify([{ id, name: 'Fem år' }]),
  [`radslag.doc.${id}`]: snapshot,
};

/// A fresh profile holding the five-year workspace.
async function profileWithWorkspace(serviceWorkers) {
  const context = await browser.newContext({ serviceWorkers });
  await context.addInitScript((stored) => {
    if (!localStorage.getItem('radslag.workspaces')) {
      for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
    }
    // When the list has all its meetings, as the DOM gets them: a check
    // polled at animation frames would wait for the document's load, which
    // runs just after the list's frame.
    new MutationObserver((_, observer) => {
      if (document.querySelectorAll('.entry-list li').length === 40) {
        window.listDrawn = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, stored);
  return context;
}

/// Opens the meetings list; the phases in ms from the start of navigation.
async function openList(page) {
  await network(page);
  await page.goto(`${base}/w/${id}/moten`);
  await page.waitForFunction(() => window.listDrawn && performance.getEntriesByName('radslag-loaded').length, null, { timeout: 60_000 });
  return page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const resources = performance.getEntriesByType('resource');
    const wasm = resources.find((r) => r.name.endsWith('_bg.wasm') && !r.name.includes('extract'));
    const engine = resources.find((r) => r.name.endsWith('/split_document.wasm'));
    return {
      total: window.listDrawn,
      fetched: wasm ? wasm.responseEnd : NaN,
      transferred: wasm ? wasm.transferSize : NaN,
      engineFetched: engine ? engine.responseEnd : NaN,
      engineTransferred: engine ? engine.transferSize : NaN,
      started: at('radslag-started'),
      firstView: at('radslag-first-view'),
      load: at('radslag-loaded') - at('radslag-open'),
      loaded: at('radslag-loaded'),
    };
  });
}

{
  const priming = await profileWithWorkspace('block');
  const page = await priming.newPage();
  await openList(page);
  await page.waitForFunction((id) => localStorage.getItem(`radslag.view.${id}`), id);
  stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
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
  // Timed like the list: when the DOM has its button.
  const bare = await browser.newContext({ serviceWorkers: 'block' });
  await bare.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if ([...document.querySelectorAll('button')].some((b) => b.textContent.includes('Skapa arbetsyta'))) {
        window.welcomeDrawn = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await bare.newPage();
  await network(page);
  await page.goto(`${base}/`);
  await page.waitForFunction(() => window.welcomeDrawn);
  empty.push(await page.evaluate(() => window.welcomeDrawn));
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
  return `wasm fetched ${ms(m((o) => o.fetched))} (${m((o) => o.transferred)} bytes over the network), app started (compiled) ${ms(m((o) => o.started))}, first view read ${ms(m((o) => o.firstView))}, list drawn ${ms(m((o) => o.total))}; the document engine fetched ${ms(m((o) => o.engineFetched))} (${m((o) => o.engineTransferred)} bytes), the document loaded in ${ms(m((o) => o.load))} (editable at ${ms(m((o) => o.loaded))})`;
};
const reference = median(empty);
const report = (name, opens, target) => {
  const total = median(opens.map((o) => o.total));
  const sorted = opens.map((o) => o.total).sort((a, b) => a - b);
  console.log(`${name} open to the meetings list drawn: median ${ms(total)} (min ${ms(sorted[0])}, max ${ms(sorted[sorted.length - 1])}; target ≤ ${target} ms), ${(total / reference).toFixed(2)}× the empty welcome`);
  console.log(`  phases (medians, from navigation): ${phases(opens)}`);
};
console.log(`five-year workspace, ${runs} runs each${process.env.NETWORK === 'weak' ? ', a weak mobile network (150 ms, 1.6 Mbit/s)' : ''}; reference: an empty browser's welcome page drawn, median ${ms(reference)}`);
report('cold', cold, 600);
report('warm', warm, 300);
console.log(`stored workspace: ${snapshot.length} characters of localStorage (${(snapshot.length / 1024).toFixed(0)} KiB); its first view ${stored[`radslag.view.${id}`]?.length ?? 0} characters`);
