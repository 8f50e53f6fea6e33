// tfjs.mjs: the TensorFlow.js adapter (see runner.mjs) on @tensorflow/tfjs-core's ops API (no
// tfjs-layers; @tensorflow/tfjs is loaded only for its gradient registrations), for backend 'wasm' (@tensorflow/tfjs-backend-wasm) or 'cpu'
// (@tensorflow/tfjs-backend-cpu). Mapping: weights are tf.variables, W [n_in][n_out]; a layer is
// act(matMul(h, W) + b); loss = mean over the batch of 0.5 (o - y)^2 (the same gradient as our
// sum/count); tf.train.sgd(lr).minimize per batch, batches pre-sliced into tensors (W1/W2: 25 batches
// of 10, W4: 64 of 64). Init as the playground: W ~ U(-0.5, 0.5), b = 0.1 (W1-W3); He normal, b = 0
// (W4). W3: one tf.tidy forward of the 10,000 x 7 grid keeping every layer, each layer read back with
// dataSync ([10000][n] sample-major; our engine writes neuron-major images). Follows W1-W4 exactly, float32.
// info(): the backend, and for wasm which .wasm binary it read (intercepted fs.readFileSync under
// Node), its SIMD / multithread flags and thread count.
import { createRequire } from 'node:module';
import { prng, W4 } from '../page/common.mjs';
import { normal } from './seeded.mjs';

const require = createRequire(import.meta.url);

export async function tfjsAdapter(backend) {
  const loaded = [];
  if (backend === 'wasm') {
    const fs = require('fs');
    const orig = fs.readFileSync;
    fs.readFileSync = function (p, ...rest) {
      if (String(p).endsWith('.wasm')) loaded.push(String(p).split('/').pop());
      return orig.call(this, p, ...rest);
    };
  }
  const tf = await import('@tensorflow/tfjs-core');
  // tfjs-core alone registers no gradient functions under Node (its register_all_gradients module is
  // bundler-only ESM); the union package @tensorflow/tfjs registers them (into tfjs' global registry),
  // as a TF.js user's `import '@tensorflow/tfjs'` does.
  require('@tensorflow/tfjs');
  let wasmMod = null;
  if (backend === 'wasm') wasmMod = await import('@tensorflow/tfjs-backend-wasm');
  else await import('@tensorflow/tfjs-backend-cpu');
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} failed to initialise`);
  await tf.ready();

  function makeLayers(nIn, sizes, acts, init, seed) {
    const rnd = prng(seed);
    const layers = [];
    let n = nIn;
    for (let l = 0; l < sizes.length; l++) {
      const w = new Float32Array(n * sizes[l]);
      for (let k = 0; k < w.length; k++) w[k] = init === 'he' ? normal(rnd) * Math.sqrt(2 / n) : rnd() - 0.5;
      const w0 = tf.tensor2d(w, [n, sizes[l]]);
      const b0 = tf.fill([sizes[l]], init === 'he' ? 0 : 0.1);
      layers.push({ W: tf.variable(w0), b: tf.variable(b0), act: acts[l] });
      w0.dispose();
      b0.dispose();
      n = sizes[l];
    }
    return layers;
  }
  const ACT = { tanh: (x) => tf.tanh(x), relu: (x) => tf.relu(x), linear: (x) => x };
  function forward(layers, x, all) {
    let h = x;
    for (const L of layers) {
      h = ACT[L.act](tf.add(tf.matMul(h, L.W), L.b));
      if (all) all.push(h);
    }
    return h;
  }
  const halfMse = (o, y) => tf.mul(tf.scalar(0.5), tf.mean(tf.square(tf.sub(o, y))));
  function batches(x, y, n, nIn, B) {
    const out = [];
    for (let s = 0; s < n; s += B) {
      const e = Math.min(n, s + B);
      out.push({
        x: tf.tensor2d(x.subarray(s * nIn, e * nIn), [e - s, nIn]),
        y: tf.tensor2d(y.subarray(s, e), [e - s, 1]),
        n: e - s,
      });
    }
    return out;
  }
  function disposeAll(layers, bs, extra = []) {
    for (const L of layers) {
      L.W.dispose();
      L.b.dispose();
    }
    for (const b of bs) {
      b.x.dispose();
      b.y.dispose();
    }
    for (const t of extra) t.dispose();
  }
  function trainer(layers, bs, lr, allX, allY) {
    const opt = tf.train.sgd(lr);
    const vars = layers.flatMap((L) => [L.W, L.b]);
    let next = 0;
    return {
      step() {
        const b = bs[next];
        next = (next + 1) % bs.length;
        opt.minimize(() => halfMse(forward(layers, b.x), b.y), false, vars);
        return b.n;
      },
      epoch() {
        let n = 0;
        for (let k = 0; k < bs.length; k++) n += this.step();
        return n;
      },
      loss() {
        return tf.tidy(() => halfMse(forward(layers, allX), allY).dataSync()[0]);
      },
      dispose() {
        opt.dispose();
      },
    };
  }

  return {
    async classifier({ nIn, hidden, lr, batch, data, seed }) {
      const layers = makeLayers(nIn, [...hidden, 1], [...hidden.map(() => 'tanh'), 'tanh'], 'playground', seed);
      const bs = batches(data.x, data.y, data.n, nIn, batch);
      const allX = tf.tensor2d(data.x, [data.n, nIn]);
      const allY = tf.tensor2d(data.y, [data.n, 1]);
      const t = trainer(layers, bs, lr, allX, allY);
      return {
        trainEpoch: () => t.epoch(),
        loss: () => t.loss(),
        dispose() {
          t.dispose();
          disposeAll(layers, bs, [allX, allY]);
        },
      };
    },
    async grid({ nIn, hidden, gridX, P, seed }) {
      const layers = makeLayers(nIn, [...hidden, 1], [...hidden.map(() => 'tanh'), 'tanh'], 'playground', seed);
      const X = tf.tensor2d(gridX, [P, nIn]);
      return {
        refresh() {
          // Every layer's activations read back one by one (cheaper than a concat in tfjs).
          let n = 0;
          tf.tidy(() => {
            const acts = [];
            forward(layers, X, acts);
            for (const a of acts) n += a.dataSync().length;
          });
          if (n !== P * (hidden.reduce((a, b) => a + b, 0) + 1)) throw new Error('grid size');
          return 1;
        },
        dispose() {
          disposeAll(layers, [], [X]);
        },
      };
    },
    async wide({ data, seed }) {
      const { inputs, hidden, batch, samples, lr } = W4;
      const layers = makeLayers(inputs, [hidden, hidden, 1], ['relu', 'relu', 'linear'], 'he', seed);
      const bs = batches(data.x, data.y, samples, inputs, batch);
      const allX = tf.tensor2d(data.x, [samples, inputs]);
      const allY = tf.tensor2d(data.y, [samples, 1]);
      const t = trainer(layers, bs, lr, allX, allY);
      return {
        trainBatch: () => t.step(),
        loss: () => t.loss(),
        dispose() {
          t.dispose();
          disposeAll(layers, bs, [allX, allY]);
        },
      };
    },
    async info() {
      const i = { backend: tf.getBackend(), version: tf.version_core, tensorsAlive: tf.memory().numTensors };
      if (backend === 'wasm') {
        i.wasmFiles = [...new Set(loaded)];
        i.simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
        i.multithread = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
        i.threads = wasmMod.getThreadsCount();
      }
      return i;
    },
  };
}
