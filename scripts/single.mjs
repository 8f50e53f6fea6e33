// single.mjs: the playground as one self-contained HTML file (issue 20), for a course platform or a
// USB stick: opened from file:// it needs no server. The page's code is bundled without chunks
// (the late panels inlined), the style sheet and the icon inlined, and the engine carried once as
// base64; the two workers are inline text the page turns into blob: workers, each given the
// engine (engine.js reads BP_WASM_B64 and BP_WASM_DEFERRED_B64, the engine's two parts;
// engine-client.js and pool.js BP_WORKERS). Its CSP allows exactly its own inline script and
// style (by hash), blob: workers and compiling the engine. No service worker (none on file://). Run by `./build-wasm.sh single` after a normal build.
// Usage: node scripts/single.mjs [OUT] (default web/gen/backprop-playground.html)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web');
const out = path.resolve(process.argv[2] || path.join(web, 'gen/backprop-playground.html'));
const opts = {
  absWorkingDir: web,
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
  target: ['chrome110', 'firefox115', 'safari16'],
  logLevel: 'warning',
  legalComments: 'none',
};
// import.meta.url only names where engine.wasm would be fetched from: the inline copy is used instead
const classic = { format: 'iife', define: { 'import.meta.url': '"file:///engine.wasm"' } };
const text = (r) => r.outputFiles[0].text;
const [app, worker, pool, css] = await Promise.all([
  esbuild.build({ ...opts, entryPoints: ['app.js'] }),
  // classic workers: Chromium does not start a module worker from a blob: URL on a file:// page
  esbuild.build({ ...opts, ...classic, entryPoints: ['worker.js'] }),
  esbuild.build({ ...opts, ...classic, entryPoints: ['pool-worker.js'] }),
  esbuild.build({ ...opts, entryPoints: ['style.css'] }),
]);
const wasm = fs.readFileSync(path.join(web, 'gen/engine.wasm')).toString('base64');
// the engine's second part (scripts/split-engine.mjs), loaded on the first call into it
const deferred = fs.readFileSync(path.join(web, 'gen/engine.deferred.wasm')).toString('base64');
const icon = `data:image/svg+xml;base64,${fs.readFileSync(path.join(web, 'icon.svg')).toString('base64')}`;

// The workers' code sits in <script type="text/plain"> elements: it must not end them early.
for (const [name, code] of [
  ['worker', text(worker)],
  ['pool worker', text(pool)],
  ['page', text(app)],
])
  if (/<\/script/i.test(code)) throw new Error(`the ${name} bundle holds "</script": it cannot be inlined`);

const boot = `{const T=(i)=>document.getElementById(i).textContent,B=T("bp-wasm"),D=T("bp-wasm-deferred"),W=(i)=>URL.createObjectURL(new Blob(["self.BP_WASM_B64="+JSON.stringify(B)+";self.BP_WASM_DEFERRED_B64="+JSON.stringify(D)+";\\n",T(i)],{type:"text/javascript"}));globalThis.BP_WORKERS={engine:W("bp-worker"),pool:W("bp-pool-worker"),type:"classic"};}\n`;
const script = boot + text(app);
const style = text(css);
const sha = (s) => `'sha256-${crypto.createHash('sha256').update(s).digest('base64')}'`;
const csp = `default-src 'none'; script-src ${sha(script)} 'wasm-unsafe-eval'; worker-src blob:; style-src ${sha(style)}; img-src data: blob:; connect-src data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'`;

let html = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
const swap = (re, to, what) => {
  if (!re.test(html)) throw new Error(`web/index.html has no ${what} to replace`);
  html = html.replace(re, to);
};
swap(
  /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
  `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
  'CSP',
);
swap(/<link rel="stylesheet" href="gen\/style.css">/, () => `<style>${style}</style>`, 'style sheet');
swap(/<script type="module" src="gen\/app.js"><\/script>\n?/, '', 'page script');
swap(/(<link rel="modulepreload" href="[^"]*">\n?)+/, '', 'preloads');
swap(/<link rel="manifest" href="manifest.webmanifest">\n?/, '', 'manifest');
swap(
  /<link rel="icon" href="icon.svg" type="image\/svg\+xml">/,
  `<link rel="icon" href="${icon}" type="image/svg+xml">`,
  'icon',
);
swap(
  /<\/body>/,
  () =>
    `<script type="text/plain" id="bp-wasm">${wasm}</script>\n` +
    `<script type="text/plain" id="bp-wasm-deferred">${deferred}</script>\n` +
    `<script type="text/plain" id="bp-worker">${text(worker)}</script>\n` +
    `<script type="text/plain" id="bp-pool-worker">${text(pool)}</script>\n` +
    `<script type="module">${script}</script>\n</body>`,
  'body end',
);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, html);
console.log(`${path.relative(process.cwd(), out)}: ${fs.statSync(out).size} bytes`);
