// controls.js: the controls around the network: the top bar (play, step, reset, speed, learning
// rate, activation, regularization, problem), the data controls (the dataset picker with its
// thumbnails, train/test ratio, noise, batch size, test data, discretize), the palette and theme,
// the keyboard shortcuts, the gradient check button. Each control edits one hash key through
// page.change (page-state.js); syncControls shows the config in force.
import { Heatmap } from './views/heatmap.js';
import { drawLegend } from './views/axes-legend.js';
import { palette } from './views/colors.js';
import { SPEEDS } from './frame-plan.js';
import { setKeys } from './hash.js';
import { message } from './messages.js';
import { t } from './i18n.js';
import { yieldToPage } from './yield.js';

const $ = (id) => document.getElementById(id);

// A dataset's name in the page's language (the catalog's key dataset.<key>); the engine's label for
// a dataset the catalogs do not name yet.
const datasetName = (d) => (t(`dataset.${d.key}`) === `dataset.${d.key}` ? d.label : t(`dataset.${d.key}`));
const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
/** Wires the controls; returns what other modules call. */
export function initControls(page) {
  const { st, client, net, chart, options } = page;
  async function loadPreviews() {
    // which datasets exist, their names, problem and classes: the engine's catalog
    // display names are the page's (web/i18n/), the engine's label the fallback for a new one
    const kinds = page.datasetsOf(st.config.problem).map((d) => [d.key, datasetName(d), d.classes]);
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
    // first frame, or everything under it moves (a layout shift). The same datasets keep their
    // buttons, place and focus; a new language renames them.
    const box = $('datasets');
    if (box.dataset.for !== pickerKey(kinds)) buildDatasetPicker(kinds);
    else kinds.forEach(([, label], i) => nameDataset(box.children[i], label));
    const generation = ++previewsAsked;
    await page.firstDrawn;
    const pts = await client.call('previews', { hashes });
    // one thumbnail per task: drawn together they made one long task on a slow phone (Lighthouse)
    for (const b of box.children) {
      await yieldToPage();
      if (generation !== previewsAsked) return; // newer data asked for its own
      const k = b.dataset.key,
        K = kinds.find((x) => x[0] === k)?.[2];
      if (pts[k]) drawThumb(b.firstChild, pts[k], K);
    }
  }
  let previewsAsked = 0;
  // what the picker's buttons were built for: the problem (their click sets dataset or regDataset) and the keys
  const pickerKey = (kinds) => `${st.config.problem}:${kinds.map((x) => x[0]).join()}`;
  const drawThumb = (c, pts, K) =>
    new Heatmap(c, { size: 48 }).drawPoints(pts, { palette: st.palette, dark: st.dark, kind: page.kindOf(K) });

  function buildDatasetPicker(kinds) {
    const box = $('datasets');
    const focused = box.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    box.replaceChildren();
    box.dataset.for = pickerKey(kinds);
    const key = st.config.problem === 'regression' ? 'regDataset' : 'dataset';
    for (const [k, label, K] of kinds) {
      const b = document.createElement('button');
      b.className = 'dataset';
      b.setAttribute('role', 'radio');
      b.setAttribute('aria-checked', String(st.config[key] === k));
      nameDataset(b, label);
      b.dataset.key = k;
      const c = document.createElement('canvas');
      c.width = c.height = 48;
      b.appendChild(c);
      b.onclick = () => page.change({ [key]: k, ...page.fitting(st.config, K) });
      box.appendChild(b);
      if (k === focused) b.focus(); // a rebuilt picker keeps the keyboard's place
    }
  }

  function nameDataset(b, label) {
    b.setAttribute('aria-label', t('data.datasetAria', { name: label }));
    b.title = label;
  }

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
  const fillSpeeds = () =>
    fillSelect(
      $('speed'),
      SPEEDS.map((s) => s.value),
      (v) => t(SPEEDS.find((s) => s.value === v).label),
    );
  fillSpeeds();

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
    $('speed').value = page.speedOf();
    $('accuracyRow').hidden = c.problem === 'regression';
    const dsKey = c.problem === 'regression' ? c.regDataset : c.dataset; // checked now, thumbnails later
    for (const b of $('datasets').children) b.setAttribute('aria-checked', String(b.dataset.key === dsKey));
    const hidden = new Set(c.hidden);
    for (const e of document.querySelectorAll('[data-control]')) e.hidden = hidden.has(e.dataset.control);
    // TF Playground's hideText hides the article under the playground; ours is the footer's help
    document.querySelector('.footer').hidden = !!c.hideText;
    // embed=true: the plot and the top bar's controls only, sized for an iframe (style.css)
    document.body.classList.toggle('embed', !!c.embed);
    $('openFull').href = `./#${st.hash.replace(/(^|&)embed=true/, '')}`;
    options.sync(c);
  }

  $('learningRate').onchange = (e) => page.change({ learningRate: e.target.value }); // live, without a reset
  for (const id of ['activation', 'regularization', 'regularizationRate'])
    $(id).onchange = (e) => page.change({ [id]: e.target.value });
  // With your own data loaded the points stay: the new problem's dataset key becomes "custom" too
  // (regression fits their labels as values; classification reads them as classes, and the engine
  // refuses, saying which point, labels that are not), and the page says what changed.
  $('problem').onchange = async (e) => {
    const p = e.target.value;
    const c = st.config;
    const own = (c.problem === 'regression' ? c.regDataset : c.dataset) === 'custom';
    const kv = { problem: p };
    if (own) {
      kv[p === 'regression' ? 'regDataset' : 'dataset'] = 'custom';
      if (p === 'regression') Object.assign(kv, { classes: 2, classNames: '' }); // classification's
    }
    const K = own && p !== 'regression' ? 2 : page.classesOf(p, kv.dataset ?? c.dataset);
    await page.change({ ...kv, ...page.fitting(c, K) });
    const what = c.columns > 0 ? t('msg.keptColumns', { n: c.columns }) : t('msg.keptPoints');
    if (own && st.config.problem === p)
      message(
        p === 'regression'
          ? t('msg.toRegression', { what, names: c.classNames.length ? t('msg.namesDropped') : '' })
          : t('msg.toClassification', { what }),
        'info',
        'problem-switch',
      );
  };
  for (const id of ['percTrainData', 'noise', 'batchSize']) {
    $(id).oninput = (e) => {
      $(`${id}Out`).textContent = e.target.value;
    };
    $(id).onchange = (e) => page.change({ [id]: e.target.value });
  }
  $('showTestData').onchange = (e) => page.change({ showTestData: e.target.checked });
  $('discretize').onchange = (e) => page.change({ discretize: e.target.checked });
  $('colorblind').onchange = (e) => {
    st.palette = e.target.checked ? 'colorblind' : 'default';
    localStorage.setItem('bp-palette', st.palette);
    redrawStatic();
  };
  $('speed').onchange = (e) => page.change({ speed: e.target.value }); // live: the weights stay
  $('play').onclick = () => page.setPlaying(!st.playing);
  $('step').onclick = () => page.step({ epochs: 1 });
  $('stepBatch').onclick = () => page.step({ batches: 1 });

  $('reset').onclick = () => page.resetNetwork();
  $('regenerate').onclick = async () => {
    const seed = String(Math.floor(Math.random() * 90000) + 10000);
    page.apply(await client.call('regenerate', { seed })); // new data, same network
  };
  $('newSeed').onclick = () => page.change({ seed: String(Math.floor(Math.random() * 90000) + 10000) });

  // Radio groups (datasets, the class of new points): the arrow keys choose the next or previous
  // one, as the ARIA radio group pattern has it.
  document.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    const radio = step && e.target.closest && e.target.closest('[role="radio"]');
    const group = radio && radio.closest('[role="radiogroup"]');
    if (!group) return;
    e.preventDefault();
    const all = [...group.querySelectorAll('[role="radio"]')].filter((r) => !r.disabled && !r.hidden);
    const next = all[(all.indexOf(radio) + step + all.length) % all.length];
    next.focus();
    next.click();
  });
  // The page's keys (space, right arrow, r) act only when no control has the focus: a focused
  // button, radio group, link or weight list keeps its own keys (space presses a button, arrows
  // move within a group).
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const interactive =
      'input, select, textarea, button, a[href], summary, [role], [tabindex], [contenteditable], dialog';
    if (e.target.closest && e.target !== document.body && e.target.closest(interactive)) return;
    if (e.key === ' ') {
      e.preventDefault();
      if (!$('play').closest('[hidden]')) page.setPlaying(!st.playing);
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      page.step(e.shiftKey ? { batches: 1 } : { epochs: 1 });
    } else if (e.key === 'r') {
      $('reset').click();
    }
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
    st.dark = e.matches;
    redrawStatic();
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.replace(/^#/, '') !== st.hash) page.load(location.hash, { fromUser: true });
  });

  // The point-class buttons name and show the palette's two end colours.
  const CLASS_NAMES = {
    default: ['colour.blue', 'colour.orange'],
    colorblind: ['colour.purple', 'colour.brownOrange'],
  };
  function paintClassButtons() {
    const p = palette(st.palette),
      [pos, neg] = (CLASS_NAMES[st.palette] || CLASS_NAMES.default).map((k) => t(k));
    document.documentElement.style.setProperty('--cls-pos', p.pos);
    document.documentElement.style.setProperty('--cls-neg', p.neg);
    $('classPos').textContent = `${pos} +1`;
    $('classPos').setAttribute('aria-label', t('data.classAria', { colour: pos, label: '+1' }));
    $('classNeg').textContent = `${neg} −1`;
    $('classNeg').setAttribute('aria-label', t('data.classAria', { colour: neg, label: '-1' }));
  }

  function redrawStatic() {
    paintClassButtons();
    net.setTheme(st.palette, st.dark);
    drawLegend($('legend'), st.palette, st.dark);
    if (st.config) {
      loadPreviews();
      page.loadFeatureGrids();
    }
    // the charts read the theme's colours when they draw: draw them now, not at the next update
    if (st.health) page.drawHealthNow();
    chart.draw();
    st.dirty = true;
  }

  $('gradCheck').onclick = async () => {
    $('gradCheckOut').textContent = t('out.checking');
    try {
      const r = await client.call('gradCheck');
      $('gradCheckOut').textContent = t('out.gradCheckResult', {
        error: r.maxRelError.toExponential(2),
        where: r.where,
        checked: r.checked,
        skipped: r.skipped ? t('out.gradCheckSkipped', { n: r.skipped }) : '',
      });
    } catch (e) {
      $('gradCheckOut').textContent = t('out.gradCheckFailed', { error: e.message });
    }
  };
  // A new language: the menus and buttons whose words are made here
  page.hooks.lang.push(() => {
    fillSpeeds();
    if (st.config) {
      $('speed').value = page.speedOf();
      loadPreviews();
    }
    paintClassButtons();
    if (st.health) page.drawHealthNow(); // the gradient chart's words are drawn into it
  });
  return { syncControls, loadPreviews, redrawStatic, paintClassButtons };
}
