// net-layout.js: where everything of the network view sits (views/network.js): the geometry
// (column widths and positions, node size, the compact view's bar sizes, the view's size, the
// notes on capped links and missing thumbnails) and the elements of a structure: the layer and
// neuron +/- buttons, the feature toggles with their labels, the neuron boxes with their bias
// squares (or, compact, plain positions). Structure changes go through the page's callbacks
// (view.cb); the view never changes the model itself. All text goes in through textContent.
import { t } from '../i18n.js';
import { Heatmap } from './heatmap.js';
import { el, SVGNS } from './dom.js';
import { LINK_CAP } from './net-links.js';
import { tip, hideTips, showBig, edit, fmt } from './net-edit.js';
import { openWeights } from './net-weights.js';

// Above this many neurons the view is compact (net-compact.js): bars instead of thumbnails.
export const THUMB_CAP = 300;

/**
 * The geometry of a structure; sets view.node (a node's side), view.compact and view.capped.
 * @param {any} view @param {any[]} shown the features drawn @param {any[]} layers
 */
export function geometry(view, shown, layers) {
  const neurons = layers.reduce((a, L) => a + L.nOut, 0);
  const thumbs = neurons <= THUMB_CAP;
  const compact = (view.compact = !thumbs);
  const total = layers.reduce((a, L) => a + L.nIn * L.nOut, 0);
  view.capped = total > LINK_CAP;
  const notes = [];
  if (view.capped)
    notes.push(t('net.capped', { cap: LINK_CAP.toLocaleString('en'), total: total.toLocaleString('en') }));
  if (compact) notes.push(t('net.compact', { cap: THUMB_CAP, n: neurons.toLocaleString('en') }));
  const maxCol = Math.max(shown.length, ...layers.map((l) => l.nOut));
  view.node = compact ? 26 : maxCol <= 8 ? 36 : maxCol <= 16 ? 26 : 16; // compact: feature size
  const gap = maxCol <= 8 ? 12 : compact ? 8 : 6;
  const cols = layers.length + 1;
  const pad = 64; // left gutter for the feature labels
  const avail = (view.root.parentElement && view.root.parentElement.clientWidth) || 700;
  // Columns share the width available; below node + 28 px the view scrolls instead. Compact:
  // the features keep that width and the neuron columns share the rest, never scrolling.
  const featW = view.node + 28;
  const colW = compact
    ? Math.max(12, Math.floor((avail - pad - featW - 10) / (cols - 1)))
    : Math.max(view.node + 28, Math.min(110, Math.floor((avail - pad - 10) / cols)));
  const colX = (c) => (compact ? (c === 0 ? pad : pad + featW + (c - 1) * colW) : pad + c * colW);
  const colWidth = (c) => (compact && c === 0 ? featW : colW);
  const headerH = notes.length ? 108 : 70; // room for the note (at 62 px) when there is one
  // compact: about 2 px per neuron of the tallest column, within 240..560 px
  const plotH = compact
    ? Math.max(shown.length * (view.node + gap), Math.min(560, Math.max(240, maxCol * 2)))
    : maxCol * (view.node + gap);
  const rowH = plotH / maxCol,
    barW = Math.max(3, Math.min(10, colW - 10));
  const height = headerH + plotH + 10;
  const width = compact ? colX(cols) + 10 : pad + cols * colW + 10;
  return {
    neurons,
    thumbs,
    compact,
    total,
    notes,
    maxCol,
    gap,
    cols,
    pad,
    featW,
    colW,
    colX,
    colWidth,
    headerH,
    plotH,
    rowH,
    barW,
    height,
    width,
  };
}

/**
 * The layer controls and the node columns of a structure: sets view.nodes (per column: [{x, y,
 * el, map, row, ...}]; column 0 the shown features). Returns, per network input (active feature,
 * engine order), its node, or null for a hidden one (it feeds the network, undrawn).
 * @param {any} view @param {any[]} features all seven @param {any[]} layers
 * @param {{maxLayers: number, maxNeurons: number, hideLayerControls: boolean}} limits
 * @param {ReturnType<typeof geometry>} geo
 */
