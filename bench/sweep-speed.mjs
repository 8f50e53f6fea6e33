// sweep-speed.mjs: how fast the compare-and-sweep pool runs (issue 16), in headless Chromium:
// 1. one pool worker (web/gen/pool-worker.js) running 32 runs of the default net for 300 epochs:
//    its epochs/s; 2. as many workers as the browser reports cores, 64 runs shared round robin:
//    their epochs/s and its ratio to (one worker x cores); 3. the page itself running a 64-run
//    sweep link (learningRate x batchSize, 8 x 8, 300 epochs each), opened in a new tab and set on
//    a page that has settled: seconds from the sweep's start to its last cell, and the main
//    thread's long tasks (PerformanceObserver 'longtask', > 50 ms) meanwhile. Prints figures with
//    the machine and its load; never asserts.
// Usage: node bench/sweep-speed.mjs [--append] (--append adds the table to bench/PAGE.md)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowser } from './browser.mjs';

const EPOCHS = 300;
const LINK = `seed=1&sweep=learningRate:0.001,0.003,0.01,0.03,0.1,0.3,1,3;batchSize:1,2,5,10,20,30,50,100&sweepEpochs=${EPOCHS}`;

const b = await startBrowser();
const page = await b.newPage();
await page.goto(`${b.base}/index.html#seed=1`);
await page.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 60000 });

// The pool's worker driven directly: `workers` of them share `runs` runs of the default net.
const poolRate = (workers, runs) =>
  page.evaluate(
    async ([workers, runs, epochs]) => {
      const hash = window.playground.hash;
      const ws = Array.from({ length: workers }, () => new Worker('gen/pool-worker.js', { type: 'module' }));
      const call = (w, msg) =>
        new Promise((resolve, reject) => {
          w.onmessage = (ev) => {
            if (ev.data.progress) return;
            if (ev.data.ok) resolve(ev.data);
            else reject(new Error(ev.data.error));
          };
          w.postMessage(msg);
        });
      const lists = ws.map((_, i) =>
        Array.from({ length: runs }, (_, k) => k)
          .filter((k) => k % workers === i)
          .map((k) => ({ id: `b${k}`, hash })),
      );
      // warm-up: each worker loads its engine and trains 3,000 epochs first, long enough for the
      // browser to replace its first, quick compile of the engine by the optimized one (with a
      // 200-epoch warm-up one worker measured 9,537 epochs/s and two 26,974: the tier-up fell
      // inside the shorter measurement)
      await Promise.all(
        ws.map((w) =>
          call(w, { id: 1, type: 'sweep', runs: [{ id: 'w', hash }], epochs: 3000, target: 0, N: 0, keep: false }),
        ),
      );
      const t0 = performance.now();
      await Promise.all(
        ws.map((w, i) => call(w, { id: 2, type: 'sweep', runs: lists[i], epochs, target: 0.1, N: 40, keep: true })),
      );
      const s = (performance.now() - t0) / 1000;
      ws.forEach((w) => w.terminate());
      return { seconds: s, epochsPerSec: (runs * epochs) / s };
    },
    [workers, runs, EPOCHS],
  );

const cores = await page.evaluate(() => navigator.hardwareConcurrency);
const load0 = os.loadavg()[0];
// Three of each, alternating, and the median of each: one such measurement lasts about half a
// second, and on 2 cores a browser thread waking in one of them moved the ratio by 10 points
// (single measurements of the ratio ranged 77-96 % on a quiet machine, bench/PAGE.md).
const ones = [],
  manys = [];
for (let i = 0; i < 3; i++) {
  ones.push(await poolRate(1, 32)); // as many runs per worker as the pool's below
  manys.push(await poolRate(Math.min(8, cores), 64));
}
const median = (xs) => [...xs].sort((a, b) => a.epochsPerSec - b.epochsPerSec)[1];
const [one, many] = [median(ones), median(manys)];
const each = (xs) => xs.map((x) => Math.round(x.epochsPerSec).toLocaleString('en')).join(', ');
await page.close();

