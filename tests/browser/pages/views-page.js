// views-page.js (views.html; not named *-test.js, which node --test would run as a test file):
// draws every view on synthetic data and reads pixels back. The test
// mounts this folder at /tests/ next to the page's files, so ../views/ is web/views/. It only
// reports readings (window.viewsTest); tests/browser/views.test.mjs compares them with colours it
// derives from the palette stops, so nothing here decides what is right.
import { makeLut, valueToIndex } from '../views/colors.js';
import { Heatmap } from '../views/heatmap.js';
import { drawAxes, drawLegend } from '../views/axes-legend.js';
import { LossChart } from '../views/losschart.js';

const stage = document.getElementById('stage');
const N = 100;

function canvas(label) {
  const c = document.createElement('canvas');
  c.title = label;
  stage.appendChild(c);
  return c;
}
function px(c, x, y) {
  return Array.from(c.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3));
}
/** Darkest pixel (r+g+b) in a square around (x, y): finds a thin outline without knowing its exact pixel. */
function darkest(c, x, y, half) {
  const d = c.getContext('2d').getImageData(x - half, y - half, 2 * half + 1, 2 * half + 1).data;
  let m = Infinity;
  for (let i = 0; i < d.length; i += 4) m = Math.min(m, d[i] + d[i + 1] + d[i + 2]);
  return m;
}
/** The left-right ramp the brief asks for: value = x / 6 at the engine's sample positions. */
function ramp() {
  const v = new Float32Array(N * N);
  for (let r = 0; r < N; r++)
    for (let c = 0; c < N; c++) v[r * N + c] = Math.max(-1, Math.min(1, (-6 + (12 * c) / (N - 1)) / 6));
  return v;
}
function filled(x) {
  return new Float32Array(N * N).fill(x);
}

