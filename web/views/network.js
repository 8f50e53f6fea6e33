// network.js: draws the network: a column of input features (toggles), the hidden layers and the
// output, each neuron with a live thumbnail of its output over the input plane, links whose width
// and colour follow the weight, a small square per bias. Hover a link or bias: its value; click:
// type a new one; hover a neuron: its heatmap enlarged. Structure changes go through callbacks; the
// view never changes the model itself. All text goes in through textContent (URL text is untrusted).
// Bounds, so that a network of any size the engine accepts (16 x 256: about 1M weights, 4,000
// neurons) never freezes the tab: at most LINK_CAP links drawn (above that, the LINK_CAP
// strongest weights, re-picked every pickMs (net-links.js pickPeriod), with a visible note); thumbnails drawn for at most
// THUMB_BUDGET_MS per frame (the rest follow in the next frames, round-robin). Link and bias
// attributes are written only when their colour or width bucket changes. Above THUMB_CAP neurons
// the view is compact: one canvas holds every neuron and link (net-compact.js).
// This file holds the class, what a new structure builds and the per-frame schedule (update,
// catchUp); its rooms: net-layout.js (geometry, columns, buttons), net-links.js (links: placing,
// picking, styling, painting), net-compact.js (the compact view), net-edit.js (tooltips, the big
// heatmap on hover, typed values). Their functions take the view, which owns all the state.
import { cssColor, indexToValue, valueToIndex, makeLut } from './colors.js';
import { placeLabels } from './anno-layout.js';
import { el, SVGNS } from './dom.js';
import { geometry, buildColumns } from './net-layout.js';
import { pickPeriod, makeLinks, pickStrongest, styleLinks } from './net-links.js';
import { makePlot, compactLinks, paintBars } from './net-compact.js';
import { makeTips } from './net-edit.js';
import { yieldToPage } from '../yield.js';

export { THUMB_CAP } from './net-layout.js';
export { LINK_CAP } from './net-links.js';

const THUMB_BUDGET_MS = 6;
const HEAVY_MS = 33; // slots of the clock VIEW_MS uses (frame-plan.js): 30 redraws a second at most
const HEAVY_THUMBS = 24;
const THUMB_TEXELS = 25;

export class NetworkView {
  /**
   * @param {HTMLElement} root
   * @param {object} cb callbacks: toggleFeature(key), editWeight(l, to, from, v), editBias(l, j, v),
   *   addNeuron(hiddenIndex, delta), addLayer(delta), announce(text), neuronGrid(row, N): a
   *   Promise of one row's N x N image (for a packed grid)
   */
  constructor(root, cb) {
    this.root = root;
    this.cb = cb;
    this.minMs = 0;
    this.palette = 'default';
    this.dark = false;
    makeTips(this);
  }

  setTheme(palette, dark) {
    this.palette = palette;
    this.dark = dark;
    // CSS colour per lookup-table index: links and biases reuse these strings
    this.css = Array.from({ length: 256 }, (_, i) => cssColor(palette, indexToValue(i), dark));
    for (const l of this.links || []) l.key = -2;
    for (const r of this.runs || []) r.dirty = true;
    for (const col of this.nodes || []) for (const n of col) n.key = -2;
    this.packed = makeLut(palette, { dark }); // packed RGBA per index: the compact view's neuron bars
    this.linksDue = true;
  }

