// worker-frame.js: the worker's hot path, the 'frame' request and what it keeps between frames:
// training within a budget (trainFor), Max's free run between frames, the loss pass (sliced on big
// networks), the grid (whole, or a few rows per frame) and the lent buffers it fills. worker.js
// dispatches the messages and owns the session; this module's state (paces measured, the run, the
// grid cursor, the last losses) is private, cleared by forget() when a request changes the session.
import { SLICE_MS, RUN_CHUNK_MS, trainBudget } from './frame-plan.js';

// restMs: the loss pass and grid of recent frames and what other requests took between them (lend:
// the loss landscape), smoothed: what training must leave room for; lastMetrics: the newest
// losses; metricsMs: how long the last full pass took; slicing: a sliced pass is under way;
// msPerPoint: its measured cost; sliceMs, gridMs: a slice's and the grid's recent times (smoothed)
let restMs = 0,
  sliceMs = 0,
  gridMs = 0,
  sliceSkipped = false, // the last frame left its slice to this one
  credit = 0, // fixed paces: training time budgeted and not yet spent (frame, below)
  lastMetrics = null,
  metricsMs = 0,
  slicing = false,
  msPerPoint = 0;

// Trains up to `epochs` epochs in chunks of batches sized from the measured time per batch, and
// stops when the budget is spent. Returns [samples trained, whether the budget cut it short].
let msPerBatch = 0.05;
// The session's training-set size and batch size, read once per session state (cleared by forget).
let shape = null;
function trainFor(S, epochs, budgetMs, t0) {
  shape ||= { n: S.points(false).length / 3, b: Math.max(1, S.config().batchSize) };
  const { n, b } = shape;
  let p = S.trainBatches(0),
    trained = 0;
  const target = p.epoch + epochs;
  while (p.epoch < target) {
    const left = budgetMs - (performance.now() - t0);
    // after the first batch, start only what fits: at 16 x 256 a batch takes ~5 ms, and a second
    // one begun with 0.2 ms left doubled the frame's training (bench/PAGE.md)
    if (trained > 0 && left < msPerBatch) return [trained, true];
    // batch boundaries sit at multiples of the batch size from the epoch's start (Session::batch_boundary)
    const toTarget = Math.ceil(n / b) - Math.floor(p.position / b) + (target - p.epoch - 1) * Math.ceil(n / b);
    const k = Math.max(1, Math.min(toTarget, Math.floor(left / msPerBatch)));
    const ts = performance.now();
    const r = S.trainBatches(k);
    const ms = performance.now() - ts;
    // (a single short batch is timed too coarsely to count, unless it shows the estimate far too
    // high: then a fixed pace would stop after a batch or two, left < msPerBatch above)
    if (k >= 4 || ms > 1 || ms / k < 0.5 * msPerBatch) msPerBatch = Math.max(0.001, 0.5 * msPerBatch + 0.5 * (ms / k));
    if (!(r.samples > 0)) break; // no data, or diverged (the engine then refuses to train)
    trained += r.samples;
    p = r;
  }
  return [trained, false];
}

// The grid: whole (gridRows >= N), or `gridRows` rows per frame from a cursor that wraps, so a big
// network's heatmaps are all refreshed every N / gridRows frames. After anything that changed the
// session (gridKey cleared) the first frame evaluates the whole grid, so no stale rows show.
let gridKey = '',
  gridCursor = 0;
function evalGrid(S, N, gridRows, rows) {
  const key = `${N}|${rows}`;
  if (gridRows >= N || key !== gridKey) {
    gridKey = key;
    gridCursor = 0;
    return S.evalGrid(N);
  }
  const r1 = Math.min(N, gridCursor + gridRows);
  const view = S.evalGridRows(N, gridCursor, r1);
  gridCursor = r1 >= N ? 0 : r1;
  return view;
}

// Max: between the page's frame requests the worker keeps training, in chunks of RUN_CHUNK_MS that
// yield to its message queue (a MessageChannel tick, not a timer: timers are clamped to 4 ms), so a
// frame request is answered at once and training fills the time the page spends drawing. `run`:
// the epoch it stops at (a stop condition) and the samples trained since the last frame; cleared
// by pause(), by a frame at another pace and by anything that changes the session (forget).
// A chunk is at least one batch: when a batch is longer than a chunk (16 x 256: ~5-7 ms) and than
// the time left before the next request is due, the worker waits for that request instead, so it
// is answered at once rather than after the batch (Max drew 52 frames/s there, bench/PAGE.md). A
// request that does not come when due (a hidden tab) lets training go on a chunk's time later.
let run = null,
  ticking = false,
  waitTimer = 0;
