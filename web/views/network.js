// network.js: draws the network: a column of input features (toggles), the hidden layers and the
// output, each neuron with a live thumbnail of its output over the input plane, links whose width
// and colour follow the weight, a small square per bias. Hover a link or bias: its value; click:
// type a new one; hover a neuron: its heatmap enlarged. Structure changes go through callbacks; the
// view never changes the model itself. All text goes in through textContent (URL text is untrusted).
// Bounds, so that a network of any size the engine accepts (16 x 256: about 1M weights, 4,000
// neurons) never freezes the tab: at most LINK_CAP links drawn (above that, the LINK_CAP
// strongest weights, re-picked every PICK_MS, with a visible note); thumbnails drawn for at most
// THUMB_BUDGET_MS per frame (the rest follow in the next frames, round-robin). Link and bias
// attributes are written only when their colour or width bucket changes. Above THUMB_CAP neurons
// the view is compact: one canvas as large as the viewport holds every neuron (a small bar
// coloured by its bias) and the links as straight lines, with hover and click found by
// arithmetic; only the feature toggles stay elements. A DOM node, SVG square and hit path per
// neuron and weight made Chromium spend seconds per frame on style and layout of a 5,700 px view.
import { Heatmap } from './heatmap.js';
import { cssColor, indexToValue, valueToIndex, makeLut } from './colors.js';
import { nearestLink } from './link-pick.js';
import { placeLabels } from './anno-layout.js';

const SVGNS = 'http://www.w3.org/2000/svg';
export const LINK_CAP = 5000;
export const THUMB_CAP = 300;
const THUMB_BUDGET_MS = 6;
const PICK_MS = 1000;
const LINK_BATCH = 400;
const HEAVY_MS = 25;
const HEAVY_THUMBS = 24;
const THUMB_TEXELS = 25;
// Above this many links they are painted on one canvas per gap between columns (SVG keeps only the
// invisible hit paths): re-painting many SVG paths costs the browser ~10 ms per frame.
const SVG_LINK_MAX = 600;
// A link's style key: 64 colour levels (the colour table's index / 4) times width steps of |w| (up
// to 5, `steps` per unit); -1 for a non-finite weight (drawn thin and red).
const linkKey = (w, steps) =>
  Number.isFinite(w) ? (valueToIndex(w) >> 2) * 64 + Math.round(Math.min(Math.abs(w), 5) * steps) : -1;
const linkWidth = (key, base) => (key >= 0 ? base + (key & 63) / 2 : 1);

