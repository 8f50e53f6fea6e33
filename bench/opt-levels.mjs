// opt-levels.mjs: compares wasm builds of the engine (e.g. -O3, -O2, -Oz) side by side in one Node
// process: size (raw, gzip -9) and speed. Speed: training epochs/s of the default net (circle,
// 4,2 tanh, batch 10: W1-like) and of 6 x 8 tanh with all 7 features (spiral, W2), and full 100 x
// 100 grid refreshes/s of the 6 x 8 net (W3), each the median of R interleaved rounds of S seconds
// (round k runs every build once, so load that comes and goes hits them alike).
// Usage: node bench/opt-levels.mjs [--seconds S=0.5] [--reps R=7] NAME=DIR ... (DIR holds
// engine.mjs + engine.wasm, e.g. web/gen or a build with -DBP_WASM_OPT=-Oz).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { loadEngine } from '../web/engine.js';
import { W1_HASH, W2_HASH, rate, stats } from './page/common.mjs';

const args = process.argv.slice(2);
let seconds = 0.5,
  reps = 7;
const builds = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--seconds') seconds = Number(args[++i]);
  else if (args[i] === '--reps') reps = Number(args[++i]);
  else {
    const [name, dir] = args[i].split('=');
    builds.push({ name, dir: path.resolve(dir) });
  }
}
const CASES = [
  [
    'default 4,2 epochs/s',
    W1_HASH,
    (s) => {
      s.trainEpochs(20);
      return 20;
    },
  ],
  [
    '6 x 8 (7 features) epochs/s',
    W2_HASH,
    (s) => {
      s.trainEpochs(2);
      return 2;
    },
  ],
  [
    '6 x 8 grid 100x100 refreshes/s',
    W2_HASH,
    (s) => {
      s.evalGrid(100);
      return 1;
    },
  ],
];
for (const b of builds) {
  const wasm = fs.readFileSync(path.join(b.dir, 'engine.wasm'));
  const mjs = fs.readFileSync(path.join(b.dir, 'engine.mjs'));
  b.size = {
    wasmRaw: wasm.length,
    wasmGzip: zlib.gzipSync(wasm, { level: 9 }).length,
    mjsRaw: mjs.length,
    mjsGzip: zlib.gzipSync(mjs, { level: 9 }).length,
  };
  b.E = await loadEngine({ moduleUrl: pathToFileURL(path.join(b.dir, 'engine.mjs')).href, wasmBinary: wasm });
  b.sessions = CASES.map(([, hash]) => b.E.createSession(hash));
  b.rates = CASES.map(() => []);
  CASES.forEach(([, , step], k) => rate(() => step(b.sessions[k]), 0.3)); // warm-up
}
const load0 = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
for (let r = 0; r < reps; r++)
  for (const b of builds) CASES.forEach(([, , step], k) => b.rates[k].push(rate(() => step(b.sessions[k]), seconds)));
const load1 = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
const ref = builds[0];
console.log(
  `| build | engine.wasm raw | gzip -9 | engine.mjs gzip | ${CASES.map(([n]) => `${n} median [min–max] (vs ${ref.name})`).join(' | ')} |`,
);
console.log(`|---|---|---|---|${CASES.map(() => '---').join('|')}|`);
for (const b of builds) {
  const cells = CASES.map((_, k) => {
    const s = stats(b.rates[k]),
      s0 = stats(ref.rates[k]);
    return `${s.median.toFixed(0)} [${s.min.toFixed(0)}–${s.max.toFixed(0)}] (${(s.median / s0.median).toFixed(2)}×)`;
  });
  console.log(`| ${b.name} | ${b.size.wasmRaw} | ${b.size.wasmGzip} | ${b.size.mjsGzip} | ${cells.join(' | ')} |`);
}
console.log(
  `\n${reps} interleaved rounds of ${seconds} s; Node ${process.version}; ${os.cpus()[0]?.model}; load average before ${load0}, after ${load1}`,
);
