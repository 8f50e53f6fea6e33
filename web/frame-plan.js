// frame-plan.js: the one owner of the page's frame budgets, shared by frame-loop.js (what each
// animation frame asks of the worker) and worker-frame.js (how much of that frame training may
// take). A frame is pipelined: the worker trains, evaluates the losses and the grid for frame n+1
// while the page draws frame n, so the worker's whole frame must stay under one display frame
// (16.7 ms at 60 Hz) for the page to draw a new picture every frame.

/** Grid side of the output and neuron heatmaps (TensorFlow Playground's density). */
export const GRID_SIDE = 100;
/** At most this many grid points x (neurons + multiply-adds / 8) per frame: for big networks the
 * grid is refreshed a few rows per frame (gridPlan) so that it never dominates a frame. */
export const GRID_BUDGET = 1.4e6;
/** Fixed paces: training gets at most this much of a frame (ms). */
export const TRAIN_BUDGET_MS = 10;
/** The worker's whole frame (train + losses + grid) while playing at a fixed pace (ms). */
export const FRAME_MS = 12;
/** Training never gets less than this (ms), however slow the losses and the grid are. */
export const MIN_TRAIN_MS = 2;
/** A slow loss pass runs in slices of about this long (ms) per frame. */
export const SLICE_MS = 1.5;

/** While playing, views that are read rather than watched are redrawn at most every this many ms
 * (the network view bounds its own pace, views/network.js). numbers: the counter and the losses, and
 * output: the boundary, at Max only (at a fixed pace they show every frame's epoch). Each new
 * picture costs a canvas flush and commit on the main thread; each text change costs a layout, and
 * after every layout Chromium re-tests what is under the mouse pointer (a synthetic mouse move with
 * a hit test: the pointer rests on the play button after a click). At 6 x 8, numbers every 33 ms
 * took the main thread ~50-70 ms/s more than every 66 ms (bench/PAGE.md, 2026-12-07); at Max the
 * counter moves by thousands of epochs a second, and 15 readings a second are as readable as 30.
 * Paused, everything is drawn at once. */
export const VIEW_MS = { chart: 33, classes: 100, numbers: 66, output: 33 };
/** While playing, the gradient health probe (a forward and backward pass over up to 64 training
 * points, engine: health) runs at most every HEALTH_MS, and at most every HEALTH_SHARE times its own
 * last cost: on 16 x 256 it takes ~18-25 ms, a stall of the worker that cost the frames it fell in. */
export const HEALTH_MS = 333;
export const HEALTH_SHARE = 50;
/** At Max the network view is redrawn at most every this many ms (its links and thumbnails are the
 * page's costliest drawing, and at thousands of epochs a second 15 pictures a second tell as much). */
export const NETWORK_MAX_MS = 66;

/** The speed menu, in the order shown; value is the `speed` key's value in the URL, label the key of
 * its display name in the string catalogs (web/i18n/). */
export const SPEEDS = [
  { value: '1', label: 'speed.1', work: { epochs: 1 } },
  { value: '10', label: 'speed.10', work: { epochs: 10 } },
  { value: '100', label: 'speed.100', work: { epochs: 100 } },
  { value: 'max', label: 'speed.max', work: { epochs: 1e9, max: true } },
  { value: 'batch', label: 'speed.batch', work: { batches: 1 } },
];

/** The heatmaps of a network too big for a fine grid in one frame keep this side at least, and
 * are refreshed a few grid rows per frame instead (progressive). */
export const PROGRESSIVE_SIDE = 50;

/**
 * The grid for a network (layers: [{nIn, nOut}]): side N and grid rows evaluated per frame. The
 * finest side whose whole grid fits GRID_BUDGET, up to GRID_SIDE; when that is under
 * PROGRESSIVE_SIDE, the grid stays at PROGRESSIVE_SIDE and `rows` of it are refreshed per frame
 * (16 x 256: one row per frame, the whole picture in under a second at 60 frames/s).
 */