// The page: the sweep link, from the sweep's start (the panel's mark) to its last cell; three
// page loads, since one long task more or less is within the machine's noise. Two ways in: the
// link opened in a new tab (the page's own start-up, its late panels and its service worker's
// precache, runs beside the sweep) and the link set on a page that has loaded and settled (what a
// click on Start does).
async function pageSweep(settled) {
  const p = await b.newPage();
  await p.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((l) =>
      window.longTasks.push(...l.getEntries().map((e) => [e.startTime, e.duration])),
    ).observe({
      type: 'longtask',
    });
  });
  if (settled) {
    await p.goto(`${b.base}/index.html#seed=1`);
    await p.evaluate(() => window.playground.loadPanels());
    await p.waitForFunction(() => document.body.dataset.panels === 'ready', null, { timeout: 60000 });
    await new Promise((r) => setTimeout(r, 3000));
    await p.evaluate((l) => (location.hash = l), LINK);
  } else await p.goto(`${b.base}/index.html#${LINK}`);
  await p.waitForFunction(
    () => window.playgroundVariants && window.playgroundVariants.sweep().runs.length === 64,
    null,
    {
      timeout: 60000,
    },
  );
  await p.waitForFunction(() => !window.playgroundVariants.sweep().running, null, { timeout: 300000 });
  const r = await p.evaluate(() => {
    const info = document.getElementById('sweepInfo').textContent;
    const t0 = performance.getEntriesByName('sweep-start').at(-1).startTime; // marked by web/panels/sweep.js
    const during = window.longTasks.filter(([s, d]) => s + d > t0);
    return { info, longTasks: during.length, longest: Math.max(0, ...during.map(([, d]) => d)) };
  });
  await p.close();
  return { ...r, seconds: Number(/in ([\d.]+) s/.exec(r.info)?.[1]) };
}
const pageRuns = { link: [], settled: [] };
for (let i = 0; i < 3; i++) {
  pageRuns.link.push(await pageSweep(false));
  pageRuns.settled.push(await pageSweep(true));
}
await b.close();

const load1 = os.loadavg()[0];
const lines = [
  `### Sweep pool, ${new Date().toISOString().slice(0, 10)}: ${os.cpus()[0].model}, ${os.cpus().length} cores (browser reports ${cores}), load ${load0.toFixed(1)}-${load1.toFixed(1)}`,
  '',
  '| measure | figure |',
  '|---|---|',
  `| one pool worker, 32 runs x ${EPOCHS} epochs of the default net (losses every epoch), median of 3 (${each(ones)}) | ${Math.round(one.epochsPerSec).toLocaleString('en')} epochs/s |`,
  `| ${Math.min(8, cores)} workers, 64 runs, median of 3 (${each(manys)}) | ${Math.round(many.epochsPerSec).toLocaleString('en')} epochs/s, ${((100 * many.epochsPerSec) / (one.epochsPerSec * Math.min(8, cores))).toFixed(0)} % of one worker x ${Math.min(8, cores)} |`,
  ...[
    ['link opened in a new tab', pageRuns.link],
    ['link set on a loaded page', pageRuns.settled],
  ].flatMap(([how, runs]) => [
    `| the page, ${how}: 64-run sweep (8 x 8, ${EPOCHS} epochs each), start to last cell, 3 loads | ${runs.map((r) => `${r.seconds.toFixed(2)} s`).join(', ')} |`,
    `| main-thread long tasks (> 50 ms) during each of those sweeps | ${runs.map((r) => (r.longTasks ? `${r.longTasks} (longest ${r.longest.toFixed(0)} ms)` : '0')).join(', ')} |`,
  ]),
  '',
];
console.log(lines.join('\n'));
if (process.argv.includes('--append')) {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'PAGE.md');
  fs.appendFileSync(file, `\n${lines.join('\n')}`);
}
