// app.js: the page's controller. State is the URL hash: every control edits one key, the engine's
// codec (in the worker) validates and canonicalises it, and the canonical hash goes back into the
// address bar. Training runs in the worker; each animation frame asks it for one frame's work
// (train, then every neuron's grid) and draws the answer, so input stays responsive.
import { EngineClient } from './engine-client.js';
import { setKey, setKeys, dropKey } from './hash.js';
import { NetworkView } from './views/network.js';
import { Heatmap, heatmapStats } from './views/heatmap.js';
import { drawAxes, drawLegend } from './views/axes-legend.js';
import { LossChart } from './views/losschart.js';
import { drawHealth } from './views/health.js';
import { pixelToData } from './views/heatmap.js';
import { palette } from './views/colors.js';
import { OptionsPanel, fitsKind, layerActsFor } from './panels/options.js';
import { ClassPanel } from './panels/classes.js';
import { initDataEdit } from './panels/data-edit.js';
import { GRID_SIDE, SPEEDS, VIEW_MS, NETWORK_MAX_MS, MaxPacer, gridPlan, playWork } from './frame-plan.js';
import { initHints } from './hints.js';
import { message, clearMessage } from './messages.js';
import { exposeForTests } from './test-hook.js';

const $ = (id) => document.getElementById(id);
const N = GRID_SIDE;
const UI_MAX_LAYERS = 8,
  UI_MAX_NEURONS = 16; // the +/- buttons stop here (engine: 16 x 256)
const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
// Display names of the generated datasets; which datasets exist, their problem and classes come
// from the engine's catalog.
const DATASET_LABELS = {
  circle: 'Circle',
  xor: 'Exclusive or',
  gauss: 'Gaussian',
  spiral: 'Spiral',
  blobs3: '3 blobs (softmax)',
  blobs4: '4 blobs (softmax)',
  blobs5: '5 blobs (softmax)',
  spiral3: '3-arm spiral (softmax)',
  'reg-plane': 'Plane',
  'reg-gauss': 'Multi gaussian',
};

const kindOf = (K) => (K === 0 ? 'regression' : K >= 3 ? 'multiclass' : 'binary');
const client = new EngineClient();
// What the engine offers (datasets, features, losses and outputs per problem kind, the keys it
// applies to a running session without a reset): asked once, before the first network.
let cat = null;
const catalog = client.call('catalog').then((c) => {
  cat = { ...c, live: new Set(c.liveKeys) };
  options.setCatalog(cat);
  return cat;
});
const datasetsOf = (problem) => cat.datasets.filter((d) => d.problem === problem);
const classesOf = (problem, dataset) =>
  problem === 'regression' ? 0 : (cat.datasets.find((d) => d.key === dataset)?.classes ?? 2);
const fitting = (c, K) => fitsKind(c, cat.kinds[kindOf(K)]);
const st = {
  hash: '',
  config: null,
  layers: [],
  features: [],
  train: null,
  test: null,
  params: null,
  grid: null,
  spare: null,
  paramsPool: [],
  drawnParams: null,
  rows: 0,
  metrics: null,
  playing: false,
  inflight: false,
  dirty: true,
  lastChartEpoch: -1,
  palette: localStorage.getItem('bp-palette') || 'default',
  dark: matchMedia('(prefers-color-scheme: dark)').matches,
  loading: null,
  pendingStep: null,
};
exposeForTests(st); // window.playground: what tests and benchmarks may read (test-hook.js)

const net = new NetworkView($('network'), {
  toggleFeature: (key) => change({ [key]: !st.config[key] }),
  editWeight: (l, to, from, v) => edit('setWeight', { layer: l, to, from, value: v }),
  editBias: (l, j, v) => edit('setBias', { layer: l, neuron: j, value: v }),
  addNeuron: (li, d) => {
    const s = st.config.networkShape.slice();
    s[li] = Math.max(1, Math.min(UI_MAX_NEURONS, s[li] + d));
    change({ networkShape: s.join(',') });
  },
  selectLink: (link) => stepper?.select(link),
  neuronGrid: (row, N) => client.call('neuronGrid', { row, N }).then((r) => r.grid),
  addLayer: (d) => {
    const s = st.config.networkShape.slice();
    if (d > 0 && s.length < UI_MAX_LAYERS) s.push(2);
    if (d < 0) s.pop();
    const kv = { networkShape: s.join(',') };
    if (st.config.layerActivations.length > s.length) kv.layerActivations = layerActsFor(st.config, s.length);
    change(kv);
  },
});
const outMap = new Heatmap($('output'), { size: 300 });
// The step-through panel loads with the other panels after the first frame (loadPanels), or when
// step mode is asked for first.
let stepper = null;
const loadStepper = () =>
  import('./views/stepthrough.js').then(
    ({ StepThrough }) => (stepper ||= new StepThrough($('stepPanel'), { net, getState: () => st })),
  );