  /**
   * @param {{key: string, label: string, active: boolean, hidden?: boolean}[]} features the
   *   seven inputs in the engine's order; a hidden one ("<feature>_hide") is not drawn, nor are its
   *   links, but when active it still feeds the network (as in TensorFlow Playground), so it keeps
   *   its grid row and input index
   * @param {{nIn: number, nOut: number, wOff: number, bOff: number, activation: string}[]} layers
   * @param {{maxLayers: number, maxNeurons: number, hideLayerControls: boolean}} limits
   */
  setStructure(features, layers, limits) {
    const shown = features.filter((f) => !f.hidden);
    this.features = shown;
    this.layers = layers;
    this.pickMs = pickPeriod(layers.reduce((n, L) => n + L.nIn * L.nOut, 0));
    // A rebuild replaces every button: the one that had the focus (say "add a hidden layer") gets
    // it back by its name, so a keyboard user is not dropped to the top of the page.
    const had = this.root.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
    this.root.replaceChildren();
    if (!this.css) this.setTheme(this.palette, this.dark);
    const geo = geometry(this, shown, layers),
      { compact, thumbs, notes, pad, width, height } = geo;
    this.root.style.width = `${width}px`;
    this.root.style.height = `${height}px`;
    const svg = document.createElementNS(SVGNS, 'svg');
    svg.setAttribute('class', 'net-links');
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('aria-hidden', 'true');
    this.root.appendChild(svg);
    this.svg = svg;
    this.plot = null;
    if (compact) makePlot(this, geo);
    const inputs = buildColumns(this, features, layers, limits, geo);
    const onCanvas = makeLinks(this, svg, inputs, geo);
    this.note = el('div', 'net-note', this.root);
    this.note.style.left = `${pad}px`;
    this.note.style.width = `${width - pad - 10}px`;
    this.note.setAttribute('role', 'note');
    this.note.textContent = notes.join(' ');
    this.note.hidden = !notes.length;
    this.thumbs = this.nodes.flat().filter((n) => n.map && n.row >= 0);
    this.sheet = null;
    if (thumbs) {
      const c = el('canvas', 'net-sheet', this.root),
        dpr = devicePixelRatio || 1; // above the neuron boxes, not the pointer's
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
      c.setAttribute('aria-hidden', 'true');
      const ctx = c.getContext('2d');
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      this.sheet = { c, ctx };
    }
    this.cursor = this.pending = this.linkCursor = this.linksPending = 0;
    this.behind = this.deferred = false;
    this.linksDue = true;
    // heavy: redrawn at 30 Hz (update). A 6 x 8 view's SVG links and 55 thumbnails cost the main
    // thread more per frame than everything else the page draws (bench/page-speed.mjs).
    this.heavy = compact || onCanvas || this.thumbs.length > HEAVY_THUMBS;
    this.drawnSlot = NaN;
    for (const col of this.nodes) for (const n of col) if (n.bias) svg.appendChild(n.bias);
    this.annoLayer = el('div', 'net-annotations', this.root);
    this.linkText = document.createElementNS(SVGNS, 'g');
    this.linkText.setAttribute('class', 'net-link-text');
    svg.appendChild(this.linkText);
    if (had) {
      const named = [...this.root.querySelectorAll('[aria-label]')].filter((e) => !e.disabled);
      const again =
        named.find((e) => e.getAttribute('aria-label') === had) || named.find((e) => e.tagName === 'BUTTON');
      if (again) again.focus();
    }
  }

  /**
   * Step-through annotations: text beside neurons (by grid row), small labels on links (by param
   * index; only drawn when the network has few links), emphasised links. Pass null to clear.
   * @param {{neurons?: {row: number, lines: string[], cls?: string}[], links?: {k: number, text: string}[],
   *          emphasis?: Set<number>, selected?: number}|null} a
   */
  annotate(a) {
    if (!this.annoLayer) return;
    this.annoLayer.replaceChildren();
    this.linkText.replaceChildren();
    // canvas links (gap canvases, compact plot) show the emphasis when next painted
    this.anno = a && (a.emphasis || a.selected !== undefined) ? a : null;
    for (const r of this.runs || []) r.dirty = true;
    this.linksPending = this.links ? this.links.length + this.runs.length : 0;
    this.linksDue = true;
    this.behind = true;
    for (const { path, k } of this.links || []) {
      if (!path) continue;
      path.classList.toggle('dim', !!(a && a.emphasis && !a.emphasis.has(k)));
      path.classList.toggle('selected', !!(a && a.selected === k));
    }
    if (!a) return;
    const byRow = new Map();
    for (const col of this.nodes) for (const n of col) byRow.set(n.row, n);
    for (const { row, lines, cls } of a.neurons || []) {
      const n = byRow.get(row);
      if (!n || (this.compact && n.layer !== undefined)) continue; // thousands of boxes would bury the plot
      const d = el('div', `net-anno ${cls || ''}`, this.annoLayer);
      d.dataset.row = String(row);
      d.style.left = `${n.x + this.node + 3}px`;
      d.style.top = `${n.y - 2}px`;
      for (const t of lines) el('div', '', d).textContent = t;
    }
    const placed = [];
    if ((this.links || []).length <= 30)
      for (const { k, text } of a.links || []) {
        const L = this.links.find((l) => l.k === k);
        if (!L) continue;
        const t = document.createElementNS(SVGNS, 'text');
        t.setAttribute('x', String(L.x));
        t.setAttribute('y', String(L.y - 3));
        t.setAttribute('text-anchor', 'middle');
        t.setAttribute('data-k', String(k));
        t.textContent = text;
        this.linkText.appendChild(t);
        if (L.hit) placed.push({ text: t, path: L.hit });
      }
    placeLabels(placed, [...this.annoLayer.children]);
  }

  /** The page's pace for this view: redrawn at most every `ms` (0: as its size allows). */
  setMinInterval(ms) {
    this.minMs = ms;
  }

