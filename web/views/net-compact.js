// net-compact.js: the network view above THUMB_CAP neurons (views/network.js). One canvas as
// large as the view holds every neuron as a bar coloured by its bias (one pixel per neuron in a
// small image, scaled up) and the links as straight lines, one path per colour and width bucket;
// hover and click are found by arithmetic (hitPlot) instead of an element per neuron and weight,
// which made Chromium spend seconds per frame on style and layout of a 5,700 px view. Functions
// of the view, which owns the canvas (view.plot).
import { t as tr } from '../i18n.js'; // t is a line's parameter here
import { valueToIndex } from './colors.js';
import { el } from './dom.js';
import { linkKey, linkWidth, keyColour, pickStrongest } from './net-links.js';
import { tip, hideTips, showBig, edit, clickLink, linkLabel, nodeName, fmt } from './net-edit.js';

/**
 * The compact view's canvas, above the SVG (which would take the pointer), below the controls and
 * feature toggles; sets view.plot.
 * @param {any} view @param {{width: number, height: number, neurons: number, maxCol: number}} geo
 */
export function makePlot(view, { width, height, neurons, maxCol }) {
  const layers = view.layers;
  const c = el('canvas', 'net-plot', view.root);
  const dpr = devicePixelRatio || 1;
  c.width = Math.round(width * dpr);
  c.height = Math.round(height * dpr);
  c.style.width = `${width}px`;
  c.style.height = `${height}px`;
  c.setAttribute('aria-label', tr('net.plot.aria', { n: neurons.toLocaleString('en') }));
  const ctx = c.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.imageSmoothingEnabled = false;
  // one pixel per neuron (column = layer), scaled up into the bars by drawImage
  const src = document.createElement('canvas');
  src.width = layers.length;
  src.height = maxCol;
  const sctx = src.getContext('2d');
  view.plot = { c, ctx, src, sctx, img: sctx.createImageData(layers.length, maxCol) };
  c.onmousemove = (ev) => hoverPlot(view, ev);
  c.onmouseleave = () => {
    hideTips(view);
    c.style.cursor = '';
  };
  c.onclick = (ev) => clickPlot(view, ev);
}

/** Re-picks the strongest links (when capped) and paints the whole plot. */
export function compactLinks(view) {
  view.pickedAt = performance.now();
  view.linksDue = false;
  if (view.capped) pickStrongest(view, view.params);
  paintPlot(view, view.params);
}

/** Compact view: every link shown as a straight line, one path per colour and width bucket
 * (a few dozen strokes instead of thousands), then the neuron bars over their ends. */
function paintPlot(view, params) {
  const { c, ctx } = view.plot,
    em = view.anno && view.anno.emphasis,
    sel = view.anno ? view.anno.selected : undefined;
  ctx.clearRect(0, 0, c.width, c.height);
  const buckets = new Map();
  for (const l of view.links) {
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
    ctx.strokeStyle = b === -3 ? '#c0392b' : keyColour(view, key);
    ctx.lineWidth = b === -3 ? 2 : linkWidth(key, 0.5);
    ctx.stroke(p);
  }
  ctx.globalAlpha = 1;
  paintBars(view, params);
}

/** Compact view: neuron bars coloured by bias, one pixel each in a small image scaled up. */
export function paintBars(view, params) {
  const { ctx, src, sctx, img } = view.plot,
    px = new Uint32Array(img.data.buffer),
    cols = view.layers.length;
  for (let c = 1; c < view.nodes.length; c++)
    for (const n of view.nodes[c])
      px[n.j * cols + n.layer] = view.packed[valueToIndex(params[view.layers[n.layer].bOff + n.j])];
  sctx.putImageData(img, 0, 0);
  for (let c = 1; c < view.nodes.length; c++) {
    const col = view.nodes[c],
      a = col[0];
    ctx.drawImage(src, c - 1, 0, 1, col.length, a.x, a.y, a.w, a.h * col.length);
  }
}

/** Compact view: the neuron or link under a point of the plot (CSS px), or null. */
function hitPlot(view, x, y) {
  for (let c = 1; c < view.nodes.length; c++) {
    const col = view.nodes[c],
      a = col[0];
    if (x >= a.x - 2 && x <= a.x + a.w + 2) {
      const j = Math.floor((y - a.y) / a.h);
      return j >= 0 && j < col.length ? { node: col[j] } : null;
    }
  }
  let best = null,
    bestD = 16; // squared px: within 4 px of a line
  for (const l of view.links) {
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

function hoverPlot(view, ev) {
  const h = view.params && hitPlot(view, ev.offsetX, ev.offsetY);
  view.plot.c.style.cursor = h ? 'pointer' : '';
  if (!h) return hideTips(view);
  if (h.link) {
    view.bigCanvas.hidden = true;
    return tip(view, ev, tr('net.linkTip', { link: linkLabel(view, h.link), value: fmt(view.params[h.link.k]) }));
  }
  const n = h.node,
    name = nodeName(view, n);
  tip(
    view,
    ev,
    tr('net.barTip', {
      name,
      f: view.layers[n.layer].activation,
      value: fmt(view.params[view.layers[n.layer].bOff + n.j]),
    }),
  );
  showBig(view, n, name);
}

function clickPlot(view, ev) {
  const h = view.params && hitPlot(view, ev.offsetX, ev.offsetY);
  if (h && h.link) clickLink(view, ev, h.link);
  else if (h)
    edit(view, ev, view.params[view.layers[h.node.layer].bOff + h.node.j], (v) =>
      view.cb.editBias(h.node.layer, h.node.j, v),
    );
}