const chart = new LossChart($('lossChart'), {});
const options = new OptionsPanel($('optionsBody'), { change: (kv) => change(kv) });
const classPanel = new ClassPanel($('classMetrics'), $('legend'));
const hints = initHints({ st, message, clearMessage, change: (kv) => change(kv), reset: () => resetNetwork() });

// ---------- loading a hash ----------
// An unknown key as shown in a message: URL text is untrusted and may hold invisible bytes or be
// long, so control characters become \xNN, the bidi controls (which reorder the text around them:
// "zz ,exe.txt") \uNNNN, and it is cut at 40 characters (textContent only).
function shownKey(k) {
  const s = k
    .replace(
      /[\u0000-\u001f\u007f-\u009f]/g,
      (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .replace(
      /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  return s === '' ? '(empty key)' : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
// The first load (no network yet) builds the nearest network a refused link allows: the engine
// drops the keys that stop it (r.dropped, each with why) and the user's link stays in the address
// bar. refuse (a control's edit): a value the engine refuses changes nothing, not even the
// network; the control shows the value in force again.
async function load(hash, { fromUser = false, refuse = false } = {}) {
  if (!/(^|&)seed=/.test(hash.replace(/^#/, '')))
    hash = setKey(hash, 'seed', String(Math.floor(Math.random() * 90000) + 10000));
  const first = !st.config;
  const r = await client.call('load', { hash, nearest: first, refuse });
  if (r.refused) {
    r.refused.forEach((e, i) =>
      message(`Not applied: ${e.message}${inForce(e.key)}`, 'warn', `cfg-${e.key || `#${i}`}`),
    );
    syncControls();
    return false;
  }
  // One message per key (a later load replaces it); hash-wide errors have no key: one each.
  r.errors.forEach((e, i) => message(`Ignored ${e.message}`, 'warn', `cfg-${e.key || `#${i}`}`));
  if (r.unknownKeys.length)
    message(
      `Ignored unknown settings: ${r.unknownKeys.slice(0, 8).map(shownKey).join(', ')}${r.unknownKeys.length > 8 ? ', …' : ''}`,
      'warn',
      'unknown',
    );
  if (!r.loadOk) {
    message(
      `Could not build this network: ${r.loadError}.${first ? '' : ' The previous network is kept.'}`,
      'error',
      'load',
    );
    if (first) return false;
    history.replaceState(null, '', `#${st.hash}`);
    syncControls(); // the control the user changed shows the setting in force again
    return false;
  }
  clearMessage('load');
  clearMessage('diverged');
  // the worked example is there to be stepped through: its link opens the step panel (the
  // engine's canonical hash names the preset; the config value object does not carry it)
  const worked = (h) => /(^|&)preset=worked-example(&|$)/.test(h || '');
  const opensWorked = worked(r.hash) && !worked(st.config && st.hash);
  apply(r);
  if (opensWorked && !st.step) setStepMode(true);
  r.dropped.forEach((e) =>
    message(
      `Dropped from this link so that a network can be built (the default is used): ${e.message}`,
      'warn',
      `cfg-${e.key}`,
    ),
  );
  if (r.dropped.length) history.replaceState(null, '', `#${hash.replace(/^#/, '')}`); // the user's link, not the nearest one
  if (
    fromUser &&
    (r.config.networkShape.some((n) => n > UI_MAX_NEURONS) || r.config.networkShape.length > UI_MAX_LAYERS)
  )
    message(
      `This network is larger than the page draws comfortably (${UI_MAX_LAYERS} layers of ${UI_MAX_NEURONS}); it works, but may be slow to draw.`,
      'info',
      'big',
    );
  return true;
}

// " (dropout stays 0.2)": what a refused edit leaves in force, for keys the config names.
function inForce(key) {
  const v = st.config && st.config[key];
  return v === undefined || v === null ? '' : ` (${key} stays ${Array.isArray(v) ? v.join(',') || 'empty' : v})`;
}

function apply(r) {
  const structureChanged =
    !st.config ||
    JSON.stringify(r.layers) !== JSON.stringify(st.layers) ||
    JSON.stringify(r.features) !== JSON.stringify(st.features) ||
    JSON.stringify(r.config.hidden) !== JSON.stringify(st.config.hidden);
  const dataChanged =
    !st.config ||
    r.config.seed !== st.config.seed ||
    r.config.noise !== st.config.noise ||
    r.config.problem !== st.config.problem;
  st.hash = r.hash;
  st.config = r.config;
  st.layers = r.layers;
  st.features = r.features;
  st.train = r.train;
  st.test = r.test;
  st.params = r.params;
  st.metrics = r.metrics;
  history.replaceState(null, '', `#${st.hash}`);
  syncControls();
  if (structureChanged) {
    net.setTheme(st.palette, st.dark);
    net.setStructure(featureList(), st.layers, {
      maxLayers: UI_MAX_LAYERS,
      maxNeurons: UI_MAX_NEURONS,
      hideLayerControls: st.config.hidden.includes('numHiddenLayers'),
    });
    loadFeatureGrids();
  }
  if (dataChanged) loadPreviews();
  chart.clear();
  st.lastChartEpoch = -1;
  st.dirty = true;
  st.healthDue = true;
  if (st.step) refreshTrace();
  else net.annotate(null);
  for (const f of hooks.apply) f(r);
}
// Panels (web/panels/) listen here: after every new engine state, and when play turns to pause.
const hooks = { apply: [], pause: [] };

// The seven inputs in the engine's order; "<feature>_hide" hides one from the view only (an active
// hidden feature still feeds the network, as in TensorFlow Playground).
function featureList() {
  return cat.features.map((f) => ({ ...f, active: !!st.config[f.key], hidden: st.config.hidden.includes(f.key) }));
}
async function loadFeatureGrids() {
  const shown = featureList().filter((f) => !f.hidden); // the view's feature column
  if (!shown.length) return;
  const r = await client.call('featureGrids', { N, keys: shown.map((f) => f.key) });
  net.setFeatureGrids(r.grid, N);
}

async function loadPreviews() {
  const kinds = datasetsOf(st.config.problem).map((d) => [d.key, DATASET_LABELS[d.key] || d.key, d.classes]);
  const hashes = {};
  for (const [k] of kinds) {
    const key = st.config.problem === 'regression' ? 'regDataset' : 'dataset';
    hashes[k] = setKeys('networkShape=1', {
      problem: st.config.problem,
      [key]: k,
      noise: st.config.noise,
      seed: st.config.seed,
    });
  }
  // the buttons at once (their thumbnails follow): the picker's height must not change after the
  // first frame, or everything under it moves (a layout shift)
  if ($('datasets').children.length !== kinds.length) buildDatasetPicker(kinds, {});
  const pts = await client.call('previews', { hashes });
  buildDatasetPicker(kinds, pts);
}

function buildDatasetPicker(kinds, pts) {
  const box = $('datasets');
  box.replaceChildren();
  const key = st.config.problem === 'regression' ? 'regDataset' : 'dataset';
  for (const [k, label, K] of kinds) {
    const b = document.createElement('button');
    b.className = 'dataset';
    b.setAttribute('role', 'radio');
    b.setAttribute('aria-checked', String(st.config[key] === k));
    b.setAttribute('aria-label', `${label} dataset`);
    b.dataset.key = k;
    b.title = label;
    const c = document.createElement('canvas');
    c.width = c.height = 48;
    b.appendChild(c);
    if (pts[k])
      new Heatmap(c, { size: 48 }).drawPoints(pts[k], { palette: st.palette, dark: st.dark, kind: kindOf(K) });
    b.onclick = () => change({ [key]: k, ...fitting(st.config, K) });
    box.appendChild(b);
  }
}

// ---------- controls ----------
function fillSelect(sel, values, fmt = String) {
  sel.replaceChildren(
    ...values.map((v) => {
      const o = document.createElement('option');
      o.value = String(v);
      o.textContent = fmt(v);
      return o;
    }),
  );
}
fillSelect($('learningRate'), LEARNING_RATES);
fillSelect($('regularizationRate'), REG_RATES);
fillSelect(
  $('speed'),
  SPEEDS.map((s) => s.value),
  (v) => SPEEDS.find((s) => s.value === v).label,
);

function selectValue(sel, v) {
  const s = String(v);
  if (![...sel.options].some((o) => o.value === s)) {
    const o = document.createElement('option');
    o.value = s;
    o.textContent = s;
    sel.appendChild(o);
  }
  sel.value = s;
}

function syncControls() {
  const c = st.config;
  selectValue($('learningRate'), c.learningRate);
  selectValue($('regularizationRate'), c.regularizationRate);
  $('activation').value = c.activation;
  $('regularization').value = c.regularization;
  $('problem').value = c.problem;
  $('percTrainData').value = c.percTrainData;
  $('percTrainDataOut').textContent = String(c.percTrainData);
  $('noise').value = c.noise;
  $('noiseOut').textContent = String(c.noise);
  $('batchSize').max = String(Math.max(30, c.batchSize));
  $('batchSize').value = c.batchSize;
  $('batchSizeOut').textContent = String(c.batchSize);
  $('showTestData').checked = c.showTestData;
  $('discretize').checked = c.discretize;
  $('colorblind').checked = st.palette === 'colorblind';
  $('speed').value = speedOf();
  $('accuracyRow').hidden = c.problem === 'regression';
  const hidden = new Set(c.hidden);
  for (const e of document.querySelectorAll('[data-control]')) e.hidden = hidden.has(e.dataset.control);
  // TF Playground's hideText hides the article under the playground; ours is the footer's help
  document.querySelector('.footer').hidden = !!c.hideText;
  options.sync(c);
}

// A change of model keys reloads the network (as in TensorFlow Playground); display keys do not.
// Live keys go to the running session (no reset); an invalid value is refused with a message and
// the controls show the value in force again.
async function change(kv) {
  // User points belong to dataset=custom: picking a generated dataset leaves them out of the hash.
  const generated = [kv.dataset, kv.regDataset].some((d) => d !== undefined && d !== 'custom');
  const next = setKeys(generated ? dropKey(st.hash, 'points') : st.hash, kv);
  const { live } = await catalog;
  if (Object.keys(kv).every((k) => live.has(k))) {
    const r = await client.call('setTraining', { hash: next });
    if (r.applied) {
      st.hash = r.hash;
      st.config = r.config;
      st.metrics = r.metrics;
      history.replaceState(null, '', `#${st.hash}`);
      for (const k of Object.keys(kv)) clearMessage(`cfg-${k}`);
      if (st.playing && ('stopEpoch' in kv || 'stopTestLoss' in kv)) armStops(); // a new limit counts from now
      syncControls();
      st.dirty = true;
      return;
    }
    if (r.errors) {
      r.errors.forEach((e, i) => message(`Not applied: ${e.message}`, 'warn', `cfg-${e.key || `#${i}`}`));
      syncControls();
      return;
    }
  }
  await load(next, { refuse: true });
}
// Weight and bias edits apply to the running network (no reload, nothing else changes).
async function edit(type, args) {
  try {
    const r = await client.call(type, args);
    st.params = r.params;
    st.metrics = r.metrics;
    st.dirty = true;
    st.healthDue = true;
    if (st.step) refreshTrace();
  } catch (e) {
    message(`Could not set that value: ${e.message}`, 'error', 'edit');
  }
}

$('learningRate').onchange = (e) => change({ learningRate: e.target.value }); // live, without a reset
for (const id of ['activation', 'regularization', 'regularizationRate'])
  $(id).onchange = (e) => change({ [id]: e.target.value });
$('problem').onchange = (e) => {
  const p = e.target.value;
  change({ problem: p, ...fitting(st.config, classesOf(p, st.config.dataset)) });
};
for (const id of ['percTrainData', 'noise', 'batchSize']) {
  $(id).oninput = (e) => {
    $(`${id}Out`).textContent = e.target.value;
  };
  $(id).onchange = (e) => change({ [id]: e.target.value });
}
$('showTestData').onchange = (e) => change({ showTestData: e.target.checked });
$('discretize').onchange = (e) => change({ discretize: e.target.checked });
$('colorblind').onchange = (e) => {
  st.palette = e.target.checked ? 'colorblind' : 'default';
  localStorage.setItem('bp-palette', st.palette);
  redrawStatic();
};
$('speed').onchange = (e) => change({ speed: e.target.value }); // live: the weights stay
$('play').onclick = () => setPlaying(!st.playing);
$('step').onclick = () => step({ epochs: 1 });
$('stepBatch').onclick = () => step({ batches: 1 });
async function resetNetwork() {
  setPlaying(false);
  clearMessage('diverged');
  apply({ ...(await client.call('reset')), errors: [] });
}
$('reset').onclick = resetNetwork;
$('regenerate').onclick = async () => {
  const seed = String(Math.floor(Math.random() * 90000) + 10000);
  apply(await client.call('regenerate', { seed })); // new data, same network
};
$('newSeed').onclick = () => change({ seed: String(Math.floor(Math.random() * 90000) + 10000) });

function setPlaying(on) {
  if (on && !st.config) return; // no network (the engine built none, not even the nearest): nothing to play
  if (on && st.step) setStepMode(false);
  if (on && !st.playing) armStops();
  const paused = st.playing && !on;
  st.playing = on;
  if (paused) client.call('pause'); // Max trains between frames in the worker: stop it now
  if (paused) st.dirty = true; // one more draw, paused: every view shows the last values (VIEW_MS)
  pacer.restart();
  st.rate = null;
  setText('rate', '');
  if (paused) for (const f of hooks.pause) f();
  $('play').textContent = on ? '❚❚' : '▶';
  $('play').setAttribute('aria-label', on ? 'Pause (space)' : 'Play (space)');
  $('play').classList.toggle('playing', on);
}
// Stop conditions fire when play crosses them: pressing play again past them goes on training.
function armStops() {
  clearMessage('stop');
  const m = st.metrics || { epoch: 0, testLoss: Infinity };
  st.stops = { epoch: m.epoch < (st.config.stopEpoch || 0), loss: !(m.testLoss < (st.config.stopTestLoss || 0)) };
}
function checkStops(m) {
  const c = st.config,
    s = st.stops;
  if (!st.playing || !s) return;
  if (s.epoch && c.stopEpoch > 0 && m.epoch >= c.stopEpoch) {
    setPlaying(false);
    message(
      `Paused at epoch ${m.epoch}: the "stop at epoch" condition (${c.stopEpoch}) was reached. Play continues past it.`,
      'info',
      'stop',
    );
  } else if (s.loss && c.stopTestLoss > 0 && m.testLoss < c.stopTestLoss) {
    setPlaying(false);
    message(
      `Paused at epoch ${m.epoch}: test loss ${fmtLoss(m.testLoss)} fell below the "stop when test loss <" value (${c.stopTestLoss}).`,
      'info',
      'stop',
    );
  }
}
// While playing towards a stop epoch, a frame never trains past it.
function capAtStop(work) {
  const c = st.config,
    e = st.metrics ? st.metrics.epoch : 0;
  if (!work || !work.epochs || !st.stops || !st.stops.epoch || !(c.stopEpoch > e)) return work;
  return { ...work, epochs: Math.min(work.epochs, c.stopEpoch - e) };
}
function step(work) {
  setPlaying(false);
  st.pendingStep = work;
}

document.addEventListener('keydown', (e) => {
  if (e.target.closest && e.target.closest('input, select, textarea')) return;
  if (e.key === ' ') {
    e.preventDefault();
    if (!$('play').closest('[hidden]')) setPlaying(!st.playing);
  } else if (e.key === 'ArrowRight') {
    e.preventDefault();
    step(e.shiftKey ? { batches: 1 } : { epochs: 1 });
  } else if (e.key === 'r' && !e.ctrlKey && !e.metaKey) {
    $('reset').click();
  }
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
  st.dark = e.matches;
  redrawStatic();
});
window.addEventListener('hashchange', () => {
  if (location.hash.replace(/^#/, '') !== st.hash) load(location.hash, { fromUser: true });
});

// The point-class buttons name and show the palette's two end colours.
const CLASS_NAMES = { default: ['Blue', 'Orange'], colorblind: ['Purple', 'Brown-orange'] };
function paintClassButtons() {
  const p = palette(st.palette),
    [pos, neg] = CLASS_NAMES[st.palette] || CLASS_NAMES.default;
  document.documentElement.style.setProperty('--cls-pos', p.pos);
  document.documentElement.style.setProperty('--cls-neg', p.neg);
  $('classPos').textContent = `${pos} +1`;
  $('classPos').setAttribute('aria-label', `${pos}, label +1`);
  $('classNeg').textContent = `${neg} −1`;
  $('classNeg').setAttribute('aria-label', `${neg}, label -1`);
}

function redrawStatic() {
  paintClassButtons();
  net.setTheme(st.palette, st.dark);
  drawLegend($('legend'), st.palette, st.dark);
  if (st.config) {
    loadPreviews();
    loadFeatureGrids();
  }
  // the charts read the theme's colours when they draw: draw them now, not at the next update
  if (st.health) drawHealthNow();
  chart.draw();
  st.dirty = true;
}

// ---------- step-through, gradient check, gradient health, hints ----------
async function refreshTrace() {
  const n = st.train.length / 3;
  if (!n) return;
  st.tracePoint =
    st.tracePoint && st.tracePoint.index < (st.tracePoint.test ? st.test.length / 3 : n)
      ? st.tracePoint
      : { test: false, index: 0 };
  const { test, index } = st.tracePoint;
  const pts = test ? st.test : st.train;
  const r = await client.call('trace', { test, index });
  st.trace = r.trace;
  stepper.setTrace(r.trace, { test, index, x1: pts[3 * index], x2: pts[3 * index + 1], label: pts[3 * index + 2] });
  redraw(); // the ring on the traced point
}
async function setStepMode(on) {
  if (on && !stepper) await loadStepper();
  if (on && st.editing) dataEdit.setEditing(false);
  st.step = on;
  $('stepThrough').setAttribute('aria-pressed', String(on));
  $('stepPanel').hidden = !on;
  net.selectMode = on;
  if (on) {
    setPlaying(false);
    stepper.phase = 0;
    refreshTrace();
  } else {
    net.annotate(null);
    stepper?.select(null);
    redraw(); // without the ring
  }
}
$('stepThrough').onclick = () => setStepMode(!st.step);
$('stClose').onclick = () => setStepMode(false);
$('stNext').onclick = () => stepper?.move(+1);
$('stPrev').onclick = () => stepper?.move(-1);
$('stNextPoint').onclick = () => {
  const n = (st.tracePoint && st.tracePoint.test ? st.test : st.train).length / 3;
  st.tracePoint = {
    test: !!(st.tracePoint && st.tracePoint.test),
    index: ((st.tracePoint ? st.tracePoint.index : -1) + 1) % n,
  };
  refreshTrace();
};
$('output').addEventListener('click', (ev) => {
  if (!st.step) return;
  const rect = ev.currentTarget.getBoundingClientRect();
  const { x, y } = pixelToData(ev.clientX - rect.left, ev.clientY - rect.top, rect.width, rect.height);
  let best = null;
  const scan = (pts, test) => {
    for (let i = 0; i < pts.length; i += 3) {
      const d = Math.hypot(pts[i] - x, pts[i + 1] - y);
      if (!best || d < best.d) best = { d, test, index: i / 3 };
    }
  };
  scan(st.train, false);
  if (st.config.showTestData) scan(st.test, true);
  if (best && best.d < 0.6) {
    st.tracePoint = { test: best.test, index: best.index };
    refreshTrace();
  }
});
$('gradCheck').onclick = async () => {
  $('gradCheckOut').textContent = 'checking…';
  try {
    const r = await client.call('gradCheck');
    $('gradCheckOut').textContent =
      `worst relative error ${r.maxRelError.toExponential(2)} at ${r.where} ` +
      `(${r.checked} parameters checked${r.skipped ? `, ${r.skipped} skipped at a kink` : ''}; float32 backprop vs float64 finite differences)`;
  } catch (e) {
    $('gradCheckOut').textContent = `gradient check failed: ${e.message}`;
  }
};
async function updateHealth() {
  st.healthDue = false;
  const r = await client.call('health');
  st.health = r.layers;
  drawHealthNow();
  hints();
}
function drawHealthNow() {
  drawHealth(
    $('health'),
    st.health,
    st.layers.map((l) => l.activation),
  );
}
// ---------- the frame loop ----------
// The pace while playing (the `speed` key): fixed epochs per frame, one batch per frame, or Max
// (the worker trains between frames, as much of the time as keeps the page drawing: frame-plan.js).
const pacer = new MaxPacer();
function speedOf() {
  return (st.config && st.config.speed) || '1';
}

// Pipelined: each animation frame first sends the next request (when none is out), then draws the
// newest answer, so the worker trains and evaluates frame n+1 while the page draws frame n. Answers
// update the state in the order they arrive (so an edit's answer is never overwritten by an older
// frame) and are drawn at the next animation frame. One request at most is out, and a new one
// waits for an animation frame since the last, so "k epochs per frame" keeps its meaning. Two grid
// buffers alternate: st.grid (shown) and the one lent to the worker; weight buffers the page no
// longer holds go back too (st.paramsPool). st.inflight: a request is out
// or its answer is not drawn yet (the tests wait for it to clear).
// Budgets (frame-plan.js): the worker trains at most a budget per played frame, less when its loss
// pass and grid need more of the frame (then reports what it did); the grid side shrinks for big
// networks; the network view bounds its own drawing (links, thumbnails: views/network.js).
function perfRec() {
  // read by bench/page-frames.mjs (it resets st.perf to null); ms summed over frames
  return (
    st.perf ||
    (st.perf = {
      ticks: 0,
      frames: 0,
      answers: 0,
      train: 0,
      metrics: 0,
      grid: 0,
      roundTrip: 0,
      colour: 0,
      draw: 0,
      samples: 0,
      capped: 0,
    })
  );
}

function request() {
  let work = null;
  if (st.pendingStep) {
    work = st.pendingStep;
    st.pendingStep = null;
  } else if (st.playing) {
    work = capAtStop(playWork(speedOf(), pacer));
  } else if (!st.dirty) return;
  st.dirty = false;
  st.tick = false;
  st.req = st.inflight = true;
  const buffer = st.spare,
    paramsBuffer = st.paramsPool.pop(),
    sent = performance.now();
  st.spare = null;
  const lent = [buffer, paramsBuffer].filter(Boolean).map((b) => b.buffer);
  const g = gridPlan(st.layers),
    keep = [st.features.length, st.layers.at(-1).nOut];
  client.call('frame', { ...(work || {}), grid: g.N, gridRows: g.rows, keep, buffer, paramsBuffer }, lent).then(
    (r) => received(r, work, sent),
    (e) => {
      st.req = false;
      st.inflight = !!st.fresh;
      setPlaying(false);
      message(`The engine failed: ${e.message}`, 'error', 'engine');
    },
  );
}

// Weight buffers the page no longer holds, lent back to the worker (see worker.js, frame).
function recycleParams(p) {
  if (p && p.length && st.params && p.length === st.params.length && p !== st.params && st.paramsPool.length < 2)
    st.paramsPool.push(p);
}

function received(r, work, sent) {
  st.req = false;
  const undrawn = st.params !== st.drawnParams ? st.params : null;
  if (r.grid) {
    st.spare = st.grid;
    st.grid = r.grid;
  }
  st.rows = r.rows;
  st.N = r.N;
  st.packed = r.packed; // progressive: the grid holds the feature and output rows only
  st.params = r.params;
  recycleParams(undrawn); // an answer never drawn: nobody holds its weights
  st.metrics = r.metrics;
  st.lastTiming = r.timing;
  st.fresh = st.inflight = true;
  const pf = perfRec();
  pf.answers++;
  pf.train += r.timing.train;
  pf.metrics += r.timing.metrics || 0;
  pf.grid += r.timing.grid;
  pf.roundTrip += performance.now() - sent;
  pf.samples += r.trained || 0;
  pf.capped += r.capped ? 1 : 0;
  st.frames = (st.frames || 0) + 1;
  if (st.healthDue || (st.playing && st.frames % 20 === 0) || (work && !st.playing)) updateHealth();
  if (r.metrics.diverged || !Number.isFinite(r.metrics.trainLoss) || !Number.isFinite(r.metrics.testLoss)) {
    setPlaying(false);
    message(
      'Training diverged: the loss became NaN or Infinity, so training stopped; the weights shown are the last finite ones. The learning rate is probably too high: lower it, then press reset (↺).',
      'error',
      'diverged',
    );
  }
  if (work && st.step) refreshTrace();
  checkStops(r.metrics);
  if (st.tick) request(); // an animation frame has passed since the last request: no need to wait
}

function drawFresh() {
  st.fresh = false;
  const pf = perfRec(),
    c0 = heatmapStats.colourMs,
    t0 = performance.now();
  if (redraw()) {
    // the weights drawn before these are held by nobody now (the view holds st.params): lent to
    // the worker for the next frame's weights
    if (st.drawnParams !== st.params) recycleParams(st.drawnParams);
    st.drawnParams = st.params;
  }
  pf.draw += performance.now() - t0;
  pf.colour += heatmapStats.colourMs - c0;
  pf.frames++;
  if (st.firstDrawMs === undefined) st.firstDrawMs = performance.now(); // since navigation: bench/page-speed.mjs
  if (st.playing) {
    pacer.drawn(performance.now());
    showRate();
  }
  st.inflight = st.req;
}

// Draws the last frame's results again (a changed marker or mode), or for the first time
// (drawFresh); false when there is nothing to draw or drawing failed (the page says why).
function redraw() {
  if (!st.metrics || !st.grid) return false;
  try {
    draw();
    return true;
  } catch (e) {
    setPlaying(false);
    message(`The page could not draw this network: ${e.message}`, 'error', 'draw');
    return false;
  }
}

// Epochs per second while playing, next to the epoch counter, refreshed twice a second.
function showRate() {
  const now = performance.now(),
    e = st.metrics.epoch;
  if (!st.rate) st.rate = { t: now, e };
  else if (now - st.rate.t >= 500) {
    const r = ((e - st.rate.e) * 1000) / (now - st.rate.t);
    setText('rate', `${r >= 100 ? Math.round(r).toLocaleString('en') : r.toFixed(1)} epochs/s`);
    st.rate = { t: now, e };
  }
}

function fmtLoss(v) {
  return Number.isFinite(v) ? v.toFixed(3) : String(v);
}

// A text write that changes nothing still makes the browser lay the page out again.
function setText(id, text) {
  const e = $(id);
  if (e.textContent !== text) e.textContent = text;
}

// Whether view `name` is due a redraw (VIEW_MS while playing; always when paused).
const viewAt = {};
function due(name) {
  const now = performance.now();
  if (st.playing && now - (viewAt[name] || 0) < VIEW_MS[name]) return false;
  viewAt[name] = now;
  return true;
}

function draw() {
  const c = st.config,
    m = st.metrics,
    G = st.N,
    P = G * G;
  if (c.speed !== 'max' || due('numbers')) {
    setText(
      'epoch',
      String(m.epoch)
        .padStart(6, '0')
        .replace(/\B(?=(\d{3})+(?!\d))/g, ','),
    );
    setText('testLoss', fmtLoss(m.testLoss));
    setText('trainLoss', fmtLoss(m.trainLoss));
    setText('testAcc', m.testAccuracy >= 0 ? `${(m.testAccuracy * 100).toFixed(1)}%` : '–');
  }
  // stale: a big network's last finished losses; lossEpoch: the epoch they belong to (worker.js)
  const lossEpoch = m.lossEpoch !== undefined ? m.lossEpoch : m.epoch;
  if (lossEpoch !== st.lastChartEpoch && !m.stale) {
    chart.push(lossEpoch, m.trainLoss, m.testLoss);
    st.lastChartEpoch = lossEpoch;
    st.chartPushes = (st.chartPushes || 0) + 1; // read by the browser tests
  }
  if (due('chart')) chart.draw();
  const K = c.numClasses >= 3 ? c.numClasses : 1;
  const first = st.packed ? st.packed.F : st.rows - K;
  const values =
    K === 1
      ? st.grid.subarray(first * P, (first + 1) * P)
      : Array.from({ length: K }, (_, k) => st.grid.subarray((first + k) * P, (first + k + 1) * P));
  const opts = { palette: st.palette, dark: st.dark, discretize: c.discretize, numClasses: c.numClasses };
  const withTest = c.showTestData || st.editing,
    mark = st.step && stepper?.point;
  // What is drawn over the picture: when it is as last drawn, an unchanged picture (a settled or
  // slow network) is not drawn again at all.
  const over = [st.train, st.test, withTest, mark ? `${mark.x1},${mark.x2}` : ''];
  const sameOver = !!st.drawnOver && over.every((v, i) => v === st.drawnOver[i]);
  st.drawnOver = over;
  if (outMap.draw(values, G, { ...opts, skipSame: sameOver })) {
    const sets = withTest
      ? [
          [st.train, false],
          [st.test, true],
        ]
      : [[st.train, false]];
    outMap.drawPointSets(sets, { ...opts, kind: kindOf(c.numClasses) });
    outMap.marked = null;
    if (mark) outMap.drawMarker(mark.x1, mark.x2);
    st.marked = outMap.marked;
  }
  net.setMinInterval(st.playing && c.speed === 'max' ? NETWORK_MAX_MS : 0);
  net.update(st.params, st.grid, G, { discretize: c.discretize, packed: st.packed });
  if (due('classes')) classPanel.render(m, { palette: st.palette, dark: st.dark });
  if (G !== st.shownN) {
    st.shownN = G;
    if (G < N)
      message(
        `This network is large: its heatmaps are computed on a ${G} x ${G} grid (not ${N} x ${N})${st.packed ? ', a few rows per frame,' : ''} so that every frame stays short.`,
        'info',
        'grid-res',
      );
    else clearMessage('grid-res');
  }
}

function loop() {
  requestAnimationFrame(loop);
  if (!st.config) return;
  st.tick = true;
  perfRec().ticks++;
  if (!st.req) request();
  if (st.fresh) drawFresh();
  else if (net.behind) net.catchUp(); // thumbnails left over by the per-frame drawing budget
}

// ---------- start ----------
client.onfatal = (e) =>
  message(`${e.message}. This browser may not support WebAssembly SIMD or module workers.`, 'error', 'engine');
drawAxes($('axes'), 300);
drawLegend($('legend'), st.palette, st.dark);
paintClassButtons();
const panelCtx = {
  st,
  client,
  chart,
  message,
  clearMessage,
  apply,
  setPlaying,
  load: (hash) => load(hash),
  onApply: (f) => hooks.apply.push(f),
  onPause: (f) => hooks.pause.push(f),
};
const dataEdit = initDataEdit(panelCtx);
// Panels the first frame does not need (CSV import, export, runs, step-through) load after it has
// been drawn, so they do not delay the first heatmap; body[data-panels="ready"] says they are wired.
function loadPanels() {
  Promise.all([
    import('./panels/csv-import.js'),
    import('./panels/export.js'),
    import('./panels/runs.js'),
    loadStepper(),
  ])
    .then(([csv, exp, runs]) => {
      csv.initCsv(panelCtx);
      exp.initExport(panelCtx);
      runs.initRuns(panelCtx);
      document.body.dataset.panels = 'ready';
    })
    .catch((e) => message(`A panel could not load: ${e.message}`, 'error', 'panels'));
}
function afterFirstDraw(f) {
  if (st.drawnParams) setTimeout(f, 0);
  else requestAnimationFrame(() => afterFirstDraw(f));
}
catalog
  .then(() => load(location.hash, { fromUser: true }))
  .then(() => {
    requestAnimationFrame(loop);
    afterFirstDraw(loadPanels);
  });
