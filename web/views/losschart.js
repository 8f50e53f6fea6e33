// losschart.js: the small train/test loss chart. Keeps at most maxPoints (epoch, train, test)
// samples: when full, it thins them to about half, evenly spaced on a log scale of epochs since
// the first (so a run of millions of epochs at Max keeps its first descent as well as its end), a
// non-finite loss winning the merge so that a divergence never disappears.
// Linear y from 0 to the largest finite loss (as TF Playground). x: linear in epochs, as TF
// Playground, until the run spans LOG_AFTER epochs; then logarithmic over its last LOG_DECADES
// decades (say so in the corner), because on a linear axis a run of 100,000 epochs draws its whole
// descent inside the first pixel and the chart reads as an empty "L". A lone first sample is drawn
// as a dashed level across the chart. Non-finite losses leave a gap in
// the line and a red "x" at the top. Hover prints "epoch N: train x.xxx, test y.yyy" on the canvas.
// Colours come from the canvas's CSS custom properties (--train-color, --test-color,
// --chart-bg, --error-color) and its CSS color, read at every draw so a theme switch just works.
import { t } from '../i18n.js';

/** Beyond this span of epochs the x axis is logarithmic. */
const LOG_AFTER = 10000;
/** A log axis shows the run's last this many decades of epochs (x = log(epochs since the first
 * sample + span / 10^LOG_DECADES)), so a frame's worth of epochs at Max is not half the chart. */
const LOG_DECADES = 3;

/** @param {number} v */
function fmt(v) {
  return Number.isFinite(v) ? v.toFixed(3) : String(v);
}

