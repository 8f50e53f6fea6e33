// data-edit.js: "your own points" on the output plot. With "Edit points" on, a click adds a point of
// the chosen class (2 to 8 classes, the "classes" key; two classes: shift gives the other one;
// regression: the chosen value, shift: its negative),
// a drag paints points, alt-click removes the nearest point; Undo and Clear act on whole edits.
// Pointer events, so touch and pen work too. The engine owns the data: every edit sends the whole
// point list (setPoints, weights kept) and draws what the engine answers; the hash then carries the
// points (up to the engine's link limit). The first edit of a generated dataset starts from its
// current points; undoing that edit reloads the generated dataset's hash.
import { engineText, t } from '../i18n.js';
import { pixelToData } from '../views/heatmap.js';
import { kindOfConfig } from './options.js';
import { classCss } from '../views/colors.js';

const PAINT_STEP = 0.35; // data units between painted points: a drag leaves a trail, not a blob
const REMOVE_RADIUS = 0.5;
const MAX_UNDO = 50;

const round2 = (v) => Math.round(Math.max(-6, Math.min(6, v)) * 100) / 100;

/** Whether config's active dataset is the user's own (regression has its own dataset key). */
export const isCustom = (c) => (c.problem === 'regression' ? c.regDataset : c.dataset) === 'custom';

/**
 * Warns when the user's data is not in the URL: points too many for it (the engine leaves points=
 * out), column data (links carry only its column count), class names that do not fit.
 */
export function noteLink(ctx, r) {
  const columns = (r.config && isCustom(r.config) && r.config.columns) || 0;
  const rows = r.train ? (r.train.length + (r.test || []).length) / 3 : 0;
  if (columns > 0 && rows > 0) ctx.message(() => t('data.linkNoColumns', { columns, rows }), 'warn', 'points-link');
  else if (r.config && isCustom(r.config) && r.custom && r.custom.length > 0 && !/(^|&)points=/.test(r.hash))
    ctx.message(() => t('data.linkTooMany'), 'warn', 'points-link');
  else ctx.clearMessage('points-link');
  // A link that names the user's data but could not carry it (too many points when it was made);
  // not while the user is editing (clearing every point is their own doing).
  if (
    !ctx.st.editing &&
    r.config &&
    isCustom(r.config) &&
    (!r.custom || r.custom.length === 0) &&
    r.train &&
    r.train.length === 0
  )
    ctx.message(
      () => (columns > 0 ? t('data.linkNeedsColumns', { columns }) : t('data.linkNoPoints')),
      'warn',
      'points-empty',
    );
  else ctx.clearMessage('points-empty');
  // Names the data gave (the legend shows them) that the link could not hold exactly.
  const names = r.metrics && r.metrics.confusion && r.metrics.confusion.names;
  if (r.config && isCustom(r.config) && names && names.length && !(r.config.classNames || []).length)
    ctx.message(() => t('data.namesNotInLink'), 'info', 'names-link');
  else ctx.clearMessage('names-link');
}

