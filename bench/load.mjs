// Cold load to an interactive meetings list for a workspace with five years
// of a council's work, in headless Chromium. Prints figures; asserts nothing.
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

const times = [];
for (let run = 0; run < runs; run++) {
  // A fresh profile each run: nothing cached, as on a first visit of the day.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(
    ([id, snapshot]) => {
      if (!localStorage.getItem('radslag.workspaces')) {
        localStorage.setItem('radslag.workspaces', JSON.stringify([{ id, name: 'Fem år' }]));
        localStorage.setItem(`radslag.doc.${id}`, snapshot);
      }
    },
    [id, snapshot],
  );
  const page = await context.newPage();
  await page.goto(`${base}/w/${id}/moten`);
  await page.waitForFunction(() => document.querySelectorAll('.entry-list li').length === 40, null, { timeout: 60_000 });
  // Milliseconds from the start of navigation until the list is on screen.
  times.push(await page.evaluate(() => performance.now()));
  await context.close();
}
await browser.close();

times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`cold load to interactive meetings list: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms (${runs} runs)`);
console.log(`stored workspace: ${snapshot.length} characters of localStorage (${(snapshot.length / 1024).toFixed(0)} KiB)`);