export class LossChart {
  /**
   * @param {HTMLCanvasElement} canvas owned by the chart (sets its CSS size and backing store)
   * @param {{maxPoints?: number, width?: number, height?: number, pixelRatio?: number}} [opts]
   */
  constructor(canvas, opts = {}) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.max = Math.max(4, (opts.maxPoints || 2000) & ~1); // even, so halving pairs everything
    this.epoch = new Float64Array(this.max);
    this.train = new Float64Array(this.max);
    this.test = new Float64Array(this.max);
    this.n = 0;
    this.hover = -1;
    this.resize(opts.width, opts.height, opts.pixelRatio);
    this.onMove = (e) => this.#hoverAt(e.offsetX);
    this.onLeave = () => {
      this.hover = -1;
      this.draw();
    };
    canvas.addEventListener('mousemove', this.onMove);
    canvas.addEventListener('mouseleave', this.onLeave);
  }

  /** Number of stored samples. */
  get length() {
    return this.n;
  }

  /** CSS size (default: layout size, else width/height attributes) x devicePixelRatio. */
  resize(width, height, pixelRatio) {
    const c = this.canvas;
    this.w = width || this.w || c.clientWidth || c.width || 200;
    this.h = height || this.h || c.clientHeight || c.height || 60;
    this.dpr = pixelRatio || (typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1);
    c.width = Math.round(this.w * this.dpr);
    c.height = Math.round(this.h * this.dpr);
    c.style.width = `${this.w}px`;
    c.style.height = `${this.h}px`;
  }

  /** Appends one sample; losses may be NaN or +-Infinity. Does not draw. */
  push(epoch, trainLoss, testLoss) {
    if (this.n === this.max) this.#thin();
    const i = this.n++;
    this.epoch[i] = +epoch;
    this.train[i] = +trainLoss;
    this.test[i] = +testLoss;
  }

  /** Forgets every sample (a new run). */
  clear() {
    this.n = 0;
    this.hover = -1;
    this.draw();
  }

  /** Removes the mouse listeners. */
  dispose() {
    this.canvas.removeEventListener('mousemove', this.onMove);
    this.canvas.removeEventListener('mouseleave', this.onLeave);
  }

  // About half the samples stay: the first, the last, and between them one per step of
  // log(1 + epochs since the first); a dropped sample's non-finite loss goes to the next one kept.
  #thin() {
    const n = this.n,
      E = this.epoch,
      e0 = E[0],
      key = (i) => Math.log1p(Math.max(0, E[i] - e0)),
      step = (key(n - 1) - key(0)) / (this.max / 2 - 1);
    let w = 1,
      last = key(0),
      badTrain = null,
      badTest = null; // the first non-finite loss dropped since the last sample kept
    const carry = (bad, v) => (bad !== null && Number.isFinite(v) ? bad : v);
    for (let i = 1; i < n; i++) {
      if (i < n - 1 && key(i) - last < step) {
        if (badTrain === null && !Number.isFinite(this.train[i])) badTrain = this.train[i];
        if (badTest === null && !Number.isFinite(this.test[i])) badTest = this.test[i];
        continue;
      }
      E[w] = E[i];
      this.train[w] = carry(badTrain, this.train[i]);
      this.test[w] = carry(badTest, this.test[i]);
      badTrain = badTest = null;
      last = key(i);
      w++;
    }
    this.n = w;
    this.hover = -1;
  }

  #colours() {
    const cs = typeof getComputedStyle === 'function' ? getComputedStyle(this.canvas) : null;
    const prop = (k) => (cs ? cs.getPropertyValue(k).trim() : '');
    // Without custom properties, guess the theme from the text colour: light text means dark theme.
    const m = /(\d+)\D+(\d+)\D+(\d+)/.exec(cs ? cs.color : '');
    const dark = m ? +m[1] + +m[2] + +m[3] > 3 * 128 : false;
    return {
      train: prop('--train-color') || (dark ? '#9aa0a6' : '#888'),
      test: prop('--test-color') || (dark ? '#fff' : '#000'),
      bg: prop('--chart-bg') || (dark ? '#202124' : '#fff'),
      text: (cs && cs.color) || (dark ? '#e8eaed' : '#202124'),
      error: prop('--error-color') || '#d93025',
    };
  }

  #scales() {
    let ymax = 0;
    for (let i = 0; i < this.n; i++) {
      const a = this.train[i],
        b = this.test[i];
      if (Number.isFinite(a) && a > ymax) ymax = a;
      if (Number.isFinite(b) && b > ymax) ymax = b;
    }
    if (!(ymax > 0)) ymax = 1;
    const e0 = this.epoch[0],
      e1 = this.n > 1 ? this.epoch[this.n - 1] : e0 + 1;
    const left = 3,
      right = this.w - 3,
      top = 9,
      bottom = this.h - 2;
    const span = e1 - e0 || 1,
      log = span > LOG_AFTER,
      c = span / 10 ** LOG_DECADES,
      f = log ? (e) => Math.log(e - e0 + c) : (e) => e - e0,
      f0 = f(e0),
      df = f(e1) - f0 || 1;
    return {
      log,
      x: (e) => left + ((f(e) - f0) / df) * (right - left),
      y: (v) => bottom - (Math.max(0, v) / ymax) * (bottom - top),
    };
  }

  #hoverAt(px) {
    if (!this.n) return;
    const sc = this.#scales();
    let best = 0;
    for (let i = 1; i < this.n; i++)
      if (Math.abs(sc.x(this.epoch[i]) - px) < Math.abs(sc.x(this.epoch[best]) - px)) best = i;
    if (best !== this.hover) {
      this.hover = best;
      this.draw();
    }
  }

  /** Redraws everything (cheap: at most maxPoints segments per line). */
  draw() {
    const ctx = this.ctx,
      c = this.#colours();
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, this.w, this.h);
    if (!this.n) return;
    const sc = this.#scales(),
      marks = new Set();
    ctx.lineWidth = 1.5;
    ctx.lineCap = ctx.lineJoin = 'round';
    for (const [data, colour] of [
      [this.train, c.train],
      [this.test, c.test],
    ]) {
      ctx.strokeStyle = colour;
      ctx.beginPath();
      let down = false;
      for (let i = 0; i < this.n; i++) {
        const x = sc.x(this.epoch[i]),
          v = data[i];
        if (!Number.isFinite(v)) {
          down = false;
          marks.add(Math.round(x));
          continue;
        }
        if (!down) ctx.moveTo(x, sc.y(v)); // with round caps a lone sample still shows as a dot
        ctx.lineTo(x, sc.y(v));
        down = true;
      }
      ctx.stroke();
      // One sample (a new network at epoch 0): a dot at the left edge reads as an empty chart, so
      // its level is drawn dashed across, the line the curve will leave as training starts.
      if (this.n === 1 && Number.isFinite(data[0])) {
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(sc.x(this.epoch[0]), sc.y(data[0]));
        ctx.lineTo(this.w - 3, sc.y(data[0]));
        ctx.stroke();
        ctx.setLineDash([]);
      }
    }
    if (marks.size) {
      ctx.strokeStyle = c.error;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      for (const x of marks) {
        ctx.moveTo(x - 3, 1);
        ctx.lineTo(x + 3, 7);
        ctx.moveTo(x + 3, 1);
        ctx.lineTo(x - 3, 7);
      }
      ctx.stroke();
    }
    if (sc.log) {
      ctx.font = '10px sans-serif';
      ctx.textBaseline = 'top';
      ctx.textAlign = 'right';
      ctx.fillStyle = c.train;
      ctx.fillText(t('chart.logScale'), this.w - 3, 1);
      ctx.textAlign = 'left';
    }
    if (this.hover >= 0 && this.hover < this.n) this.#label(sc, c);
  }

  #label(sc, c) {
    const ctx = this.ctx,
      i = this.hover,
      x = sc.x(this.epoch[i]);
    ctx.strokeStyle = c.text;
    ctx.globalAlpha = 0.4;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, this.h);
    ctx.stroke();
    ctx.globalAlpha = 1;
    const text = t('chart.hover', { epoch: this.epoch[i], train: fmt(this.train[i]), test: fmt(this.test[i]) });
    ctx.font = '11px sans-serif';
    ctx.textBaseline = 'top';
    const tw = ctx.measureText(text).width;
    const bx = Math.max(0, Math.min(this.w - tw - 6, x + 6 + tw + 6 > this.w ? x - tw - 12 : x + 6));
    ctx.fillStyle = c.bg;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(bx, 9, tw + 6, 15);
    ctx.globalAlpha = 1;
    ctx.fillStyle = c.text;
    ctx.fillText(text, bx + 3, 11);
  }
}