function el(tag, cls, parent) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (parent) parent.appendChild(e);
  return e;
}

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
    this.tooltip = el('div', 'net-tooltip', document.body);
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    this.bigCanvas = el('canvas', 'net-big', document.body);
    this.bigCanvas.width = this.bigCanvas.height = 160;
    this.bigCanvas.hidden = true;
    this.bigMap = new Heatmap(this.bigCanvas, { size: 160 });
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
    this.root.replaceChildren();
    if (!this.css) this.setTheme(this.palette, this.dark);
    const neurons = layers.reduce((a, L) => a + L.nOut, 0);
    const thumbs = neurons <= THUMB_CAP;
    const compact = (this.compact = !thumbs);
    const total = layers.reduce((a, L) => a + L.nIn * L.nOut, 0);
    this.capped = total > LINK_CAP;
    const notes = [];
    if (this.capped)
      notes.push(
        `Showing the ${LINK_CAP.toLocaleString('en')} strongest of ${total.toLocaleString('en')} links (the page draws at most ${LINK_CAP.toLocaleString('en')}).`,
      );
    if (compact)
      notes.push(
        `No neuron thumbnails above ${THUMB_CAP} neurons (this network has ${neurons.toLocaleString('en')}): each neuron is a bar coloured by its bias; hover one for its heatmap, click to edit its bias.`,
      );
    const maxCol = Math.max(shown.length, ...layers.map((l) => l.nOut));
    this.node = compact ? 26 : maxCol <= 8 ? 36 : maxCol <= 16 ? 26 : 16; // compact: feature size
    const gap = maxCol <= 8 ? 12 : compact ? 8 : 6;
    const cols = layers.length + 1;
    const pad = 64; // left gutter for the feature labels
    const avail = (this.root.parentElement && this.root.parentElement.clientWidth) || 700;
    // Columns share the width available; below node + 28 px the view scrolls instead. Compact:
    // the features keep that width and the neuron columns share the rest, never scrolling.
    const featW = this.node + 28;
    const colW = compact
      ? Math.max(12, Math.floor((avail - pad - featW - 10) / (cols - 1)))
      : Math.max(this.node + 28, Math.min(110, Math.floor((avail - pad - 10) / cols)));
    const colX = (c) => (compact ? (c === 0 ? pad : pad + featW + (c - 1) * colW) : pad + c * colW);
    const colWidth = (c) => (compact && c === 0 ? featW : colW);
    const headerH = notes.length ? 108 : 70; // room for the note (at 62 px) when there is one
    // compact: about 2 px per neuron of the tallest column, within 240..560 px
    const plotH = compact
      ? Math.max(shown.length * (this.node + gap), Math.min(560, Math.max(240, maxCol * 2)))
      : maxCol * (this.node + gap);
    const rowH = plotH / maxCol,
      barW = Math.max(3, Math.min(10, colW - 10));
    const height = headerH + plotH + 10;
    const width = compact ? colX(cols) + 10 : pad + cols * colW + 10;
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
    if (compact) {
      // above the SVG (which would take the pointer), below the controls and feature toggles
      const c = el('canvas', 'net-plot', this.root);
      const dpr = devicePixelRatio || 1;
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
      c.setAttribute(
        'aria-label',
        `network of ${neurons.toLocaleString('en')} neurons: bars coloured by bias, lines for the strongest weights`,
      );
      const ctx = c.getContext('2d');
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.imageSmoothingEnabled = false;
      // one pixel per neuron (column = layer), scaled up into the bars by drawImage
      const src = document.createElement('canvas');
      src.width = layers.length;
      src.height = maxCol;
      const sctx = src.getContext('2d');
      this.plot = { c, ctx, src, sctx, img: sctx.createImageData(layers.length, maxCol) };
      c.onmousemove = (ev) => this.#hoverPlot(ev);
      c.onmouseleave = () => {
        this.#hideTips();
        c.style.cursor = '';
      };
      c.onclick = (ev) => this.#clickPlot(ev);
    }

    // Layer count controls
    const top = el('div', 'net-layer-ctl', this.root);
    top.style.left = `${colX(1)}px`;
    if (!limits.hideLayerControls) {
      const add = el('button', 'icon-btn', top);
      add.textContent = '+';
      add.setAttribute('aria-label', 'add a hidden layer');
      add.disabled = layers.length - 1 >= limits.maxLayers;
      add.onclick = () => this.cb.addLayer(+1);
      const rm = el('button', 'icon-btn', top);
      rm.textContent = '−';
      rm.setAttribute('aria-label', 'remove the last hidden layer');
      rm.disabled = layers.length <= 1;
      rm.onclick = () => this.cb.addLayer(-1);
    }
    const n = layers.length - 1;
    el('span', 'net-layer-count', top).textContent = `${n} hidden layer${n === 1 ? '' : 's'}`;

    // Node positions: column c, row r
    const pos = (c, r, count) => {
      if (compact && c > 0) {
        const h = Math.min(plotH / count, Math.max(rowH, 12)); // short columns (the output) get taller bars
        return { x: colX(c) + (colW - barW) / 2, y: headerH + (plotH - count * h) / 2 + r * h, w: barW, h };
      }
      const x = colX(c) + (colWidth(c) - this.node) / 2;
      const colH = count * (this.node + gap) - gap;
      const y = headerH + (plotH - gap - colH) / 2 + r * (this.node + gap);
      return { x, y };
    };
    this.nodes = []; // per column: [{x, y, canvas, map, row}]
    // Column 0: features
    const fcol = [];
    el('div', 'net-col-title', this.root).textContent = 'Features';
    let activeIndex = 0;
    const inputs = []; // per network input (active feature, engine order): its node, null if hidden
    features.forEach((f) => {
      if (f.hidden) {
        if (f.active) {
          // feeds the network: keeps its input index and grid row, undrawn
          inputs.push(null);
          activeIndex++;
        }
        return;
      }
      const p = pos(0, fcol.length, shown.length);
      const d = el('button', `net-node feature${f.active ? '' : ' inactive'}`, this.root);
      d.style.left = `${p.x}px`;
      d.style.top = `${p.y}px`;
      d.style.width = d.style.height = `${this.node}px`;
      d.setAttribute('aria-pressed', String(f.active));
      d.setAttribute('aria-label', `input feature ${f.label}: ${f.active ? 'on' : 'off'}; press to toggle`);
      d.title = `${f.label} (click to turn ${f.active ? 'off' : 'on'})`;
      d.onclick = () => this.cb.toggleFeature(f.key);
      const lab = el('span', 'net-feature-label', this.root);
      lab.textContent = f.label;
      lab.style.left = `${p.x - 58}px`;
      lab.style.top = `${p.y + this.node / 2 - 8}px`;
      const c = el('canvas', '', d);
      c.width = c.height = this.node;
      fcol.push({
        ...p,
        el: d,
        map: new Heatmap(c, { size: this.node }),
        row: f.active ? activeIndex++ : -1,
        key: f.key,
        label: f.label,
        scale: true,
      });
      if (f.active) inputs.push(fcol[fcol.length - 1]);
    });
    this.nodes.push(fcol);
    // Hidden and output columns
    let row = activeIndex;
    layers.forEach((L, li) => {
      const c = li + 1;
      const isOut = li === layers.length - 1;
      const colNodes = [];
      const head = el('div', 'net-col-head', this.root);
      head.style.left = `${colX(c)}px`;
      head.style.width = `${colW}px`;
      // compact columns are too narrow for the buttons (which stop at maxNeurons anyway)
      if (!isOut && !limits.hideLayerControls && !compact) {
        const add = el('button', 'icon-btn', head);
        add.textContent = '+';
        add.setAttribute('aria-label', `add a neuron to hidden layer ${li + 1}`);
        add.disabled = L.nOut >= limits.maxNeurons;
        add.onclick = () => this.cb.addNeuron(li, +1);
        const rm = el('button', 'icon-btn', head);
        rm.textContent = '−';
        rm.setAttribute('aria-label', `remove a neuron from hidden layer ${li + 1}`);
        rm.disabled = L.nOut <= 1;
        rm.onclick = () => this.cb.addNeuron(li, -1);
      }
      const label = el('div', 'net-col-label', head);
      label.textContent = compact
        ? isOut
          ? 'Out'
          : String(L.nOut)
        : isOut
          ? 'Output'
          : `${L.nOut} neuron${L.nOut === 1 ? '' : 's'}`;
      if (compact) label.title = isOut ? 'Output' : `hidden layer ${li + 1}: ${L.nOut} neurons`;
      for (let j = 0; j < L.nOut; j++) {
        const p = pos(c, j, L.nOut);
        if (compact) {
          colNodes.push({ ...p, el: null, map: null, row: row++, layer: li, j, key: -2 });
          continue;
        }
        const d = el('div', 'net-node', this.root);
        d.style.left = `${p.x}px`;
        d.style.top = `${p.y}px`;
        d.style.width = d.style.height = `${this.node}px`;
        d.tabIndex = 0;
        const name = isOut ? `output ${j + 1}` : `neuron ${j + 1} of hidden layer ${li + 1}`;
        d.setAttribute('aria-label', `${name} (${L.activation}); hover to enlarge its heatmap`);
        let map = null;
        if (thumbs) {
          // drawn off-document, then copied into the one shared canvas (this.sheet): a hundred
          // canvases in the page cost Chromium ~10 ms per frame to hand to the compositor
          const cv = document.createElement('canvas');
          map = new Heatmap(cv, { size: this.node - 2 }); // inside the 1 px border (border-box)
        }
        // a softmax output is class j's probability: drawn in class j's colour
        const cls = isOut && L.activation === 'softmax' && L.nOut >= 2 ? { k: j, K: L.nOut } : null;
        const node = { ...p, el: d, map, row: row++, layer: li, j, key: -2, cls };
        d.onmouseenter = () => this.#showBig(node, name);
        d.onfocus = () => this.#showBig(node, name);
        d.onmouseleave = d.onblur = () => this.#hideTips();
        // bias square at the bottom-left corner
        const b = document.createElementNS(SVGNS, 'rect');
        b.setAttribute('x', p.x - 5);
        b.setAttribute('y', p.y + this.node - 5);
        b.setAttribute('width', 8);
        b.setAttribute('height', 8);
        b.setAttribute('class', 'net-bias');
        b.onmouseenter = (ev) =>
          this.#tip(ev, `bias of ${name}: ${this.#fmt(this.params[L.bOff + j])} (click to edit)`);
        b.onmouseleave = () => this.#hideTips();
        b.onclick = (ev) => this.#edit(ev, this.params[L.bOff + j], (v) => this.cb.editBias(li, j, v));
        node.bias = b;
        colNodes.push(node);
      }
      this.nodes.push(colNodes);
    });
    // Links: from each active node of column c to each node of column c + 1; one pair of paths
    // (visible, wide invisible hit area) per weight, or a pool of LINK_CAP pairs given to the
    // strongest weights when there are more.
    this.from = layers.map((L, li) => (li === 0 ? inputs : this.nodes[li]));
    this.links = [];
    this.pickedAt = -Infinity;
    const g = document.createElementNS(SVGNS, 'g');
    svg.appendChild(g);
    const onCanvas = total > SVG_LINK_MAX && !compact;
    this.gaps = layers.map((L, li) => {
      if (!onCanvas) return null;
      const left = colX(li) + (colW + this.node) / 2,
        w = colW - this.node,
        dpr = devicePixelRatio || 1;
      const c = document.createElement('canvas');
      c.className = 'net-link-canvas';
      c.width = Math.round(w * dpr);
      c.height = Math.round(height * dpr);
      c.style.left = `${left}px`;
      c.style.width = `${w}px`;
      c.style.height = `${height}px`;
      this.root.insertBefore(c, svg);
      return { c, ctx: c.getContext('2d'), left, dpr };
    });
    const add = () => {
      const link = {
        path: onCanvas || compact ? null : document.createElementNS(SVGNS, 'path'),
        hit: compact ? null : document.createElementNS(SVGNS, 'path'),
        k: -1,
        key: -2,
        li: -1,
      };
      this.links.push(link);
      if (compact) return link; // drawn on the plot canvas, found by #hitPlot
      if (link.path) link.path.setAttribute('class', 'net-link');
      link.hit.setAttribute('class', 'net-link-hit');
      link.hit.onmousemove = (ev) => {
        const n = nearestLink(this.links, link, ev);
        this.#tip(ev, `${this.#linkLabel(n)}: ${this.#fmt(this.params[n.k])} (click to edit)`);
      };
      link.hit.onmouseleave = () => this.#hideTips();
      link.hit.onclick = (ev) => this.#clickLink(ev, nearestLink(this.links, link, ev));
      if (link.path) g.append(link.path);
      g.append(link.hit);
      return link;
    };
    if (!this.capped) {
      layers.forEach((L, li) => {
        for (let j = 0; j < L.nOut; j++)
          for (let i = 0; i < L.nIn; i++) if (this.from[li][i]) this.#place(add(), li, j, i);
      });
    } else for (let q = 0; q < LINK_CAP; q++) add();
    this.#makeRuns();
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
    this.drawnAt = -Infinity;
    for (const col of this.nodes) for (const n of col) if (n.bias) svg.appendChild(n.bias);
    this.annoLayer = el('div', 'net-annotations', this.root);
    this.linkText = document.createElementNS(SVGNS, 'g');
    this.linkText.setAttribute('class', 'net-link-text');
    svg.appendChild(this.linkText);
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

  /** Puts a link's paths on weight j <- i of layer li. */
  #place(link, li, j, i) {
    const L = this.layers[li],
      fn = this.from[li][i],
      tn = this.nodes[li + 1][j];
    const x1 = fn.x + (fn.w || this.node),
      y1 = fn.y + (fn.h || this.node) / 2,
      x2 = tn.x,
      y2 = tn.y + (tn.h || this.node) / 2;
    const mx = (x1 + x2) / 2;
    const d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
    Object.assign(link, { li, j, i, k: L.wOff + j * L.nIn + i, x: mx, y: (y1 + y2) / 2, key: -2, x1, y1, x2, y2 });
    for (const e of [link.path, link.hit]) {
      if (!e) continue;
      e.setAttribute('d', d);
      e.setAttribute('data-k', String(link.k));
    }
  }

  #keyColour(key) {
    return key >= 0 ? this.css[(key >> 6) * 4 + 2] : '#d00';
  }

  #linkLabel({ li, j, i }) {
    const last = this.layers.length - 1;
    return `weight from ${li === 0 ? this.from[0][i].label : `neuron ${i + 1} of layer ${li}`} to ${li === last ? 'the output' : `neuron ${j + 1} of layer ${li + 1}`}`;
  }

  /** Gives the link pool to the LINK_CAP largest |w| (non-finite first): a 1,024-bin histogram of
   * |w| finds the cut, so two passes over the weights, no sort. */
  #pickStrongest(params) {
    const bins = new Uint32Array(1025);
    let max = 0;
    for (const L of this.layers)
      for (let k = L.wOff, e = k + L.nIn * L.nOut; k < e; k++) {
        const a = Math.abs(params[k]);
        if (a > max && a !== Infinity) max = a;
      }
    const bin = (w) => {
      const a = Math.abs(w);
      return a <= max ? Math.min(1023, Math.floor((a / (max || 1)) * 1024)) : 1024;
    };
    for (const L of this.layers) for (let k = L.wOff, e = k + L.nIn * L.nOut; k < e; k++) bins[bin(params[k])]++;
    let cut = 1024,
      n = bins[1024];
    while (cut > 0 && n + bins[cut - 1] <= this.links.length) n += bins[--cut];
    let q = 0,
      room = this.links.length - n; // weights in bin cut - 1 that still fit
    this.layers.forEach((L, li) => {
      for (let j = 0; j < L.nOut && q < this.links.length; j++)
        for (let i = 0; i < L.nIn && q < this.links.length; i++) {
          if (!this.from[li][i]) continue; // a hidden feature's link is not drawn
          const b = bin(params[L.wOff + j * L.nIn + i]);
          if (b >= cut || (b === cut - 1 && room-- > 0)) this.#place(this.links[q++], li, j, i);
        }
    });
    for (let r = q; r < this.links.length; r++) {
      this.links[r].li = -1;
      if (this.links[r].hit) this.links[r].hit.setAttribute('d', '');
    }
    this.#makeRuns();
  }

  /** Runs of links of one layer (contiguous in this.links), one per layer, the unit of styling. */
  #makeRuns() {
    this.runs = this.layers.map((L, li) => ({ li, a: 0, b: 0, dirty: true, gap: this.gaps[li] }));
    let a = 0;
    while (a < this.links.length && this.links[a].li >= 0) {
      const li = this.links[a].li;
      let b = a;
      while (b < this.links.length && this.links[b].li === li) b++;
      Object.assign(this.runs[li], { a, b });
      a = b;
    }
    this.runCursor = 0;
  }

  #paintRun(run) {
    const { ctx, c, left, dpr } = run.gap;
    ctx.setTransform(dpr, 0, 0, dpr, -left * dpr, 0);
    ctx.clearRect(left, 0, c.width / dpr, c.height / dpr);
    const em = this.anno && this.anno.emphasis,
      sel = this.anno ? this.anno.selected : undefined;
    for (let q = run.a; q < run.b; q++) {
      const l = this.links[q];
      ctx.globalAlpha = em && !em.has(l.k) ? 0.15 : 1;
      ctx.strokeStyle = l.k === sel ? '#c0392b' : this.#keyColour(l.key);
      ctx.lineWidth = linkWidth(l.key, 1);
      const mx = (l.x1 + l.x2) / 2;
      ctx.beginPath();
      ctx.moveTo(l.x1, l.y1);
      ctx.bezierCurveTo(mx, l.y1, mx, l.y2, l.x2, l.y2);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  /** Compact view: every link shown as a straight line, one path per colour and width bucket
   * (a few dozen strokes instead of thousands), then the neuron bars over their ends. */
  #paintPlot(params) {
    const { c, ctx } = this.plot,
      em = this.anno && this.anno.emphasis,
      sel = this.anno ? this.anno.selected : undefined;
    ctx.clearRect(0, 0, c.width, c.height);
    const buckets = new Map();
    for (const l of this.links) {
      if (l.li < 0) continue;
      l.key = linkKey(params[l.k], 0.8);
      const b = l.k === sel ? -3 : em && !em.has(l.k) ? -2 - 1e6 - l.key : l.key;
      let p = buckets.get(b);
      if (!p) buckets.set(b, (p = new Path2D()));
      p.moveTo(l.x1, l.y1);
      p.lineTo(l.x2, l.y2);
    }
    for (const [b, p] of buckets) {
      const dim = b < -1e6,
        key = dim ? -2 - 1e6 - b : b;
      ctx.globalAlpha = dim ? 0.15 : 0.8;
      ctx.strokeStyle = b === -3 ? '#c0392b' : this.#keyColour(key);
      ctx.lineWidth = b === -3 ? 2 : linkWidth(key, 0.5);
      ctx.stroke(p);
    }
    ctx.globalAlpha = 1;
    this.#paintBars(params);
  }

  /** Compact view: neuron bars coloured by bias, one pixel each in a small image scaled up. */
  #paintBars(params) {
    const { ctx, src, sctx, img } = this.plot,
      px = new Uint32Array(img.data.buffer),
      cols = this.layers.length;
    for (let c = 1; c < this.nodes.length; c++)
      for (const n of this.nodes[c])
        px[n.j * cols + n.layer] = this.packed[valueToIndex(params[this.layers[n.layer].bOff + n.j])];
    sctx.putImageData(img, 0, 0);
    for (let c = 1; c < this.nodes.length; c++) {
      const col = this.nodes[c],
        a = col[0];
      ctx.drawImage(src, c - 1, 0, 1, col.length, a.x, a.y, a.w, a.h * col.length);
    }
  }

  /** Compact view: the neuron or link under a point of the plot (CSS px), or null. */
  #hitPlot(x, y) {
    for (let c = 1; c < this.nodes.length; c++) {
      const col = this.nodes[c],
        a = col[0];
      if (x >= a.x - 2 && x <= a.x + a.w + 2) {
        const j = Math.floor((y - a.y) / a.h);
        return j >= 0 && j < col.length ? { node: col[j] } : null;
      }
    }
    let best = null,
      bestD = 16; // squared px: within 4 px of a line
    for (const l of this.links) {
      if (l.li < 0 || x < l.x1 || x > l.x2) continue;
      const dx = l.x2 - l.x1,
        dy = l.y2 - l.y1,
        t = Math.max(0, Math.min(1, ((x - l.x1) * dx + (y - l.y1) * dy) / (dx * dx + dy * dy)));
      const ex = l.x1 + t * dx - x,
        ey = l.y1 + t * dy - y,
        d = ex * ex + ey * ey;
      if (d < bestD) {
        bestD = d;
        best = l;
      }
    }
    return best && { link: best };
  }

  #nodeName(n) {
    return n.layer === this.layers.length - 1
      ? `output ${n.j + 1}`
      : `neuron ${n.j + 1} of hidden layer ${n.layer + 1}`;
  }

  #hoverPlot(ev) {
    const h = this.params && this.#hitPlot(ev.offsetX, ev.offsetY);
    this.plot.c.style.cursor = h ? 'pointer' : '';
    if (!h) return this.#hideTips();
    if (h.link) {
      this.bigCanvas.hidden = true;
      return this.#tip(ev, `${this.#linkLabel(h.link)}: ${this.#fmt(this.params[h.link.k])} (click to edit)`);
    }
    const n = h.node,
      name = this.#nodeName(n);
    this.#tip(
      ev,
      `${name} (${this.layers[n.layer].activation}), bias ${this.#fmt(this.params[this.layers[n.layer].bOff + n.j])} (click to edit)`,
    );
    this.#showBig(n, name);
  }

  #clickPlot(ev) {
    const h = this.params && this.#hitPlot(ev.offsetX, ev.offsetY);
    if (h && h.link) this.#clickLink(ev, h.link);
    else if (h)
      this.#edit(ev, this.params[this.layers[h.node.layer].bOff + h.node.j], (v) =>
        this.cb.editBias(h.node.layer, h.node.j, v),
      );
  }

  #clickLink(ev, link) {
    if (this.selectMode)
      this.cb.selectLink({ layer: link.li, to: link.j, from: link.i, k: link.k, label: this.#linkLabel(link) });
    else this.#edit(ev, this.params[link.k], (v) => this.cb.editWeight(link.li, link.j, link.i, v));
  }

  /** Link colour (64 levels) and width (half-pixel steps) follow the weight. Painting the links is
   * the costliest part of a frame (the browser re-rasterises every link crossing a changed
   * region), so at most LINK_BATCH links are re-styled per frame, in runs of whole layers
   * (a layer's links share a region), round-robin: with many links each gap between columns is
   * refreshed every few frames instead of all of them every frame. */
  #styleLinks(params) {
    const links = this.links,
      runs = this.runs;
    let seen = 0;
    while (this.linksPending > 0 && runs.length) {
      const run = runs[this.runCursor];
      this.runCursor = (this.runCursor + 1) % runs.length;
      let changed = run.dirty;
      run.dirty = false;
      for (let q = run.a; q < run.b; q++) {
        const link = links[q],
          key = linkKey(params[link.k], 3.6);
        if (key === link.key) continue;
        link.key = key;
        changed = true;
        if (!link.path) continue;
        link.path.setAttribute('stroke', this.#keyColour(key));
        link.path.setAttribute('stroke-width', String(linkWidth(key, 1)));
      }
      if (changed && run.gap) this.#paintRun(run);
      seen += run.b - run.a;
      this.linksPending -= Math.max(1, run.b - run.a);
      if (seen >= LINK_BATCH) break;
    }
  }

  /** The page's pace for this view: redrawn at most every `ms` (0: as its size allows). */
  setMinInterval(ms) {
    this.minMs = ms;
  }

  /** Live values: params (Float32Array), grid rows (Float32Array rows * N * N), N. */
  update(params, grid, N, { discretize = false, packed = null } = {}) {
    this.params = params;
    this.grid = grid;
    this.gridPacked = packed; // {F, K}: grid holds the F feature rows, then the K outputs (app.js)
    this.N = N;
    this.discretize = discretize;
    // A large view is redrawn at most every HEAVY_MS (30 Hz at a 60 Hz display): each frame in
    // which its canvases change costs Chromium ~10 ms of main thread (measured on 8 x 16), and
    // the output, losses and numbers still follow every frame. The newest values wait in
    // this.params / this.grid and are drawn by the next update or catchUp.
    const now = performance.now();
    if ((this.heavy || this.minMs > 0) && now - this.drawnAt < Math.max(this.heavy ? HEAVY_MS : 0, this.minMs)) {
      if (grid) this.pending = this.thumbs.length;
      this.behind = this.deferred = true;
      return;
    }
    this.drawnAt = now;
    this.deferred = false;
    if (this.compact) {
      // links re-picked and repainted every PICK_MS (or when the emphasis or theme changed); bars every frame
      if (this.linksDue || performance.now() - this.pickedAt > PICK_MS) this.#compactLinks();
      else this.#paintBars(params);
      if (grid) this.pending = this.thumbs.length;
      this.styledNow = true;
      return this.catchUp();
    }
    // Capped: the strongest links are re-picked and re-styled every PICK_MS only (then painted over
    // the next frames, LINK_BATCH at a time), not every frame: their canvases are as tall as the
    // network, and handing many tall canvases to the compositor each frame costs far more than a frame.
    if (!this.capped) this.linksPending = this.links.length;
    else if (performance.now() - this.pickedAt > PICK_MS) {
      this.pickedAt = performance.now();
      this.#pickStrongest(params);
      this.linksPending = this.links.length + this.runs.length;
      this.biasDue = true;
    }
    this.#styleLinks(params);
    const css = this.css;
    // capped: biases too only once per PICK_MS (thousands of SVG squares)
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

  /** Draws the thumbnails not yet drawn from the newest grid, round-robin from where the last
   * frame stopped, for at most THUMB_BUDGET_MS; `behind`: some still show an older frame (call
   * again at the next animation frame). */
  catchUp() {
    if (this.deferred) {
      if (performance.now() - this.drawnAt >= Math.max(HEAVY_MS, this.minMs))
        this.update(this.params, this.grid, this.N, { discretize: this.discretize, packed: this.gridPacked });
      return;
    }
    if (this.compact) {
      if (this.linksDue && this.params && !this.styledNow) this.#compactLinks();
    } else if (this.linksPending > 0 && !this.styledNow && this.params) this.#styleLinks(this.params);
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

  #compactLinks() {
    this.pickedAt = performance.now();
    this.linksDue = false;
    if (this.capped) this.#pickStrongest(this.params);
    this.#paintPlot(this.params);
  }

  /** Feature thumbnails of inactive features come from a one-off engine grid of all seven. */
  setFeatureGrids(allGrid, N) {
    const P = N * N;
    this.nodes[0].forEach((n, r) => {
      if (n.row < 0)
        n.map.draw(allGrid.subarray(r * P, (r + 1) * P), N, { palette: this.palette, dark: this.dark, scale: true });
    });
  }

  #fmt(v) {
    return Number.isFinite(v) ? v.toFixed(3) : String(v);
  }
  #tip(ev, text) {
    this.tooltip.textContent = text;
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${ev.pageX + 12}px`;
    this.tooltip.style.top = `${ev.pageY + 12}px`;
    if (this.cb.announce) this.cb.announce(text);
  }
  #showBig(node, name) {
    if (!this.grid) return;
    const P = this.N * this.N,
      N = this.N,
      style = { palette: this.palette, dark: this.dark, scale: node.scale, cls: node.cls };
    if (this.gridPacked && node.row >= this.gridPacked.F)
      // a neuron's rows are not in a packed grid: ask for them
      this.cb.neuronGrid(node.row, N).then(
        (g) => this.bigMap.draw(g, N, style),
        () => {},
      );
    else this.bigMap.draw(this.grid.subarray(node.row * P, (node.row + 1) * P), N, style);
    const r = node.el
      ? node.el.getBoundingClientRect()
      : (() => {
          const c = this.plot.c.getBoundingClientRect();
          return { right: c.left + node.x + node.w, top: c.top + node.y };
        })();
    this.bigCanvas.style.left = `${r.right + window.scrollX + 10}px`;
    this.bigCanvas.style.top = `${r.top + window.scrollY - 60}px`;
    this.bigCanvas.hidden = false;
    this.bigCanvas.setAttribute('aria-label', `${name} output heatmap`);
  }
  #hideTips() {
    this.tooltip.hidden = true;
    this.bigCanvas.hidden = true;
  }
  #edit(ev, current, commit) {
    this.#hideTips();
    document.querySelectorAll('.net-edit').forEach((e) => e.remove());
    const box = el('input', 'net-edit', document.body);
    box.type = 'text';
    box.inputMode = 'decimal';
    box.value = Number.isFinite(current) ? current.toFixed(4) : '0';
    box.setAttribute('aria-label', 'new value; Enter to apply, Escape to cancel');
    box.style.left = `${ev.pageX}px`;
    box.style.top = `${ev.pageY}px`;
    box.focus();
    box.select();
    let closed = false;
    const done = (apply) => {
      if (closed) return;
      if (apply) {
        const v = Number(box.value.trim());
        if (box.value.trim() === '' || !Number.isFinite(v)) {
          box.classList.add('bad');
          box.title = `'${box.value.slice(0, 20)}' is not a number`;
          return;
        }
        commit(v);
      }
      closed = true;
      box.remove(); // fires blur, which finds the box closed
    };
    box.onkeydown = (e) => {
      if (e.key === 'Enter') done(true);
      else if (e.key === 'Escape') done(false);
      e.stopPropagation();
    };
    box.onblur = () => done(false);
  }
}
