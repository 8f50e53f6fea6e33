// bundle.mjs: the page's modules as the visitor downloads them. esbuild bundles and minifies
// web/app.js (with a chunk per panel the page imports later), web/worker.js (with the engine's
// Emscripten glue, web/gen/engine.mjs) and web/style.css into web/gen/, with source maps that only
// the browser's developer tools fetch. Unbundled, the page was 30 commented modules fetched in
// chains (each import found only after its parent was parsed): most of its start-up weight and
// waiting. web/index.html loads the bundles; the sources stay what tests and tools import.
// Usage: node scripts/bundle.mjs (build-wasm.sh runs it after the engine; it takes well under 1 s).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web');
const common = {
  absWorkingDir: web,
  outdir: path.join(web, 'gen'),
  bundle: true,
  minify: !process.env.BP_NOMINIFY, // BP_NOMINIFY=1: readable names in a profile
  sourcemap: 'linked',
  target: ['chrome110', 'firefox115', 'safari16'],
  logLevel: 'warning',
  legalComments: 'none',
};

export async function bundle() {
  // chunk names carry a content hash: the last build's chunks would stay behind (and be published)
  fs.mkdirSync(common.outdir, { recursive: true });
  for (const f of fs.readdirSync(common.outdir, { withFileTypes: true }))
    if (f.isFile() && /^chunk-.*\.js(\.map)?$/.test(f.name)) fs.rmSync(path.join(common.outdir, f.name));
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ['app.js'],
      format: 'esm',
      splitting: true,
      chunkNames: 'chunk-[hash]',
    }),
    // the worker stands alone: one file, no chunk shared with the page (one request fewer)
    esbuild.build({ ...common, entryPoints: ['worker.js'], format: 'esm' }),
    esbuild.build({ ...common, entryPoints: ['style.css'] }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
