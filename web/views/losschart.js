// losschart.js: the small train/test loss chart. Keeps at most maxPoints (epoch, train, test)
// samples: when full, neighbouring pairs merge into one (so the whole run stays visible at half the
// resolution), a non-finite loss winning the merge so that a divergence never disappears.
// Linear y from 0 to the largest finite loss (as TF Playground); a lone first sample is drawn as a
// dashed level across the chart. Non-finite losses leave a gap in
// the line and a red "x" at the top. Hover prints "epoch N: train x.xxx, test y.yyy" on the canvas.
// Colours come from the canvas's CSS custom properties (--train-color, --test-color,
// --chart-bg, --error-color) and its CSS color, read at every draw so a theme switch just works.
import { t } from '../i18n.js';

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
    if (this.n === this.max) this.#halve();
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

  #halve() {
    const pick = (a, b) => (!Number.isFinite(b) ? b : !Number.isFinite(a) ? a : b);
    const half = this.n >> 1;
    for (let i = 0; i < half; i++) {
      const a = 2 * i,
        b = a + 1;
      this.epoch[i] = this.epoch[b];
      this.train[i] = pick(this.train[a], this.train[b]);
      this.test[i] = pick(this.test[a], this.test[b]);
    }
    this.n = half;
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
    const span = e1 - e0 || 1;
    return {
      x: (e) => left + ((e - e0) / span) * (right - left),
      y: (v) => bottom - (Math.max(0, v) / ymax) * (bottom - top),
      e: (px) => e0 + ((px - left) / (right - left)) * span,
    };
  }

  #hoverAt(px) {
    if (!this.n) return;
    const e = this.#scales().e(px);
    let best = 0;
    for (let i = 1; i < this.n; i++) if (Math.abs(this.epoch[i] - e) < Math.abs(this.epoch[best] - e)) best = i;
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
