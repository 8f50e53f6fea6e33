// network.js: draws the network: a column of input features (toggles), the hidden layers and the
// output, each neuron with a live thumbnail of its output over the input plane, links whose width
// and colour follow the weight, a small square per bias. Hover a link or bias: its value; click:
// type a new one; hover a neuron: its heatmap enlarged. Structure changes go through callbacks; the
// view never changes the model itself. All text goes in through textContent (URL text is untrusted).
import { Heatmap } from './heatmap.js';
import { cssColor } from './colors.js';

const SVGNS = 'http://www.w3.org/2000/svg';

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
   *   addNeuron(hiddenIndex, delta), addLayer(delta), announce(text)
   */
  constructor(root, cb) {
    this.root = root;
    this.cb = cb;
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
  }

  /**
   * @param {{key: string, label: string, active: boolean}[]} allFeatures the seven inputs
   * @param {{nIn: number, nOut: number, wOff: number, bOff: number, activation: string}[]} layers
   * @param {{maxLayers: number, maxNeurons: number, hideLayerControls: boolean}} limits
   */
  setStructure(allFeatures, layers, limits) {
    this.features = allFeatures;
    this.layers = layers;
    this.root.replaceChildren();
    const maxCol = Math.max(allFeatures.length, ...layers.map((l) => l.nOut));
    this.node = maxCol <= 8 ? 36 : maxCol <= 16 ? 26 : 16;
    const gap = maxCol <= 8 ? 12 : 6;
    const cols = layers.length + 1;
    const pad = 64; // left gutter for the feature labels
    const avail = (this.root.parentElement && this.root.parentElement.clientWidth) || 700;
    // Columns share the width available; below node + 28 px the view scrolls instead.
    const colW = Math.max(this.node + 28, Math.min(110, Math.floor((avail - pad - 10) / cols)));
    const headerH = 70;
    const height = headerH + maxCol * (this.node + gap) + 10;
    const width = pad + cols * colW + 10;
    this.root.style.width = `${width}px`;
    this.root.style.height = `${height}px`;
    const svg = document.createElementNS(SVGNS, 'svg');
    svg.setAttribute('class', 'net-links');
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('aria-hidden', 'true');
    this.root.appendChild(svg);
    this.svg = svg;

    // Layer count controls
    const top = el('div', 'net-layer-ctl', this.root);
    top.style.left = `${pad + colW}px`;
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
      const x = pad + c * colW + (colW - this.node) / 2;
      const colH = count * (this.node + gap) - gap;
      const y = headerH + (maxCol * (this.node + gap) - gap - colH) / 2 + r * (this.node + gap);
      return { x, y };
    };
    this.nodes = []; // per column: [{x, y, canvas, map, row}]
    // Column 0: features
    const fcol = [];
    el('div', 'net-col-title', this.root).textContent = 'Features';
    let activeIndex = 0;
    allFeatures.forEach((f, r) => {
      const p = pos(0, r, allFeatures.length);
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
      fcol.push({ ...p, el: d, map: new Heatmap(c, { size: this.node }), row: f.active ? activeIndex++ : -1, key: f.key, label: f.label, scale: true });
    });
    this.nodes.push(fcol);
    // Hidden and output columns
    let row = activeIndex;
    layers.forEach((L, li) => {
      const c = li + 1;
      const isOut = li === layers.length - 1;
      const colNodes = [];
      const head = el('div', 'net-col-head', this.root);
      head.style.left = `${pad + c * colW}px`;
      head.style.width = `${colW}px`;
      if (!isOut && !limits.hideLayerControls) {
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
      el('div', 'net-col-label', head).textContent = isOut ? 'Output' : `${L.nOut} neuron${L.nOut === 1 ? '' : 's'}`;
      for (let j = 0; j < L.nOut; j++) {
        const p = pos(c, j, L.nOut);
        const d = el('div', 'net-node', this.root);
        d.style.left = `${p.x}px`;
        d.style.top = `${p.y}px`;
        d.style.width = d.style.height = `${this.node}px`;
        d.tabIndex = 0;
        const name = isOut ? `output ${j + 1}` : `neuron ${j + 1} of hidden layer ${li + 1}`;
        d.setAttribute('aria-label', `${name} (${L.activation}); hover to enlarge its heatmap`);
        const cv = el('canvas', '', d);
        cv.width = cv.height = this.node;
        const node = { ...p, el: d, map: new Heatmap(cv, { size: this.node }), row: row++, layer: li, j };
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
        b.onmouseenter = (ev) => this.#tip(ev, `bias of ${name}: ${this.#fmt(this.params[L.bOff + j])} (click to edit)`);
        b.onmouseleave = () => this.#hideTips();
        b.onclick = (ev) => this.#edit(ev, this.params[L.bOff + j], (v) => this.cb.editBias(li, j, v));
        node.bias = b;
        colNodes.push(node);
      }
      this.nodes.push(colNodes);
    });
    // Links: from each active node of column c to each node of column c + 1
    this.links = [];
    const g = document.createElementNS(SVGNS, 'g');
    svg.appendChild(g);
    layers.forEach((L, li) => {
      const from = li === 0 ? fcol.filter((n) => n.row >= 0) : this.nodes[li];
      const to = this.nodes[li + 1];
      to.forEach((tn, j) => {
        from.forEach((fn, i) => {
          const x1 = fn.x + this.node, y1 = fn.y + this.node / 2, x2 = tn.x, y2 = tn.y + this.node / 2;
          const mx = (x1 + x2) / 2;
          const d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
          const path = document.createElementNS(SVGNS, 'path');
          path.setAttribute('d', d);
          path.setAttribute('class', 'net-link');
          const hit = document.createElementNS(SVGNS, 'path');
          hit.setAttribute('d', d);
          hit.setAttribute('class', 'net-link-hit');
          const k = L.wOff + j * L.nIn + i;
          const label = `weight from ${li === 0 ? fn.label : `neuron ${i + 1} of layer ${li}`} to ${tn.layer === layers.length - 1 ? 'the output' : `neuron ${j + 1} of layer ${li + 1}`}`;
          hit.onmouseenter = (ev) => this.#tip(ev, `${label}: ${this.#fmt(this.params[k])} (click to edit)`);
          hit.onmouseleave = () => this.#hideTips();
          hit.onclick = (ev) => {
            if (this.selectMode) this.cb.selectLink({ layer: li, to: j, from: i, k, label });
            else this.#edit(ev, this.params[k], (v) => this.cb.editWeight(li, j, i, v));
          };
          hit.setAttribute('data-k', String(k));
          path.setAttribute('data-k', String(k));
          g.appendChild(path);
          g.appendChild(hit);
          this.links.push({ path, k, x: mx, y: (y1 + y2) / 2, li, j, i });
        });
      });
    });
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
    for (const { path, k } of this.links || []) {
      path.classList.toggle('dim', !!(a && a.emphasis && !a.emphasis.has(k)));
      path.classList.toggle('selected', !!(a && a.selected === k));
    }
    if (!a) return;
    const byRow = new Map();
    for (const col of this.nodes) for (const n of col) byRow.set(n.row, n);
    for (const { row, lines, cls } of a.neurons || []) {
      const n = byRow.get(row);
      if (!n) continue;
      const d = el('div', `net-anno ${cls || ''}`, this.annoLayer);
      d.dataset.row = String(row);
      d.style.left = `${n.x + this.node + 3}px`;
      d.style.top = `${n.y - 2}px`;
      for (const t of lines) el('div', '', d).textContent = t;
    }
    if ((this.links || []).length <= 30)
      for (const { k, text } of a.links || []) {
        const L = this.links.find((l) => l.k === k);
        if (!L) continue;
        const t = document.createElementNS(SVGNS, 'text');
        t.setAttribute('x', String(L.x));
        t.setAttribute('y', String(L.y - 3));
        t.setAttribute('data-k', String(k));
        t.textContent = text;
        this.linkText.appendChild(t);
      }
  }

  /** Live values: params (Float32Array), grid rows (Float32Array rows * N * N), N. */
  update(params, grid, N, { discretize = false } = {}) {
    this.params = params;
    this.grid = grid;
    this.N = N;
    for (const { path, k } of this.links) {
      const w = params[k];
      const ok = Number.isFinite(w);
      path.setAttribute('stroke', ok ? cssColor(this.palette, Math.max(-1, Math.min(1, w)), this.dark) : '#d00');
      path.setAttribute('stroke-width', ok ? String(1 + Math.min(Math.abs(w), 5) * 1.8) : '1');
    }
    for (let c = 1; c < this.nodes.length; c++)
      for (const n of this.nodes[c]) {
        const b = params[this.layers[n.layer].bOff + n.j];
        n.bias.setAttribute('fill', cssColor(this.palette, Math.max(-1, Math.min(1, b)), this.dark));
      }
    if (!grid) return;
    const P = N * N;
    for (const col of this.nodes)
      for (const n of col) {
        if (n.row < 0) continue;
        const v = grid.subarray(n.row * P, (n.row + 1) * P);
        n.map.draw(v, N, { palette: this.palette, dark: this.dark, discretize, scale: n.scale });
      }
  }

  /** Feature thumbnails of inactive features come from a one-off engine grid of all seven. */
  setFeatureGrids(allGrid, N) {
    const P = N * N;
    this.nodes[0].forEach((n, r) => {
      if (n.row < 0) n.map.draw(allGrid.subarray(r * P, (r + 1) * P), N, { palette: this.palette, dark: this.dark, scale: true });
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
    const P = this.N * this.N;
    this.bigMap.draw(this.grid.subarray(node.row * P, (node.row + 1) * P), this.N, { palette: this.palette, dark: this.dark, scale: node.scale });
    const r = node.el.getBoundingClientRect();
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