// A timer set between chunks (a wait or a rest): the next tick comes from it.
function wait(ms) {
  ticking = true;
  waitTimer = setTimeout(() => {
    waitTimer = 0;
    ticking = false;
    keepRunning();
  }, ms);
}
function stopWaiting() {
  if (!waitTimer) return;
  clearTimeout(waitTimer);
  waitTimer = 0;
  ticking = false;
}
const tick = new MessageChannel();
tick.port1.onmessage = () => {
  ticking = false;
  if (!run) return;
  const S = run.S,
    t0 = performance.now(),
    untilDue = run.lastRequest + Math.min(run.period, 1000 / 60) - t0; // asked once per display frame at most
  if (run.samples > 0 && msPerBatch > RUN_CHUNK_MS && untilDue > 0 && msPerBatch > untilDue) {
    wait(untilDue + RUN_CHUNK_MS); // the request re-arms the run; if it is late, train on
    return;
  }
  const [n] = trainFor(S, run.target - S.trainBatches(0).epoch, RUN_CHUNK_MS, t0);
  run.samples += n;
  if (!(n > 0)) return; // the stop epoch is reached, or the run diverged
  // duty < 1 (frame-plan.js MaxPacer): rest so that training takes that share of the time
  if (run.duty < 1) wait(((performance.now() - t0) * (1 - run.duty)) / run.duty);
  else keepRunning();
};
function keepRunning() {
  if (ticking) return;
  ticking = true;
  tick.port2.postMessage(0);
}
// A Max frame: (re)arms the run towards `epochs` more epochs; returns what it trained since the last.
// period: the smoothed time between requests (the page asks once per animation frame).
function maxFrame(S, epochs, duty) {
  const now = performance.now(),
    samples = run ? run.samples : 0,
    period = run ? 0.8 * run.period + 0.2 * Math.min(100, now - run.lastRequest) : 1000 / 60;
  stopWaiting();
  run = {
    S,
    target: S.trainBatches(0).epoch + epochs,
    samples: 0,
    duty: Math.min(1, Math.max(0.05, duty)),
    lastRequest: now,
    period,
  };
  keepRunning();
  return samples;
}

// Worker time spent between frames on other requests (the loss landscape), counted with the loss
// pass and the grid in restMs, so training leaves room for it.
let lentMs = 0;
/** Another request took ms of the worker's time between frames. */
export function lend(ms) {
  lentMs += ms;
}

/** Ends Max's free run (the page paused). */
export function pause() {
  stopWaiting();
  run = null;
}

/** The session changed (any request not read-only): no stale losses, half pass, grid rows or run. */
export function forget() {
  lastMetrics = null;
  slicing = false;
  gridKey = '';
  shape = null;
  msPerBatch = 0.05; // another network: its batches take their own time
  credit = sliceMs = gridMs = 0;
  sliceSkipped = false;
  stopWaiting();
  run = null;
}

