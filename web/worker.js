// worker.js: the Web Worker that owns the wasm engine, so training never blocks the page.
// Protocol (worker-serve.js): the page posts {id, type, ...args}; the worker replies {id, ok: true,
// ...result} or {id, ok: false, error}. One session at a time. 'frame' is the hot message: train some epochs or
// batches, then evaluate every neuron's grid into the buffer the page lent us (transferred back),
// so no buffer is allocated per frame.
// The hot path ('frame': training paces, Max's free run, losses, grid) is worker-frame.js.
import { loadEngine } from './engine.js';
import { serve } from './worker-serve.js';
import { engineError, engineMessage } from './engine-error.js';
import * as frames from './worker-frame.js';
import * as land from './worker-landscape.js';

let E = null;
let S = null;
const enginePromise = loadEngine().then((e) => (E = e));

function snapshot() {
  return {
    hash: S.hash(),
    config: S.config(),
    layers: S.layers(),
    features: S.features(),
    slice: S.slice(),
    train: S.points(false).slice(),
    test: S.points(true).slice(),
    custom: (S.customPoints() || []).slice(), // the user's points in their order (empty: generated)
    metrics: S.metrics(),
    params: S.params().slice(),
  };
}

// Requests that leave the session as it is (the losses and a sliced pass stay valid across them).
const READ_ONLY = new Set([
  'frame',
  'neuronGrid',
  'catalog',
  'trace',
  'gradCheck',
  'health',
  'previews',
  'featureGrids',
  'csvPreview',
  'exportCode',
  'modelJson',
  'variantPlan',
  'engineModule',
  'landscape',
  'landscapeProject',
  'lossLine',
]);

