// page-frames.mjs: the page's own frame budget in headless Chromium while training: frames/s,
// training samples/s, and the time per frame split into training and grid evaluation (in the
// worker), the worker round trip, and drawing (colouring through the lookup table + canvas + SVG)
// on the main thread. Default network and the largest TensorFlow Playground network (6 x 8, all 7
// features). Usage: node bench/page-frames.mjs [seconds=5]; writes bench/PAGE.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowser } from '../tests/browser/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const secs = Number(process.argv[2] || 5);
const cases = [
  ['default (2 features, 4,2)', 'seed=1'],
  ['largest TF network (7 features, 6 x 8)', 'dataset=spiral&networkShape=8,8,8,8,8,8&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=1'],
  ['our largest +/- network (7 features, 8 x 16)', 'dataset=spiral&networkShape=16,16,16,16,16,16,16,16&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=1'],
];
const b = await startBrowser();
const rows = [];
for (const [name, hash] of cases) {
  const page = await b.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${b.base}/index.html#${hash}`);
  await page.waitForFunction(() => window.playground && window.playground.grid);
  await page.click('#play');
  await page.waitForTimeout(1500); // warm-up: baseline compiler -> optimizing tier
  await page.evaluate(() => { window.playground.perf = null; });
  await page.waitForTimeout(secs * 1000);
  const p = await page.evaluate(() => window.playground.perf);
  await page.click('#play');
  const f = p.frames;
  rows.push(`| ${name} | ${(f / secs).toFixed(1)} | ${(p.samples / secs / 1000).toFixed(1)} k | ${(p.train / f).toFixed(2)} | ${(p.grid / f).toFixed(2)} | ${(p.roundTrip / f).toFixed(2)} | ${(p.draw / f).toFixed(2)} |`);
  await page.close();
}
await b.close();
const cpu = (os.cpus()[0] || {}).model || '?';
const md = `# The page's frame budget (headless Chromium, playing at 1 epoch per frame)

Date: ${new Date().toISOString()}. Machine: ${os.cpus().length} CPUs, ${cpu}. ${secs} s per case after 1.5 s warm-up.
Headless Chromium paces requestAnimationFrame at 60 Hz, so 60 frames/s is the ceiling.
Times are ms per frame: training and grid evaluation run in the worker (the round trip includes them
and the transfer); drawing is on the main thread (heatmaps through the colour table, canvas, SVG links).

| network | frames/s | training samples/s | train ms | grid ms (every neuron, 100x100) | worker round trip ms | draw ms |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
fs.writeFileSync(path.join(here, 'PAGE.md'), md);
console.log(md);
