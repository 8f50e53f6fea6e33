// slice.js: the note under the plot for column data (Iris, or a CSV of 3 or more input columns):
// which two columns the plot's axes are (the user picks them), whether the user's columns are
// standardized (the "standardize" key; Iris ships standardized), and the values the network's other inputs are held at while the boundary and the neurons'
// pictures are drawn (the engine's slice, their medians at first), each editable. The engine owns
// the slice (snapshot.slice, worker 'setSlice'); this panel shows it and sends edits. textContent
// only; hidden for plane data.
import { t } from '../i18n.js';

/** @param {any} ctx the panel context (app.js) @param {HTMLElement} root */
export function initSlice(ctx, root) {
  let shown = null; // the slice last drawn
  function render(slice) {
    shown = slice;
    root.hidden = !slice;
    root.replaceChildren();
    if (!slice) return;
    const { names, axisX, axisY, values } = slice;
    const axes = document.createElement('p');
    axes.append(`${t('slice.axes')} `);
    axes.appendChild(axisSelect('slice-axis-x', t('slice.across.aria'), names, axisX, (k) => sendAxes(k, axisY)));
    axes.append(` ${t('slice.up')} `);
    axes.appendChild(axisSelect('slice-axis-y', t('slice.up.aria'), names, axisY, (k) => sendAxes(axisX, k)));
    root.appendChild(axes);
    const c = ctx.st.config;
    const own = (c.problem === 'regression' ? c.regDataset : c.dataset) === 'custom';
    if (own) {
      const box = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.id = 'standardize';
      input.checked = c.standardize;
      input.onchange = () => ctx.change({ standardize: input.checked });
      box.append(input, ` ${t('slice.standardize')}`);
      root.appendChild(box);
    }
    const head = document.createElement('p');
    head.textContent = t(!own || c.standardize ? 'slice.headStd' : 'slice.headRaw', {
      x: names[axisX],
      y: names[axisY],
    });
    root.appendChild(head);
    names.forEach((name, k) => {
      if (k === axisX || k === axisY) return;
      const label = document.createElement('label');
      label.textContent = `${name} `;
      const input = document.createElement('input');
      input.type = 'number';
      input.step = '0.1';
      input.value = String(+values[k].toFixed(3));
      input.dataset.column = String(k);
      input.setAttribute('aria-label', t('slice.value.aria', { name }));
      input.onchange = () => send(k, input);
      label.appendChild(input);
      root.appendChild(label);
    });
  }
  function axisSelect(cls, label, names, chosen, onPick) {
    const sel = document.createElement('select');
    sel.className = cls;
    sel.setAttribute('aria-label', label);
    names.forEach((name, k) => {
      const o = document.createElement('option');
      o.value = String(k);
      o.textContent = name;
      sel.appendChild(o);
    });
    sel.value = String(chosen);
    sel.onchange = () => onPick(Number(sel.value));
    return sel;
  }
  async function sendAxes(x, y) {
    try {
      ctx.apply(await ctx.client.call('setAxes', { x, y })); // the points move, the note follows
      ctx.clearMessage('slice');
    } catch (e) {
      ctx.message(() => t('slice.axesFailed', { error: e.message }), 'error', 'slice');
      render(shown);
    }
  }
  async function send(k, input) {
    const values = shown.values.slice();
    values[k] = Number(input.value);
    try {
      const r = await ctx.client.call('setSlice', { values });
      render(r.slice);
      ctx.st.dirty = true; // the pictures are drawn again on the new slice
      ctx.clearMessage('slice');
    } catch (e) {
      ctx.message(() => t('slice.failed', { error: e.message }), 'error', 'slice');
      render(shown); // the value in force again
    }
  }
  ctx.onApply((r) => render(r.slice || null));
  ctx.onLang(() => shown && render(shown));
}
