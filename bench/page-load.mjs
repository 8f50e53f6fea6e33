// page-load.mjs: the page's start-up and weight in headless Chromium, first visit (a fresh browser
// context each round, so nothing is cached): every response the page receives (request count, raw
// bytes, gzip -9 bytes of each body: what a gzip-serving host would send) and the time from
// navigation start to the first heatmap drawn (the first frame that drew the engine's answer:
// window.playground.drawnParams set, polled every animation frame in the page) and to the load event.
// Responses that arrive before the first heatmap are counted apart, so a panel loaded later by
// import() shows as "after". Served by scripts/serve.mjs from 127.0.0.1 (application/wasm for .wasm).
// Usage: node bench/page-load.mjs [rounds=7] [hash] [NAME=DIR ...] (default: the page, web/; more
// than one copy of the page, e.g. a checkout of an older commit with its build, are measured side by
// side: round k visits each once, so the machine's load hits them alike). Prints, per copy, a
// markdown table of the files and a summary, and one JSON line.
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startBrowser, watchServiceWorker } from './browser.mjs';

const rounds = Number(process.argv[2] || 7);
const hash = process.argv[3] || '';
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
};
const copies = (process.argv.length > 4 ? process.argv.slice(4) : ['page=']).map((a) => {
  const [name, dir] = a.split('=');
  return { name, dir: dir || undefined, runs: [] };
});

async function visit(b, dir) {
  const page = await b.newPage(); // playwright: a new context per page, an empty cache
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.addInitScript(() => {
    const poll = () => {
      if (window.playground && window.playground.drawnParams) window.__firstHeatmap = performance.now();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  const files = [];
  const pending = [];
  const streaming = [];
  page.on('console', (m) => {
    if (/streaming|ArrayBuffer instantiation/i.test(m.text())) streaming.push(m.text());
  });
  page.on('response', (res) => {
    pending.push(
      (async () => {
        let body;
        try {
          body = await res.body();
        } catch {
          body = Buffer.alloc(0);
        }
        const tm = res.request().timing(); // startTime: epoch ms; responseEnd: ms after it
        files.push({
          url: new URL(res.url()).pathname,
          type: res.headers()['content-type'] || '',
          raw: body.length,
          gzip: zlib.gzipSync(body, { level: 9 }).length,
          atEpoch: tm.startTime + tm.responseEnd,
        });
      })(),
    );
  });
  const offline = watchServiceWorker(page, dir && path.resolve(dir)); // web/ when undefined
  await page.goto(`${b.base}/index.html${hash ? `#${hash}` : ''}`);
  await page.waitForFunction(() => window.__firstHeatmap !== undefined, null, { timeout: 60000, polling: 50 });
  await page.waitForTimeout(1500); // panels loaded after the first frame
  const sw = await offline();
  await Promise.all(pending);
  const t = await page.evaluate(() => ({
    first: window.__firstHeatmap,
    origin: performance.timeOrigin,
    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
  }));
  for (const f of files) f.at = f.atEpoch - t.origin;
  await page.context().close();
  return { ...t, files, streaming, sw };
}

for (const c of copies) c.b = await startBrowser(c.dir);
try {
  for (let r = 0; r < rounds; r++) for (const c of copies) c.runs.push(await visit(c.b, c.dir));
} finally {
  for (const c of copies) await c.b.close();
}
const sum = (list, k) => list.reduce((a, f) => a + f[k], 0);
const results = {};
for (const c of copies) {
  if (c.b.consoleErrors.length) console.error(`${c.name}: console errors: ${c.b.consoleErrors.join(' | ')}`);
  const last = c.runs[c.runs.length - 1];
  const before = last.files.filter((f) => !(f.at > last.first));
  const firsts = c.runs.map((r) => r.first);
  const out = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    load: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    rounds,
    firstHeatmapMs: {
      median: median(firsts),
      min: Math.min(...firsts),
      max: Math.max(...firsts),
      all: firsts.map(Math.round),
    },
    loadEventMs: median(c.runs.map((r) => r.load)),
    requests: last.files.length,
    raw: sum(last.files, 'raw'),
    gzip: sum(last.files, 'gzip'),
    beforeFirst: { requests: before.length, gzip: sum(before, 'gzip') },
    serviceWorker: last.sw,
    streamingMessages: [...new Set(c.runs.flatMap((r) => r.streaming))],
  };
  results[c.name] = out;
  console.log(`\n### ${c.name}${c.dir ? ` (${c.dir})` : ''}\n`);
  console.log('| file | type | raw bytes | gzip -9 bytes | before first heatmap |');
  console.log('|---|---|---|---|---|');
  for (const f of [...last.files].sort((a, d) => d.gzip - a.gzip))
    console.log(`| ${f.url} | ${f.type.split(';')[0]} | ${f.raw} | ${f.gzip} | ${f.at > last.first ? 'no' : 'yes'} |`);
  console.log(
    `| **total (${out.requests} requests)** | | ${out.raw} | ${out.gzip} | ${out.beforeFirst.requests} requests, ${out.beforeFirst.gzip} B |`,
  );
  console.log(
    `\nthe service worker's offline copy (after the first frame): ${out.serviceWorker.requests} requests, ${out.serviceWorker.raw} B sent (${out.serviceWorker.gzip} B gzip -9), ${out.serviceWorker.noBody} without a body (revalidated: already loaded by the page)`,
  );
  console.log(
    `\nfirst heatmap: median ${out.firstHeatmapMs.median.toFixed(0)} ms [${out.firstHeatmapMs.min.toFixed(0)}–${out.firstHeatmapMs.max.toFixed(0)}] over ${rounds} first visits; load event ${out.loadEventMs.toFixed(0)} ms; load average ${out.load}` +
      (out.streamingMessages.length
        ? `; console: ${out.streamingMessages.join(' | ')}`
        : '; no streaming-compile fallback message'),
  );
}
console.log(`PAGE_LOAD_JSON ${JSON.stringify(results)}`);