// The 'frame' request on session S. budgetMs (only while playing): train whole batches until the
// epochs are done or the budget is spent (at least one batch), so a frame of a huge network or a
// large data set stays short and requests behind it (pause, load, edits) wait at most about one
// budget. Steps pass no budget: they train exactly what was asked. Returns trained samples and `capped` when the budget cut it.
// frameMs (with budgetMs): the whole frame's target; training gets what the last frames' loss
// pass and grid left of it (at least MIN_TRAIN_MS), so a huge network's frames stay short.
// paramsBuffer: a lent buffer for the weights, like `buffer` for the grid: a fresh 4 MB array
// per frame (16 x 256) cost ~12 ms of page faults, a copy into a warm one ~0.1 ms.
// gridRows (< grid): refresh that many grid rows per frame (frame-plan.js gridPlan); keep: the
// rows the page draws then, [features, outputs].
// max: the Max pace (epochs: at most this many more, for a stop epoch); training runs between frames.
export function frame(
  S,
  {
    epochs = 0,
    batches = 0,
    max = false,
    duty = 1,
    grid = 100,
    gridRows = grid,
    keep = null,
    buffer,
    paramsBuffer,
    budgetMs = 0,
    frameMs = 0,
  },
) {
  const t0 = performance.now();
  let trained = 0,
    capped = false;
  if (max) {
    trained = maxFrame(S, epochs, duty);
    capped = true;
  } else {
    run = null; // a fixed pace or a step ends Max's free run
    if (epochs > 0 && budgetMs > 0) {
      // A batch longer than the frame's budget (16 x 256: ~5-7 ms against ~5) trains only in the
      // frames whose unused budget, carried from the frames before, covers it: on average training
      // keeps to its budget, and the frame to its FRAME_MS (at least one batch a frame overran it).
      const budget = trainBudget(budgetMs, frameMs, restMs);
      credit = Math.min(credit + budget, budget + msPerBatch);
      if (msPerBatch <= budget || credit >= msPerBatch) {
        [trained, capped] = trainFor(S, epochs, budget, t0);
        credit -= performance.now() - t0;
      } else capped = true;
    } else if (epochs > 0) {
      const e0 = S.trainBatches(0).epoch; // progress only: metrics() would run a forward pass
      trained = ((S.trainEpochs(epochs).epoch - e0) * S.points(false).length) / 3;
    }
  }
  if (batches > 0) trained += S.trainBatches(batches).samples;
  const t1 = performance.now();
  // train and test loss: a forward pass over every point. While playing a network whose pass
  // is slow (16 x 256: ~27 ms), the pass runs in slices of about SLICE_MS per frame on a copy of
  // the weights (engine: metricsSlice); frames in between carry the fresh epoch and update count
  // with the last finished losses, marked stale; a finished pass names its epoch (lossEpoch).
  let metrics,
    skipped = false;
  if ((budgetMs > 0 || max) && lastMetrics && metricsMs > 8) {
    if (!slicing) {
      S.metricsSliceBegin();
      slicing = true;
    }
    // At a fixed pace, a frame whose training leaves no room for the slice and the grid in its
    // target leaves the slice to the next frame (16 x 256: a batch ~5 ms, a slice ~2.5, a grid row
    // ~5-7; frames with all three missed the display's), never two in a row, so the pass goes on
    // whatever training takes. Its time still counts in restMs below, so that training leaves room.
    skipped = !sliceSkipped && budgetMs > 0 && trained > 0 && frameMs > 0 && t1 - t0 + sliceMs + gridMs > frameMs;
    sliceSkipped = skipped;
    const k = skipped ? 0 : Math.max(1, Math.floor(SLICE_MS / Math.max(1e-4, msPerPoint)));
    const done = k > 0 && S.metricsSlice(k);
    if (k > 0) {
      const ms = performance.now() - t1;
      msPerPoint = 0.5 * msPerPoint + 0.5 * (ms / k);
      sliceMs = 0.5 * sliceMs + 0.5 * ms;
    }
    if (done) {
      metrics = lastMetrics = done;
      slicing = false;
    } else metrics = { ...lastMetrics, ...S.trainBatches(0), samples: undefined, stale: true };
  } else {
    metrics = lastMetrics = S.metrics();
    metricsMs = performance.now() - t1;
    const n = (S.points(false).length + S.points(true).length) / 3;
    msPerPoint = metricsMs / Math.max(1, n);
    slicing = false;
  }
  const tm = performance.now();
  const rows = S.gridRows();
  const view = grid > 0 ? evalGrid(S, grid, gridRows, rows) : null;
  const t2 = performance.now();
  // Progressive (gridRows < grid): the page gets the rows it draws every frame, [keep[0] features,
  // keep[1] outputs] (a compact view: no neuron thumbnails); neuronGrid gives the others on hover.
  const P = grid * grid,
    packed = view && gridRows < grid && keep ? { F: keep[0], K: keep[1] } : null;
  const size = packed ? (packed.F + packed.K) * P : rows * P;
  // The lent buffer comes back only if it has exactly this frame's size (else a stale large one
  // from an earlier network would live on).
  let out = buffer instanceof Float32Array && buffer.length === size ? buffer : null;
  if (view) {
    if (!out) out = new Float32Array(size);
    if (packed) {
      out.set(view.subarray(0, packed.F * P));
      out.set(view.subarray((rows - packed.K) * P, rows * P), packed.F * P);
    } else out.set(view);
  }
  const pv = S.params();
  const params =
    paramsBuffer instanceof Float32Array && paramsBuffer.length === pv.length
      ? paramsBuffer
      : new Float32Array(pv.length);
  params.set(pv);
  gridMs = view ? 0.5 * gridMs + 0.5 * (t2 - tm) : gridMs;
  restMs = 0.7 * restMs + 0.3 * (t2 - t1 + lentMs + (skipped ? sliceMs : 0));
  lentMs = 0;
  return {
    metrics,
    params,
    grid: out,
    rows,
    N: grid,
    packed,
    trained,
    capped,
    timing: { train: t1 - t0, metrics: tm - t1, grid: t2 - tm },
    _transfer: out ? [out.buffer, params.buffer] : [params.buffer],
  };
}

/** One neuron's (or feature's) image from the grid the frames keep refreshing (progressive mode). */
export function neuronGrid(S, { N, row }) {
  const view = gridKey === `${N}|${S.gridRows()}` ? S.evalGridRows(N, 0, 0) : evalGrid(S, N, N, S.gridRows());
  const g = view.slice(row * N * N, (row + 1) * N * N);
  return { grid: g, _transfer: [g.buffer] };
}
