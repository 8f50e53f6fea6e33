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
    if (f.isFile() && /^(chunk-.*|app-shared-\d+)\.js(\.map)?$/.test(f.name))
      fs.rmSync(path.join(common.outdir, f.name));
  const [page] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ['app.js'],
      format: 'esm',
      splitting: true,
      chunkNames: 'chunk-[hash]',
      metafile: true,
    }),
    // the workers stand alone: one file each, no chunk shared with the page (one request fewer);
    // pool-worker.js (compare and sweep) is fetched only when a race or sweep starts
    esbuild.build({ ...common, entryPoints: ['worker.js', 'pool-worker.js'], format: 'esm' }),
    esbuild.build({ ...common, entryPoints: ['style.css'] }),
  ]);
  fixSharedChunks(page.metafile);
}

// The chunks gen/app.js imports statically (code it shares with the late panels) get fixed names,
// app-shared-N.js, so that index.html can ask for them with <link rel="modulepreload"> at once
// instead of the browser finding them only after app.js has arrived and been parsed (a round trip
// more before the engine's worker starts). Fails when index.html does not preload each of them.
function fixSharedChunks(meta) {
  const out = common.outdir;
  const shared = meta.outputs['gen/app.js'].imports
    .filter((i) => i.kind === 'import-statement')
    .map((i) => path.basename(i.path));
  const names = new Map(shared.map((c, k) => [c, `app-shared-${k + 1}.js`]));
  for (const [from, to] of names) {
    fs.renameSync(path.join(out, from), path.join(out, to));
    fs.renameSync(path.join(out, `${from}.map`), path.join(out, `${to}.map`));
  }
  for (const f of fs.readdirSync(out))
    if (/\.js(\.map)?$/.test(f) && !/^(pool-)?worker\.js(\.map)?$/.test(f)) {
      const file = path.join(out, f);
      let text = fs.readFileSync(file, 'utf8');
      for (const [from, to] of names) text = text.split(from).join(to);
      fs.writeFileSync(file, text);
    }
  const html = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
  const missing = [...names.values()].filter((n) => !html.includes(`<link rel="modulepreload" href="gen/${n}">`));
  const extra = [...html.matchAll(/<link rel="modulepreload" href="gen\/(app-shared-\d+\.js)">/g)]
    .map((m) => m[1])
    .filter((n) => ![...names.values()].includes(n));
  if (missing.length || extra.length)
    throw new Error(
      `web/index.html must preload exactly gen/app.js's shared chunks: add ${missing.map((n) => `<link rel="modulepreload" href="gen/${n}">`).join(' ') || 'nothing'}, remove ${extra.join(', ') || 'nothing'}`,
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
