// runs.js: the "Runs" panel. "Save run" (and, when the box is ticked, every pause after at least one
// epoch) stores the config hash, final losses, epoch, the loss curve, a 48 x 48 boundary thumbnail
// and, when small enough, the model JSON (weights). The list shows them newest first; ticked runs
// have their test-loss curves overlaid; Restore loads a run (with its weights when stored); Delete
// removes it. Storage problems are reported and never touch the page's current state.
import { engineText, t as tr } from '../i18n.js'; // t is a text element here
import { RunStore, subsample, sameState, MAX_RUNS, MAX_MODEL_CHARS } from './runs-store.js';
import { drawRunCurves, runSwatch } from '../views/runchart.js';

const THUMB = 48;
const AUTO_KEY = 'bp-runs-auto';

function thumbnail(src) {
  const c = document.createElement('canvas');
  c.width = c.height = THUMB;
  c.getContext('2d').drawImage(src, 0, 0, THUMB, THUMB);
  return c.toDataURL('image/png');
}
const fmtLoss = (v) => (Number.isFinite(v) ? v.toFixed(3) : v == null ? '–' : String(v)); // JSON turns NaN into null

export function initRuns(ctx) {
  const { st, client, message } = ctx;
  const $ = (id) => document.getElementById(id);
  const store = new RunStore();
  const selected = new Set();
  let lastAuto = null; // {id, hash, epoch}: a later pause of the same training updates that run

  let applied = 0; // counts new engine states (load, reset, edits): a capture must not mix two
  ctx.onApply(() => applied++);

  function snapshot() {
    const m = st.metrics,
      c = st.config,
      ch = ctx.chart;
    return {
      hash: st.hash,
      epoch: m.epoch,
      trainLoss: m.trainLoss,
      testLoss: m.testLoss,
      testAccuracy: m.testAccuracy,
      // in the language of the moment it was saved (it is stored with the run)
      summary: `${c.problem === 'regression' ? c.regDataset : c.dataset} · ${c.networkShape.join('-') || tr('runs.noHidden')} · ${c.activation} · ${tr('runs.rate', { rate: c.learningRate })}`,
      curve: subsample(ch.epoch, ch.train, ch.test, ch.length),
      thumb: thumbnail($('output')),
    };
  }
  // Resolves once the frame the worker was computing at the pause has come back and been drawn.
  function settled(maxFrames = 90) {
    return new Promise((resolve) => {
      const check = (n) => ((!st.req && !st.fresh) || n <= 0 ? resolve() : requestAnimationFrame(() => check(n - 1)));
      check(maxFrames);
    });
  }
  async function capture(auto) {
    // The weights are asked for at once, so the request is answered before a reset or load that
    // may follow; the rest is read after the last frame landed, unless a new state came meanwhile.
    // A model JSON spends at least two characters per parameter ("0,"): a network too large to be
    // kept is not written at all (16 x 256: 12 MB of text, seconds of the engine's time, then dropped).
    const keepable = st.params && 2 * st.params.length <= MAX_MODEL_CHARS;
    const modelReply = keepable
      ? client.call('modelJson').then(
          (r) => r.text,
          () => undefined,
        )
      : Promise.resolve(undefined);
    const gen = applied,
      before = snapshot();
    await settled();
    const snap = applied === gen ? snapshot() : before;
    const model = await modelReply; // without it the run is still worth keeping (its settings)
    const reuse = auto && lastAuto && lastAuto.hash === snap.hash && snap.epoch >= lastAuto.epoch;
    // a state already stored (saved on pause, then "Save run") updates its entry; saved by hand
    // once, it stays marked so
    const same = store.list().find((r) => sameState(r, { ...snap, model }));
    return {
      id: same ? same.id : reuse ? lastAuto.id : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`,
      time: Date.now(),
      ...snap,
      model,
      auto: auto && (!same || same.auto),
    };
  }
  async function save(auto) {
    if (!st.config || !st.metrics) return;
    try {
      const run = await capture(auto);
      const r = store.save(run);
      if (auto) lastAuto = { id: run.id, hash: run.hash, epoch: run.epoch };
      if (!run.model) message(() => tr('runs.noWeights'), 'info', 'runs');
      else if (r.droppedModels) message(() => tr('runs.storageFull', { n: r.droppedModels }), 'warn', 'runs');
      else if (!auto) ctx.clearMessage('runs');
      selected.add(run.id);
      render();
    } catch (e) {
      message(() => tr('runs.notSaved', { error: e.message }), 'error', 'runs');
    }
  }

  async function restore(run) {
    ctx.setPlaying(false);
    try {
      if (run.model) {
        const r = await client.call('loadModelJson', { text: run.model });
        ctx.apply(r);
        message(() => tr('runs.restored', { epoch: run.epoch }), 'info', 'runs');
      } else if (await ctx.load(run.hash)) {
        message(() => tr('runs.restoredSettings'), 'info', 'runs');
      }
    } catch (e) {
      message(() => tr('runs.restoreFailed', { error: engineText(e) }), 'error', 'runs');
    }
  }

  function row(run, i, shown) {
    const li = document.createElement('li');
    li.className = 'run';
    li.dataset.id = run.id;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = selected.has(run.id);
    box.setAttribute('aria-label', tr('runs.compare.aria', { n: i + 1, summary: run.summary }));
    box.onchange = () => {
      if (box.checked) selected.add(run.id);
      else selected.delete(run.id);
      render();
    };
    // A div with the picture as background (role img): stored text never becomes an element or a
    // URL other than a well-formed PNG data URL.
    const img = document.createElement('div');
    img.className = 'run-thumb';
    img.setAttribute('role', 'img');
    img.setAttribute('aria-label', tr('runs.thumb.aria', { n: i + 1 }));
    if (typeof run.thumb === 'string' && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(run.thumb))
      img.style.backgroundImage = `url("${run.thumb}")`;
    const k = shown.indexOf(run);
    const swatch =
      k >= 0 ? runSwatch(k) : Object.assign(document.createElement('span'), { className: 'run-swatch off' });
    const text = document.createElement('div');
    text.className = 'run-text';
    const t1 = document.createElement('div');
    t1.textContent = run.summary || run.hash.slice(0, 60);
    const t2 = document.createElement('div');
    t2.className = 'run-nums';
    const acc = run.testAccuracy >= 0 ? tr('runs.acc', { acc: (run.testAccuracy * 100).toFixed(1) }) : '';
    t2.textContent =
      tr('runs.nums', { epoch: run.epoch, test: fmtLoss(run.testLoss), train: fmtLoss(run.trainLoss) }) +
      acc +
      (run.model ? '' : tr('runs.noWeightsTag'));
    const t3 = document.createElement('div');
    t3.className = 'run-time';
    t3.textContent = `${new Date(run.time).toLocaleString()}${run.auto ? tr('runs.onPause') : ''}`;
    text.append(t1, t2, t3);
    const restoreBtn = document.createElement('button');
    restoreBtn.className = 'text-btn';
    restoreBtn.textContent = tr('runs.restore');
    restoreBtn.setAttribute('aria-label', tr('runs.restore.aria', { n: i + 1 }));
    restoreBtn.onclick = () => restore(run);
    const del = document.createElement('button');
    del.className = 'text-btn';
    del.textContent = tr('runs.delete');
    del.setAttribute('aria-label', tr('runs.delete.aria', { n: i + 1 }));
    del.onclick = () => {
      try {
        store.remove([run.id]);
      } catch (e) {
        message(() => tr('runs.deleteFailed', { error: e.message }), 'error', 'runs');
      }
      selected.delete(run.id);
      render();
    };
    const btns = document.createElement('div');
    btns.className = 'run-btns';
    btns.append(restoreBtn, del);
    li.append(box, swatch, img, text, btns);
    return li;
  }

  function render() {
    const runs = store.list();
    for (const id of [...selected]) if (!runs.some((r) => r.id === id)) selected.delete(id);
    const shown = runs.filter((r) => selected.has(r.id));
    $('runList').replaceChildren(...runs.map((r, i) => row(r, i, shown)));
    $('runCount').textContent = tr('runs.count', { n: runs.length, max: MAX_RUNS });
    $('runsEmpty').hidden = runs.length > 0;
    $('runChart').hidden = shown.length === 0;
    $('runChartHint').hidden = runs.length === 0 || shown.length > 0;
    $('runLegend').hidden = shown.length === 0;
    $('runLegend').replaceChildren(
      ...shown.map((r, k) => {
        const li = document.createElement('li');
        const sw = runSwatch(k);
        const t = document.createElement('span');
        t.textContent = tr('runs.legendItem', {
          n: runs.indexOf(r) + 1,
          summary: r.summary,
          epoch: r.epoch,
          test: fmtLoss(r.testLoss),
        });
        li.append(sw, t);
        return li;
      }),
    );
    if (shown.length) drawRunCurves($('runChart'), shown);
  }

  ctx.onLang(render);
  $('saveRun').onclick = () => save(false);
  $('autoSaveRuns').checked = localStorage.getItem(AUTO_KEY) !== 'off';
  $('autoSaveRuns').onchange = (e) => localStorage.setItem(AUTO_KEY, e.target.checked ? 'on' : 'off');
  ctx.onPause(() => {
    if ($('autoSaveRuns').checked && st.metrics && st.metrics.epoch >= 1) save(true);
  });
  addEventListener('storage', (e) => {
    if (e.key === 'bp-runs') render();
  }); // another tab saved
  render();
  return { save, render };
}