export function initDataEdit(ctx) {
  const { st, client, message } = ctx;
  const $ = (id) => document.getElementById(id);
  const canvas = $('output');
  const undo = [];
  let stroke = null;
  let custom = null; // the engine's custom points (flat), from its latest snapshot

  const kind = () => kindOfConfig(st.config);
  // The list an edit starts from: the user's own points in their order (so the engine's split of
  // the old points stays put), or a generated dataset's current points.
  function current() {
    if (isCustom(st.config) && custom) return Array.from(custom);
    return [...st.train, ...st.test].map((v, i) => (i % 3 === 2 ? v : round2(v)));
  }
  function labelFor(ev) {
    if (kind() === 'regression') {
      const v = Number($('pointValue').value);
      return ev.shiftKey ? -v : v;
    }
    if (st.config.numClasses >= 3) return chosenClass;
    const pos = $('classPos').getAttribute('aria-checked') === 'true';
    return pos !== ev.shiftKey ? 1 : -1;
  }

  async function send(points) {
    try {
      const r = await client.call('setPoints', { points });
      ctx.apply(r);
      noteLink(ctx, r);
      ctx.clearMessage('points');
      return true;
    } catch (e) {
      message(() => t('data.pointsRefused', { error: engineText(e) }), 'error', 'points');
      return false;
    }
  }
  // While a drag paints, at most one setPoints is in flight and only the latest list follows it.
  let latest = null,
    sending = false,
    editOk = false;
  function submit(points) {
    latest = points;
    if (!sending) pump();
  }
  async function pump() {
    sending = true;
    while (latest) {
      const pts = latest;
      latest = null;
      if (await send(pts)) editOk = true;
      else {
        latest = stroke = null; // stop painting; an edit that never took leaves no undo step
        if (!editOk) undo.pop();
      }
    }
    sending = false;
    updateButtons();
  }

  function pushUndo() {
    undo.push({ hash: st.hash, custom: isCustom(st.config), points: current() });
    editOk = false;
    if (undo.length > MAX_UNDO) undo.shift();
  }
  function dataAt(ev) {
    const rect = canvas.getBoundingClientRect();
    const p = pixelToData(ev.clientX - rect.left, ev.clientY - rect.top, rect.width, rect.height);
    return { x: round2(p.x), y: round2(p.y) };
  }

  canvas.addEventListener('pointerdown', (ev) => {
    if (!st.editing || st.step || ev.button !== 0) return;
    ev.preventDefault();
    const { x, y } = dataAt(ev);
    const base = current();
    if (ev.altKey) {
      let best = -1,
        bd = REMOVE_RADIUS;
      for (let i = 0; i < base.length; i += 3) {
        const d = Math.hypot(base[i] - x, base[i + 1] - y);
        if (d < bd) {
          bd = d;
          best = i;
        }
      }
      if (best < 0) return;
      pushUndo();
      base.splice(best, 3);
      submit(base);
      return;
    }
    pushUndo();
    canvas.setPointerCapture(ev.pointerId);
    const label = labelFor(ev);
    stroke = { points: [...base, x, y, label], x, y, label, id: ev.pointerId };
    submit(stroke.points.slice());
  });
  canvas.addEventListener('pointermove', (ev) => {
    if (!stroke || ev.pointerId !== stroke.id) return;
    const { x, y } = dataAt(ev);
    if (Math.hypot(x - stroke.x, y - stroke.y) < PAINT_STEP) return;
    stroke.points.push(x, y, stroke.label);
    Object.assign(stroke, { x, y });
    submit(stroke.points.slice());
  });
  const end = (ev) => {
    if (stroke && ev.pointerId === stroke.id) stroke = null;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);

  function setEditing(on) {
    if (on && st.features[0]?.column) {
      message(() => t('data.noPaintColumns', { n: st.features.length }), 'warn', 'points');
      return;
    }
    st.editing = on;
    if (on && st.step) $('stClose').click();
    $('editPoints').setAttribute('aria-pressed', String(on));
    $('editBar').hidden = !on;
    canvas.classList.toggle('editing', on);
    st.dirty = true;
    updateButtons();
  }
  // The class buttons: two classes keep the value scale's two ends (+1 / -1); K >= 3 one button
  // per class, in the class palette the generated multi-class sets use.
  let chosenClass = 0,
    builtFor = '';
  function buildClassButtons() {
    const K = st.config.numClasses;
    const key = `${K}|${st.palette}`;
    if (key === builtFor) return;
    builtFor = key;
    const box = $('classButtons');
    box.replaceChildren();
    $('classPos').hidden = $('classNeg').hidden = K >= 3;
    if (K < 3) return;
    chosenClass = Math.min(chosenClass, K - 1);
    for (let k = 0; k < K; k++) {
      const b = document.createElement('button');
      b.className = 'cls';
      b.setAttribute('role', 'radio');
      b.setAttribute('aria-checked', String(k === chosenClass));
      b.setAttribute('aria-label', t('cls.class', { k }));
      b.dataset.cls = String(k);
      b.textContent = String(k);
      b.style.background = classCss(st.palette, k);
      b.onclick = () => {
        chosenClass = k;
        for (const o of box.children) o.setAttribute('aria-checked', String(o === b));
      };
      box.appendChild(b);
    }
  }
  // A new number of classes: the points become the user's own (a generated set's current points
  // first), then the engine rebuilds with classes=K; it refuses (and says why) when a point's class
  // does not fit.
  async function setClasses(K) {
    if (!isCustom(st.config)) {
      pushUndo();
      if (!(await send(current()))) return undo.pop();
    }
    // a new number of classes: the old names (a CSV's words) no longer name them
    await ctx.change({ classes: K, classNames: '', ...ctx.fitting(st.config, K) });
  }
  function updateButtons() {
    const reg = st.config && st.config.problem === 'regression';
    $('classPicker').hidden = reg;
    $('classCount').hidden = reg;
    if (st.config) {
      $('classCountSel').value = String(st.config.numClasses || 2);
      buildClassButtons();
    }
    $('valuePicker').hidden = !reg;
    $('undoPoints').disabled = undo.length === 0;
  }
  function pickClass(pos) {
    $('classPos').setAttribute('aria-checked', String(pos));
    $('classNeg').setAttribute('aria-checked', String(!pos));
  }

  ctx.onApply((r) => {
    custom = r.custom || null;
    // The dataset picker is rebuilt only when seed, noise or problem change: no thumbnail is the
    // user's own data.
    if (isCustom(st.config))
      for (const b of document.querySelectorAll('#datasets .dataset')) b.setAttribute('aria-checked', 'false');
    if (st.editing && st.features[0]?.column) setEditing(false);
    updateButtons();
    noteLink(ctx, r);
  });
  $('editPoints').onclick = () => setEditing(!st.editing);
  $('classPos').onclick = () => pickClass(true);
  $('classNeg').onclick = () => pickClass(false);
  $('classCountSel').onchange = (e) => setClasses(Number(e.target.value));
  $('pointValue').oninput = (e) => {
    $('pointValueOut').textContent = Number(e.target.value).toFixed(1);
  };
  $('undoPoints').onclick = async () => {
    const u = undo.pop();
    if (!u) return;
    if (u.custom) await send(u.points);
    else await ctx.load(u.hash); // back to the generated dataset, exactly as the URL was
    updateButtons();
  };
  $('clearPoints').onclick = async () => {
    pushUndo();
    if (!(await send([]))) undo.pop();
    updateButtons();
  };
  return { setEditing, updateButtons };
}
