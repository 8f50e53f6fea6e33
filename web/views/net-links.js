// net-links.js: the network view's links: where each goes (place), which weights get one when
// there are more than LINK_CAP (pickStrongest: the strongest, re-picked every PICK_MS), their
// colour and width (a style key per weight, rewritten only when it changes), and how they are
// painted: SVG paths for a few hundred links, above SVG_LINK_MAX one canvas per gap between
// columns painted in runs (one run per layer, LINK_BATCH links per frame, round-robin). Functions
// of the view (views/network.js), which owns the state they keep (view.links, view.runs, view.gaps).
// The compact view paints the same links on its own canvas (net-compact.js).
import { t } from '../i18n.js';
import { valueToIndex } from './colors.js';
import { nearestLink } from './link-pick.js';
import { SVGNS } from './dom.js';
import { tip, hideTips, clickLink, linkLabel, fmt } from './net-edit.js';

export const LINK_CAP = 5000;
export const PICK_MS = 1000;
/** The re-pick period for a network of `weights` weights (ms): PICK_MS, longer above 250,000. A pick
 * is three passes over the weights on the main thread, and a repaint of the strongest links: at
 * 16 x 256 (~1 M weights) ~15-25 ms and a long commit, a frame or two lost each time. */
export function pickPeriod(weights) {
  return PICK_MS * Math.max(1, weights / 250000);
}
const LINK_BATCH = 400;
// Above this many links they are painted on one canvas per gap between columns (SVG keeps only the
// invisible hit paths): re-painting many SVG paths costs the browser ~10 ms per frame.
const SVG_LINK_MAX = 600;
// A link's style key: 64 colour levels (the colour table's index / 4) times width steps of |w| (up
// to 5, `steps` per unit); -1 for a non-finite weight (drawn thin and red).
export const linkKey = (w, steps) =>
  Number.isFinite(w) ? (valueToIndex(w) >> 2) * 64 + Math.round(Math.min(Math.abs(w), 5) * steps) : -1;
export const linkWidth = (key, base) => (key >= 0 ? base + (key & 63) / 2 : 1);

/**
 * Makes the view's links for a new structure: one pair of paths (visible, wide invisible hit
 * area) per weight, or a pool of LINK_CAP pairs given to the strongest weights when there are
 * more; above SVG_LINK_MAX (not compact) a canvas per gap. Returns whether links are on canvases.
 * @param {any} view @param {SVGSVGElement} svg @param {any[]} inputs per network input: its node, null if hidden
 * @param {{compact: boolean, total: number, colX: (c: number) => number, colW: number, height: number}} geo
 */
