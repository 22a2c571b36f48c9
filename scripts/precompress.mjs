// Writes a brotli (x.br) and a gzip (x.gz) copy beside each of the built
// app's wasm, js, css and other static text files, at the strongest
// settings: `radslag serve` sends a copy to a browser that accepts it
// (crates/radslag-server/src/serve.rs). Not index.html: it is small, and the
// one file a deployment may change in place, where a stale copy would win.
// node scripts/precompress.mjs DIST
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:wasm|js|css|svg|webmanifest|json)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(name)) yield path;
  }
}

for (const path of files(process.argv[2])) {
  const data = readFileSync(path);
  const copies = {
    br: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz: gzipSync(data, { level: 9 }),
  };
  // A copy no smaller than the file is left out; the file goes as it is.
  for (const [ext, copy] of Object.entries(copies)) {
    if (copy.length < data.length) writeFileSync(`${path}.${ext}`, copy);
  }
}
