// heatmap.js: draws a grid of values over the input plane [-6, 6]^2 onto a canvas, and data points
// on top. The grid is the engine's eval_grid layout: N*N floats, row-major, row 0 at y = +6,
// column 0 at x = -6, sample (r, c) exactly at x = -6 + 12c/(N-1), y = 6 - 12r/(N-1).
// One frame = one pass over the grid through a 256-entry colour table into a reused N x N ImageData,
// one putImageData onto a reused offscreen canvas, one smoothed drawImage. A Heatmap allocates
// only when N, the canvas size or the colour settings change, so neuron thumbnails stay cheap.
// Also: pixel <-> data helpers. The axes and the colour legend around the picture: axes-legend.js.
import { makeLut, makeClassLut, pack, stops, rgbOf, classRgb, palette } from './colors.js';

export const DOMAIN = 6;
/** Milliseconds spent colouring grids into ImageData (the lookup-table pass), summed over every
 * Heatmap: read by the page's frame-budget benchmark to split colouring from drawing. */
export const heatmapStats = { colourMs: 0 };

/** Canvas pixel (from the top-left) -> data {x, y}; x grows rightwards, y upwards. */
export function pixelToData(px, py, width, height) {
  return { x: -DOMAIN + (2 * DOMAIN * px) / width, y: DOMAIN - (2 * DOMAIN * py) / height };
}

/** Data (x, y) -> canvas pixel {px, py}; the inverse of pixelToData. */
export function dataToPixel(x, y, w, h) {
  return { px: ((x + DOMAIN) / (2 * DOMAIN)) * w, py: ((DOMAIN - y) / (2 * DOMAIN)) * h };
}

/** A w x h canvas off the page (OffscreenCanvas where there is one). */
export function offscreen(w, h) {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(w, h);
  const c = document.createElement('canvas');
  [c.width, c.height] = [w, h];
  return c;
}

/** The screen's device pixels per CSS px (1 where it is unknown). */
export function screenRatio() {
  return typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
}

/**
 * @typedef {{palette?: string, dark?: boolean, discretize?: boolean}} Style
 * @typedef {Style & {offset?: number, scale?: boolean, stride?: number, cls?: {k: number, K: number}}} DrawOpts
 *   offset: first float of the grid inside `values` (saves a subarray per frame);
 *   scale: divide by max |v| first, for inputs such as x1 (range +-6) or x1^2 (0..36);
 *   stride: colour only every stride-th row and column (a thumbnail smaller than the grid does
 *   not need every sample: a 26 px neuron shows a 100 x 100 grid at stride 3, 9x fewer pixels);
 *   cls: the values are class k's probability (of K; a softmax output): neutral at 0 to class k's
 *   colour at 1, as in the output picture (not the -1..+1 scale, which would show 0 as grey).
 * @typedef {{kind?: 'binary'|'multiclass'|'regression', test?: boolean}} PointOpts
 */
export class Heatmap {
  /**
   * @param {HTMLCanvasElement|null} canvas owned by the Heatmap: its CSS size and backing store are
   *   set here; null for a picture only ever drawn into another canvas (drawInto).
   * @param {Style & {size?: number, pixelRatio?: number}} [opts] size: CSS px (default: the
   *   canvas's layout width, else its width attribute); pixelRatio: default devicePixelRatio.
   */
  constructor(canvas, opts = {}) {
    this.canvas = canvas;
    this.ctx = canvas ? canvas.getContext('2d') : null;
    this.style = { palette: 'default', dark: false, discretize: false };
    this.lutKey = this.classKey = '';
    this.n = this.cssSize = 0;
    this.setStyle(opts);
    this.resize(opts.size, opts.pixelRatio);
  }

