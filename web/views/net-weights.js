// net-weights.js: a neuron's weights as a list, for keyboard and touch (the links are thin and
// hover-only): pressing (Enter, Space, a click or a tap) a hidden or output neuron opens a small
// dialog beside it with one row per incoming weight and its bias, each value editable (Enter
// applies it through the page's callbacks, as a typed link value does); in step mode each row
// also selects that link for the chain rule. Escape or Close returns the focus to the neuron.
// Values are read when it opens (training goes on behind it).
import { el } from './dom.js';
import { linkLabel, nodeName } from './net-edit.js';

/** Opens the list of node's incoming weights (node: a hidden or output neuron of the view). */
export function openWeights(view, node) {
  closeWeights();
  const L = view.layers[node.layer],
    li = node.layer,
    j = node.j,
    name = nodeName(view, node);
  const box = el('div', 'net-weights', document.body);
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', `Weights into ${name}`);
  el('h3', '', box).textContent = `Into ${name} (${L.activation})`;
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
      const v = Number(input.value.trim());
      if (input.value.trim() === '' || !Number.isFinite(v)) {
        input.setCustomValidity(`'${input.value.slice(0, 20)}' is not a number`);
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      commit(v);
    };
    if (select) {
      const b = el('button', 'text-btn', li_);
      b.textContent = 'Chain rule';
      b.title = `Show the chain rule for the ${text}`;
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
  row(`bias of ${name}`, view.params[L.bOff + j], (v) => view.cb.editBias(li, j, v), null);
  const close = el('button', 'text-btn', box);
  close.textContent = 'Close';
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
