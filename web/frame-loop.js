// frame-loop.js: the frame loop. Each animation frame sends the next request to the worker (when
// none is out: request), takes its answer into the page state (received) and draws the newest one
// (drawFresh, draw): the counter and losses, the loss chart, the output heatmap with its points,
// the network view, the class metrics. The Max pace's pacer (frame-plan.js MaxPacer) and the
// frame counters (st.perf) live here; so do the gradient health updates that follow answers.
import { drawHealth } from './views/health.js';
import { heatmapStats } from './views/heatmap.js';
import {
  GRID_SIDE as N,
  VIEW_MS,
  NETWORK_MAX_MS,
  HEALTH_MS,
  HEALTH_SHARE,
  MaxPacer,
  gridPlan,
  playWork,
} from './frame-plan.js';
import { t } from './i18n.js';
import { message, clearMessage } from './messages.js';

const $ = (id) => document.getElementById(id);

/** A loss as the page shows it. */
export function fmtLoss(v) {
  return Number.isFinite(v) ? v.toFixed(3) : String(v);
}

/** The frame loop; returns what other modules call. */
export function initFrameLoop(page) {
  const { st, client, net, outMap, chart, classPanel } = page;
  let healthAt = -Infinity,
    healthMs = 0; // when the last probe was asked, and what it cost the worker
  async function updateHealth() {
    st.healthDue = false;
    healthAt = performance.now();
    const playing = st.playing,
      r = await client.call('health');
    healthMs = r.ms;
    if (st.perf) {
      // for the browser tests; the last 64 only, as the counters live as long as the page
      const h = st.perf.health;
      h.push([healthAt, healthMs, playing]);
      if (h.length > 64) h.shift();
    }
    st.health = r.layers;
    drawHealthNow();
    page.hints();
  }
  function drawHealthNow() {
    drawHealth(
      $('health'),
      st.health,
      st.layers.map((l) => l.activation),
    );
  }
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
        health: [],
        answers: 0,
        grids: 0, // answers that carried a grid (at Max: about every other one)
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
      work = page.capAtStop(playWork(speedOf(), pacer));
    } else if (!st.dirty) return;
    st.dirty = false;
    st.tick = false;
    st.req = st.inflight = true;
    const g = gridPlan(st.layers),
      keep = [st.features.length, st.layers.at(-1).nOut],
      sent = performance.now();
    // At Max the boundary and the network view are drawn at most every VIEW_MS.output ms, so a grid
    // for the frames between would not be drawn: it is asked for about that often, and the worker
    // trains instead (6 x 8: ~1.5 ms of each frame; a progressive grid still gets its row a frame).
    // (Not after a change of the session: st.layers is the engine's newest answer's.)
    const skip = work && work.max && g.rows >= g.N && st.grid && st.gridLayers === st.layers;
    const grid = skip && sent - st.gridAsked < VIEW_MS.output - 8 ? 0 : g.N;
    if (grid) {
      st.gridAsked = sent;
      st.gridLayers = st.layers;
    }
    const buffer = grid ? st.spare : null,
      paramsBuffer = st.paramsPool.pop();
    if (grid) st.spare = null;
    const lent = [buffer, paramsBuffer].filter(Boolean).map((b) => b.buffer);
    client.call('frame', { ...(work || {}), grid, gridRows: g.rows, keep, buffer, paramsBuffer }, lent).then(
      (r) => received(r, work, sent),
      (e) => {
        st.req = false;
        st.inflight = !!st.fresh;
        page.setPlaying(false);
        message(() => t('msg.engineFailed', { error: e.message }), 'error', 'engine');
      },
    );
  }

  // Weight buffers the page no longer holds, lent back to the worker (see worker-frame.js, frame).
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
      st.N = r.N;
      st.packed = r.packed; // progressive: the grid holds the feature and output rows only
      st.rows = r.rows;
    }
    st.params = r.params;
    recycleParams(undrawn); // an answer never drawn: nobody holds its weights
    st.metrics = r.metrics;
    st.lastTiming = r.timing;
    st.fresh = st.inflight = true;
    const pf = perfRec();
    pf.answers++;
    if (r.grid) pf.grids++;
    pf.train += r.timing.train;
    pf.metrics += r.timing.metrics || 0;
    pf.grid += r.timing.grid;
    pf.roundTrip += performance.now() - sent;
    pf.samples += r.trained || 0;
    pf.capped += r.capped ? 1 : 0;
    st.frames = (st.frames || 0) + 1;
    const healthNext = healthAt + Math.max(HEALTH_MS, HEALTH_SHARE * healthMs);
    if (st.healthDue || (st.playing && performance.now() >= healthNext) || (work && !st.playing)) updateHealth();
    if (r.metrics.diverged || !Number.isFinite(r.metrics.trainLoss) || !Number.isFinite(r.metrics.testLoss)) {
      page.setPlaying(false);
      message(() => t('msg.diverged'), 'error', 'diverged');
    }
    if (work && st.step) page.refreshTrace();
    for (const f of page.hooks.frame) f(r.metrics);
    page.checkStops(r.metrics);
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
      page.drawn(); // page.firstDrawn (app.js); later calls change nothing
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
      page.setPlaying(false);
      message(() => t('msg.drawFailed', { error: e.message }), 'error', 'draw');
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
      setText('rate', t('speed.rate', { rate: fmtRate(r) }));
      st.rate = { t: now, e };
    }
  }

  // At most 7 characters, so that the rate fits its fixed box (style.css .rate) at any speed.
  function fmtRate(r) {
    if (r >= 1e6) return `${(r / 1e6).toFixed(r >= 1e7 ? 1 : 2)}M`;
    return r >= 100 ? Math.round(r).toLocaleString('en') : r.toFixed(1);
  }

  // A text write that changes nothing still makes the browser lay the page out again.
  function setText(id, text) {
    const e = $(id);
    if (e.textContent !== text) e.textContent = text;
  }

  // Whether view `name` is due a redraw (once per VIEW_MS slot of the clock while playing; always
  // when paused). Slots of the one clock put the views' redraws in the same frames (and the network
  // view's, views/network.js) rather than spread over all of them (bench/PAGE.md: 6 x 8 at Max).
  const viewAt = {};
  function due(name) {
    const slot = Math.floor(performance.now() / VIEW_MS[name]);
    if (st.playing && slot === viewAt[name]) return false;
    viewAt[name] = slot;
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
    // stale: a big network's last finished losses; lossEpoch: the epoch they belong to (worker-frame.js)
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
      mark = st.step && page.stepper?.point;
    // What is drawn over the picture: when it is as last drawn, an unchanged picture (a settled or
    // slow network) is not drawn again at all.
    const over = [st.train, st.test, withTest, mark ? `${mark.x1},${mark.x2}` : ''];
    const sameOver = !!st.drawnOver && over.every((v, i) => v === st.drawnOver[i]);
    if ((c.speed !== 'max' || due('output')) && outMap.draw(values, G, { ...opts, skipSame: sameOver })) {
      st.drawnOver = over;
      const sets = withTest
        ? [
            [st.train, false],
            [st.test, true],
          ]
        : [[st.train, false]];
      outMap.drawPointSets(sets, { ...opts, kind: page.kindOf(c.numClasses) });
      outMap.marked = null;
      if (mark) outMap.drawMarker(mark.x1, mark.x2);
      st.marked = outMap.marked;
    }
    net.setMinInterval(st.playing && c.speed === 'max' ? NETWORK_MAX_MS : 0);
    net.update(st.params, st.grid, G, { discretize: c.discretize, packed: st.packed });
    if (due('classes')) classPanel.render(m, { palette: st.palette, dark: st.dark });
    if (G !== st.shownN) {
      st.shownN = G;
      if (G < N) message(() => t(st.packed ? 'msg.gridResRows' : 'msg.gridRes', { G, N }), 'info', 'grid-res');
      else clearMessage('grid-res');
    }
  }

  // The loop sleeps when it has nothing to do (paused, nothing asked, drawn, caught up): an idle page
  // then costs no CPU. Awake doing nothing, it kept ~7 % of a core busy (renderer main thread and
  // compositors, 60 frames a second), taken from the sweep pool's workers on a 2-core machine.
  // Whatever gives it work wakes it: writing st.dirty, st.playing or st.pendingStep (below).
  let awake = false;
  function wake() {
    if (awake) return;
    awake = true;
    requestAnimationFrame(loop);
  }
  for (const k of ['dirty', 'playing', 'pendingStep']) {
    let v = st[k];
    Object.defineProperty(st, k, {
      get: () => v,
      set: (x) => {
        v = x;
        if (x) wake();
      },
      enumerable: true,
    });
  }
  const idle = () => st.config && !st.playing && !st.dirty && !st.pendingStep && !st.req && !st.fresh && !net.behind;
  function loop() {
    try {
      if (!st.config) return;
      st.tick = true;
      perfRec().ticks++;
      if (!st.req) request();
      if (st.fresh) drawFresh();
      else if (net.behind) net.catchUp(); // thumbnails left over by the per-frame drawing budget
    } finally {
      if (idle()) awake = false;
      else requestAnimationFrame(loop);
    }
  }
  // Play starts or stops: the Max pacer and the epochs-per-second rate start again.
  function restartPace() {
    pacer.restart();
    st.rate = null;
    setText('rate', '');
  }

  return { updateHealth, drawHealthNow, request, redraw, wake, speedOf, restartPace };
}
