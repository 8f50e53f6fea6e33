// soak.mjs: memory soak of the wasm engine under Node. Trains `batches` steps (one trainBatches(1)
// call per step, so every call's returned object crosses the boundary; a metrics() read and a
// params() view every 100 steps, an 50 x 50 evalGrid every 1,000), then rebuilds the network
// `rebuilds` times (load() of a new shape/dataset/optimizer on the same Playground, a few batches
// and a grid each; every 10th rebuild also a createSession/dispose pair). Reports the wasm heap
// (linear memory bytes) and the JS heap (process.memoryUsage after a forced GC) at the start,
// after a warm-up, and at the end. Not part of the test command; tests/wasm/soak.test.mjs runs a
// shorter version with assertions. It sits in scripts/ because both use it: the test (tests/wasm)
// and the long run whose report is bench/SOAK.md.
// Usage: node scripts/soak.mjs [--batches N] [--rebuilds N] [--out bench/SOAK.md]
// Needs the built engine (./build-wasm.sh -> web/gen/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../web/engine.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

/** JS heap in use after a full GC, bytes. */
export function jsHeap() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Bytes of wasm linear memory in use (malloc'd, plus fragments too small for a 16 KiB block),
 * measured by filling the free space with 16 KiB blocks until memory has to grow, then freeing
 * them: in use = size before growth - blocks that fitted. Granularity 16 KiB. The probe itself
 * grows linear memory (Emscripten grows by ~20% at a time), so linear memory size is reported
 * separately and means "high-water mark", not "in use".
 */
export function wasmInUse(M) {
  const B = 16384 - 8; // dlmalloc adds 8 bytes of header: each block takes 16 KiB exactly
  const len0 = M.HEAP8.buffer.byteLength;
  const ptrs = [];
  for (;;) {
    const p = M._malloc(B);
    if (!p) break;
    ptrs.push(p);
    if (M.HEAP8.buffer.byteLength !== len0) break;
  }
  const fitted = M.HEAP8.buffer.byteLength === len0 ? ptrs.length : ptrs.length - 1;
  for (const p of ptrs) M._free(p);
  return len0 - fitted * 16384;
}

// Rebuild targets: different layer counts and sizes, features, datasets, optimizers, batch sizes,
// so the allocator sees many different block sizes.
const SHAPES = ['4,2', '8,8,8', '1', '', '16,16', '3,7,2,5', '32', '6,6,6,6,6,6', '2,2', '12,1'];
const EXTRAS = [
  '',
  '&optimizer=adam',
  '&xSquared=true&sinX=true',
  '&problem=regression&regDataset=reg-gauss',
  '&dataset=blobs3&optimizer=momentum',
  '&batchSize=30&regularization=L2&regularizationRate=0.01',
  '&dataset=spiral3&optimizer=rmsprop',
  '&activation=relu&init=he',
];
export function rebuildHash(k) {
  return `seed=${k % 97}&networkShape=${SHAPES[k % SHAPES.length]}${EXTRAS[k % EXTRAS.length]}`;
}

/**
 * Runs the soak and returns the figures. `log` gets progress lines.
 * @returns {{start, warm, afterTraining, end: {wasm: number, js: number}, batches, rebuilds, seconds}}
 */
export async function soak({
  batches = 1_000_000,
  rebuilds = 10_000,
  warmBatches = 20_000,
  warmRebuilds = 200,
  log = () => {},
} = {}) {
  const E = await loadEngine({ wasmBinary: fs.readFileSync(path.join(root, 'web/gen/engine.wasm')) });
  const snap = () => {
    const memory = E.heapBytes();
    return { memory, wasm: wasmInUse(E.M), js: jsHeap(), handles: E.liveHandles() };
  };
  const t0 = performance.now();
  const start = snap();
  const s = E.createSession('seed=1');
  let sink = 0;
  const train = (n) => {
    for (let k = 0; k < n; k++) {
      const r = s.trainBatches(1);
      sink += r.samples;
      if (k % 100 === 0) sink += s.metrics().trainLoss + s.params()[0];
      if (k % 1000 === 0) sink += s.evalGrid(50)[0];
    }
  };
  const rebuild = (n, offset) => {
    for (let k = 0; k < n; k++) {
      const r = s.load(rebuildHash(k + offset));
      if (!r.ok) throw new Error(`rebuild ${k}: ${r.error}`);
      s.trainBatches(3);
      sink += s.evalGrid(20)[0] + s.metrics().trainLoss;
      if (k % 10 === 0) {
        const t = E.createSession(rebuildHash(k + offset + 1));
        t.trainBatches(2);
        t.dispose();
      }
    }
  };
  // Warm-up: every rebuild target at least once and some training, so the allocator and V8's
  // code caches have settled before the baseline.
  train(warmBatches);
  rebuild(warmRebuilds, 0);
  s.load('seed=1');
  train(2000); // the grid buffer now has the size the training phase uses
  const warm = snap();
  log(`warm: wasm in use ${warm.wasm} B, js ${warm.js} B`);
  for (let done = 0; done < batches; done += 100_000) {
    train(Math.min(100_000, batches - done));
    log(`trained ${Math.min(done + 100_000, batches)} batches; wasm ${E.heapBytes()} B`);
  }
  const afterTraining = snap();
  for (let done = 0; done < rebuilds; done += 1000) {
    rebuild(Math.min(1000, rebuilds - done), warmRebuilds + done);
    log(`rebuilt ${Math.min(done + 1000, rebuilds)} times; wasm ${E.heapBytes()} B`);
  }
  const m = s.metrics();
  s.dispose();
  const end = snap();
  if (!Number.isFinite(sink)) log('(non-finite sink: a diverged config, harmless)');
  return {
    start,
    warm,
    afterTraining,
    end,
    batches,
    rebuilds,
    seconds: (performance.now() - t0) / 1000,
    lastEpoch: m.epoch,
  };
}

function mib(b) {
  return (b / 2 ** 20).toFixed(2);
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const batches = Number(opt('--batches', 1_000_000));
  const rebuilds = Number(opt('--rebuilds', 10_000));
  const out = opt('--out', null);
  const r = await soak({ batches, rebuilds, log: (l) => console.error(l) });
  const row = (name, x) =>
    `| ${name} | ${x.wasm} (${mib(x.wasm)} MiB) | ${mib(x.memory)} MiB | ${x.js} (${mib(x.js)} MiB) | ${x.handles.emval} |`;
  const cpu = os.cpus()[0];
  const md = [
    '# Memory soak (scripts/soak.mjs)',
    '',
    'Generated by `node scripts/soak.mjs --out bench/SOAK.md` (the built engine in web/gen/). The bound it shows, and ' +
      'tests/wasm/soak.test.mjs asserts on a shorter run (50,000 steps, 2,000 rebuilds): after warm-up the wasm heap in ' +
      `use grows by at most one 16 KiB probe granule (here: ${r.afterTraining.wasm - r.warm.wasm} bytes) and the JS ` +
      `heap by less than 4 MiB (here: ${r.end.js - r.warm.js} bytes).`,
    '',
    `Machine: ${cpu ? cpu.model : 'unknown CPU'}, ${os.cpus().length} cores, ${mib(os.totalmem())} MiB RAM, ${os.type()} ${os.release()}; Node ${process.version}.`,
    `Run: ${r.batches.toLocaleString('en')} training steps (trainBatches(1) each) then ${r.rebuilds.toLocaleString('en')} network rebuilds, in ${r.seconds.toFixed(0)} s.`,
    '',
    '| point | wasm heap in use, bytes (16 KiB probe) | wasm linear memory | JS heap after GC, bytes | live emval handles |',
    '|---|---|---|---|---|',
    row('start (engine loaded)', r.start),
    row('after warm-up (20,000 steps, 200 rebuilds)', r.warm),
    row('after the training steps', r.afterTraining),
    row('end (after the rebuilds, session disposed)', r.end),
    '',
    `Wasm heap in use: training changed it by ${r.afterTraining.wasm - r.warm.wasm} bytes (after warm-up vs after the ` +
      `training steps, session alive); after the rebuilds and dispose it is ${r.end.wasm - r.start.wasm} bytes from the ` +
      `start (the probe's granularity is 16,384). JS heap after GC: ${r.end.js - r.warm.js} bytes ` +
      `(${mib(r.end.js - r.warm.js)} MiB) more at the end than after warm-up.`,
    '',
    'Wasm heap in use: linear memory minus the 16 KiB blocks malloc can still hand out before memory must grow ' +
      '(so it counts live allocations and fragmentation). Linear memory only ever grows (the probe itself grows it ' +
      'by ~20% each time it runs), so it is a high-water mark, not a leak measure.',
    '',
  ].join('\n');
  console.log(md);
  if (out) fs.writeFileSync(out, md);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
