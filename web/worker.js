// worker.js: the Web Worker that owns the wasm engine, so training never blocks the page.
// Protocol: the page posts {id, type, ...args}; the worker replies {id, ok: true, ...result} or
// {id, ok: false, error}. One session at a time. 'frame' is the hot message: train some epochs or
// batches, then evaluate every neuron's grid into the buffer the page lent us (transferred back),
// so no buffer is allocated per frame.
import { loadEngine } from './engine.js';

let E = null;
let S = null;
const enginePromise = loadEngine().then((e) => (E = e));

function snapshot() {
  return {
    hash: S.hash(),
    config: S.config(),
    layers: S.layers(),
    features: S.features(),
    train: S.points(false).slice(),
    test: S.points(true).slice(),
    metrics: S.metrics(),
    params: S.params().slice(),
  };
}

const handlers = {
  async load({ hash }) {
    if (!S) S = E.createSession('');
    const r = S.load(hash);
    const out = { loadOk: r.ok, loadError: r.error, errors: r.errors, unknownKeys: r.unknownKeys };
    if (!S.loaded) return { ...out, hash: '', config: null };
    return { ...out, ...snapshot() };
  },
  parse({ hash }) {
    return E.parseHash(hash);
  },
  frame({ epochs = 0, batches = 0, grid = 100, buffer }) {
    const t0 = performance.now();
    let trained = 0;
    if (epochs > 0) {
      const e0 = S.metrics().epoch;
      S.trainEpochs(epochs);
      trained = (S.metrics().epoch - e0) * S.points(false).length / 3;
    }
    if (batches > 0) trained += S.trainBatches(batches).samples;
    const t1 = performance.now();
    const metrics = S.metrics();
    let view = null;
    const rows = S.gridRows();
    if (grid > 0) view = S.evalGrid(grid);
    const t2 = performance.now();
    let out = buffer instanceof Float32Array && buffer.length >= rows * grid * grid ? buffer : null;
    if (view) {
      if (!out) out = new Float32Array(rows * grid * grid);
      out.set(view);
    }
    return {
      metrics, params: S.params().slice(), grid: out, rows, N: grid, trained,
      timing: { train: t1 - t0, grid: t2 - t1 },
      _transfer: out ? [out.buffer] : [],
    };
  },
  trace({ test = false, index = 0 }) {
    return { trace: S.trace(test, index), params: S.params().slice(), metrics: S.metrics() };
  },
  gradCheck() {
    return S.gradCheck();
  },
  health() {
    return { layers: S.health() };
  },
  setWeight({ layer, to, from, value }) {
    S.setWeight(layer, to, from, value);
    return { params: S.params().slice(), metrics: S.metrics() };
  },
  setBias({ layer, neuron, value }) {
    S.setBias(layer, neuron, value);
    return { params: S.params().slice(), metrics: S.metrics() };
  },
  setLearningRate({ value }) {
    S.setLearningRate(value);
    return { hash: S.hash() };
  },
  reset() {
    S.reset();
    return snapshot();
  },
  regenerate({ seed }) {
    S.regenerate(seed);
    return snapshot();
  },
  // Points of each dataset kind, for the dataset picker's thumbnails (from the engine's generators).
  previews({ hashes }) {
    const out = {};
    for (const [name, h] of Object.entries(hashes)) {
      const s = E.createSession(h);
      out[name] = s.lastLoad.ok ? s.points(false).slice() : null;
      s.dispose();
    }
    return out;
  },
  // The seven features' grids (for thumbnails of features that are switched off).
  featureGrids({ N, keys }) {
    const h = 'networkShape=&' + keys.map((k) => `${k}=true`).join('&') + '&' +
      ['x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY'].filter((k) => !keys.includes(k)).map((k) => `${k}=false`).join('&');
    const s = E.createSession(h);
    if (!s.lastLoad.ok) throw new Error(s.lastLoad.error);
    const grid = s.evalGrid(N).slice(0, keys.length * N * N);
    s.dispose();
    return { grid, _transfer: [grid.buffer] };
  },
  loadCsv({ text, cx1, cx2, clabel }) {
    const r = S.loadCsv(text, cx1, cx2, clabel);
    if (!r.ok) throw new Error(r.error);
    return snapshot();
  },
};

self.onmessage = async (ev) => {
  const { id, type, ...args } = ev.data;
  try {
    await enginePromise;
    const h = handlers[type];
    if (!h) throw new Error(`unknown request '${type}'`);
    const result = await h(args);
    const transfer = result._transfer || [];
    delete result._transfer;
    self.postMessage({ id, ok: true, ...result }, transfer);
  } catch (e) {
    self.postMessage({ id, ok: false, error: e && e.message ? e.message : String(e) });
  }
};
