// Edit-to-remote-screen latency: one member types in an agenda item in
// headless Chromium, another member's browser shows each letter; the time
// from the keystroke's input event to the frame in which the other screen
// has it. N connected clients in all: the two browsers plus N-2 stock
// automerge-repo clients (in one Node process) syncing the same workspace. Run against our
// relay (`radslag serve`) and a stock automerge-repo Node sync server
// serving the same app, under the same load. Prints figures; asserts nothing.
//
// node bench/screen_latency.mjs [SIZES] [EDITS]     (bench/screen_latency.sh)
import { chromium } from '../tests/node_modules/playwright/index.mjs';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const sizes = (process.argv[2] || '2,10,50').split(',').map(Number);
const edits = Number(process.argv[3] || 60);
const radslag = process.env.RADSLAG_BIN || join(root, 'target/server/radslag');
const dist = process.env.RADSLAG_DIST || join(root, 'dist');
const peer = join(root, 'tests/interop/peer.mjs');

const freePort = () =>
  new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });

/// Starts a process and waits for a line of its output that matches.
function start(cmd, args, ready) {
  const child = spawn(cmd, args, { cwd: join(root, 'tests/interop'), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let seen = '';
    const look = (chunk) => {
      seen += chunk;
      if (ready.test(seen)) done(child);
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code) => fail(new Error(`${cmd} exited ${code}: ${seen}`)));
    setTimeout(() => fail(new Error(`${cmd} never got ready: ${seen}`)), 30_000);
  });
}

async function startServer(kind, port, data) {
  if (kind === 'node') return start('node', [peer, 'server', String(port), data, dist], /listening/);
  const child = spawn(radslag, ['serve', '--addr', `127.0.0.1:${port}`, '--dist', dist, '--data-dir', data], { stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('radslag serve never answered /healthz');
}

const browserArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function measure(kind, clients) {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), `radslag-bench-${kind}-`));
  const server = await startServer(kind, port, data);
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: browserArgs });
  const watchers = [];
  try {
    const writer = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await writer.goto(base + '/');
    await writer.getByLabel('Rådets namn').fill('Trygghetsrådet');
    await writer.getByRole('button', { name: 'Skapa arbetsyta' }).click();
    const create = writer.getByRole('region', { name: 'Nytt möte' });
    await create.getByLabel('Titel').fill('Trygghetsrådet');
    await create.getByRole('button', { name: 'Skapa möte' }).click();
    await writer.getByLabel('Anteckningar, punkt 4').waitFor();
    await writer.getByRole('status').filter({ hasText: 'Allt synkat' }).waitFor({ timeout: 30_000 });
    const meetingUrl = writer.url();
    const workspace = meetingUrl.match(/\/w\/([^/]+)\//)[1];

    const reader = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await reader.goto(`${base}/join/${workspace}`);
    await reader.getByRole('heading', { name: 'Möten', level: 1 }).waitFor({ timeout: 30_000 });
    await reader.goto(meetingUrl);
    await reader.getByLabel('Anteckningar, punkt 4').waitFor({ timeout: 30_000 });

    // The other members: stock automerge-repo clients, in one Node process.
    if (clients > 2) {
      const args = [peer, 'watch', `ws://127.0.0.1:${port}/sync`, `automerge:${workspace}`, String(clients - 2)];
      watchers.push(await start('node', args, /found/));
    }

    // The reader stamps each frame in which the text grew.
    await reader.getByLabel('Anteckningar, punkt 4').evaluate((field) => {
      window.shownAt = [];
      let length = field.value.length;
      const watch = () => {
        if (field.value.length > length) {
          for (let n = length; n < field.value.length; n++) window.shownAt.push(performance.timeOrigin + performance.now());
          length = field.value.length;
        }
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    const field = writer.getByLabel('Anteckningar, punkt 4');
    await field.evaluate((el) => {
      window.typedAt = [];
      el.addEventListener('input', () => window.typedAt.push(performance.timeOrigin + performance.now()));
    });
    await field.focus();
    // Letters 250 ms apart: each edit is measured on its own.
    for (let i = 0; i < edits; i++) {
      await writer.keyboard.type('abcdefghij'[i % 10]);
      await writer.waitForTimeout(250);
    }
    await reader.waitForFunction((n) => window.shownAt.length >= n, edits, { timeout: 60_000 });
    const typed = await writer.evaluate(() => window.typedAt);
    const shown = await reader.evaluate(() => window.shownAt);
    const latencies = typed.map((t, i) => shown[i] - t).sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    return { p50: at(0.5), p99: at(0.99) };
  } finally {
    watchers.forEach((w) => w.kill());
    await browser.close();
    server.kill();
    rmSync(data, { recursive: true, force: true });
  }
}

const rows = [];
for (const clients of sizes) {
  const relay = await measure('relay', clients);
  console.error(`relay, ${clients} clients: p50 ${relay.p50.toFixed(1)} ms, p99 ${relay.p99.toFixed(1)} ms`);
  const node = await measure('node', clients);
  console.error(`node, ${clients} clients: p50 ${node.p50.toFixed(1)} ms, p99 ${node.p99.toFixed(1)} ms`);
  rows.push({ clients, relay, node });
}
console.log(`edit-to-remote-screen latency, headless Chromium to headless Chromium, ${edits} edits 250 ms apart`);
console.log('| clients | p50 ms relay / Node (ratio) | p99 ms relay / Node (ratio) |');
console.log('| --- | --- | --- |');
const cell = (a, b) => `${a.toFixed(1)} / ${b.toFixed(1)} (${(a / b).toFixed(2)})`;
for (const { clients, relay, node } of rows) {
  console.log(`| ${clients} | ${cell(relay.p50, node.p50)} | ${cell(relay.p99, node.p99)} |`);
}
