// runner.mjs: runs one JavaScript peer (an adapter) through the workloads, with the timing code of
// bench/page/common.mjs, so every peer is measured alike. An adapter provides:
//   classifier({nIn, hidden, lr, batch, data: {x, y, n}, seed}) -> {trainEpoch() -> samples,
//     loss() -> mean half-MSE over data, dispose()}   (tanh hidden layers and tanh output)
//   grid({nIn, hidden, gridX, P, seed}) -> {refresh() -> 1, dispose()}  (every neuron's output on the
//     P grid points, copied to a JS Float32Array)
//   wide({data: {x, y}, seed}) -> {trainBatch() -> samples, loss(), dispose()}   (W4)
//     optional trainEpochs(n): the engine's own multi-epoch call, used by the learning check
//   info() -> {..} (what the engine loaded / how it runs)
// runAdapter(A, ctx) -> {W1, W2, W3, W4, learn, info}; ctx: {w1, w2 (trainData), gridX, quick,
// quickEpochs, seconds, reps, learn (false: no learning check)}. quick: no timing; the learning check on quickEpochs epochs and one step
// of W2, W3, W4 (their losses must be finite).
import { measure, W4, w4Data, GRID_N } from '../page/common.mjs';

const W1_HIDDEN = [4, 2];
const W2_HIDDEN = [8, 8, 8, 8, 8, 8];

function finite(x, what) {
  if (!Number.isFinite(x)) throw new Error(`${what} is not finite (${x})`);
  return x;
}

function using(obj, fn) {
  try {
    return fn(obj);
  } finally {
    obj.dispose();
  }
}

export async function runAdapter(A, ctx) {
  const { quick, quickEpochs = 30, seconds = 1, reps = 5 } = ctx;
  const t = { seconds, reps };
  const res = {};
  const w1cfg = { nIn: ctx.w1.keys.length, hidden: W1_HIDDEN, lr: 0.03, batch: 10, data: ctx.w1, seed: 1 };
  const w2cfg = { nIn: ctx.w2.keys.length, hidden: W2_HIDDEN, lr: 0.03, batch: 10, data: ctx.w2, seed: 2 };

  const epochs = quick ? quickEpochs : 100;
  if (ctx.learn !== false)
    res.learn = using(await A.classifier(w1cfg), (m) => {
      const before = m.loss();
      if (m.trainEpochs) m.trainEpochs(epochs);
      else for (let e = 0; e < epochs; e++) m.trainEpoch();
      return { epochs, before, loss: finite(m.loss(), 'W1 train loss') };
    });

  for (const [id, cfg] of [
    ['W1', w1cfg],
    ['W2', w2cfg],
  ]) {
    res[id] = using(await A.classifier(cfg), (m) => {
      if (quick) {
        m.trainEpoch();
        return { unit: 'samples/s', loss: finite(m.loss(), `${id} loss`) };
      }
      return { unit: 'samples/s', ...measure(() => m.trainEpoch(), t), loss: m.loss() };
    });
  }

  res.W3 = using(
    await A.grid({ nIn: ctx.w2.keys.length, hidden: W2_HIDDEN, gridX: ctx.gridX, P: GRID_N * GRID_N, seed: 3 }),
    (g) => (quick ? (g.refresh(), { unit: 'refreshes/s' }) : { unit: 'refreshes/s', ...measure(() => g.refresh(), t) }),
  );

  res.W4 = using(await A.wide({ data: w4Data(1), seed: 4 }), (w) => {
    if (quick) {
      w.trainBatch();
      return { unit: 'samples/s', loss: finite(w.loss(), 'W4 loss') };
    }
    const st = measure(() => w.trainBatch(), t);
    return { unit: 'samples/s', ...st, gflops: (st.median * W4.flopsPerSample) / 1e9, loss: w.loss() };
  });
  res.info = await A.info();
  return res;
}
