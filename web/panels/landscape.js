// landscape.js: the "Loss landscape" panel (issue 18). While open, it asks the worker for the
// training loss on a plane through weight space centred on the current weights ('landscape': a
// few rows per request, one request per animation frame, each within frame-plan.js's budget; the
// worker adapts the plane's side and paints the pixels), draws it (views/landscape-view.js) with
// the trajectory, and begins a new plane whenever the weights moved since the last one began, so
// the picture follows training; a plane the engine refuses (principal directions before training)
// shows the engine's message until the weights or the directions change. Hover shows the loss at the nearest grid point; a click moves the weights there (the
// engine's landscapeMove, applied like a weight edit). This panel owns the plane it shows
// (st.landscape: the plane, its losses and pixels, and the epoch and update it began at; read by
// tests through test-hook.js); the worker owns the computation.
import { t as tr } from '../i18n.js'; // t is a trajectory here
import { drawLandscape, toIndex } from '../views/landscape-view.js';
import { runSwatch } from '../views/runchart.js';

export function initLandscape(ctx) {
  const { st, client } = ctx;
  const $ = (id) => document.getElementById(id);
  const box = $('landscapePanel'),
    cv = $('landscape'),
    info = $('landscapeInfo'),
    dirs = $('landscapeDirs');
  let inflight = false,
    failedKey = '',
    moves = 0,
    begunKey = '',
    notBefore = 0; // the worker asked to wait until then before a new plane
  // what the weights (and the directions and colours) are: a new plane is due when this differs
  // from the one at its begin
  const weightsKey = () =>
    st.metrics
      ? `${st.hash}|${st.metrics.epoch}|${st.metrics.updates}|${moves}|${dirs.value}|${st.palette}|${st.dark}`
      : '';

  function draw() {
    const p = st.landscape;
    if (!p) return;
    if (drawLandscape(cv, p, { dark: st.dark })) cv.dataset.drawn = String(p.begins);
  }

  function tick() {
    if (!box.open) return;
    requestAnimationFrame(tick);
    if (inflight || !st.metrics || st.loading || performance.now() < notBefore) return;
    const key = weightsKey(),
      p = st.landscape;
    const restart = !p || p.directions !== dirs.value || (p.done && key !== begunKey);
    if (p && p.done && !restart) return; // the plane shows the current weights: nothing to do
    if (restart && key === failedKey) return; // refused for these weights: wait for a change
    inflight = true;
    const at = restart
      ? { epoch: st.metrics.epoch, updates: st.metrics.updates }
      : { epoch: p.epoch, updates: p.updates };
    client
      .call('landscape', { directions: dirs.value, restart, palette: st.palette, dark: st.dark })
      .then((r) => {
        if (r.wait) {
          notBefore = performance.now() + r.wait;
          return;
        }
        if (restart) begunKey = key;
        const begins = (p?.begins ?? 0) + (restart ? 1 : 0);
        const { loss, rgba, lo, hi, rowsDone, done } = r;
        const variants = restart ? null : p.variants; // the race's paths on this plane
        st.landscape = { ...r.plane, loss, rgba, lo, hi, rowsDone, done, begins, ...at, variants };
        if (done && (restart || !p?.done)) racePaths(st.landscape);
        failedKey = '';
        if (restart) info.textContent = hoverText ?? planeText();
        draw();
      })
      .catch((e) => {
        failedKey = key;
        st.landscape = null;
        info.textContent = e.message;
      })
      .finally(() => (inflight = false));
  }

  // A race's variants (variants.js): once a plane is whole, the engine puts each variant's
  // recorded weights on it ('landscapeProject'); a variant whose weights are laid out otherwise
  // (another network shape) is named with the engine's reason instead of drawn.
  async function racePaths(plane) {
    const note = $('landscapeRace');
    const ts = ctx.raceTrajectories ? await ctx.raceTrajectories().catch(() => []) : [];
    const drawable = ts.filter((t) => !t.error);
    let paths = [];
    if (drawable.length)
      paths = (
        await client
          .call(
            'landscapeProject',
            { plane: plane.id, trajectories: drawable.map(({ snaps, count, layout }) => ({ snaps, count, layout })) },
            drawable.map((t) => t.snaps.buffer),
          )
          .catch(() => ({ paths: null }))
      ).paths;
    if (st.landscape?.id !== plane.id || !paths) return; // a newer plane is under way
    plane.variants = ts.map((t) => {
      const k = drawable.indexOf(t);
      return { i: t.i, label: t.label, ...(k >= 0 ? paths[k] : { error: t.error }) };
    });
    note.replaceChildren();
    for (const v of plane.variants) {
      const li = document.createElement('li');
      li.append(runSwatch(v.i), v.error ? ` ${tr('land.notDrawn', { name: v.label, error: v.error })}` : ` ${v.label}`);
      note.append(li);
    }
    note.hidden = !plane.variants.length;
    draw();
  }

  const planeText = () => {
    const p = st.landscape;
    return p
      ? tr(p.directions === 'pca' ? 'land.planePca' : 'land.planeRandom', { n: p.n, span: p.span.toPrecision(3) })
      : '';
  };
  let hoverText = null;
  const cellAt = (ev) => {
    const p = st.landscape;
    if (!p) return null;
    const rect = cv.getBoundingClientRect(),
      S = cv.width;
    const c = toIndex(((ev.clientX - rect.left) * S) / rect.width, p.n, S),
      r = toIndex(((ev.clientY - rect.top) * S) / rect.height, p.n, S);
    return { c, r, alpha: p.coords[c], beta: p.coords[p.n - 1 - r], loss: p.loss[r * p.n + c], ready: r < p.rowsDone };
  };
  cv.addEventListener('mousemove', (ev) => {
    const q = cellAt(ev);
    if (!q) return;
    hoverText = tr('land.hover', {
      a: q.alpha.toFixed(3),
      b: q.beta.toFixed(3),
      loss: q.ready ? q.loss.toFixed(4) : '…',
    });
    info.textContent = hoverText;
  });
  cv.addEventListener('mouseleave', () => {
    hoverText = null;
    info.textContent = planeText();
  });
  cv.addEventListener('click', async (ev) => {
    const q = cellAt(ev);
    if (!q || !st.landscape.done) return;
    ctx.setPlaying(false);
    await ctx.edit('landscapeMove', { plane: st.landscape.id, alpha: q.alpha, beta: q.beta });
    moves++;
  });
  dirs.addEventListener('change', () => box.open && tick());
  box.addEventListener('toggle', () => {
    if (box.open) requestAnimationFrame(tick);
  });
  if (box.open) requestAnimationFrame(tick);
}