  /** Changes palette / theme / discretize; tables are rebuilt only when something changed. @param {Style} s */
  setStyle(s = {}) {
    for (const k of ['palette', 'dark', 'discretize'])
      if (s[k] !== undefined) this.style[k] = k === 'palette' ? String(s[k]) : !!s[k];
    const key = `${palette(this.style.palette).name}|${this.style.dark}|${this.style.discretize}`;
    if (key === this.lutKey) return;
    this.lutKey = key;
    this.lut = makeLut(this.style.palette, this.style);
    this.neutral = pack(stops(this.style.palette, this.style.dark)[1]);
    this.classKey = '';
  }

  /** Sizes the backing store to CSS size x pixel ratio (call again when devicePixelRatio changes). */
  resize(size, pixelRatio) {
    const c = this.canvas;
    this.dpr = pixelRatio || screenRatio();
    if (!c) return void (this.cssSize = size || this.cssSize || 300);
    this.cssSize = size || this.cssSize || c.clientWidth || c.width || 300;
    const px = Math.max(1, Math.round(this.cssSize * this.dpr));
    if (c.width !== px) c.width = px;
    if (c.height !== px) c.height = px;
    c.style.width = c.style.height = `${this.cssSize}px`;
  }

  #grid(N) {
    if (N === this.n) return;
    this.n = N;
    this.off = offscreen(N, N);
    this.offCtx = this.off.getContext('2d');
    this.img = this.offCtx.createImageData(N, N);
    this.pix = new Uint32Array(this.img.data.buffer);
  }

  /**
   * Paints a grid. values: Float32Array (N*N, one output in [-1, 1]; clamped, NaN -> neutral), or an
   * array of K Float32Arrays of class probabilities: colour of the argmax class, from neutral at
   * max prob 1/K to the full class colour at 1. With opts.skipSame, a picture whose pixels equal the
   * last one's is not drawn again (false: nothing was drawn; the canvas still shows those pixels).
   * @param {Float32Array|Float32Array[]} values @param {number} N @param {DrawOpts & {skipSame?: boolean}} [opts]
   * @returns {boolean} whether the canvas was drawn
   */
  draw(values, N, opts = {}) {
    const c = this.#colour(values, N, opts);
    if (!c) return false;
    const ctx = this.ctx,
      W = this.canvas.width,
      H = this.canvas.height;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.clearRect(0, 0, W, H);
    this.#blit(ctx, 0, 0, W, H, c, N);
    return true;
  }

  /**
   * Paints a grid as draw() does, into the rectangle (x, y, w, h) of another canvas's context (in
   * its current transform), clipped to it: a view with many small pictures (views/network.js)
   * keeps them on one canvas without a canvas of its own per picture.
   * @returns {boolean} whether anything was drawn (false: skipSame and the same pixels)
   */
  drawInto(ctx, x, y, w, h, values, N, opts = {}) {
    const c = this.#colour(values, N, opts);
    if (!c) return false;
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, w, h);
    ctx.clip();
    ctx.clearRect(x, y, w, h);
    this.#blit(ctx, x, y, w, h, c, N);
    ctx.restore();
    return true;
  }

  // Texel c's centre must land on x = -6 + 12cs/(N-1), so the image overhangs by half a cell each side.
  #blit(ctx, x, y, w, h, { s, n }, N) {
    const cw = (w * s) / (N - 1),
      ch = (h * s) / (N - 1);
    ctx.drawImage(this.off, x - cw / 2, y - ch / 2, cw * n, ch * n);
  }

  // Colours the grid into this.off (sampled every s-th row and column: n a side); null when there
  // is nothing to draw, or (skipSame) when the pixels equal the last call's.
  #colour(values, N, opts) {
    this.setStyle(opts);
    if (!(N >= 2) || !values) return null;
    const t0 = performance.now();
    const multi = Array.isArray(values) && values.length > 1; // class pictures: full grid only
    const s = multi ? 1 : Math.max(1, Math.min(N - 1, opts.stride | 0 || 1)),
      n = Math.floor((N - 1) / s) + 1;
    this.#grid(n);
    const o = opts.offset | 0,
      out = this.pix;
    if (multi) this.#classes(values, N * N, o);
    else {
      const src = Array.isArray(values) ? values[0] : values,
        lut = this.lut,
        neutral = this.neutral;
      let k = 1;
      if (opts.scale) {
        let m = 0;
        for (let r = 0; r < N; r += s)
          for (let j = o + r * N, e = j + N; j < e; j += s) {
            const a = Math.abs(src[j]);
            if (a > m) m = a;
          }
        if (m > 0 && m !== Infinity) k = 1 / m;
      }
      let q = 0;
      if (opts.cls) {
        const key = `${this.lutKey}|${opts.cls.K}|smooth`;
        if (key !== this.clsKey) {
          this.clsKey = key;
          this.clsLut = makeClassLut(this.style.palette, opts.cls.K, { dark: this.style.dark });
        }
        const cl = this.clsLut,
          base = opts.cls.k * 256;
        for (let r = 0; r < N; r += s)
          for (let j = o + r * N, e = j + N; j < e; j += s) {
            const v = src[j];
            out[q++] = v === v ? cl[base + (v <= 0 ? 0 : v >= 1 ? 255 : (v * 255 + 0.5) | 0)] : neutral;
          }
      } else {
        for (let r = 0; r < N; r += s)
          for (let j = o + r * N, e = j + N; j < e; j += s) {
            const v = src[j] * k; // valueToIndex, inlined: this loop runs for every pixel of every thumbnail
            if (v >= 0) out[q++] = lut[v >= 1 ? 255 : (128.5 + v * 127) | 0];
            else if (v < 0) out[q++] = lut[v <= -1 ? 0 : (128 + v * 128) | 0];
            else out[q++] = neutral;
          }
      }
    }
    let same = false;
    if (opts.skipSame) {
      // a slow or settled network changes few colours between frames: the copy to compare with
      const last = this.last;
      same = !!last && this.lastGeom === N * 4096 + s && last.length === out.length;
      for (let i = 0; same && i < out.length; i++) same = last[i] === out[i];
      if (!same) {
        if (!last || last.length !== out.length) this.last = out.slice();
        else last.set(out);
        this.lastGeom = N * 4096 + s;
      }
    }
    heatmapStats.colourMs += performance.now() - t0;
    if (same) return null;
    this.offCtx.putImageData(this.img, 0, 0);
    return { s, n };
  }

  #classes(values, P, o) {
    const K = values.length,
      out = this.pix,
      neutral = this.neutral;
    const key = `${this.lutKey}|${K}`;
    if (key !== this.classKey) {
      this.classKey = key;
      this.classLut = makeClassLut(this.style.palette, K, this.style);
    }
    const lut = this.classLut,
      lo = 1 / K,
      gain = 255 / (1 - lo);
    for (let j = 0; j < P; j++) {
      let best = 0,
        bp = values[0][o + j];
      for (let k = 1; k < K; k++) {
        const p = values[k][o + j];
        if (p > bp || !(bp === bp)) {
          bp = p;
          best = k;
        }
      }
      if (!(bp === bp)) {
        out[j] = neutral;
        continue;
      }
      const s = (bp - lo) * gain;
      out[j] = lut[best * 256 + (s <= 0 ? 0 : s >= 255 ? 255 : (s + 0.5) | 0)];
    }
  }

  /**
   * Draws points over the current picture, in one path per colour (see drawPoints), from a copy
   * kept as long as the same point arrays and style are asked for: the page's data do not change
   * while it trains, so a frame blits one picture instead of stroking every point again.
   * @param {[Float32Array|number[], boolean][]} sets [points, test] pairs, drawn in order
   * @param {PointOpts & Style} [opts]
   */
  drawPointSets(sets, opts = {}) {
    const key = [this.canvas.width, this.cssSize, this.dpr, opts.palette, opts.dark, opts.kind, sets.length].join('|');
    const c = this.pointCache;
    if (
      !c ||
      c.key !== key ||
      c.sets.length !== sets.length ||
      c.sets.some((s, i) => s[0] !== sets[i][0] || s[1] !== sets[i][1])
    ) {
      const off = offscreen(this.canvas.width, this.canvas.height),
        ctx = this.ctx;
      this.ctx = off.getContext('2d');
      for (const [points, test] of sets) this.drawPoints(points, { ...opts, test });
      this.ctx = ctx;
      this.pointCache = { key, sets: sets.map((s) => s.slice()), off };
    }
    this.ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx.drawImage(this.pointCache.off, 0, 0);
  }

  /**
   * Draws points over the current picture, in one path per colour.
   * points: Float32Array of [x1, x2, label] triples in data coordinates. Labels: binary -1/+1 (> 0 is
   * the + colour), multiclass 0..K-1, regression a value (clamped to [-1, 1], 32 shades).
   * test: dark outline (light in the dark theme) instead of the training points' background outline.
   * @param {Float32Array|number[]} points @param {PointOpts & Style} [opts]
   */
  drawPoints(points, opts = {}) {
    this.setStyle(opts);
    const kind = opts.kind || 'binary',
      n = Math.floor(points.length / 3);
    if (!n) return;
    const ctx = this.ctx,
      s = this.cssSize / 300,
      pal = this.style.palette,
      dark = this.style.dark;
    const r = Math.max(1.5, 3.5 * s);
    // Colour key per point (-1: not drawn): binary 0/1, class index, or one of 32 regression shades.
    if (!this.keys || this.keys.length < n) this.keys = new Int16Array(n);
    const keys = this.keys,
      used = new Set();
    for (let i = 0; i < n; i++) {
      const x = points[3 * i],
        y = points[3 * i + 1],
        lab = points[3 * i + 2];
      let k =
        kind === 'multiclass'
          ? Number.isFinite(lab)
            ? Math.max(0, Math.trunc(lab))
            : -1
          : kind === 'regression'
            ? lab === lab
              ? Math.round((Math.max(-1, Math.min(1, lab)) + 1) * 15.5)
              : -1
            : lab > 0
              ? 1
              : lab <= 0
                ? 0
                : -1;
      if (!Number.isFinite(x) || !Number.isFinite(y)) k = -1;
      keys[i] = k;
      if (k >= 0) used.add(k);
    }
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.lineWidth = Math.max(0.75, s);
    ctx.strokeStyle = opts.test ? (dark ? '#f1f3f4' : '#000') : dark ? '#1b1d20' : '#fff';
    for (const k of [...used].sort((a, b) => a - b)) {
      const c =
        kind === 'multiclass'
          ? classRgb(pal, k)
          : kind === 'regression'
            ? rgbOf(pal, k / 15.5 - 1, dark)
            : stops(pal, dark)[2 * k];
      ctx.fillStyle = `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        if (keys[i] !== k) continue;
        const p = dataToPixel(points[3 * i], points[3 * i + 1], this.cssSize, this.cssSize);
        ctx.moveTo(p.px + r, p.py);
        ctx.arc(p.px, p.py, r, 0, 2 * Math.PI);
      }
      ctx.fill();
      // The outline sets a point off a coloured picture; on a small one (the dataset thumbnails, 48
      // px) points 1.5 px wide lie so close that their white outlines covered the colour (moons).
      if (this.cssSize >= 100) ctx.stroke();
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }

  /** A ring around the data point (x, y): the point the step-through traces. */
  drawMarker(x, y) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const ctx = this.ctx,
      s = this.cssSize / 300,
      p = dataToPixel(x, y, this.cssSize, this.cssSize);
    const r = Math.max(5, 9 * s);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    // a dark ring inside a light one reads on any heatmap colour in either theme
    for (const [w, colour] of [
      [5 * Math.max(0.75, s), '#000'],
      [3 * Math.max(0.75, s), '#ffd400'],
    ]) {
      ctx.lineWidth = w;
      ctx.strokeStyle = colour;
      ctx.beginPath();
      ctx.arc(p.px, p.py, r, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.marked = { x, y, px: p.px, py: p.py, r }; // read by the browser tests
  }
}
