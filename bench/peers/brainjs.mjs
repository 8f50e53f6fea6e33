// brainjs.mjs: the brain.js 1.6.1 adapter (see runner.mjs). brain.NeuralNetwork({hiddenLayers,
// activation}) applies ONE activation to every layer, output included, and trains online: one weight
// update per sample (no mini-batches), delta = (y - o) f'(o), i.e. the gradient of half-MSE.
// Mapping: W1/W2 tanh everywhere, learningRate 0.03, momentum 1e-9 (brain's default is 0.1 and it
// refuses 0): exact
// except batch 1 instead of 10 (10x the updates per epoch: it takes more update steps for the same
// samples, and each costs a full weight update). W4: activation 'relu' on every layer, so the output
// is ReLU, not linear (targets in [-1, 0) cannot be fitted; the work per sample is the same), lr 0.01,
// batch 1. Weights are Float32Array, arithmetic in float64. Timing calls net.trainPattern(sample)
// (what brain's train() loop calls for each sample, without its per-epoch error bookkeeping); the
// learning check uses the public net.train(data, {iterations: epochs}). Initial weights: brain's own
// U(-0.2, 0.2), from a seeded Math.random. W3: net.run per grid point, copying every layer's outputs.
import { createRequire } from 'node:module';
import { W4 } from '../page/common.mjs';
import { withSeededRandom } from './seeded.mjs';

const require = createRequire(import.meta.url);
const brain = require('brain.js');

function samples(x, y, n, nIn) {
  const out = [];
  for (let k = 0; k < n; k++) out.push({ input: Array.from(x.subarray(k * nIn, (k + 1) * nIn)), output: [y[k]] });
  return out;
}

// brain.js's option validator refuses momentum 0 (it wants 0 < momentum < 1): the smallest sensible
// value instead; the momentum term is still computed, its effect is negligible.
const MOMENTUM = 1e-9;

function trainOptions(iterations, lr) {
  return { iterations, errorThresh: 1e-12, learningRate: lr, momentum: MOMENTUM, log: false };
}

function makeNet(hidden, activation, lr, data, seed) {
  const net = new brain.NeuralNetwork({ hiddenLayers: hidden, activation });
  // What train() does first: size and initialise the network from the data, set the options
  // (errorThresh must be in (0, 1): a tiny value so training never stops early).
  withSeededRandom(seed, () => net.verifyIsInitialized(data));
  net.updateTrainingOptions(trainOptions(1, lr));
  if (!net.weights) throw new Error('brain.js did not initialise the network');
  return net;
}

function model(net, data, lr) {
  let next = 0;
  return {
    train(count) {
      for (let k = 0; k < count; k++) {
        net.trainPattern(data[next]);
        next = (next + 1) % data.length;
      }
      return count;
    },
    epochsPublic(epochs) {
      net.train(data, trainOptions(epochs, lr));
    },
    loss() {
      let s = 0;
      for (const d of data) s += 0.5 * (net.run(d.input)[0] - d.output[0]) ** 2;
      return s / data.length;
    },
  };
}

export async function brainjsAdapter() {
  return {
    async classifier({ nIn, hidden, lr, data, seed }) {
      const d = samples(data.x, data.y, data.n, nIn);
      const net = makeNet(hidden, 'tanh', lr, d, seed);
      const m = model(net, d, lr);
      return {
        trainEpoch: () => m.train(data.n),
        trainEpochs: (n) => m.epochsPublic(n),
        loss: () => m.loss(),
        dispose() {},
      };
    },
    async grid({ nIn, hidden, gridX, P, seed }) {
      const d = samples(new Float32Array(nIn), new Float32Array(1), 1, nIn);
      const net = makeNet(hidden, 'tanh', 0.03, d, seed);
      const inputs = [];
      for (let p = 0; p < P; p++) inputs.push(Array.from(gridX.subarray(p * nIn, (p + 1) * nIn)));
      const rows = hidden.reduce((a, b) => a + b, 0) + 1;
      const out = new Float32Array(rows * P);
      return {
        refresh() {
          for (let p = 0; p < P; p++) {
            net.run(inputs[p]);
            let r = 0;
            for (let l = 1; l <= net.outputLayer; l++) {
              const o = net.outputs[l];
              for (let j = 0; j < o.length; j++, r++) out[r * P + p] = o[j];
            }
          }
          return 1;
        },
        dispose() {},
      };
    },
    async wide({ data, seed }) {
      const d = samples(data.x, data.y, W4.samples, W4.inputs);
      const net = makeNet([W4.hidden, W4.hidden], 'relu', W4.lr, d, seed);
      const m = model(net, d, W4.lr);
      return { trainBatch: () => m.train(W4.batch), loss: () => m.loss(), dispose() {} };
    },
    async info() {
      return { version: require('brain.js/package.json').version, precision: 'float32 storage, float64 arithmetic' };
    },
  };
}