export function buildColumns(view, features, layers, limits, geo) {
  const { compact, thumbs, gap, colX, colW, colWidth, headerH, plotH, rowH, barW } = geo,
    shown = view.features;
  // Layer count controls
  const top = el('div', 'net-layer-ctl', view.root);
  top.style.left = `${colX(1)}px`;
  if (!limits.hideLayerControls) {
    const add = el('button', 'icon-btn', top);
    add.textContent = '+';
    add.setAttribute('aria-label', t('net.addLayer'));
    add.disabled = layers.length - 1 >= limits.maxLayers;
    add.onclick = () => view.cb.addLayer(+1);
    const rm = el('button', 'icon-btn', top);
    rm.textContent = '−';
    rm.setAttribute('aria-label', t('net.removeLayer'));
    rm.disabled = layers.length <= 1;
    rm.onclick = () => view.cb.addLayer(-1);
  }
  const n = layers.length - 1;
  el('span', 'net-layer-count', top).textContent = t(n === 1 ? 'net.layerCount1' : 'net.layerCount', { n });

  // Node positions: column c, row r
  const pos = (c, r, count) => {
    if (compact && c > 0) {
      const h = Math.min(plotH / count, Math.max(rowH, 12)); // short columns (the output) get taller bars
      return { x: colX(c) + (colW - barW) / 2, y: headerH + (plotH - count * h) / 2 + r * h, w: barW, h };
    }
    const x = colX(c) + (colWidth(c) - view.node) / 2;
    const colH = count * (view.node + gap) - gap;
    const y = headerH + (plotH - gap - colH) / 2 + r * (view.node + gap);
    return { x, y };
  };
  view.nodes = []; // per column: [{x, y, canvas, map, row}]
  // Column 0: features
  const fcol = [];
  el('div', 'net-col-title', view.root).textContent = t(features[0]?.column ? 'net.columns' : 'net.features');
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
    const d = el('button', `net-node feature${f.active ? '' : ' inactive'}`, view.root);
    d.style.left = `${p.x}px`;
    d.style.top = `${p.y}px`;
    d.style.width = d.style.height = `${view.node}px`;
    if (f.column) {
      // a column of the data: always an input
      d.setAttribute('aria-label', t('net.inputColumn', { name: f.label }));
      d.title = f.label;
    } else {
      d.setAttribute('aria-pressed', String(f.active));
      d.setAttribute('aria-label', t(f.active ? 'net.featureOn' : 'net.featureOff', { name: f.label }));
      d.title = t(f.active ? 'net.featureOn.title' : 'net.featureOff.title', { name: f.label });
      d.onclick = () => view.cb.toggleFeature(f.key);
    }
    const lab = el('span', 'net-feature-label', view.root);
    lab.textContent = f.label;
    lab.style.left = `${p.x - 58}px`;
    lab.style.top = `${p.y + view.node / 2 - 8}px`;
    const c = el('canvas', '', d);
    c.width = c.height = view.node;
    fcol.push({
      ...p,
      el: d,
      map: new Heatmap(c, { size: view.node }),
      row: f.active ? activeIndex++ : -1,
      key: f.key,
      label: f.label,
      scale: true,
    });
    if (f.active) inputs.push(fcol[fcol.length - 1]);
  });
  view.nodes.push(fcol);
  // Hidden and output columns
  let row = activeIndex;
  layers.forEach((L, li) => {
    const c = li + 1;
    const isOut = li === layers.length - 1;
    const colNodes = [];
    const head = el('div', 'net-col-head', view.root);
    head.style.left = `${colX(c)}px`;
    head.style.width = `${colW}px`;
    // compact columns are too narrow for the buttons (which stop at maxNeurons anyway)
    if (!isOut && !limits.hideLayerControls && !compact) {
      const add = el('button', 'icon-btn', head);
      add.textContent = '+';
      add.setAttribute('aria-label', t('net.addNeuron', { n: li + 1 }));
      add.disabled = L.nOut >= limits.maxNeurons;
      add.onclick = () => view.cb.addNeuron(li, +1);
      const rm = el('button', 'icon-btn', head);
      rm.textContent = '−';
      rm.setAttribute('aria-label', t('net.removeNeuron', { n: li + 1 }));
      rm.disabled = L.nOut <= 1;
      rm.onclick = () => view.cb.addNeuron(li, -1);
    }
    const label = el('div', 'net-col-label', head);
    label.textContent = compact
      ? isOut
        ? t('net.out')
        : String(L.nOut)
      : isOut
        ? t('net.output')
        : t(L.nOut === 1 ? 'net.neurons1' : 'net.neurons', { n: L.nOut });
    if (compact) label.title = isOut ? t('net.output') : t('net.layerTitle', { layer: li + 1, n: L.nOut });
    for (let j = 0; j < L.nOut; j++) {
      const p = pos(c, j, L.nOut);
      if (compact) {
        colNodes.push({ ...p, el: null, map: null, row: row++, layer: li, j, key: -2 });
        continue;
      }
      // a button: pressed (or tapped) it lists its weights and bias (net-weights.js)
      const d = el('button', 'net-node', view.root);
      d.style.left = `${p.x}px`;
      d.style.top = `${p.y}px`;
      d.style.width = d.style.height = `${view.node}px`;
      const name = isOut ? t('net.outputN', { n: j + 1 }) : t('net.neuronOf', { n: j + 1, layer: li + 1 });
      d.setAttribute('aria-label', t('net.node.aria', { name, f: L.activation }));
      d.setAttribute('aria-haspopup', 'dialog');
      d.title = t('net.node.title', { name });
      let map = null;
      if (thumbs) {
        // no canvas of its own: drawn straight into the one shared canvas (view.sheet, drawInto);
        // a hundred canvases in the page cost Chromium ~10 ms per frame to hand to the compositor
        map = new Heatmap(null, { size: view.node - 2 }); // inside the 1 px border (border-box)
      }
      // a softmax output is class j's probability: drawn in class j's colour
      const cls = isOut && L.activation === 'softmax' && L.nOut >= 2 ? { k: j, K: L.nOut } : null;
      const node = { ...p, el: d, map, row: row++, layer: li, j, key: -2, cls };
      d.onmouseenter = () => showBig(view, node, name);
      d.onfocus = () => showBig(view, node, name);
      d.onmouseleave = d.onblur = () => hideTips(view);
      d.onclick = () => openWeights(view, node);
      // bias square at the bottom-left corner
      const b = document.createElementNS(SVGNS, 'rect');
      b.setAttribute('x', p.x - 5);
      b.setAttribute('y', p.y + view.node - 5);
      b.setAttribute('width', 8);
      b.setAttribute('height', 8);
      b.setAttribute('class', 'net-bias');
      b.onmouseenter = (ev) => tip(view, ev, t('net.biasTip', { name, value: fmt(view.params[L.bOff + j]) }));
      b.onmouseleave = () => hideTips(view);
      b.onclick = (ev) => edit(view, ev, view.params[L.bOff + j], (v) => view.cb.editBias(li, j, v));
      node.bias = b;
      colNodes.push(node);
    }
    view.nodes.push(colNodes);
  });
  return inputs;
}