export function makeLinks(view, svg, inputs, { compact, total, colX, colW, height }) {
  const layers = view.layers;
  view.from = layers.map((L, li) => (li === 0 ? inputs : view.nodes[li]));
  view.links = [];
  view.pickedAt = -Infinity;
  const g = document.createElementNS(SVGNS, 'g');
  svg.appendChild(g);
  const onCanvas = total > SVG_LINK_MAX && !compact;
  view.gaps = layers.map((L, li) => {
    if (!onCanvas) return null;
    const left = colX(li) + (colW + view.node) / 2,
      w = colW - view.node,
      dpr = devicePixelRatio || 1;
    const c = document.createElement('canvas');
    c.className = 'net-link-canvas';
    c.width = Math.round(w * dpr);
    c.height = Math.round(height * dpr);
    c.style.left = `${left}px`;
    c.style.width = `${w}px`;
    c.style.height = `${height}px`;
    view.root.insertBefore(c, svg);
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
    view.links.push(link);
    if (compact) return link; // drawn on the plot canvas, found by hitPlot (net-compact.js)
    if (link.path) link.path.setAttribute('class', 'net-link');
    link.hit.setAttribute('class', 'net-link-hit');
    link.hit.onmousemove = (ev) => {
      const n = nearestLink(view.links, link, ev);
      tip(view, ev, t('net.linkTip', { link: linkLabel(view, n), value: fmt(view.params[n.k]) }));
    };
    link.hit.onmouseleave = () => hideTips(view);
    link.hit.onclick = (ev) => clickLink(view, ev, nearestLink(view.links, link, ev));
    if (link.path) g.append(link.path);
    g.append(link.hit);
    return link;
  };
  if (!view.capped) {
    layers.forEach((L, li) => {
      for (let j = 0; j < L.nOut; j++)
        for (let i = 0; i < L.nIn; i++) if (view.from[li][i]) place(view, add(), li, j, i);
    });
  } else for (let q = 0; q < LINK_CAP; q++) add();
  makeRuns(view);
  return onCanvas;
}

/** Puts a link's paths on weight j <- i of layer li. */
function place(view, link, li, j, i) {
  const L = view.layers[li],
    fn = view.from[li][i],
    tn = view.nodes[li + 1][j];
  const x1 = fn.x + (fn.w || view.node),
    y1 = fn.y + (fn.h || view.node) / 2,
    x2 = tn.x,
    y2 = tn.y + (tn.h || view.node) / 2;
  const mx = (x1 + x2) / 2;
  const d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
  Object.assign(link, { li, j, i, k: L.wOff + j * L.nIn + i, x: mx, y: (y1 + y2) / 2, key: -2, x1, y1, x2, y2 });
  for (const e of [link.path, link.hit]) {
    if (!e) continue;
    e.setAttribute('d', d);
    e.setAttribute('data-k', String(link.k));
  }
}

/** A style key's colour (the link colour for non-finite weights: red). */
export function keyColour(view, key) {
  return key >= 0 ? view.css[(key >> 6) * 4 + 2] : '#d00';
}

/** Gives the link pool to the LINK_CAP largest |w| (non-finite first): a 1,024-bin histogram of
 * |w| finds the cut, so two passes over the weights, no sort. */
export function pickStrongest(view, params) {
  const bins = new Uint32Array(1025);
  let max = 0;
  for (const L of view.layers)
    for (let k = L.wOff, e = k + L.nIn * L.nOut; k < e; k++) {
      const a = Math.abs(params[k]);
      if (a > max && a !== Infinity) max = a;
    }
  const bin = (w) => {
    const a = Math.abs(w);
    return a <= max ? Math.min(1023, Math.floor((a / (max || 1)) * 1024)) : 1024;
  };
  for (const L of view.layers) for (let k = L.wOff, e = k + L.nIn * L.nOut; k < e; k++) bins[bin(params[k])]++;
  let cut = 1024,
    n = bins[1024];
  while (cut > 0 && n + bins[cut - 1] <= view.links.length) n += bins[--cut];
  let q = 0,
    room = view.links.length - n; // weights in bin cut - 1 that still fit
  view.layers.forEach((L, li) => {
    for (let j = 0; j < L.nOut && q < view.links.length; j++)
      for (let i = 0; i < L.nIn && q < view.links.length; i++) {
        if (!view.from[li][i]) continue; // a hidden feature's link is not drawn
        const b = bin(params[L.wOff + j * L.nIn + i]);
        if (b >= cut || (b === cut - 1 && room-- > 0)) place(view, view.links[q++], li, j, i);
      }
  });
  for (let r = q; r < view.links.length; r++) {
    view.links[r].li = -1;
    if (view.links[r].hit) view.links[r].hit.setAttribute('d', '');
  }
  makeRuns(view);
}

/** Runs of links of one layer (contiguous in view.links), one per layer, the unit of styling. */
function makeRuns(view) {
  view.runs = view.layers.map((L, li) => ({ li, a: 0, b: 0, dirty: true, gap: view.gaps[li] }));
  let a = 0;
  while (a < view.links.length && view.links[a].li >= 0) {
    const li = view.links[a].li;
    let b = a;
    while (b < view.links.length && view.links[b].li === li) b++;
    Object.assign(view.runs[li], { a, b });
    a = b;
  }
  view.runCursor = 0;
}

/** Paints one run's links on its gap canvas (dimmed or marked as the step-through asks). */
function paintRun(view, run) {
  const { ctx, c, left, dpr } = run.gap;
  ctx.setTransform(dpr, 0, 0, dpr, -left * dpr, 0);
  ctx.clearRect(left, 0, c.width / dpr, c.height / dpr);
  const em = view.anno && view.anno.emphasis,
    sel = view.anno ? view.anno.selected : undefined;
  for (let q = run.a; q < run.b; q++) {
    const l = view.links[q];
    ctx.globalAlpha = em && !em.has(l.k) ? 0.15 : 1;
    ctx.strokeStyle = l.k === sel ? '#c0392b' : keyColour(view, l.key);
    ctx.lineWidth = linkWidth(l.key, 1);
    const mx = (l.x1 + l.x2) / 2;
    ctx.beginPath();
    ctx.moveTo(l.x1, l.y1);
    ctx.bezierCurveTo(mx, l.y1, mx, l.y2, l.x2, l.y2);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** Link colour (64 levels) and width (half-pixel steps) follow the weight. Painting the links is
 * the costliest part of a frame (the browser re-rasterises every link crossing a changed
 * region), so at most LINK_BATCH links are re-styled per frame, in runs of whole layers
 * (a layer's links share a region), round-robin: with many links each gap between columns is
 * refreshed every few frames instead of all of them every frame. */
export function styleLinks(view, params) {
  const links = view.links,
    runs = view.runs;
  let seen = 0;
  while (view.linksPending > 0 && runs.length) {
    const run = runs[view.runCursor];
    view.runCursor = (view.runCursor + 1) % runs.length;
    let changed = run.dirty;
    run.dirty = false;
    for (let q = run.a; q < run.b; q++) {
      const link = links[q],
        key = linkKey(params[link.k], 3.6);
      if (key === link.key) continue;
      link.key = key;
      changed = true;
      if (!link.path) continue;
      link.path.setAttribute('stroke', keyColour(view, key));
      link.path.setAttribute('stroke-width', String(linkWidth(key, 1)));
    }
    if (changed && run.gap) paintRun(view, run);
    seen += run.b - run.a;
    view.linksPending -= Math.max(1, run.b - run.a);
    if (seen >= LINK_BATCH) break;
  }
}
