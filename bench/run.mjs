// run.mjs: the benchmark harness (issue 6, ../shared/WORKLOADS.md). One command runs the standard
// workloads W1-W4 on every engine side by side, one engine at a time, each in a fresh process:
//   ours-node      this project's wasm build (web/gen/engine.wasm) in Node, through web/engine.js;
//                  W4 and the kernels in the benchmark's own module (bench/gen/wasm/bench.wasm)
//   ours-chromium  the same builds in headless Chromium (bench/page/bench.html mounted next to the
//                  page's files, via bench/browser.mjs and the benchmark's playwright-core)
//   native         the benchmark's native binary: build/bp_bench W1|W2|W3|W4|learn|kernel ...
// bench/build.sh builds bp_bench and bench.wasm (the product builds leave them out).
//   tfjs-wasm, tfjs-cpu, convnetjs, brain.js   the JavaScript peers (bench/peers/*.mjs)
// plus the dense-kernel microbenchmark (SIMD vs naive) in native, wasm-Node and wasm-Chromium.
// Prints one markdown report (table, kernel table, targets, the page's frame budget from
// bench/PAGE.md when it exists, notes, machine) and writes it to bench/RESULTS.md. Ratios are each
// engine's median over ours-node's median, measured in this run.
// Usage (after `cd bench && npm ci`; bench/run.sh does the set-up):
//   node bench/run.mjs [--seconds S=1] [--reps R=5] [--kernel-seconds S=0.2] [--engines a,b,..]
//                      [--out FILE=bench/RESULTS.md] [--no-write] [--no-learn] [--cpu N|any]
//     R rounds, each running every engine once (one measurement per workload and kernel case), so
//     every figure is a median of R measurements spread over the run. Raw numbers: bench/gen/results.json.
//     --cpu: every engine's process runs pinned to CPU N (taskset; default the last CPU), so that all
//     figures and ratios come from the same core: on this 2-vCPU VM one vCPU runs the same code
//     ~40 % slower than the other (issue 22's notes), and a run that mixed them compared a fast-core
//     limit with a mixed median. `any`: no pinning.
//   node bench/run.mjs --quick [--quick-epochs N=30]
//     No timing: each engine's learning check on N epochs of W1 plus one step of W2-W4; exits 1 if an
//     engine errors or does not learn (W1 train loss must drop below QUICK_MAX_LOSS), 0 otherwise.
//   node bench/run.mjs --engine NAME ...   (internal: runs one engine, prints "BENCH_JSON {...}")
// Every engine uses the builds as they were at the start of the run (copied to bench/gen/snap/).
// Full mode exits 1 too when an engine errors or fails the learning check (after writing the report).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { W1_HASH, W2_HASH, W2_FEATURES, W4, WIDE, FLOP_FORMULA, gridInputs, stats } from './page/common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const ENGINES = ['ours-node', 'ours-chromium', 'native', 'tfjs-wasm', 'tfjs-cpu', 'convnetjs', 'brain.js'];
const PEERS = ['tfjs-wasm', 'tfjs-cpu', 'convnetjs', 'brain.js'];
const FULL_MAX_LOSS = 0.25; // W1 train loss after 100 epochs (half-MSE; 0.5 = predicting 0)
const QUICK_MAX_LOSS = 0.4; // after --quick-epochs epochs

