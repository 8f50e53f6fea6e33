// bench.js: runs ours.mjs in the page and publishes the result as window.benchResult ({ok: true,
// result, userAgent} or {ok: false, error}). bench/run.mjs serves this folder as /bench/ next to the
// page's files (web/ at /), so ../engine.js is the page's own engine.js. Query parameters: see
// bench.html (engine=URL: the engine module instead of ../gen/engine.mjs; bench=URL: the
// benchmark's module, bench.mjs of bench/build.sh; same origin only).
import { loadEngine } from '../engine.js';
import { runOurs } from './ours.mjs';

const out = document.getElementById('out');
const q = new URLSearchParams(location.search);
function sameOrigin(param) {
  const url = new URL(q.get(param), location.href);
  if (url.origin !== location.origin) throw new Error(`?${param} must be on this origin`);
  return url.href;
}

try {
  const E = await loadEngine(q.get('engine') ? { moduleUrl: sameOrigin('engine') } : {});
  if (!q.get('bench')) throw new Error('?bench=URL of bench.mjs is missing');
  const { default: createBench } = await import(sameOrigin('bench'));
  const wide = await createBench();
  // Let the page settle before timing.
  await new Promise((r) => setTimeout(r, 100));
  const result = runOurs(E, wide, {
    seconds: Number(q.get('seconds') || 1),
    reps: Number(q.get('reps') || 5),
    quick: q.get('quick') === '1',
    quickEpochs: Number(q.get('quickEpochs') || 30),
    kernels: q.get('kernels') === '1',
    kernelSeconds: Number(q.get('kernelSeconds') || 0.2),
    learn: q.get('learn') !== '0',
  });
  window.benchResult = { ok: true, result, userAgent: navigator.userAgent };
  out.textContent = JSON.stringify(result, null, 2);
} catch (e) {
  window.benchResult = { ok: false, error: String(e && e.stack ? e.stack : e) };
  out.textContent = `benchmark failed: ${e}`;
}
