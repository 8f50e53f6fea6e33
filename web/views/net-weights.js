// net-weights.js: a neuron's weights as a list, for keyboard and touch (the links are thin and
// hover-only): pressing (Enter, Space, a click or a tap) a hidden or output neuron opens a small
// dialog beside it with one row per incoming weight and its bias, each value editable (Enter
// applies it through the page's callbacks, as a typed link value does); in step mode each row
// also selects that link for the chain rule. Escape or Close returns the focus to the neuron.
// Values are read when it opens (training goes on behind it).
import { t } from '../i18n.js';
import { el } from './dom.js';
import { linkLabel, nodeName, parseTyped } from './net-edit.js';

/** Opens the list of node's incoming weights (node: a hidden or output neuron of the view). */
export function openWeights(view, node) {
  closeWeights();
  const L = view.layers[node.layer],
    li = node.layer,
    j = node.j,
    name = nodeName(view, node);
  const box = el('div', 'net-weights', document.body);
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', t('net.weightsInto', { name }));
  el('h3', '', box).textContent = t('net.into', { name, f: L.activation });
  const list = el('ul', '', box);
  const row = (text, value, commit, select) => {
    const li_ = el('li', '', list);
    const lab = el('label', '', li_);
    lab.append(`${text} `);
    const input = el('input', '', lab);
    input.type = 'text';
    input.inputMode = 'decimal';
    input.value = Number.isFinite(value) ? value.toFixed(4) : String(value);
    input.onkeydown = (e) => {
      if (e.key !== 'Enter') return;
      const { value, error } = parseTyped(input.value);
      input.setCustomValidity(error || '');
      if (error) input.reportValidity();
      else commit(value);
    };
    if (select) {
      const b = el('button', 'text-btn', li_);
      b.textContent = t('net.chainRule');
      b.title = t('net.chainRule.title', { link: text });
      b.onclick = select;
    }
  };
  for (let i = 0; i < L.nIn; i++) {
    const k = L.wOff + j * L.nIn + i,
      link = { li, j, i, k };
    const text = linkLabel(view, link);
    row(
      text,
      view.params[k],
      (v) => view.cb.editWeight(li, j, i, v),
      view.selectMode ? () => view.cb.selectLink({ layer: li, to: j, from: i, k, label: text }) : null,
    );
  }
  row(t('net.biasOf', { name }), view.params[L.bOff + j], (v) => view.cb.editBias(li, j, v), null);
  const close = el('button', 'text-btn', box);
  close.textContent = t('common.close');
  const back = () => {
    closeWeights();
    if (node.el && node.el.isConnected) node.el.focus();
  };
  close.onclick = back;
  box.onkeydown = (e) => {
    if (e.key === 'Escape') back();
    e.stopPropagation(); // the page's keys (space, arrows) stay out of the dialog
  };
  const r = node.el.getBoundingClientRect();
  box.style.left = `${Math.min(r.right + window.scrollX + 8, window.scrollX + document.documentElement.clientWidth - 300)}px`;
  box.style.top = `${r.top + window.scrollY}px`;
  box.querySelector('input').focus();
}

/** Closes the open list, if any. */
export function closeWeights() {
  document.querySelectorAll('.net-weights').forEach((e) => e.remove());
}