export function gridPlan(layers) {
  let cost = layers.length ? layers[0].nIn : 0;
  for (const L of layers) cost += L.nOut + (L.nIn * L.nOut) / 8;
  cost = Math.max(1, cost);
  const full = Math.floor(Math.sqrt(GRID_BUDGET / cost));
  if (full >= PROGRESSIVE_SIDE) return { N: Math.min(GRID_SIDE, full), rows: Math.min(GRID_SIDE, full) };
  const N = PROGRESSIVE_SIDE;
  return { N, rows: Math.max(1, Math.min(N, Math.floor(GRID_BUDGET / (cost * N)))) };
}

/** Max: the worker trains between frame requests in chunks of this long (ms), so that a request
 * waits at most about one chunk (worker-frame.js). */
export const RUN_CHUNK_MS = 2;

/**
 * Max's pace: the worker trains between frames, but on a machine whose other core is busy its
 * training can starve the page's own threads (drawing, compositing) of time. The pacer watches the
 * interval between drawn frames and sets the share of time the worker trains (duty, DUTY_FLOOR..1):
 * down quickly while the page draws fewer than MIN_FPS frames a second, back up slowly when it
 * keeps up. The worker rests (1 - duty) / duty of each chunk's time between chunks.
 */
export class MaxPacer {
  static MIN_FPS = 55;
  static DUTY_FLOOR = 0.5;
  constructor() {
    this.duty = 1;
    this.restart();
  }
  /** Call once per drawn frame with its time (ms). */
  drawn(now) {
    if (this.last > 0) {
      this.interval = 0.8 * this.interval + 0.2 * Math.min(100, now - this.last);
      if (this.interval > 1000 / MaxPacer.MIN_FPS) this.duty = Math.max(MaxPacer.DUTY_FLOOR, this.duty * 0.9);
      else if (this.interval < 1000 / 58) this.duty = Math.min(1, this.duty + 0.02);
    }
    this.last = now;
  }
  /** Forget the measured pace (after a pause: that gap is not a slow frame). */
  restart() {
    this.last = 0;
    this.interval = 1000 / 60;
  }
}

/**
 * What one played frame asks of the worker. speed: a SPEEDS value; pacer: the MaxPacer. Fixed
 * paces train up to their epochs within TRAIN_BUDGET_MS of the frame; Max keeps the worker training
 * all the time (worker-frame.js runs between frames), and each frame only collects the losses and grid.
 */
export function playWork(speed, pacer) {
  const s = SPEEDS.find((x) => x.value === speed) || SPEEDS[0];
  if (s.work.batches) return { batches: s.work.batches };
  if (s.work.max) return { epochs: s.work.epochs, max: true, duty: pacer.duty };
  return { epochs: s.work.epochs, budgetMs: TRAIN_BUDGET_MS, frameMs: FRAME_MS };
}

/** Worker side: training's share of a frame, given what the recent losses and grid took (restMs). */
export function trainBudget(budgetMs, frameMs, restMs) {
  return frameMs > 0 ? Math.min(budgetMs, Math.max(MIN_TRAIN_MS, frameMs - restMs)) : budgetMs;
}

/** The loss landscape panel (panels/landscape.js): each of its requests evaluates plane rows in
 * the worker for about this long (ms), between frames, so a plane refresh never costs a frame. */
export const LANDSCAPE_MS = 2;
/** A new plane begins at most this often (ms): while training the weights move every frame, and
 * planes back to back cost the page ~5 of its 60 frames/s (bench/landscape.mjs). */
export const LANDSCAPE_REFRESH_MS = 300;
/** A whole plane should take about this many such requests (a refresh about twice a second). */
export const LANDSCAPE_REQUESTS = 30;
/** The plane's side: at most 41 (the CLI grid), at least 9; odd, so the centre (the current
 * weights) is a grid point. */
export const LANDSCAPE_SIDE = { min: 9, max: 41 };

/** The plane's side that keeps a refresh within LANDSCAPE_REQUESTS x LANDSCAPE_MS, from the
 * measured cost of one loss evaluation (ms; 0: not measured yet, start small). */
export function landscapeSide(msPerEval) {
  if (!(msPerEval > 0)) return 21;
  const n = Math.floor(Math.sqrt((LANDSCAPE_REQUESTS * LANDSCAPE_MS) / msPerEval));
  const odd = n % 2 ? n : n - 1;
  return Math.max(LANDSCAPE_SIDE.min, Math.min(LANDSCAPE_SIDE.max, odd));
}
