// ours.mjs: this project's side of the benchmark, the same code under Node (bench/run.mjs) and in
// headless Chromium (bench.js). Drives the page's engine only through web/engine.js's Session API
// (createSession, trainEpochs, evalGrid, metrics) for W1-W3; W4 and the kernel microbenchmark call
// WideMlp and denseKernelGflops (bench/cpp/wide_bench.h) in the benchmark's own wasm module
// (bench/gen/wasm/bench.mjs, built by bench/build.sh with the engine's flags).
//   runOurs(E, wide, {seconds, reps, quick, quickEpochs, kernelSeconds, kernels, learn}) -> {W1, W2,
//     W3, W4, learn, kernel} (learn: false skips the learning check); each workload {unit, reps, median, min, max, loss}, W4 adds gflops.
//   Chunks per timed step: W1 20 epochs, W2 2 epochs, W3 one evalGrid(100), W4 4 batches of 64,
//   wide (16 x 256 at batch 10, through the Session API as the page trains it) 1 epoch.
//   quick: no timing; the learning check on quickEpochs epochs and one step of each workload.
//   trainData(E, hash): a session's training points as features (sample-major) and labels, so the
//     JavaScript peers train on exactly our data.
import { W1_HASH, W2_HASH, W4, WIDE, GRID_N, measure, stats, features } from './common.mjs';

export const KERNEL_CASES = [
  ...[64, 128, 256, 512].map((n) => ({ pass: 'forward', nIn: n, nOut: n, B: n })),
  ...['forward', 'backward'].flatMap((pass) =>
    [
      [32, 256],
      [256, 256],
      [256, 1],
    ].map(([nIn, nOut]) => ({ pass, nIn, nOut, B: 64 })),
  ),
];

function session(E, hash) {
  const s = E.createSession(hash);
  if (!s.lastLoad.ok) throw new Error(`config ${hash}: ${s.lastLoad.error}`);
  return s;
}

function finite(x, what) {
  if (!Number.isFinite(x)) throw new Error(`${what} is not finite (${x})`);
  return x;
}

export function learnCheck(E, epochs) {
  const s = session(E, W1_HASH);
  try {
    const before = s.metrics().trainLoss;
    s.trainEpochs(epochs);
    return { epochs, before, loss: finite(s.metrics().trainLoss, 'W1 train loss') };
  } finally {
    s.dispose();
  }
}

export function trainData(E, hash) {
  const s = session(E, hash);
  try {
    const keys = s.features().map((f) => f.key);
    const p = Float32Array.from(s.points(false));
    const n = p.length / 3;
    const x = new Float32Array(n * keys.length);
    const y = new Float32Array(n);
    const tmp = new Float32Array(keys.length);
    for (let k = 0; k < n; k++) {
      x.set(features(keys, p[3 * k], p[3 * k + 1], tmp), k * keys.length);
      y[k] = p[3 * k + 2];
    }
    return { keys, x, y, n };
  } finally {
    s.dispose();
  }
}

export function kernelBench(wide, { seconds = 0.2, reps = 5 } = {}) {
  const out = [];
  for (const c of KERNEL_CASES)
    for (const impl of ['simd', 'naive']) {
      const which = (c.pass === 'backward' ? 2 : 0) + (impl === 'naive' ? 1 : 0);
      wide.denseKernelGflops(which, c.nIn, c.nOut, c.B, 0.05);
      const r = [];
      for (let k = 0; k < reps; k++) r.push(wide.denseKernelGflops(which, c.nIn, c.nOut, c.B, seconds));
      out.push({ ...c, impl, ...stats(r) });
    }
  return out;
}

export function runOurs(E, wide, opts = {}) {
  const {
    seconds = 1,
    reps = 5,
    quick = false,
    quickEpochs = 30,
    kernels = false,
    kernelSeconds = 0.2,
    learn = true,
  } = opts;
  const res = {};
  if (learn) res.learn = learnCheck(E, quick ? quickEpochs : 100);

  for (const [id, hash, chunk] of [
    ['W1', W1_HASH, 20],
    ['W2', W2_HASH, 2],
  ]) {
    const s = session(E, hash);
    try {
      const n = s.points(false).length / 3;
      if (quick) {
        s.trainEpochs(1);
        res[id] = { unit: 'samples/s', loss: finite(s.metrics().trainLoss, `${id} loss`) };
      } else {
        const st = measure(
          () => {
            s.trainEpochs(chunk);
            return chunk * n;
          },
          { seconds, reps },
        );
        res[id] = { unit: 'samples/s', ...st, loss: s.metrics().trainLoss };
      }
    } finally {
      s.dispose();
    }
  }

  {
    const s = session(E, WIDE.hash);
    try {
      const n = s.points(false).length / 3;
      s.trainEpochs(1);
      if (quick) res.wide = { unit: 'samples/s', loss: finite(s.metrics().trainLoss, 'wide loss') };
      else {
        const st = measure(
          () => {
            s.trainEpochs(1);
            return n;
          },
          { seconds, reps },
        );
        res.wide = { unit: 'samples/s', ...st, gflops: (st.median * WIDE.flopsPerSample) / 1e9, n };
      }
    } finally {
      s.dispose();
    }
  }

  const s3 = session(E, W2_HASH);
  try {
    s3.trainEpochs(1);
    let g = s3.evalGrid(GRID_N);
    const want = s3.gridRows() * GRID_N * GRID_N;
    if (g.length !== want) throw new Error(`W3 grid has ${g.length} floats, want ${want}`);
    finite(g[g.length - 1], 'W3 output');
    if (quick) res.W3 = { unit: 'refreshes/s' };
    else
      res.W3 = {
        unit: 'refreshes/s',
        ...measure(
          () => {
            g = s3.evalGrid(GRID_N);
            return 1;
          },
          { seconds, reps },
        ),
      };
  } finally {
    s3.dispose();
  }

  {
    const m = new wide.WideMlp(1);
    try {
      if (quick) {
        res.W4 = { unit: 'samples/s', loss: finite(m.trainSteps(2), 'W4 loss') };
        if (!(wide.denseKernelGflops(0, 64, 64, 64, 0) > 0)) throw new Error('denseKernelGflops failed');
      } else {
        const st = measure(
          () => {
            m.trainSteps(4);
            return 4 * W4.batch;
          },
          { seconds, reps },
        );
        res.W4 = { unit: 'samples/s', ...st, gflops: (st.median * W4.flopsPerSample) / 1e9, loss: m.loss() };
      }
    } finally {
      m.delete();
    }
    if (kernels && !quick) res.kernel = kernelBench(wide, { seconds: kernelSeconds, reps });
  }
  return res;
}
