// common.mjs: the benchmark's shared definitions, used by the Node harness (bench/run.mjs) and by the
// in-page runner (bench/page/bench.js), so every engine is timed by the same code:
//   - the workloads W1-W4 of WORKLOADS.md: config hashes (W1-W3) and W4's constants and FLOP count;
//     WIDE: issue 22's 16 x 256 network at the page's batch of 10 (ours only);
//   - rate(step, seconds): calls step() (returns the units it did) until `seconds` of wall time
//     (performance.now) have passed, returns units/s; measure(): warm-up (max(0.2, seconds/2) s)
//     then `reps` rates, with median/min/max;
//   - the input features of the playground (x1, x2, x1^2, x2^2, x1*x2, sin x1, sin x2), the 100x100
//     grid over [-6, 6]^2 (rows top y = 6 to bottom, as Session::eval_grid), a seeded PRNG, and W4's
//     data (x ~ U(-1,1)^32, y = sin(v . x), v ~ U(-0.5, 0.5)^32) for the JavaScript peers.
// No engine code here; pure functions, no I/O.

export const W1_HASH =
  'dataset=circle&networkShape=4,2&activation=tanh&learningRate=0.03&batchSize=10&percTrainData=50';
export const W2_HASH =
  'dataset=spiral&networkShape=8,8,8,8,8,8&activation=tanh&xSquared=true&ySquared=true&' +
  'xTimesY=true&sinX=true&sinY=true&learningRate=0.03&batchSize=10';
export const W2_FEATURES = ['x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY'];
export const GRID_N = 100;
export const DOMAIN = 6;

export const W4 = {
  inputs: 32,
  hidden: 256,
  batch: 64,
  samples: 4096,
  lr: 0.01,
  // multiply-accumulates per sample of the forward pass: 32*256 + 256*256 + 256*1
  macs: 32 * 256 + 256 * 256 + 256,
};
// FLOPs per trained sample = 2*MACs (forward) + 4*MACs (backward: dx and dW) = 6*MACs = 443,904.
W4.flopsPerSample = 6 * W4.macs;
export const FLOP_FORMULA =
  'GFLOP/s = samples/s x 6 x MACs / 1e9, MACs = 32*256 + 256*256 + 256*1 = 73,984 per sample ' +
  "(2 x MACs forward + 4 x MACs backward: dW and dx; an engine that skips the first layer's dx does 5.4% less)";

// Issue 22's wide network, as the page trains it: 16 hidden layers of 256 (relu) on the default
// circle data (2 features, 250 training points), batch 10, plain SGD.
export const WIDE = {
  hash: `networkShape=${Array(16).fill(256).join(',')}&activation=relu&batchSize=10&seed=1`,
  // multiply-accumulates per sample of the forward pass: 2*256 + 15*256*256 + 256*1
  macs: 2 * 256 + 15 * 256 * 256 + 256,
};
WIDE.flopsPerSample = 6 * WIDE.macs; // as W4: 2 x MACs forward + 4 x MACs backward

export function now() {
  return performance.now();
}

export function rate(step, seconds) {
  const t0 = now();
  let units = 0;
  let el = 0;
  do {
    units += step();
    el = (now() - t0) / 1000;
  } while (el < seconds);
  return units / el;
}

export function stats(v) {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  return { reps: v, median, min: s[0], max: s[n - 1] };
}

/** Warm-up, then `reps` measurements of `seconds` each. */
export function measure(step, { seconds = 1, reps = 5 } = {}) {
  rate(step, Math.max(0.2, seconds / 2));
  const r = [];
  for (let k = 0; k < reps; k++) r.push(rate(step, seconds));
  return stats(r);
}

/** Feature values of one point, in the order of `keys` (engine feature keys). */
export function features(keys, x1, x2, out = new Float32Array(keys.length)) {
  for (let k = 0; k < keys.length; k++) {
    switch (keys[k]) {
      case 'x':
        out[k] = x1;
        break;
      case 'y':
        out[k] = x2;
        break;
      case 'xSquared':
        out[k] = x1 * x1;
        break;
      case 'ySquared':
        out[k] = x2 * x2;
        break;
      case 'xTimesY':
        out[k] = x1 * x2;
        break;
      case 'sinX':
        out[k] = Math.sin(x1);
        break;
      case 'sinY':
        out[k] = Math.sin(x2);
        break;
      default:
        throw new Error(`unknown feature ${keys[k]}`);
    }
  }
  return out;
}

/** The grid's points as features: Float32Array [N*N][keys.length], sample-major. */
export function gridInputs(keys, N = GRID_N) {
  const F = keys.length;
  const out = new Float32Array(N * N * F);
  const tmp = new Float32Array(F);
  for (let r = 0; r < N; r++)
    for (let c = 0; c < N; c++) {
      const x1 = Math.fround(-DOMAIN + (2 * DOMAIN * c) / (N - 1));
      const x2 = Math.fround(DOMAIN - (2 * DOMAIN * r) / (N - 1));
      out.set(features(keys, x1, x2, tmp), (r * N + c) * F);
    }
  return out;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** W4's data for the JavaScript engines: {x: Float32Array [4096][32] sample-major, y: Float32Array}. */
export function w4Data(seed = 1) {
  const rnd = prng(seed);
  const v = Array.from({ length: W4.inputs }, () => rnd() - 0.5);
  const x = new Float32Array(W4.samples * W4.inputs);
  const y = new Float32Array(W4.samples);
  for (let n = 0; n < W4.samples; n++) {
    let dot = 0;
    for (let i = 0; i < W4.inputs; i++) {
      const xi = 2 * rnd() - 1;
      x[n * W4.inputs + i] = xi;
      dot += v[i] * xi;
    }
    y[n] = Math.sin(dot);
  }
  return { x, y };
}

/** Mean per-sample half-MSE of predictions o against targets y (both indexable, same length). */
export function halfMse(o, y) {
  let s = 0;
  for (let k = 0; k < y.length; k++) s += 0.5 * (o[k] - y[k]) ** 2;
  return s / y.length;
}
