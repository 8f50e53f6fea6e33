// app.js: the page's boot and wiring. State is the URL hash: every control edits one key, the
// engine's codec (in the worker) validates and canonicalises it, and the canonical hash goes back
// into the address bar. Training runs in the worker; each animation frame asks it for one frame's
// work (train, then every neuron's grid) and draws the answer, so input stays responsive.
// This file makes the state object (st), the engine client, the views and the panels, and hands
// them to the page's rooms through one context object, `page`: page-state.js (load, apply,
// change), controls.js (the top bar, data controls, dataset picker), frame-loop.js (request,
// received, draw), play.js (play, steps, stops), step-mode.js (the step-through). Each room's
// functions are put on `page` by its init function, and the rooms call each other through it.
import { EngineClient } from './engine-client.js';
import { NetworkView } from './views/network.js';
import { Heatmap } from './views/heatmap.js';
import { drawAxes, drawLegend } from './views/axes-legend.js';
import { LossChart } from './views/losschart.js';
import { OptionsPanel, fitsKind, kindOf, layerActsFor } from './panels/options.js';
import { ClassPanel } from './panels/classes.js';
import { initDataEdit } from './panels/data-edit.js';
import { initSlice } from './panels/slice.js';
import { initHints } from './hints.js';
import { message, clearMessage } from './messages.js';
import { exposeForTests } from './test-hook.js';
import { initState, UI_MAX_LAYERS, UI_MAX_NEURONS } from './page-state.js';
import { initControls } from './controls.js';
import { initFrameLoop } from './frame-loop.js';
import { registerOffline } from './offline.js';
import { initPlay } from './play.js';
import { initStepMode } from './step-mode.js';
import { initLang } from './page-lang.js';
import { t } from './i18n.js';
import { initLatePanels } from './late-panels.js';

const $ = (id) => document.getElementById(id);
// The context the rooms share: the objects made here, then each room's functions (init* below).
const page = { cat: null };
const client = new EngineClient();
// What the engine offers (datasets, features, losses and outputs per problem kind, the keys it
// applies to a running session without a reset): asked once, before the first network.
const catalog = client.call('catalog').then((c) => {
  page.cat = { ...c, live: new Set(c.liveKeys) };
  options.setCatalog(page.cat);
  return page.cat;
});
const datasetsOf = (problem) => page.cat.datasets.filter((d) => d.problem === problem);
const classesOf = (problem, dataset) =>
  problem === 'regression'
    ? 0
    : dataset === 'custom'
      ? (st.config?.classes ?? 2) // the user's points: the "classes" key
      : (page.cat.datasets.find((d) => d.key === dataset)?.classes ?? 2);
const fitting = (c, K) => fitsKind(c, page.cat.kinds[kindOf(K)]);
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
exposeForTests(st, { loadPanels: () => page.loadPanels() }); // window.playground: what tests and benchmarks may read (test-hook.js)

