// net-edit.js: the network view's pointer side: the tooltip with a link's or bias's value, the
// big heatmap of the neuron under the pointer, the box that takes a typed value, and what a click
// on a link does (step mode: select it; else: edit its weight). The names read out for links and
// neurons live here too. Functions of the view (views/network.js), which owns the elements made
// here; a value typed is handed to the page's callbacks (view.cb), never applied here. All text
// goes in through textContent (URL text is untrusted).
import { t } from '../i18n.js';
import { Heatmap } from './heatmap.js';
import { el } from './dom.js';

/** The tooltip and the big heatmap, made once per view (hidden until hovered). */
export function makeTips(view) {
  view.tooltip = el('div', 'net-tooltip', document.body);
  view.tooltip.setAttribute('role', 'tooltip');
  view.tooltip.hidden = true;
  view.bigCanvas = el('canvas', 'net-big', document.body);
  view.bigCanvas.width = view.bigCanvas.height = 160;
  view.bigCanvas.hidden = true;
  view.bigMap = new Heatmap(view.bigCanvas, { size: 160 });
}

/** A value as the tooltips show it. */
export function fmt(v) {
  return Number.isFinite(v) ? v.toFixed(3) : String(v);
}

/** A link's name, as the tooltip and the step-through say it. */
export function linkLabel(view, { li, j, i }) {
  const last = view.layers.length - 1;
  const from = li === 0 ? view.from[0][i].label : t('net.neuronOfLayer', { n: i + 1, layer: li });
  const to = li === last ? t('net.theOutput') : t('net.neuronOfLayer', { n: j + 1, layer: li + 1 });
  return t('net.weightFromTo', { from, to });
}

/** A neuron's name (hidden or output). */
export function nodeName(view, n) {
  return n.layer === view.layers.length - 1
    ? t('net.outputN', { n: n.j + 1 })
    : t('net.neuronOf', { n: n.j + 1, layer: n.layer + 1 });
}

/** Shows `text` beside the pointer (and announces it when the page listens). */
export function tip(view, ev, text) {
  view.tooltip.textContent = text;
  view.tooltip.hidden = false;
  view.tooltip.style.left = `${ev.pageX + 12}px`;
  view.tooltip.style.top = `${ev.pageY + 12}px`;
  if (view.cb.announce) view.cb.announce(text);
}

/** The neuron's heatmap, enlarged beside it (a packed grid's neuron is asked for: cb.neuronGrid). */
export function showBig(view, node, name) {
  if (!view.grid) return;
  const P = view.N * view.N,
    N = view.N,
    style = { palette: view.palette, dark: view.dark, scale: node.scale, cls: node.cls };
  if (view.gridPacked && node.row >= view.gridPacked.F)
    // a neuron's rows are not in a packed grid: ask for them
    view.cb.neuronGrid(node.row, N).then(
      (g) => view.bigMap.draw(g, N, style),
      () => {},
    );
  else view.bigMap.draw(view.grid.subarray(node.row * P, (node.row + 1) * P), N, style);
  const r = node.el
    ? node.el.getBoundingClientRect()
    : (() => {
        const c = view.plot.c.getBoundingClientRect();
        return { right: c.left + node.x + node.w, top: c.top + node.y };
      })();
  view.bigCanvas.style.left = `${r.right + window.scrollX + 10}px`;
  view.bigCanvas.style.top = `${r.top + window.scrollY - 60}px`;
  view.bigCanvas.hidden = false;
  view.bigCanvas.setAttribute('aria-label', t('net.heatmapOf', { name }));
}

export function hideTips(view) {
  view.tooltip.hidden = true;
  view.bigCanvas.hidden = true;
}

/** A typed weight or bias: {value} or {error} naming what was typed. */
export function parseTyped(text) {
  const s = text.trim(),
    v = Number(s);
  return s === '' || !Number.isFinite(v) ? { error: t('net.notANumber', { text: text.slice(0, 20) }) } : { value: v };
}

/** A box at the pointer that takes a new value: Enter applies it through `commit`, Escape or blur cancel. */
export function edit(view, ev, current, commit) {
  hideTips(view);
  document.querySelectorAll('.net-edit').forEach((e) => e.remove());
  const box = el('input', 'net-edit', document.body);
  box.type = 'text';
  box.inputMode = 'decimal';
  box.value = Number.isFinite(current) ? current.toFixed(4) : '0';
  box.setAttribute('aria-label', t('net.newValue'));
  box.style.left = `${ev.pageX}px`;
  box.style.top = `${ev.pageY}px`;
  box.focus();
  box.select();
  let closed = false;
  const done = (apply) => {
    if (closed) return;
    if (apply) {
      const { value, error } = parseTyped(box.value);
      if (error) {
        box.classList.add('bad');
        box.title = error;
        return;
      }
      commit(value);
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

/** A click on a link: in step mode it selects it (cb.selectLink), else its weight is edited. */
export function clickLink(view, ev, link) {
  if (view.selectMode)
    view.cb.selectLink({ layer: link.li, to: link.j, from: link.i, k: link.k, label: linkLabel(view, link) });
  else edit(view, ev, view.params[link.k], (v) => view.cb.editWeight(link.li, link.j, link.i, v));
}
