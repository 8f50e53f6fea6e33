// convnetjs.mjs: the convnetjs 0.3.0 adapter (see runner.mjs). Mapping: input(1,1,n_in) ->
// fc(n, activation) ... -> 'regression' layer (convnetjs inserts a linear fc(1) before it; its loss is
// 0.5 (o - y)^2, half-MSE). For W1-W3 a TanhLayer is spliced in between that fc(1) and the regression
// layer, giving a tanh output under half-MSE exactly. convnetjs.Trainer with method 'sgd', momentum 0,
// l2_decay 0 and batch_size 10 (W1/W2) or 64 (W4): it accumulates per-sample gradients and applies
// their mean every batch_size samples, so mini-batch SGD is followed exactly, although the forward
// and backward passes still run one sample at a time (no batched matrix products). Arithmetic is in
// float64 (Float64Array weights). Trainer.train also reads the clock (new Date) twice per sample for
// its own statistics: that is convnetjs's normal training call and is kept. Initial weights: convnetjs's
// own (randn * sqrt(1/n_in), biases 0, or 0.1 before ReLU), from a seeded Math.random. W3: net.forward
// per grid point, copying every tanh layer's outputs into neuron-major Float32Array images.
import { createRequire } from 'node:module';
import { W4 } from '../page/common.mjs';
import { withSeededRandom } from './seeded.mjs';

const require = createRequire(import.meta.url);
const convnetjs = require('convnetjs');

function makeNet(nIn, hidden, act, out, seed) {
  return withSeededRandom(seed, () => {
    const defs = [{ type: 'input', out_sx: 1, out_sy: 1, out_depth: nIn }];
    for (const n of hidden) defs.push({ type: 'fc', num_neurons: n, activation: act });
    defs.push({ type: 'regression', num_neurons: 1 });
    const net = new convnetjs.Net();
    net.makeLayers(defs);
    if (out === 'tanh') {
      const last = net.layers.length - 1;
      net.layers.splice(last, 0, new convnetjs.TanhLayer({ in_sx: 1, in_sy: 1, in_depth: 1 }));
    }
    return net;
  });
}

function vols(x, n, nIn) {
  const out = [];
  for (let k = 0; k < n; k++) {
    const v = new convnetjs.Vol(1, 1, nIn, 0);
    for (let i = 0; i < nIn; i++) v.w[i] = x[k * nIn + i];
    out.push(v);
  }
  return out;
}

function model(net, lr, batch, X, Y) {
  const trainer = new convnetjs.Trainer(net, {
    method: 'sgd',
    learning_rate: lr,
    momentum: 0,
    batch_size: batch,
    l2_decay: 0,
  });
  const targets = Array.from(Y, (y) => [y]);
  let next = 0;
  return {
    train(count) {
      for (let k = 0; k < count; k++) {
        trainer.train(X[next], targets[next]);
        next = (next + 1) % X.length;
      }
      return count;
    },
    loss() {
      let s = 0;
      for (let k = 0; k < X.length; k++) s += 0.5 * (net.forward(X[k], false).w[0] - Y[k]) ** 2;
      return s / X.length;
    },
  };
}

export async function convnetjsAdapter() {
  return {
    async classifier({ nIn, hidden, lr, batch, data, seed }) {
      const net = makeNet(nIn, hidden, 'tanh', 'tanh', seed);
      const m = model(net, lr, batch, vols(data.x, data.n, nIn), data.y);
      return { trainEpoch: () => m.train(data.n), loss: () => m.loss(), dispose() {} };
    },
    async grid({ nIn, hidden, gridX, P, seed }) {
      const net = makeNet(nIn, hidden, 'tanh', 'tanh', seed);
      const X = vols(gridX, P, nIn);
      const acts = net.layers.filter((L) => L.layer_type === 'tanh');
      const rows = acts.reduce((a, L) => a + L.out_depth, 0);
      const out = new Float32Array(rows * P);
      return {
        refresh() {
          for (let p = 0; p < P; p++) {
            net.forward(X[p], false);
            let r = 0;
            for (const L of acts) {
              const w = L.out_act.w;
              for (let j = 0; j < w.length; j++, r++) out[r * P + p] = w[j];
            }
          }
          return 1;
        },
        dispose() {},
      };
    },
    async wide({ data, seed }) {
      const net = makeNet(W4.inputs, [W4.hidden, W4.hidden], 'relu', 'linear', seed);
      const m = model(net, W4.lr, W4.batch, vols(data.x, W4.samples, W4.inputs), data.y);
      return { trainBatch: () => m.train(W4.batch), loss: () => m.loss(), dispose() {} };
    },
    async info() {
      return { version: require('convnetjs/package.json').version, precision: 'float64' };
    },
  };
}