const net = new NetworkView($('network'), {
  toggleFeature: (key) => page.change({ [key]: !st.config[key] }),
  editWeight: (l, to, from, v) => page.edit('setWeight', { layer: l, to, from, value: v }),
  editBias: (l, j, v) => page.edit('setBias', { layer: l, neuron: j, value: v }),
  addNeuron: (li, d) => {
    const s = st.config.networkShape.slice();
    s[li] = Math.max(1, Math.min(UI_MAX_NEURONS, s[li] + d));
    page.change({ networkShape: s.join(',') });
  },
  selectLink: (link) => page.stepper?.select(link),
  neuronGrid: (row, N) => client.call('neuronGrid', { row, N }).then((r) => r.grid),
  addLayer: (d) => {
    const s = st.config.networkShape.slice();
    if (d > 0 && s.length < UI_MAX_LAYERS) s.push(2);
    if (d < 0) s.pop();
    const kv = { networkShape: s.join(',') };
    if (st.config.layerActivations.length > s.length) kv.layerActivations = layerActsFor(st.config, s.length);
    page.change(kv);
  },
});
const outMap = new Heatmap($('output'), { size: 300 });
const chart = new LossChart($('lossChart'), {});
const options = new OptionsPanel($('optionsBody'), { change: (kv) => page.change(kv) });
const classPanel = new ClassPanel($('classMetrics'), $('legend'));
const hints = initHints({
  st,
  message,
  clearMessage,
  change: (kv) => page.change(kv),
  reset: () => page.resetNetwork(),
});
// Panels (web/panels/) listen here: after every new engine state (apply), after any change of the
// config (config: a new state or a live key), after each frame's answer (frame, with its metrics),
// when play turns to pause, and after a change of the page's language (lang: redraw composed text).
const hooks = { apply: [], config: [], frame: [], pause: [], lang: [] };
Object.assign(page, { st, client, catalog, net, outMap, chart, options, classPanel, hints, hooks });
Object.assign(page, { kindOf, datasetsOf, classesOf, fitting, stepper: null, dataEdit: null });
Object.assign(page, initState(page), initControls(page), initFrameLoop(page), initPlay(page), initStepMode(page));
Object.assign(page, initLang(page));
hooks.lang.push(() => options.relabel());
hooks.lang.push(() => classPanel.relabel());

// ---------- start ----------
client.onfatal = (e) => message(() => t('msg.fatal', { error: e.message }), 'error', 'engine');
drawAxes($('axes'), 300);
// the legend measures its canvas: in the first frame, where the page is laid out anyway, rather
// than forcing a layout of the half-built page here
requestAnimationFrame(() => drawLegend($('legend'), st.palette, st.dark));
page.paintClassButtons();
const panelCtx = {
  st,
  client,
  chart,
  message,
  clearMessage,
  apply: (r) => page.apply(r),
  edit: (type, args) => page.edit(type, args),
  setPlaying: (on) => page.setPlaying(on),
  load: (hash) => page.load(hash),
  change: (kv) => page.change(kv),
  fitting: (c, K) => page.fitting(c, K),
  onApply: (f) => hooks.apply.push(f),
  onPause: (f) => hooks.pause.push(f),
  onConfig: (f) => hooks.config.push(f),
  onFrame: (f) => hooks.frame.push(f),
  onLang: (f) => hooks.lang.push(f),
  kindOf,
  catalog,
};
page.dataEdit = initDataEdit(panelCtx);
initSlice(panelCtx, $('sliceNote'));
// Panels the first frame does not need load when first needed (late-panels.js): the runs panel
// right after the first frame, the others when used or about to be seen; the step-through when
// step mode is first asked for (step-mode.js).
const late = initLatePanels(panelCtx, {
  onError: (e) => message(() => t('msg.panelFailed', { error: e.message }), 'error', 'panels'),
});
page.loadPanels = late.loadAll;
// What the first picture does not need (dataset thumbnails, the inactive features' pictures, the
// late panels) waits for it: the worker answers in order, and these would queue before the first
// frame. The frame loop resolves it when a picture has been drawn.
page.firstDrawn = new Promise((resolve) => (page.drawn = resolve));
// Lessons (web/lessons/) load when first asked for: the Lessons button, or a link with `lesson=`
// or `tutorial=` (which may name one); a visitor who never opens them downloads none of their
// code or words.
let lessons = null;
const openLessons = () =>
  (lessons ||= import('./lessons/lesson-mode.js').then((m) => m.initLessons(page, { message, clearMessage })))
    .then((l) => l.open())
    .catch((e) => message(`The lessons could not load: ${e.message}`, 'error', 'lessons'));
$('lessons').onclick = () => (st.config?.lesson ? page.change({ lesson: '', step: 1 }) : openLessons());
hooks.config.push(() => {
  if (!lessons && (st.config.lesson || st.config.tutorial)) openLessons();
});
catalog
  .then(() => page.load(location.hash, { fromUser: true }))
  .then(() => {
    page.wake();
    page.firstDrawn.then(() => {
      late.loadEarly();
      registerOffline();
    });
  });
