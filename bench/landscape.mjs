// landscape.mjs: what the loss landscape (issue 18) costs. Prints, never asserts (a benchmark
// reports; the tests assert behaviour). Two figures:
//  1. one 41 x 41 plane (landscapeBegin + landscapeRows over every row: 1,681 training-loss passes)
//     of the default net (4,2 on 250 training points) and of TensorFlow Playground's largest (6 x 8
//     ReLU, all 7 features), random and pca directions after 50 epochs: median of 7 after 3
//     warm-up planes, in headless Chromium (the engine on the page's main thread, same module the
//     worker runs) and in Node, side by side;
//  2. the page while training at 1 epoch / frame with the landscape panel open vs closed: drawn
//     frames/s (frames that drew a new answer) and planes begun per second.
// Usage: node bench/landscape.mjs [seconds=5]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowser, mountFolder, root } from './browser.mjs';
import { planes } from './page/landscape-planes.mjs';

const secs = Number(process.argv[2] || 5);
const F7 = '&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true';
const cases = [
  ['default (4,2, 2 features)', 'seed=1'],
  ['6 x 8 ReLU, 7 features', `activation=relu&networkShape=8,8,8,8,8,8${F7}&seed=1`],
];

const load0 = os.loadavg()[0];
const { loadEngine } = await import('../web/engine.js');
const node = await planes(loadEngine, cases, fs.readFileSync(path.join(root, 'web/gen/engine.wasm')));
const b = await startBrowser();
const page = await b.newPage();
await mountFolder(page, '/bench/', path.join(root, 'bench/page'));
await page.goto(`${b.base}/hash.js`); // any page of the server: the engine module loads from it
const chromium = await page.evaluate(async (cases) => {
  const [{ loadEngine }, { planes }] = await Promise.all([import('/engine.js'), import('/bench/landscape-planes.mjs')]);
  return planes(loadEngine, cases);
}, cases);
await page.close();

const fps = [];
for (const [name, hash] of cases)
  for (const open of [false, true]) {
    const p = await b.newPage();
    await p.setViewportSize({ width: 1400, height: 900 });
    await p.goto(`${b.base}/index.html#${hash}&speed=1`);
    await p.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 60000 });
    await p.evaluate(() => window.playground.loadPanels());
    await p.waitForFunction(() => document.body.dataset.panels === 'ready', null, { timeout: 60000 });
    if (open) await p.click('#landscapePanel > summary');
    await p.click('#play');
    await p.waitForTimeout(1500); // warm-up: baseline compiler -> optimizing tier
    await p.evaluate(() => window.playground.resetPerf());
    const b0 = await p.evaluate(() => window.playground.landscape?.begins ?? 0);
    await p.waitForTimeout(secs * 1000);
    const r = await p.evaluate(() => ({
      frames: window.playground.perf.frames,
      begins: window.playground.landscape?.begins ?? 0,
      n: window.playground.landscape?.n ?? 0,
    }));
    await p.click('#play');
    fps.push({ name, open, fps: r.frames / secs, planes: (r.begins - b0) / secs, n: r.n });
    await p.close();
  }
await b.close();
const load1 = os.loadavg()[0];

console.log(
  `# Loss landscape cost (${new Date().toISOString()}; ${os.cpus().length} CPUs, ${(os.cpus()[0] || {}).model}; load ${load0.toFixed(2)} before, ${load1.toFixed(2)} after)\n`,
);
console.log('One 41 x 41 plane (1,681 training-loss passes), ms, median of 7 [min..max]:\n');
console.log('| network | params | directions | Chromium | Node |');
console.log('|---|---|---|---|---|');
for (let i = 0; i < node.length; i++) {
  const c = chromium[i],
    n = node[i];
  const f = (x) => `${x.ms.toFixed(1)} [${x.min.toFixed(1)}..${x.max.toFixed(1)}]`;
  console.log(`| ${n.name} | ${n.P} | ${n.dirs} | ${f(c)} | ${f(n)} |`);
}
console.log(`\nThe page training at 1 epoch / frame, ${secs} s after 1.5 s warm-up:\n`);
console.log('| network | landscape panel | drawn frames/s | planes begun/s | plane side |');
console.log('|---|---|---|---|---|');
for (const r of fps)
  console.log(
    `| ${r.name} | ${r.open ? 'open' : 'closed'} | ${r.fps.toFixed(1)} | ${r.planes.toFixed(1)} | ${r.open ? r.n : '–'} |`,
  );
