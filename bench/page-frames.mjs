// page-frames.mjs: the page's own frame budget in headless Chromium while training: frames/s
// (animation frames that drew a new answer), training samples/s, and the time per frame split into
// training, loss metrics and grid evaluation (in the worker), the worker round trip, colouring
// (grid values through the lookup table into ImageData) and the rest of drawing (canvas, SVG) on
// the main thread. The worker and the page run in parallel (pipelined), so a frame costs about the
// larger of the round trip and the drawing, not their sum. Networks: the default, TensorFlow
// Playground's largest (6 x 8, all 7 features), the largest the +/- buttons allow (8 x 16), and
// the largest the URL allows (16 x 256, bounded per frame, issue 9).
// Usage: node bench/page-frames.mjs [seconds=5] [rounds=1]; writes bench/PAGE.md's first section
// (median of rounds), keeping its start-up and weight sections.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowser } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const secs = Number(process.argv[2] || 5);
const rounds = Number(process.argv[3] || 1);
const F7 = '&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true';
const cases = [
  ['default (2 features, 4,2)', 'seed=1'],
  ['largest TF network (7 features, 6 x 8)', `dataset=spiral&networkShape=8,8,8,8,8,8${F7}&seed=1`],
  [
    'our largest +/- network (7 features, 8 x 16)',
    `dataset=spiral&networkShape=${Array(8).fill(16).join(',')}${F7}&seed=1`,
  ],
  ['URL maximum (2 features, 16 x 256)', `networkShape=${Array(16).fill(256).join(',')}&seed=1`],
];
const load0 = os.loadavg()[0];
const b = await startBrowser();
const runs = cases.map(() => []);
for (let round = 0; round < rounds; round++)
  for (const [ci, [, hash]] of cases.entries()) {
    const page = await b.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${b.base}/index.html#${hash}`);
    await page.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 60000 });
    await page.click('#play');
    await page.waitForTimeout(1500); // warm-up: baseline compiler -> optimizing tier
    await page.evaluate(() => {
      window.playground.resetPerf();
    });
    await page.waitForTimeout(secs * 1000);
    const p = await page.evaluate(() => ({ ...window.playground.perf, N: window.playground.N }));
    await page.click('#play');
    runs[ci].push(p);
    await page.close();
  }
await b.close();
const load1 = os.loadavg()[0];
const median = (xs) => {
  const s = [...xs].sort((a, c) => a - c);
  return s[Math.floor((s.length - 1) / 2)];
};
const rows = cases.map(([name], ci) => {
  const ps = runs[ci],
    m = (f) => median(ps.map(f));
  const per = (k) => m((p) => p[k] / Math.max(1, k === 'draw' || k === 'colour' ? p.frames : p.answers)).toFixed(2);
  const rest = m((p) => (p.draw - p.colour) / Math.max(1, p.frames)).toFixed(2);
  return `| ${name} | ${m((p) => p.frames / secs).toFixed(1)} | ${(m((p) => p.samples / secs) / 1000).toFixed(1)} k | ${m((p) => p.N)} | ${per('train')} | ${per('metrics')} | ${per('grid')} | ${per('roundTrip')} | ${per('colour')} | ${rest} | ${m((p) => p.ticks / secs).toFixed(1)} |`;
});
const cpu = (os.cpus()[0] || {}).model || '?';
const md = `# The page's frame budget (headless Chromium, playing at 1 epoch per frame)

Date: ${new Date().toISOString()}. Machine: ${os.cpus().length} CPUs, ${cpu}; load average (1 min) ${load0.toFixed(2)} before, ${load1.toFixed(2)} after.
${secs} s per case after 1.5 s warm-up; median of ${rounds} round(s). Headless Chromium paces
requestAnimationFrame at 60 Hz, so 60 frames/s is the ceiling. While playing, the worker aims at
12 ms per frame: training gets at most 10 ms and only what the loss pass and the grid leave of the
12 (at least 2 ms; a longer batch only in frames whose unused budget covers it), so "1 epoch / frame" becomes "up to 1 epoch" on huge networks; the grid side N
shrinks with the network's size (web/app.js, gridSide); a loss pass slower than 8 ms runs in slices of
about 1.5 ms per frame on a copy of the weights (web/worker-frame.js; metrics ms is the mean over frames); the weights
travel in buffers the page lends back. Times are ms per frame: train, metrics (train and
test loss) and grid run in the worker; the round trip includes them and the transfer; colouring
(lookup table into ImageData) and the rest of drawing (putImageData, drawImage, SVG, text) are on
the main thread. Worker and page overlap (pipelined). "page rAF/s" is the page's animation-frame
rate: it stays near 60 when the main thread is not blocked, whatever the worker does.

| network | frames/s | training samples/s | grid N | train ms | metrics ms | grid ms | worker round trip ms | colouring ms | other drawing ms | page rAF/s |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
// The dated "Start-up and weight" sections below this table (bench/page-load.mjs and
// bench/opt-levels.mjs, written by hand) are kept.
const file = path.join(here, 'PAGE.md');
const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
const kept = old.indexOf('\n## Start-up and weight');
fs.writeFileSync(file, kept >= 0 ? `${md}${old.slice(kept)}` : md);
console.log(md);
