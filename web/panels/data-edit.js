// data-edit.js: "your own points" on the output plot. With "Edit points" on, a click adds a point of
// the chosen class (shift: the other class; regression: the chosen value, shift: its negative),
// a drag paints points, alt-click removes the nearest point; Undo and Clear act on whole edits.
// Pointer events, so touch and pen work too. The engine owns the data: every edit sends the whole
// point list (setPoints, weights kept) and draws what the engine answers; the hash then carries the
// points (up to the engine's link limit). The first edit of a generated dataset starts from its
// current points; undoing that edit reloads the generated dataset's hash.
import { pixelToData } from '../views/heatmap.js';
import { kindOfConfig } from './options.js';

const PAINT_STEP = 0.35; // data units between painted points: a drag leaves a trail, not a blob
const REMOVE_RADIUS = 0.5;
const MAX_UNDO = 50;

const round2 = (v) => Math.round(Math.max(-6, Math.min(6, v)) * 100) / 100;

/** Whether config's active dataset is the user's own (regression has its own dataset key). */
export const isCustom = (c) => (c.problem === 'regression' ? c.regDataset : c.dataset) === 'custom';

/** Warns when the user's points are too many for the URL (the engine leaves points= out). */
export function noteLink(ctx, r) {
  if (r.config && isCustom(r.config) && r.custom && r.custom.length > 0 && !/(^|&)points=/.test(r.hash))
    ctx.message(
      'Too many points for a link: the URL keeps the network but not these points. Export CSV to share the data.',
      'warn',
      'points-link',
    );
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
      'This link uses your own data (dataset=custom) but carries no points: import the CSV it was made from, or click the plot to add points.',
      'warn',
      'points-empty',
    );
  else ctx.clearMessage('points-empty');
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
      message(`Those points were not used: ${e.message}. Your data is unchanged.`, 'error', 'points');
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
    if (kind() === 'multiclass') {
      message(
        'Your own points work for two classes and for regression; multi-class datasets (3 or more classes) take no custom points. Pick a two-class dataset first.',
        'warn',
        'points',
      );
      return;
    }
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
    if (on && st.config.numClasses >= 3) {
      message(
        'Your own points work for two classes and for regression; this dataset has 3 or more classes. Pick a two-class dataset or switch to regression first.',
        'warn',
        'points',
      );
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
  function updateButtons() {
    const reg = st.config && st.config.problem === 'regression';
    $('classPicker').hidden = reg;
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
    if (st.editing && st.config.numClasses >= 3) setEditing(false);
    updateButtons();
    noteLink(ctx, r);
  });
  $('editPoints').onclick = () => setEditing(!st.editing);
  $('classPos').onclick = () => pickClass(true);
  $('classNeg').onclick = () => pickClass(false);
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
    if (kind() === 'multiclass') return setEditing(true);
    pushUndo();
    if (!(await send([]))) undo.pop();
    updateButtons();
  };
  return { setEditing, updateButtons };
}