const R = {};
try {
  const hm = new Heatmap(canvas('ramp'), { size: 300, pixelRatio: 1 });
  hm.draw(ramp(), N);
  R.ramp = {
    w: hm.canvas.width,
    left: px(hm.canvas, 0, 150),
    right: px(hm.canvas, 299, 150),
    centre: px(hm.canvas, 150, 150),
  };

  const dk = new Heatmap(canvas('ramp dark'), { size: 300, pixelRatio: 1, dark: true });
  dk.draw(ramp(), N);
  R.dark = { centre: px(dk.canvas, 150, 150), left: px(dk.canvas, 0, 150) };

  const ds = new Heatmap(canvas('discretize'), { size: 300, pixelRatio: 1 });
  ds.draw(ramp(), N, { discretize: true });
  R.discrete = { centreLeft: px(ds.canvas, 140, 150), centreRight: px(ds.canvas, 160, 150) };

  // Points on a neutral field.
  const pt = new Heatmap(canvas('points'), { size: 300, pixelRatio: 1 });
  pt.draw(filled(0), N);
  pt.drawPoints(new Float32Array([3, 3, 1, -3, -3, -1]));
  R.points = {
    at33: px(pt.canvas, 225, 75),
    atm3m3: px(pt.canvas, 75, 225),
    away: px(pt.canvas, 236, 75),
    between: px(pt.canvas, 150, 150),
  };
  pt.drawPoints(new Float32Array([0, 3, 1]), { test: true });
  R.points.testOutline = darkest(pt.canvas, 150, 75, 5);
  R.points.trainOutline = darkest(pt.canvas, 225, 75, 5);

  // A dataset thumbnail (48 px): 200 points close together on the line x2 = 0 (as a noise-free
  // moon's arc) show their colour along the line, not their outlines.
  const thumb = new Heatmap(canvas('thumbnail'), { size: 48, pixelRatio: 1 });
  thumb.drawPoints(new Float32Array(Array.from({ length: 200 }, (_, i) => [-5 + i * 0.05, 0, 1]).flat()));
  R.smallPoints = { onLine: px(thumb.canvas, 24, 24) };

  const hi = new Heatmap(canvas('hi-dpi'), { size: 300, pixelRatio: 2 });
  hi.draw(filled(0), N);
  hi.drawPoints(new Float32Array([3, 3, -1]));
  R.hidpi = {
    w: hi.canvas.width,
    cssW: hi.canvas.style.width,
    at33: px(hi.canvas, 450, 150),
    away: px(hi.canvas, 472, 150),
  };

  const kinds = new Heatmap(canvas('point kinds'), { size: 300, pixelRatio: 1 });
  kinds.draw(filled(0), N);
  kinds.drawPoints(new Float32Array([-3, 0, 2]), { kind: 'multiclass' });
  kinds.drawPoints(new Float32Array([3, 0, 3.0, 0, -3, -0.5]), { kind: 'regression' });
  R.kinds = {
    class2: px(kinds.canvas, 75, 150),
    reg3: px(kinds.canvas, 225, 150),
    regHalf: px(kinds.canvas, 150, 225),
  };

  // Multi-class: top half confident (class by column third), bottom half uniform 1/3.
  const K = 3,
    probs = [0, 1, 2].map(() => new Float32Array(N * N));
  for (let r = 0; r < N; r++)
    for (let c = 0; c < N; c++) {
      const j = r * N + c;
      if (r < N / 2) probs[c < 33 ? 0 : c < 66 ? 1 : 2][j] = 1;
      else for (let k = 0; k < K; k++) probs[k][j] = 1 / K;
    }
  const mc = new Heatmap(canvas('multi-class'), { size: 300, pixelRatio: 1 });
  mc.draw(probs, N);
  R.multi = {
    c0: px(mc.canvas, 40, 60),
    c1: px(mc.canvas, 150, 60),
    c2: px(mc.canvas, 260, 60),
    uniform: px(mc.canvas, 150, 240),
  };
  const part = new Heatmap(canvas('partial'), { size: 60, pixelRatio: 1 });
  part.draw([filled(0.2), filled(0.6), filled(0.2)], N);
  R.multi.partial = px(part.canvas, 30, 30);
  // One softmax output's thumbnail (cls): class 2's probability, 1 on the left half, 0.5 on the right.
  const one = new Float32Array(N * N);
  for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) one[r * N + c] = c < N / 2 ? 1 : 0.5;
  const clsThumb = new Heatmap(canvas('class-thumb'), { size: 60, pixelRatio: 1 });
  clsThumb.draw(one, N, { cls: { k: 2, K: 3 } });
  R.multi.thumbFull = px(clsThumb.canvas, 10, 30);
  R.multi.thumbHalf = px(clsThumb.canvas, 50, 30);
  clsThumb.draw(
    one.map(() => 0),
    N,
    { cls: { k: 2, K: 3 } },
  );
  R.multi.thumbZero = px(clsThumb.canvas, 30, 30);

  // NaN, out of range, and a thumbnail redrawn without reallocating.
  const lut = makeLut('default');
  R.lut = {
    nanIndex: valueToIndex(NaN),
    infIndex: valueToIndex(Infinity),
    negInfIndex: valueToIndex(-Infinity),
    zeroIndex: valueToIndex(0),
    big: valueToIndex(7),
    small: valueToIndex(-7),
    tiny: valueToIndex(-1e-6),
    entry128: Array.from(new Uint8Array(lut.buffer, 128 * 4, 3)),
  };
  const nanMap = new Heatmap(canvas('NaN'), { size: 60, pixelRatio: 1 });
  nanMap.draw(filled(NaN), N);
  R.lut.nanPixel = px(nanMap.canvas, 30, 30);
  const th = new Heatmap(canvas('thumb'), { size: 36, pixelRatio: 1 });
  th.draw(ramp(), N);
  const img = th.img;
  th.draw(ramp(), N, { offset: 0 });
  R.thumb = { sameImage: th.img === img, left: px(th.canvas, 0, 18), right: px(th.canvas, 35, 18) };
  const sc = new Heatmap(canvas('scaled'), { size: 60, pixelRatio: 1 });
  sc.draw(
    ramp().map((v) => v * 0.1),
    N,
    { scale: true },
  );
  R.scaled = { left: px(sc.canvas, 0, 30) };

  const lg = canvas('legend');
  lg.width = 200;
  lg.height = 30;
  drawLegend(lg, 'colorblind', false);
  R.legend = { left: px(lg, 0, 5), mid: px(lg, 100, 5), right: px(lg, lg.width - 1, 5) };

  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  stage.appendChild(svg);
  drawAxes(svg, 300);
  R.axes = { labels: [...svg.querySelectorAll('text')].map((t) => t.textContent), width: svg.getAttribute('width') };
  const ax = canvas('axes on a canvas');
  drawAxes(ax, 100);
  R.axes.canvasInk = ax
    .getContext('2d')
    .getImageData(0, 0, ax.width, ax.height)
    .data.filter((a, i) => i % 4 === 3 && a > 0).length;

  const lc = canvas('loss');
  const chart = new LossChart(lc, { width: 200, height: 60, pixelRatio: 1 });
  for (let e = 0; e < 20; e++) chart.push(e, e === 5 ? NaN : 1 / (e + 1), e === 12 ? Infinity : 1.2 / (e + 1));
  chart.draw();
  const top = lc.getContext('2d').getImageData(0, 0, 200, 8).data;
  let red = 0;
  for (let i = 0; i < top.length; i += 4) if (top[i] > 180 && top[i + 1] < 90 && top[i + 2] < 90) red++;
  const before = Array.from(lc.getContext('2d').getImageData(0, 0, 200, 60).data);
  const box = lc.getBoundingClientRect();
  lc.dispatchEvent(new MouseEvent('mousemove', { clientX: box.left + 100, clientY: box.top + 30, bubbles: true }));
  const after = lc.getContext('2d').getImageData(0, 0, 200, 60).data;
  let changed = 0;
  for (let i = 0; i < after.length; i++) if (after[i] !== before[i]) changed++;
  const hoverIndex = chart.hover;
  lc.dispatchEvent(new MouseEvent('mouseleave'));
  for (let e = 20; e < 5000; e++) chart.push(e, e === 30 ? NaN : 1 / (e + 1), 1 / (e + 1));
  chart.draw();
  let nonFinite = 0;
  for (let i = 0; i < chart.length; i++) if (!Number.isFinite(chart.train[i])) nonFinite++;
  R.loss = { red, changed, hoverIndex, length: chart.length, lastEpoch: chart.epoch[chart.length - 1], nonFinite };
  chart.clear();
  const empty = new LossChart(canvas('empty loss'), { width: 100, height: 40 });
  empty.draw();
  empty.push(0, NaN, NaN);
  empty.draw();
  R.loss.emptyOk = true;
  // one sample (epoch 0): its levels show across the chart, not as a dot at the left edge.
  // 200 x 60 at ratio 1: x runs 3..197, y = 58 - v / 1 * 49 (ymax = the larger loss, 1.0)
  const lone = new LossChart(canvas('one-sample loss'), { width: 200, height: 60, pixelRatio: 1 });
  lone.push(0, 0.5, 1.0);
  lone.draw();
  const inkAt = (x, y) => {
    const d = lone.ctx.getImageData(x - 1, y - 1, 3, 3).data;
    let a = 0;
    for (let i = 3; i < d.length; i += 4) a = Math.max(a, d[i]);
    return a;
  };
  R.loss.oneSample = {
    trainRight: inkAt(180, Math.round(58 - 0.5 * 49)),
    testRight: inkAt(180, Math.round(58 - 1.0 * 49)),
    between: inkAt(180, Math.round(58 - 0.75 * 49)),
  };
  // A long run (Max): 600,000 epochs, one sample per 500, train loss 0.7 exp(-e / 20000) + 0.01.
  // Linear x would put the whole descent in the first 14 % of the chart and nearly all of it in
  // the first 2 %; on the log axis (LOG_DECADES = 3: x = log(e + 600), from log 600 = 6.40 to
  // log 600600 = 13.31) the chart's middle column (x = 100 of 3..197: f = 6.40 + 0.5 * 6.91 =
  // 9.85, e = 19,000 - 600 = 18,400) shows a loss of 0.7 exp(-0.92) + 0.01 = 0.29: ink at
  // y = 58 - 0.29 / 0.71 * 49 = 38 (ymax: the first test loss, 0.71), not at the bottom.
  const long = new LossChart(canvas('long run loss'), { width: 200, height: 60, pixelRatio: 1 });
  for (let e = 0; e <= 600000; e += 500)
    long.push(e, 0.7 * Math.exp(-e / 20000) + 0.01, 0.7 * Math.exp(-e / 20000) + 0.011);
  long.draw();
  const column = long.ctx.getImageData(100, 0, 1, 60).data;
  const inked = [];
  for (let y = 0; y < 60; y++) if (column[4 * y + 3] > 100) inked.push(y);
  // Retention: 10,000,000 epochs at one sample per 100 keep early samples (log-spaced thinning);
  // even halving would keep one per ~10,000 epochs and none but epoch 0 below 1,000.
  const kept = new LossChart(canvas('kept loss'), { width: 200, height: 60, pixelRatio: 1 });
  for (let e = 0; e <= 1e7; e += 100) kept.push(e, e === 2e6 ? NaN : 1 / (1 + e), 1 / (1 + e));
  let early = 0,
    keptNaN = 0;
  for (let i = 0; i < kept.length; i++) {
    if (kept.epoch[i] < 1000) early++;
    if (!Number.isFinite(kept.train[i])) keptNaN++;
  }
  R.loss.long = { inked, early, keptNaN, length: kept.length, first: kept.epoch[0], last: kept.epoch[kept.length - 1] };
  R.ok = true;
} catch (e) {
  R.ok = false;
  R.error = `${e && e.stack ? e.stack : e}`;
}
window.viewsTest = R;
document.getElementById('out').textContent = JSON.stringify(R, null, 1);