  /** Live values: params (Float32Array), grid rows (Float32Array rows * N * N), N. */
  update(params, grid, N, { discretize = false, packed = null } = {}) {
    this.params = params;
    this.grid = grid;
    this.gridPacked = packed; // {F, K}: grid holds the F feature rows, then the K outputs (frame-loop.js)
    this.N = N;
    this.discretize = discretize;
    // A large view is redrawn at most every HEAVY_MS (30 Hz at a 60 Hz display): each frame in
    // which its canvases change costs Chromium ~10 ms of main thread (measured on 8 x 16), and
    // the output and the losses are drawn at least as often (frame-plan.js VIEW_MS). The newest
    // values wait in this.params / this.grid and are drawn by the next update or catchUp.
    if (this.#slot() === this.drawnSlot) {
      if (grid) this.pending = this.thumbs.length;
      this.behind = this.deferred = true;
      return;
    }
    this.drawnSlot = this.#slot();
    this.deferred = false;
    if (this.compact) {
      // links re-picked and repainted every pickMs (or when the emphasis or theme changed); bars every frame
      if (this.linksDue || performance.now() - this.pickedAt > this.pickMs) compactLinks(this);
      else paintBars(this, params);
      if (grid) this.pending = this.thumbs.length;
      this.styledNow = true;
      return this.catchUp();
    }
    // Capped: the strongest links are re-picked and re-styled every pickMs only (then painted over
    // the next frames, LINK_BATCH at a time), not every frame: their canvases are as tall as the
    // network, and handing many tall canvases to the compositor each frame costs far more than a frame.
    if (!this.capped) this.linksPending = this.links.length;
    else if (performance.now() - this.pickedAt > this.pickMs) {
      this.pickedAt = performance.now();
      pickStrongest(this, params);
      this.linksPending = this.links.length + this.runs.length;
      this.biasDue = true;
    }
    styleLinks(this, params);
    const css = this.css;
    // capped: biases too only once per pickMs (thousands of SVG squares)
    if (!this.capped || this.biasDue)
      for (let c = 1; c < this.nodes.length; c++)
        for (const n of this.nodes[c]) {
          const key = valueToIndex(params[this.layers[n.layer].bOff + n.j]);
          if (key !== n.key) n.bias.setAttribute('fill', css[(n.key = key)]);
        }
    this.biasDue = false;
    this.styledNow = true; // catchUp below must not style a second batch in this frame
    if (grid) this.pending = this.thumbs.length;
    this.catchUp();
  }

  // The slot of the clock this view's redraws are paced by (at most one per slot): slots of
  // HEAVY_MS or the set minimum, on the clock the frame loop's views use (frame-loop.js due), so a
  // redraw falls in a frame that draws the others too; NaN (never equal: draw now) when unpaced.
  #slot() {
    const period = Math.max(this.heavy ? HEAVY_MS : 0, this.minMs);
    return period > 0 ? Math.floor(performance.now() / period) : NaN;
  }

  /** Draws the thumbnails not yet drawn from the newest grid, round-robin from where the last
   * frame stopped, for at most THUMB_BUDGET_MS; `behind`: some still show an older frame (call
   * again at the next animation frame). */
  catchUp() {
    if (this.deferred) {
      if (this.#slot() !== this.drawnSlot)
        this.update(this.params, this.grid, this.N, { discretize: this.discretize, packed: this.gridPacked });
      return;
    }
    if (this.compact) {
      if (this.linksDue && this.params && !this.styledNow) compactLinks(this);
    } else if (this.linksPending > 0 && !this.styledNow && this.params) styleLinks(this, this.params);
    this.styledNow = false;
    const list = this.thumbs,
      N = this.N,
      P = N * N,
      t0 = performance.now();
    while (this.pending > 0 && this.grid) {
      const n = list[this.cursor];
      this.cursor = (this.cursor + 1) % list.length;
      this.pending--;
      // at most THUMB_TEXELS a side (TF Playground draws 10): smoothing hides the rest at this size
      const stride = Math.max(Math.floor(N / (this.node * n.map.dpr)), Math.floor(N / THUMB_TEXELS));
      const o = {
        palette: this.palette,
        dark: this.dark,
        discretize: this.discretize,
        scale: n.scale,
        offset: n.row * P,
        stride,
        cls: n.cls,
        skipSame: true, // an unchanged picture is not drawn again (feature inputs never change)
      };
      // neurons: straight into the shared sheet (a canvas each in the page costs the compositor);
      // features: their own canvases, inside the toggle buttons
      if (n.layer === undefined) n.map.draw(this.grid, N, o);
      else n.map.drawInto(this.sheet.ctx, n.x + 1, n.y + 1, this.node - 2, this.node - 2, this.grid, N, o);
      if (performance.now() - t0 > THUMB_BUDGET_MS) break;
    }
    this.behind = this.pending > 0 || (this.compact ? this.linksDue : this.linksPending > 0);
  }

  /** Feature thumbnails of inactive features come from a one-off engine grid of all seven. */
  async setFeatureGrids(allGrid, N) {
    const P = N * N,
      column = this.nodes[0];
    for (const [r, n] of column.entries()) {
      if (n.row >= 0) continue;
      await yieldToPage(); // one picture per task (a long task otherwise, on a slow phone)
      if (this.nodes[0] !== column) return; // rebuilt meanwhile: its own grids follow
      n.map.draw(allGrid.subarray(r * P, (r + 1) * P), N, { palette: this.palette, dark: this.dark, scale: true });
    }
  }
}