function parseArgs(argv) {
  const o = {
    seconds: 1,
    reps: 5,
    kernelSeconds: 0.2,
    quick: false,
    quickEpochs: 30,
    engines: ENGINES,
    out: path.join(here, 'RESULTS.md'),
    write: true,
    engine: null,
    learn: true,
    cpu: os.cpus().length - 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const num = (lo, hi) => {
      const v = Number(val());
      if (!(v >= lo && v <= hi)) throw new Error(`${a} must be a number in ${lo}..${hi}`);
      return v;
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--seconds') o.seconds = num(0.01, 600);
    else if (a === '--reps') o.reps = Math.round(num(1, 1000));
    else if (a === '--kernel-seconds') o.kernelSeconds = num(0.001, 60);
    else if (a === '--quick-epochs') o.quickEpochs = Math.round(num(1, 100000));
    else if (a === '--engines') {
      o.engines = val().split(',');
      for (const e of o.engines)
        if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e} (${ENGINES.join(', ')})`);
    } else if (a === '--engine') o.engine = val();
    else if (a === '--out') o.out = path.resolve(val());
    else if (a === '--no-write') o.write = false;
    else if (a === '--no-learn') o.learn = false;
    else if (a === '--cpu') {
      const v = val();
      o.cpu = v === 'any' ? null : Number(v);
      if (o.cpu !== null && !(Number.isInteger(o.cpu) && o.cpu >= 0 && o.cpu < os.cpus().length))
        throw new Error(`--cpu must be any or a CPU number in 0..${os.cpus().length - 1}`);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

// ---------- our engine (wasm) ----------

// The run uses a snapshot of the builds taken at its start (bench/gen/snap/: engine.mjs/.wasm,
// bench.mjs/.wasm, bp_bench), so a rebuild during the run (the machine is shared) cannot mix two builds.
const SNAP = path.join(here, 'gen/snap');
const SNAP_FILES = {
  'engine.mjs': 'web/gen/engine.mjs',
  'engine.wasm': 'web/gen/engine.wasm',
  'engine.deferred.wasm': 'web/gen/engine.deferred.wasm', // its second part (scripts/split-engine.mjs)
  'bench.mjs': 'bench/gen/wasm/bench.mjs',
  'bench.wasm': 'bench/gen/wasm/bench.wasm',
  bp_bench: 'build/bp_bench',
};

async function loadOurs(dir = SNAP) {
  const { loadEngine } = await import('../web/engine.js');
  return loadEngine({
    moduleUrl: pathToFileURL(path.join(dir, 'engine.mjs')).href,
    wasmBinary: fs.readFileSync(path.join(dir, 'engine.wasm')),
  });
}

/** The benchmark's module (WideMlp, denseKernelGflops: bench/cpp/bench_embind.cpp). */
async function loadBench(dir = SNAP) {
  const { default: createBench } = await import(pathToFileURL(path.join(dir, 'bench.mjs')).href);
  return createBench({ wasmBinary: fs.readFileSync(path.join(dir, 'bench.wasm')) });
}

/** Copies the builds into SNAP and checks that the engine pair loads (retries while a build writes). */
async function snapshot() {
  fs.rmSync(SNAP, { recursive: true, force: true });
  for (let attempt = 1; ; attempt++) {
    fs.mkdirSync(SNAP, { recursive: true });
    for (const [name, src] of Object.entries(SNAP_FILES)) {
      const from = path.join(root, src);
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(SNAP, name));
    }
    try {
      const probe = path.join(SNAP, `probe-${attempt}`);
      fs.mkdirSync(probe);
      for (const f of ['engine.mjs', 'engine.wasm', 'bench.mjs', 'bench.wasm'])
        fs.copyFileSync(path.join(SNAP, f), path.join(probe, f));
      const E = await loadOurs(probe); // a fresh URL: import() caches modules by URL
      E.createSession('').dispose();
      new (await loadBench(probe)).WideMlp(1).delete();
      fs.rmSync(probe, { recursive: true, force: true });
      return;
    } catch (e) {
      if (attempt >= 10) throw new Error(`web/gen/engine.* or bench/gen/wasm/bench.* do not load: ${e.message}`);
      process.stderr.write(`bench: the wasm build is changing (${e.message.split('\n')[0]}); retrying in 10 s\n`);
      await new Promise((r) => setTimeout(r, 10000));
    }
  }
}

async function runOursNode(o) {
  const { runOurs } = await import('./page/ours.mjs');
  const E = await loadOurs();
  return runOurs(E, await loadBench(), {
    seconds: o.seconds,
    reps: o.reps,
    quick: o.quick,
    quickEpochs: o.quickEpochs,
    kernels: true,
    kernelSeconds: o.kernelSeconds,
    learn: o.learn,
  });
}

async function runOursChromium(o) {
  const { startBrowser, mountFolder } = await import('./browser.mjs');
  const b = await startBrowser();
  try {
    const page = await b.newPage();
    // The benchmark's page (bench/page/) and the snapshot live outside web/: mount them at /bench/
    // and /bench-gen/ (registered after the set-up's catch-all, so these routes run first).
    await mountFolder(page, '/bench/', path.join(here, 'page'));
    await page.route('**/bench-gen/**', (route) => {
      const name = path.basename(new URL(route.request().url()).pathname);
      const file = path.join(SNAP, name);
      if (!/^(engine|bench)\.(mjs|wasm)$/.test(name) || !fs.existsSync(file))
        return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({
        path: file,
        contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
      });
    });
    const q = new URLSearchParams({
      seconds: o.seconds,
      reps: o.reps,
      quick: o.quick ? '1' : '0',
      quickEpochs: o.quickEpochs,
      kernels: '1',
      kernelSeconds: o.kernelSeconds,
      learn: o.learn ? '1' : '0',
      engine: '/bench-gen/engine.mjs',
      bench: '/bench-gen/bench.mjs',
    });
    await page.goto(`${b.base}/bench/bench.html?${q}`);
    await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 20 * 60 * 1000, polling: 500 });
    const r = await page.evaluate(() => window.benchResult);
    if (!r.ok) throw new Error(`page: ${r.error}`);
    if (b.external.length) throw new Error(`the page requested ${b.external.join(', ')}`);
    if (b.consoleErrors.length) throw new Error(`console errors: ${b.consoleErrors.join(' | ')}`);
    const version = page.context().browser().version();
    r.result.info = { chromium: version, userAgent: r.userAgent };
    return r.result;
  } finally {
    await b.close();
  }
}

// ---------- native ----------

function bp(args) {
  const exe = path.join(SNAP, 'bp_bench');
  const r = spawnSync(exe, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.error) throw new Error(`${exe}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`bp_bench ${args.join(' ')}: exit ${r.status}: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout);
}

function runNative(o) {
  const res = {};
  if (o.learn) {
    const learn = bp(['learn', '--epochs', String(o.quick ? o.quickEpochs : 100)]);
    res.learn = { epochs: learn.epochs, before: learn.before, loss: learn.loss };
  }
  // Quick: the shortest run each workload allows (no timing reported).
  const t = o.quick ? ['--seconds', '0.01', '--reps', '1'] : ['--seconds', String(o.seconds), '--reps', String(o.reps)];
  for (const w of ['W1', 'W2', 'W3', 'W4']) {
    const j = bp([w, ...t]);
    if (!Number.isFinite(j.median) || (j.loss !== undefined && !Number.isFinite(j.loss)))
      throw new Error(`native ${w}: ${JSON.stringify(j)}`);
    res[w] = o.quick
      ? { unit: j.unit }
      : { unit: j.unit, reps: j.reps, median: j.median, min: j.min, max: j.max, loss: j.loss, gflops: j.gflops };
  }
  if (!o.quick) {
    const k = bp(['kernel', '--seconds', String(o.kernelSeconds), '--reps', String(o.reps)]);
    res.kernel = k.results.map((c) => ({
      pass: c.pass,
      nIn: c.n_in,
      nOut: c.n_out,
      B: c.B,
      impl: c.impl,
      reps: c.reps,
      median: c.median,
      min: c.min,
      max: c.max,
    }));
  }
  return res;
}

// ---------- peers ----------

async function runPeer(name, o) {
  const E = await loadOurs();
  const { trainData } = await import('./page/ours.mjs');
  const w1 = trainData(E, W1_HASH);
  const w2 = trainData(E, W2_HASH);
  if (w2.keys.join() !== W2_FEATURES.join()) throw new Error(`W2 features ${w2.keys} != ${W2_FEATURES}`);
  const { runAdapter } = await import('./peers/runner.mjs');
  let A;
  if (name === 'tfjs-wasm' || name === 'tfjs-cpu')
    A = await (await import('./peers/tfjs.mjs')).tfjsAdapter(name.slice(5));
  else if (name === 'convnetjs') A = await (await import('./peers/convnetjs.mjs')).convnetjsAdapter();
  else if (name === 'brain.js') A = await (await import('./peers/brainjs.mjs')).brainjsAdapter();
  else throw new Error(`unknown peer ${name}`);
  return runAdapter(A, {
    w1,
    w2,
    gridX: gridInputs(W2_FEATURES),
    quick: o.quick,
    quickEpochs: o.quickEpochs,
    seconds: o.seconds,
    reps: o.reps,
    learn: o.learn,
  });
}

async function childMain(o) {
  let res;
  if (o.engine === 'ours-node') res = await runOursNode(o);
  else if (o.engine === 'ours-chromium') res = await runOursChromium(o);
  else if (o.engine === 'native') res = runNative(o);
  else if (PEERS.includes(o.engine)) res = await runPeer(o.engine, o);
  else throw new Error(`unknown engine ${o.engine}`);
  process.stdout.write(`BENCH_JSON ${JSON.stringify(res)}\n`);
}

// ---------- orchestration ----------

function runChild(engine, o, { reps = o.reps, learn = true } = {}) {
  const args = [
    fileURLToPath(import.meta.url),
    '--engine',
    engine,
    '--seconds',
    String(o.seconds),
    '--reps',
    String(reps),
    '--kernel-seconds',
    String(o.kernelSeconds),
    '--quick-epochs',
    String(o.quickEpochs),
  ];
  if (o.quick) args.push('--quick');
  if (!learn) args.push('--no-learn');
  const t0 = Date.now();
  const [exe, argv] = pinned(o)
    ? ['taskset', ['-c', String(o.cpu), process.execPath, ...args]]
    : [process.execPath, args];
  const r = spawnSync(exe, argv, { encoding: 'utf8', maxBuffer: 1 << 26, cwd: root });
  const secs = (Date.now() - t0) / 1000;
  const line = (r.stdout || '').split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (r.status !== 0 || !line) {
    const err = ((r.stderr || '') + (r.error ? r.error.message : '')).trim().split('\n').slice(-8).join('\n');
    return { error: err || `exit ${r.status}`, secs };
  }
  return { ...JSON.parse(line.slice('BENCH_JSON '.length)), secs };
}

/** Whether children run pinned to o.cpu (taskset is util-linux's, on every Debian; asked once). */
let hasTaskset;
function pinned(o) {
  hasTaskset ??= spawnSync('taskset', ['-V']).status === 0;
  return o.cpu !== null && !o.engine && hasTaskset;
}

function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = (cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0]?.model || 'unknown';
  const flags = (cpuinfo.match(/^flags\s*:\s*(.*)$/m) || [])[1] || '';
  const simdFlags = ['sse4_2', 'avx', 'avx2', 'fma', 'avx512f'].filter((f) => flags.split(' ').includes(f));
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu: model,
    cpuFlags: simdFlags.join(' '),
    mhz: (cpuinfo.match(/^cpu MHz\s*:\s*(.*)$/m) || [])[1],
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
  };
}

/** One engine's results over the rounds: reps concatenated, then median/min/max again. */
function mergeRounds(list) {
  const err = list.find((r) => r.error);
  if (err) return err;
  const out = {
    ...list[list.length - 1],
    learn: list[0].learn,
    info: list[0].info,
    secs: list.reduce((a, r) => a + r.secs, 0),
  };
  for (const w of ['W1', 'W2', 'W3', 'W4', 'wide']) {
    if (!list.every((r) => r[w])) continue;
    if (list[0][w].reps === undefined) continue; // quick: nothing timed
    const st = stats(list.flatMap((r) => r[w].reps));
    out[w] = { ...out[w], ...st };
    if (w === 'W4') out[w].gflops = (st.median * W4.flopsPerSample) / 1e9;
    if (w === 'wide') out[w].gflops = (st.median * WIDE.flopsPerSample) / 1e9;
  }
  if (list[0].kernel) {
    out.kernel = list[0].kernel.map((c, k) => ({ ...c, ...stats(list.flatMap((r) => r.kernel?.[k]?.reps ?? [])) }));
  }
  return out;
}

// ---------- report ----------

function fmt(x) {
  if (x === undefined || x === null || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (a >= 1e4) return `${(x / 1e3).toFixed(1)} k`;
  if (a >= 1e3) return `${(x / 1e3).toFixed(2)} k`;
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  return x.toFixed(2);
}
const ratio = (a, b) => (a && b ? `${a / b >= 10 ? (a / b).toFixed(1) : (a / b).toPrecision(2)}×` : '–');

function learned(r, o) {
  const max = o.quick ? QUICK_MAX_LOSS : FULL_MAX_LOSS;
  return r && !r.error && r.learn && Number.isFinite(r.learn.loss) && r.learn.loss < max;
}

function mainTable(results, o) {
  const ref = results['ours-node'] || {};
  const rows = [];
  rows.push(
    '| engine | W1 samples/s median [min–max] | W1 ratio | W2 samples/s | W2 ratio | W3 refreshes/s | W3 ratio | W4 samples/s | W4 ratio | W4 GFLOP/s | W1 loss after 100 epochs | learns |',
  );
  rows.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const e of o.engines) {
    const r = results[e];
    if (!r) continue;
    if (r.error) {
      rows.push(`| ${e} | ERROR: ${r.error.split('\n')[0].replace(/\|/g, '/')} | | | | | | | | | | no |`);
      continue;
    }
    const cell = (w) =>
      r[w] && r[w].median !== undefined ? `${fmt(r[w].median)} [${fmt(r[w].min)}–${fmt(r[w].max)}]` : 'n/a';
    const rat = (w) => ratio(r[w]?.median, ref[w]?.median);
    rows.push(
      `| ${e} | ${cell('W1')} | ${rat('W1')} | ${cell('W2')} | ${rat('W2')} | ${cell('W3')} | ${rat('W3')} | ${cell('W4')} | ${rat('W4')} | ` +
        `${r.W4?.gflops ? r.W4.gflops.toFixed(2) : 'n/a'} | ${r.learn ? r.learn.loss.toFixed(4) : '–'} (from ${r.learn?.before?.toFixed(3) ?? '–'}) | ${learned(r, o) ? 'yes' : 'NO'} |`,
    );
  }
  return rows.join('\n');
}

function kernelTable(results) {
  const cols = ['native', 'ours-node', 'ours-chromium'].filter((e) => results[e]?.kernel);
  if (!cols.length) return { text: '(no kernel results)', limit: null };
  const key = (c) => `${c.pass} ${c.nIn}x${c.nOut}x${c.B}`;
  const cases = results[cols[0]].kernel.filter((c) => c.impl === 'simd').map(key);
  const get = (e, k, impl) => results[e].kernel.find((c) => key(c) === k && c.impl === impl);
  const head = ['| kernel (n_in × n_out × B) |'];
  const sep = ['|---|'];
  for (const e of cols) {
    head.push(` ${e} SIMD | ${e} naive | ${e} SIMD/naive |`);
    sep.push('---|---|---|');
  }
  const rows = [head.join(''), sep.join('')];
  for (const k of cases) {
    let line = `| ${k} |`;
    for (const e of cols) {
      const s = get(e, k, 'simd');
      const n = get(e, k, 'naive');
      line += ` ${s ? `${s.median.toFixed(2)} [${s.min.toFixed(1)}–${s.max.toFixed(1)}]` : '–'} | ${n ? n.median.toFixed(2) : '–'} | ${s && n ? ratio(s.median, n.median) : '–'} |`;
    }
    rows.push(line);
  }
  // SIMD128 limit: the best large square (256, 512) SIMD forward figure of the wasm build (Node and
  // Chromium); the native build's best the same way.
  const bestSquare = (engines) => {
    let best = null;
    for (const e of engines)
      for (const c of results[e]?.kernel || [])
        if (c.impl === 'simd' && c.pass === 'forward' && c.nIn === c.nOut && c.B === c.nIn && c.nIn >= 256)
          if (!best || c.median > best.gflops)
            best = { gflops: c.median, where: `${e}, forward ${c.nIn}×${c.nOut}×${c.B}` };
    return best;
  };
  const limit = bestSquare(['ours-node', 'ours-chromium']);
  const nativeBest = bestSquare(['native'])?.gflops ?? null;
  return { text: rows.join('\n'), limit, nativeBest };
}

function targets(results, limit) {
  const ours = results['ours-node'];
  if (!ours || ours.error) return ['- (no result for ours-node)'];
  const peers = PEERS.filter((p) => results[p] && !results[p].error);
  const best = (w) => {
    let b = null;
    for (const p of peers)
      if (results[p][w]?.median && (!b || results[p][w].median > b.v)) b = { p, v: results[p][w].median };
    return b;
  };
  const out = [];
  const line = (what, x, goal) =>
    out.push(
      `- ${what}: ${x === null ? 'n/a' : `${x.toFixed(2)}×`} (target ≥ ${goal}×) — ${x !== null && x >= goal ? 'met' : 'NOT met'}`,
    );
  for (const [w, goal] of [
    ['W1', 5],
    ['W2', 10],
    ['W3', 3],
  ]) {
    const b = best(w);
    line(
      `${w}: ours-node vs the fastest JavaScript peer (${b ? `${b.p}, ${fmt(b.v)}` : 'none'})`,
      b && ours[w]?.median ? ours[w].median / b.v : null,
      goal,
    );
  }
  const tw = results['tfjs-wasm'];
  line(
    `W4: ours-node vs tfjs-wasm${tw?.W4?.median ? ` (${fmt(tw.W4.median)} samples/s)` : ''}`,
    tw?.W4?.median && ours.W4?.median ? ours.W4.median / tw.W4.median : null,
    3,
  );
  if (limit && ours.W4?.gflops)
    out.push(
      `- W4: ${ours.W4.gflops.toFixed(2)} GFLOP/s = ${((100 * ours.W4.gflops) / limit.gflops).toFixed(0)} % of the SIMD128 limit ${limit.gflops.toFixed(2)} GFLOP/s (target ≥ 60 %) — ${ours.W4.gflops >= 0.6 * limit.gflops ? 'met' : 'NOT met'}`,
    );
  // issue 22: a 16 x 256 epoch at the page's batch of 10, at least half the SIMD128 limit
  for (const e of ['ours-node', 'ours-chromium']) {
    const r = results[e]?.wide;
    if (limit && r?.gflops)
      out.push(
        `- 16 x 256 at batch 10 (${e}): an epoch of ${r.n} points in ${((1000 * r.n) / r.median).toFixed(1)} ms, ${r.gflops.toFixed(2)} GFLOP/s = ${((100 * r.gflops) / limit.gflops).toFixed(0)} % of the SIMD128 limit (target ≥ 50 %) — ${r.gflops >= 0.5 * limit.gflops ? 'met' : 'NOT met'}`,
      );
  }
  const nat = results.native;
  for (const w of ['W2', 'W3', 'W4'])
    if (nat?.[w]?.median && ours[w]?.median)
      out.push(
        `- ${w}: native / wasm-Node = ${(nat[w].median / ours[w].median).toFixed(2)} (target ≤ 2) — ${nat[w].median / ours[w].median <= 2 ? 'met' : 'NOT met'}`,
      );
  return out;
}

function notes(results) {
  const tw = results['tfjs-wasm']?.info;
  const twFile = tw
    ? `${(tw.wasmFiles || []).join(', ') || 'unknown file'} (WASM_HAS_SIMD_SUPPORT=${tw.simd}, WASM_HAS_MULTITHREAD_SUPPORT=${tw.multithread}, threads=${tw.threads})`
    : 'n/a';
  return [
    `- **Units.** W1, W2, W4: training samples/s (forward + backward + weight update, amortised over whole chunks: ours 20 epochs (W1) / 2 epochs (W2) / 4 batches (W4) per call; peers one epoch (W1/W2) or one batch of 64 (W4) per call). W3: full refreshes/s = every neuron (48 hidden + output) on the 100×100 grid over [-6, 6]², read back into JavaScript-visible memory. Ratio = engine median / ours-node median of the same workload in this run (> 1: faster than our wasm build in Node).`,
    `- **W4 FLOPs.** ${FLOP_FORMULA}.`,
    `- **Data.** W1/W2: the peers train on exactly our points (circle, 250 train points; spiral, 250 train points), as features in our order (${W2_FEATURES.join(', ')}), labels −1/+1, in the same fixed order every epoch. W4: 4096 samples, x ~ U(−1, 1)³², y = sin(v·x), v ~ U(−0.5, 0.5)³²; ours draws them with the project's Rng (C++), the peers with a seeded mulberry32 (same distribution, different numbers). W3's network for the peers is untrained (speed does not depend on the weights).`,
    `- **ours** (wasm: web/gen/engine.wasm through web/engine.js's Session API; native: build/bp_bench; all copied to bench/gen/snap/ at the start of the run). Follows W1-W4 exactly (float32, SGD, batch 10/64, half-MSE). W4 and the kernels use WideMlp/denseKernelGflops (bench/cpp/wide_bench.h) in the benchmark's own wasm module (bench/gen/wasm/bench.wasm, the engine's sources and flags), so the page's engine carries no benchmark code.`,
    `- **tfjs-core + tfjs-backend-wasm** (${tw?.version ?? '4.22.0'}): loaded ${twFile}. tfjs-core ops only (no tfjs-layers): variables, matMul + add + activation, loss mean(0.5 (o−y)²) (same gradient as ours), tf.train.sgd(lr).minimize per mini-batch of pre-sliced tensors. Follows W1-W4 exactly, float32. W3 reads every layer back with dataSync ([10000][n] sample-major per layer, faster than a concat) where ours writes neuron-major images.`,
    `- **tfjs-core + tfjs-backend-cpu**: the same code on the plain-JavaScript backend (float32 typed arrays).`,
    `- **convnetjs** (0.3.0): fc layers + 'regression' (half squared error on a linear fc(1)); for a tanh output a TanhLayer is spliced between that fc(1) and the regression layer, so W1-W3 are followed exactly in the maths. Mini-batches: convnetjs.Trainer (sgd, momentum 0, l2_decay 0, batch_size 10 or 64) accumulates per-sample gradients and applies their mean every batch_size samples (exact), but forward/backward run one sample at a time. float64 arithmetic. Trainer.train calls new Date() twice per sample (its own statistics), kept as part of its normal training call.`,
    `- **brain.js** (1.6.1, the npm "latest"; pure JavaScript, it installed without native builds): no mini-batches — online SGD, one update per sample (batch 1 instead of 10 / 64). Its option validator refuses momentum 0 (it requires 0 < momentum < 1), so momentum is 1e-9: the term is computed but numerically negligible. One activation for all layers including the output: W1-W3 tanh everywhere (exact but for the batch); W4 uses 'relu' on every layer, so its output is ReLU instead of linear (same work per sample; it cannot fit negative targets, hence its W4 loss). Timing calls net.trainPattern (brain's per-sample step), the learning check the public net.train(data, {iterations: 100}). float32 weights, float64 arithmetic.`,
    `- **Initial weights.** ours and tfjs: the playground's U(−0.5, 0.5), b = 0.1 (W1-W3), He normal (W4). convnetjs and brain.js: their own initialisers, from a seeded Math.random. The learning check (W1 train loss after 100 epochs, half-MSE, 0.5 = always predicting 0) must end below ${FULL_MAX_LOSS}.`,
    `- **Method.** R rounds; in each round every engine runs once, one engine at a time, each in a fresh process (Chromium: a fresh browser): per workload a warm-up of max(0.2 s, S/2), then one measurement of S seconds wall time (performance.now / steady_clock), and one measurement per kernel case. So each figure is the median and [min–max] of R measurements spread over the whole run, and load that comes and goes on the shared 2-core machine hits every engine alike. The learning check runs in round 1. The load average is printed: absolute figures drift run to run; compare ratios within one run. Every engine's process is pinned to one CPU (the Machine line says which; --cpu), because the two vCPUs of this VM run the same code at different speeds (a 16 × 256 epoch 55-57 ms on one, 76-80 ms on the other); Chromium's processes (its page, worker and compositor) then share that one CPU, which costs ours-chromium most on W1's many short calls.`,
  ];
}

/** bench/PAGE.md (bench/page-frames.mjs, its own run and date) as a section, headings demoted. */
function pageSection() {
  const file = path.join(here, 'PAGE.md');
  const head = [
    "## The page's frame budget (bench/PAGE.md, measured by `node bench/page-frames.mjs`, included as found at this run)",
    '',
  ];
  if (!fs.existsSync(file))
    return [...head, 'bench/PAGE.md does not exist: run `node bench/page-frames.mjs` to measure it.'];
  const body = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => (/^#{1,4} /.test(l) ? `##${l}` : l));
  return [...head, ...body];
}

function report(results, o, m, meta) {
  const k = kernelTable(results);
  const lines = [];
  lines.push('<!-- RESULTS.md: generated by `node bench/run.mjs` (bench/run.sh); do not edit by hand, rerun it. -->');
  lines.push('# Benchmark results');
  lines.push('');
  lines.push(
    `Date: ${meta.date}. Command: \`${meta.command}\` (S = ${o.seconds} s per repetition, R = ${o.reps} repetitions, kernels ${o.kernelSeconds} s × ${o.reps}). Total wall time ${meta.secs.toFixed(0)} s.`,
  );
  lines.push('');
  lines.push(
    `Machine: ${m.nproc} CPUs (nproc), ${m.cpu}${m.mhz ? ` @ ${Number(m.mhz).toFixed(0)} MHz` : ''} (flags: ${m.cpuFlags}), ${m.memGiB} GiB, ${m.os}; Node ${m.node}; Chromium ${meta.chromium ?? 'n/a'}; load average before ${meta.loadBefore}, after ${meta.loadAfter}; ${meta.pin}.`,
  );
  lines.push('');
  lines.push('## Workloads W1-W4 (../shared/WORKLOADS.md), all engines in one run');
  lines.push('');
  lines.push(mainTable(results, o));
  lines.push('');
  lines.push('## Dense kernel microbenchmark, GFLOP/s median [min–max]');
  lines.push('');
  lines.push(
    'dense_forward / dense_backward (SIMD, src/engine/dense.cpp, dense_backward.cpp) vs their naive scalar twins (dense.h): W [n_out][n_in] row-major times feature-major x [n_in][B]; forward 2·n_in·n_out·B FLOPs, backward (dx, dW, db) 4·n_in·n_out·B. Square sizes have n_in = n_out = B.',
  );
  lines.push('');
  lines.push(k.text);
  lines.push('');
  if (k.limit)
    lines.push(
      `**SIMD128 limit on this machine: ${k.limit.gflops.toFixed(2)} GFLOP/s** (best large square forward of the wasm build: ${k.limit.where}).${k.nativeBest ? ` Native (SSE2, no FMA) best large square: ${k.nativeBest.toFixed(2)} GFLOP/s.` : ''}`,
    );
  lines.push('');
  lines.push('## Targets of issue 6 (ratios from this run)');
  lines.push('');
  lines.push(...targets(results, k.limit));
  lines.push('');
  lines.push(...pageSection());
  lines.push('');
  lines.push('## Notes: how each engine follows the workloads');
  lines.push('');
  lines.push(...notes(results));
  const errs = o.engines.filter((e) => results[e]?.error);
  if (errs.length) {
    lines.push('');
    lines.push('## Errors');
    for (const e of errs) lines.push(`- ${e}: \`${results[e].error.replace(/\n/g, ' ⏎ ')}\``);
  }
  lines.push('');
  return lines.join('\n');
}

function quickReport(results, o) {
  const lines = [
    `bench quick check (${o.quickEpochs} epochs of W1, loss must fall below ${QUICK_MAX_LOSS}; one step of W2-W4):`,
  ];
  for (const e of o.engines) {
    const r = results[e];
    if (r.error) lines.push(`  ${e.padEnd(14)} ERROR ${r.error.split('\n').join('\n      ')}`);
    else
      lines.push(
        `  ${e.padEnd(14)} W1 loss ${r.learn.before?.toFixed(4) ?? '  ?   '} -> ${r.learn.loss.toFixed(4)}  ${learned(r, o) ? 'ok' : 'DID NOT LEARN'}` +
          `${r.W4 ? '' : '  (no W4)'}  ${r.secs.toFixed(1)} s`,
      );
  }
  return lines.join('\n');
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.engine) return childMain(o);
  const t0 = Date.now();
  for (const f of [
    'web/gen/engine.wasm',
    'web/gen/engine.mjs',
    'bench/gen/wasm/bench.wasm',
    'bench/gen/wasm/bench.mjs',
  ])
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run bench/build.sh (or bench/run.sh)`);
  if (!fs.existsSync(path.join(here, 'node_modules/@tensorflow/tfjs-core')) && o.engines.some((e) => PEERS.includes(e)))
    throw new Error('the peers are not installed: cd bench && npm ci (or bench/run.sh)');
  const m = machine();
  const loadBefore = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  await snapshot();
  if (o.engines.includes('native') && !fs.existsSync(path.join(SNAP, 'bp_bench')))
    throw new Error('build/bp_bench is missing (bench/build.sh builds it)');
  // Full mode: R rounds, each running every engine once with one repetition per workload (and one
  // per kernel case), so load that comes and goes on the shared machine hits every engine alike; the
  // learning check runs in round 1 only. Quick mode: one round, no timing.
  const rounds = o.quick ? 1 : o.reps;
  const perRound = {};
  for (let round = 1; round <= rounds; round++)
    for (const e of o.engines) {
      if (perRound[e]?.some((r) => r.error)) continue;
      process.stderr.write(`bench: ${o.quick ? 'quick' : `round ${round}/${rounds}`} ${e} ...`);
      const r = runChild(e, o, { reps: 1, learn: round === 1 });
      (perRound[e] ||= []).push(r);
      process.stderr.write(
        r.error ? ` ERROR (${r.secs.toFixed(1)} s)\n${r.error}\n` : ` done (${r.secs.toFixed(1)} s)\n`,
      );
    }
  const results = Object.fromEntries(o.engines.map((e) => [e, mergeRounds(perRound[e])]));
  const failed = o.engines.filter((e) => !learned(results[e], o));
  if (o.quick) {
    console.log(quickReport(results, o));
    if (failed.length) {
      console.log(`bench quick check FAILED: ${failed.join(', ')}`);
      process.exitCode = 1;
    } else console.log('bench quick check passed');
    return;
  }
  const meta = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    chromium: results['ours-chromium']?.info?.chromium,
    loadBefore,
    loadAfter: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    secs: (Date.now() - t0) / 1000,
    pin: pinned(o) ? `every engine's process pinned to CPU ${o.cpu} (taskset, --cpu)` : 'engines not pinned to a CPU',
  };
  const text = report(results, o, m, meta);
  console.log(text);
  if (o.write) {
    fs.writeFileSync(o.out, text);
    fs.mkdirSync(path.join(here, 'gen'), { recursive: true });
    fs.writeFileSync(
      path.join(here, 'gen/results.json'),
      JSON.stringify({ meta, machine: m, options: o, results }, null, 1) + '\n',
    );
    process.stderr.write(`bench: wrote ${path.relative(process.cwd(), o.out)}\n`);
  }
  if (failed.length) {
    process.stderr.write(`bench: ${failed.join(', ')} errored or did not learn\n`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${e && e.stack ? e.stack : e}\n`);
  process.exit(2);
});