const handlers = {
  pause() {
    frames.pause();
    return {};
  },
  // What the engine offers (engine.js catalog): the page builds its menus from it.
  catalog() {
    return E.catalog();
  },
  // The compiled engine (a WebAssembly.Module, cloned by postMessage with its machine code): the
  // pool's workers instantiate it instead of compiling their own (pool.js).
  engineModule() {
    return { module: E.wasmModule };
  },
  // What the hash's compare or sweep runs (engine.js variantPlan): the pool trains the runs' hashes.
  // A refusal rejects the request with the engine's message.
  variantPlan({ hash, sweep }) {
    const { ok, error, code, args, ...plan } = E.variantPlan(hash, sweep);
    if (!ok) throw engineError({ error, code, args });
    return plan;
  },
  // nearest (the page's first load): a refused link builds the nearest network it allows, and
  // `dropped` names each key dropped with why (engine: loadNearest). refuse (a control's edit):
  // when the engine finds any value invalid nothing is loaded and `refused` lists why; the hash
  // the page edits is canonical, so every issue comes from the edit.
  async load({ hash, nearest = false, refuse = false }) {
    if (refuse) {
      const p = E.parseHash(hash);
      if (p.errors.length) return { refused: p.errors };
    }
    if (!S) S = E.createSession('');
    const r = nearest ? S.loadNearest(hash) : S.load(hash);
    const out = {
      loadOk: r.ok,
      loadError: engineMessage(r), // a message value (engine-error.js); '' when loaded
      errors: r.errors,
      unknownKeys: r.unknownKeys,
      dropped: r.dropped || [],
      pointsError: r.pointsError || '', // the user's data could not follow the new network (a message)
    };
    if (!S.loaded) return { ...out, hash: '', config: null };
    return { ...out, ...snapshot() };
  },
  // the hot path: worker-frame.js
  frame(args) {
    return frames.frame(S, args);
  },
  neuronGrid(args) {
    return frames.neuronGrid(S, args);
  },
  // the loss landscape, a few plane rows per request (worker-landscape.js)
  landscape(args) {
    const t0 = performance.now();
    const r = land.landscape(S, args);
    frames.lend(performance.now() - t0); // training makes room for it (worker-frame.js restMs)
    return r;
  },
  landscapeProject(args) {
    return land.project(S, args);
  },
  lossLine(args) {
    return land.lossLine(S, args);
  },
  // The weights move to a point (alpha, beta) of plane `plane` (an id: `id` names the request);
  // the page applies them as an edit.
  landscapeMove(args) {
    land.move(S, args);
    return { params: S.params().slice(), metrics: S.metrics() };
  },
  trace({ test = false, index = 0 }) {
    return { trace: S.trace(test, index), params: S.params().slice(), metrics: S.metrics() };
  },
  gradCheck() {
    return S.gradCheck();
  },
  health() {
    const t0 = performance.now(),
      layers = S.health();
    return { layers, ms: performance.now() - t0 };
  },
  setWeight({ layer, to, from, value }) {
    S.setWeight(layer, to, from, value);
    return { params: S.params().slice(), metrics: S.metrics() };
  },
  setBias({ layer, neuron, value }) {
    S.setBias(layer, neuron, value);
    return { params: S.params().slice(), metrics: S.metrics() };
  },
  // Live training keys (optimizer and its parameters, learning rate, stop conditions, display
  // flags) without a reset. {applied: false, errors} when a value is invalid (nothing changes);
  // {applied: false, why} when the hash differs in other keys too (the page then reloads).
  // (Not "ok"/"error": those name the reply's own success in the protocol.)
  setTraining({ hash }) {
    const p = E.parseHash(hash);
    if (p.errors.length) return { applied: false, errors: p.errors };
    const r = S.setTraining(hash);
    if (!r.ok) return { applied: false, why: r.error };
    return { applied: true, hash: S.hash(), config: S.config(), metrics: S.metrics() };
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
      try {
        out[name] = E.datasetPreview(h);
      } catch {
        out[name] = null; // the picker shows that dataset without points
      }
    }
    return out;
  },

  // The seven features' grids (for thumbnails of features that are switched off).
  featureGrids({ N, keys }) {
    const h =
      'networkShape=&' +
      keys.map((k) => `${k}=true`).join('&') +
      '&' +
      E.catalog()
        .features.map((f) => f.key)
        .filter((k) => !keys.includes(k))
        .map((k) => `${k}=false`)
        .join('&');
    const s = E.createSession(h);
    if (!s.lastLoad.ok) throw new Error(s.lastLoad.error);
    const grid = s.evalGrid(N).slice(0, keys.length * N * N);
    s.dispose();
    return { grid, _transfer: [grid.buffer] };
  },
  // The CSV's input columns (the first two the plot's axes) and label; the engine may build a new
  // network for them and says what changed.
  loadCsv({ text, cols, clabel }) {
    const r = S.loadCsvColumns(text, cols, clabel);
    if (!r.ok) throw engineError(r);
    return { ...snapshot(), changed: r.changed };
  },
  csvPreview({ text, maxRows = 5 }) {
    return { preview: E.csvPreview(text, maxRows) }; // its own ok/error: not the reply's
  },
  // Column data: the values the plot holds the off-axis columns at; the grid is made again.
  setSlice({ values }) {
    S.setSlice(values);
    return { slice: S.slice() };
  },
  // Column data: the plot's two columns; the points and the grid follow.
  setAxes({ x, y }) {
    S.setAxes(x, y);
    return snapshot();
  },
  // User points, flat [x1, x2, label, ...]: replace the data (weights kept); on error the old stay.
  setPoints({ points }) {
    const r = S.setPoints(points);
    if (!r.ok) throw engineError(r);
    return snapshot();
  },
  exportCode({ format }) {
    const r = S.exportCode(format);
    if (!r.ok) throw engineError(r); // e.g. a script for column data: the engine says why
    return { text: r.text, points: r.points, predictions: r.predictions };
  },
  modelJson() {
    return { text: S.modelJson() };
  },
  // A saved model replaces config, data and weights; on error the old session stays.
  loadModelJson({ text }) {
    const r = S.loadModelJson(text);
    if (!r.ok) throw engineError(r);
    return { loadOk: true, errors: [], unknownKeys: [], ...snapshot() };
  },
};

serve(handlers, enginePromise, (type) => {
  if (!READ_ONLY.has(type)) {
    // the session may change: no stale losses, half pass or half plane after it
    frames.forget();
    land.forget();
  }
});
