// page-trace.mjs: where a playing page's time goes, per thread (renderer main, compositor,
// raster, the engine's worker), from a 3 s Chromium trace (CDP Tracing) of one hash. The
// events nest, so the rows overlap; read them as "ms per second spent inside". It is how
// bench/PAGE.md's gaps were found (e.g. 12 ms per frame of page faults from a fresh 4 MB weight
// array on 16 x 256, now a lent buffer).
// Usage: node bench/page-trace.mjs '<hash>'
import { startBrowser } from './browser.mjs';
import { traceWhile, threadNames } from './trace.mjs';
const hash = process.argv[2];
const b = await startBrowser();
const page = await b.newPage();
await page.setViewportSize({ width: 1400, height: 900 });
await page.goto(`${b.base}/index.html#${hash}`);
await page.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 60000 });
await page.click('#play');
await page.waitForTimeout(1500);
const { events: ev, result: p } = await traceWhile(
  page,
  'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc,v8',
  async () => {
    await page.evaluate(() => {
      window.playground.resetPerf();
    });
    await page.waitForTimeout(3000);
    return page.evaluate(() => ({ ...window.playground.perf, N: window.playground.N }));
  },
);
const threads = threadNames(ev);
const agg = {};
for (const e of ev)
  if (e.ph === 'X' && e.dur) {
    const t = threads[`${e.pid}:${e.tid}`] || '?';
    const k = `${t} | ${e.name}`;
    agg[k] = (agg[k] || 0) + e.dur / 1000;
  }
const frames = p.frames;
console.log(
  'frames/s',
  (frames / 3).toFixed(1),
  'ticks/s',
  (p.ticks / 3).toFixed(1),
  'rt',
  (p.roundTrip / p.answers).toFixed(2),
  'draw',
  (p.draw / p.frames).toFixed(2),
);
Object.entries(agg)
  .sort((a, c) => c[1] - a[1])
  .slice(0, 40)
  .forEach(([k, v]) => console.log((v / 3).toFixed(1).padStart(7), 'ms/s', k));
await b.close();
