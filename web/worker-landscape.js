// worker-landscape.js: the worker's loss-landscape requests (issue 18), off the training path:
// 'landscape' evaluates the engine's plane a few rows per request within frame-plan.js's
// LANDSCAPE_MS, so the worker answers the page's frames in between; the plane's side adapts to
// the measured cost of one loss evaluation (landscapeSide). 'lossLine' is one parameter's loss
// curve. This module's state (the plane under way, its row cursor, the measured cost) is private;
// forget() drops the plane when a request changed the session. The picture's pixels are made
// here too (paint), so the page only puts them on its canvas.
import { landscapeSide, LANDSCAPE_MS, LANDSCAPE_REFRESH_MS } from './frame-plan.js';
import { makeLut, valueToIndex } from './views/colors.js';

/**
 * The plane's pixels (n x n RGBA): log loss between the plane's extremes on the palette's table,
 * low loss at its "+1" end. lo, hi: those extremes (positive finite losses only), for contours.
 */
export function paint(loss, palette = 'default', dark = false) {
  let lo = Infinity,
    hi = -Infinity;
  for (const v of loss)
    if (v > 0 && v < Infinity) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  const rgba = new Uint8ClampedArray(loss.length * 4),
    px = new Uint32Array(rgba.buffer),
    lut = makeLut(palette, { dark });
  const llo = Math.log(lo),
    lr = Math.max(1e-12, Math.log(hi) - llo);
  for (let i = 0; i < loss.length; i++) {
    const v = loss[i],
      t = v > 0 && v < Infinity ? (Math.log(v) - llo) / lr : 1;
    px[i] = lut[valueToIndex(1 - 2 * t)];
  }
  return { rgba, lo, hi };
}

let plane = null, // {id, directions, n, span, path, coords} of the plane under way
  cursor = 0,
  msPerEval = 0,
  planes = 0, // planes begun: a plane's id, so a click names the plane it was made on
  begunAt = -Infinity; // when the last plane began (ms)

/** The session changed: the next request begins a new plane. */
export function forget() {
  plane = null;
}

/**
 * Continues the plane (or begins one: restart, a new direction kind, or none under way) for about
 * budgetMs. Returns the plane, its losses so far (rows [0, rowsDone) of this plane; later rows hold
 * the previous plane's) with their pixels (paint), and whether it is done. side: a fixed n (tests),
 * else adaptive. A restart sooner than LANDSCAPE_REFRESH_MS after the last begin answers only
 * {wait: ms} (nothing computed): ask again then.
 */
export function landscape(
  S,
  { directions = 'random', restart = false, budgetMs = LANDSCAPE_MS, side = 0, palette, dark = false },
) {
  const t0 = performance.now();
  if (restart && plane && !side && t0 - begunAt < LANDSCAPE_REFRESH_MS)
    return { wait: LANDSCAPE_REFRESH_MS - (t0 - begunAt) };
  if (restart || !plane || plane.directions !== directions) {
    begunAt = t0;
    const n = side || landscapeSide(msPerEval);
    const b = S.landscapeBegin(directions, n, 0);
    plane = { id: ++planes, directions, n: b.n, span: b.span, path: b.path.slice(), coords: b.coords };
    cursor = 0;
  }
  let view = null;
  while (cursor < plane.n) {
    const left = budgetMs - (performance.now() - t0);
    if (left <= 0 && view) break;
    const rows = Math.max(1, Math.min(plane.n - cursor, Math.floor(left / Math.max(1e-4, msPerEval * plane.n))));
    const ts = performance.now();
    view = S.landscapeRows(cursor, cursor + rows);
    const per = (performance.now() - ts) / (rows * plane.n);
    msPerEval = msPerEval ? 0.5 * msPerEval + 0.5 * per : per;
    cursor += rows;
  }
  const loss = (view || S.landscapeRows(0, 0)).slice();
  const { rgba, lo, hi } = paint(loss, palette, dark);
  return {
    plane,
    loss,
    rgba,
    lo,
    hi,
    rowsDone: cursor,
    done: cursor >= plane.n,
    msPerEval,
    _transfer: [loss.buffer, rgba.buffer],
  };
}

/** Moves the weights to (alpha, beta) of plane `plane` (its id); refused when another plane has begun since
 * (the engine keeps the last plane begun, also after forget(), and refuses it once the network
 * it was made for is gone). */
export function move(S, { plane: id, alpha, beta }) {
  if (id !== planes) throw new Error('the landscape changed under the pointer: click again');
  S.landscapeMove(alpha, beta);
}

/**
 * Where other networks' recorded weights (a race's variants: pool-worker.js 'trajectory') lie on
 * plane `plane` (an id): per entry its path (alpha, beta per snapshot) or the engine's reason it
 * cannot be drawn there (another layout of weights).
 */
export function project(S, { plane: id, trajectories }) {
  if (id !== planes) throw new Error('the landscape changed meanwhile');
  return {
    paths: trajectories.map(({ snaps, count, layout }) => {
      try {
        return { path: S.landscapeProject(snaps, count, layout) };
      } catch (e) {
        return { error: e.message };
      }
    }),
  };
}

/** Parameter k's loss curve: the training set's, and the traced point's when point is given. */
export function lossLine(S, { k, halfWidth, n = 41, point = null }) {
  const train = S.lossLine(k, halfWidth, n, null);
  const one = point ? S.lossLine(k, halfWidth, n, point) : null;
  return { w: train.w, train: train.loss, point: one ? one.loss : null };
}
