// Names the split app (scripts/app-wasm.sh) in the staged index.html:
// node scripts/app-wasm-html.mjs INDEX STAGING DIR
// The main module and its chunk loader are preloaded and started as Trunk
// starts an app; the chunks are listed for the service worker only, which
// caches them for offline use (public/sw.js), so the first page never waits
// for them.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const [index, staging, dir] = process.argv.slice(2);
const url = (file) => `/${dir}/${file}`;
const integrity = (file) =>
  'sha384-' + createHash('sha384').update(readFileSync(`${staging}/${dir}/${file}`)).digest('base64');
const chunks = readdirSync(`${staging}/${dir}`)
  .filter((file) => file.endsWith('.wasm') && file !== 'radslag-app_bg.wasm')
  .sort();

const tags = `
    <link rel="modulepreload" href="${url('radslag-app.js')}" crossorigin="anonymous" integrity="${integrity('radslag-app.js')}">
    <link rel="modulepreload" href="${url('__wasm_split.js')}" crossorigin="anonymous" integrity="${integrity('__wasm_split.js')}">
    <link rel="preload" href="${url('radslag-app_bg.wasm')}" crossorigin="anonymous" integrity="${integrity('radslag-app_bg.wasm')}" as="fetch" type="application/wasm">
    <meta name="radslag-offline" content="${chunks.map(url).join(' ')}">
    <script type="module">
import init from '${url('radslag-app.js')}';
await init({ module_or_path: '${url('radslag-app_bg.wasm')}' });
    </script>
  </head>`;
const html = readFileSync(index, 'utf8');
if (!html.includes('</head>')) throw new Error(`${index} has no </head>`);
writeFileSync(index, html.replace('</head>', tags));
