// stepthrough.js: "see backprop happen". One data point goes through the net phase by phase:
// forward layer by layer (z and a on each neuron), the loss with its formula, backward layer by
// layer (delta = dL/dz on neurons, dL/dw on links), then the weight update. Clicking a link shows
// its gradient as the chain rule with the numbers plugged in, and its update with the optimizer's
// own state. Every number comes from the engine's trace; JS only lays out the factors (and shows
// their product next to the engine's value, so the two can be compared). The selected weight's
// loss curve L(w) with the chain rule's tangent is views/loss-line.js, from the engine's lossLine.
import { fmt } from './format.js';
import { drawLossLine } from './loss-line.js';
import { t as tr } from '../i18n.js'; // t is the trace here

const el = (tag, cls, parent, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
};
const ACT = { relu: 'ReLU', tanh: 'tanh', sigmoid: 'σ', linear: 'linear', leakyrelu: 'leaky ReLU', softmax: 'softmax' };

export class StepThrough {
  /** @param {HTMLElement} panel @param {{net: any, getState: () => any, onPick: (p: any) => void,
   *   lossLine?: (args: any) => Promise<{w: number, train: Float32Array, point: Float32Array}>}} deps */
  constructor(panel, deps) {
    this.panel = panel;
    this.deps = deps;
    this.phase = 0;
    this.trace = null;
    this.selected = null;
  }

  get layers() {
    return this.deps.getState().layers;
  }
  phases() {
    const L = this.layers.length,
      out = [];
    for (let l = 0; l < L; l++) out.push({ kind: 'forward', l });
    out.push({ kind: 'loss' });
    for (let l = L - 1; l >= 0; l--) out.push({ kind: 'backward', l });
    out.push({ kind: 'update' });
    return out;
  }
  move(d) {
    this.phase = Math.max(0, Math.min(this.phases().length - 1, this.phase + d));
    this.render();
  }
  setTrace(trace, point) {
    this.trace = trace;
    this.point = point;
    this.render();
  }
  select(link) {
    this.selected = link;
    this.render();
  }

  #row(l, j) {
    let r = 0;
    for (let k = 0; k < l; k++) r += this.layers[k].nOut;
    return r + j;
  }
  #phaseText(p) {
    const c = this.deps.getState().config,
      L = this.layers.length;
    const name = (l) => (l === L - 1 ? tr('st.output') : tr('st.hiddenLayer', { n: l + 1 }));
    if (p.kind === 'forward') return tr('st.forward', { layer: name(p.l), f: ACT[this.layers[p.l].activation] });
    if (p.kind === 'loss') return tr('st.lossPhase', { formula: this.#lossFormula(c) });
    if (p.kind === 'backward')
      return p.l === L - 1
        ? tr('st.backwardOut', { delta: this.#outputDelta(c) })
        : tr('st.backward', { layer: name(p.l) });
    return tr('st.update', { optimizer: c.optimizer, rate: c.learningRate });
  }
  #lossFormula(c) {
    const loss = c.lossInForce; // loss=auto resolved by the engine
    return {
      square: 'L = ½ (a − y)²',
      abs: 'L = |a − y|',
      bce: 'L = −[y log a + (1 − y) log(1 − a)]',
      softmax: `L = −log p_y (${tr('loss.softmax')})`,
    }[loss];
  }
  #outputDelta(c) {
    const loss = c.lossInForce; // loss=auto resolved by the engine
    return {
      square: '= (a − y) · f′(z)',
      abs: '= sign(a − y) · f′(z)',
      bce: `= a − y (${tr('st.bceCancels')})`,
      softmax: `= p − y (${tr('st.softmaxCancels')})`,
    }[loss];
  }

  render() {
    const st = this.deps.getState(),
      t = this.trace,
      net = this.deps.net;
    this.panel.querySelector('.st-phase').textContent = t ? this.#phaseText(this.phases()[this.phase]) : tr('st.pick');
    this.panel.querySelector('.st-step-count').textContent = t
      ? tr('st.stepCount', { n: this.phase + 1, of: this.phases().length })
      : '';
    const pt = this.panel.querySelector('.st-point');
    pt.textContent = this.point
      ? tr(this.point.test ? 'st.pointTest' : 'st.pointTrain', {
          n: this.point.index + 1,
          x1: fmt(this.point.x1),
          x2: fmt(this.point.x2),
          label: this.point.label,
        })
      : '';
    const lossBox = this.panel.querySelector('.st-loss');
    lossBox.replaceChildren();
    if (!t) return net.annotate(null);
    const p = this.phases()[this.phase],
      L = this.layers.length,
      F = st.features.length;
    const outRow0 = this.#row(L - 1, 0);
    const showLoss = p.kind !== 'forward';
    if (showLoss) {
      const line = el('div', '', lossBox, `${this.#lossFormula(st.config)} ${tr('st.withA')} `);
      el('span', 'st-num', line, fmt(t.a[outRow0])).dataset.name = 'a_out';
      line.append(', y = ');
      el('span', 'st-num', line, fmt(t.target[0])).dataset.name = 'y';
      line.append(': L = ');
      el('span', 'st-num', line, fmt(t.loss)).dataset.name = 'loss';
    }
    // neuron and link annotations for this phase
    const neurons = [],
      links = [],
      emphasis = new Set();
    const feats = st.features;
    for (let i = 0; i < F; i++)
      neurons.push({ row: i, lines: [`${feats[i].label} = ${fmt(t.input[i])}`], cls: 'input' });
    const lastForward = p.kind === 'forward' ? p.l : L - 1;
    const firstBackward = p.kind === 'backward' ? p.l : p.kind === 'update' ? 0 : L;
    this.layers.forEach((Ly, l) => {
      for (let j = 0; j < Ly.nOut; j++) {
        const r = this.#row(l, j),
          lines = [];
        if (l <= lastForward) lines.push(`z ${fmt(t.z[r])}`, `a ${fmt(t.a[r])}`);
        if (l >= firstBackward && p.kind !== 'update')
          lines.push(`δ ${fmt(t.delta[r])}`, `∂b ${fmt(t.grad[Ly.bOff + j])}`);
        if (p.kind === 'update') lines.push(`b→ ${fmt(t.paramsAfter[Ly.bOff + j])}`);
        if (lines.length) neurons.push({ row: F + r, lines, cls: l >= firstBackward ? 'back' : 'fwd' });
        for (let i = 0; i < Ly.nIn; i++) {
          const k = Ly.wOff + j * Ly.nIn + i;
          if (p.kind === 'backward' && l >= firstBackward) {
            emphasis.add(k);
            links.push({ k, text: `∂w ${fmt(t.grad[k])}` });
          } else if (p.kind === 'update') {
            emphasis.add(k);
            links.push({ k, text: `→ ${fmt(t.paramsAfter[k])}` });
          } else if (p.kind === 'forward' && l <= lastForward) emphasis.add(k);
          else if (p.kind === 'loss') emphasis.add(k);
        }
      }
    });
    net.annotate({ neurons, links, emphasis, selected: this.selected ? this.selected.k : undefined });
    this.#chain();
  }

  // The selected weight's gradient as the chain rule, and its update, with numbers.
  #chain() {
    const box = this.panel.querySelector('.st-chain');
    box.replaceChildren();
    const t = this.trace,
      s = this.selected,
      st = this.deps.getState(),
      c = st.config;
    if (!t || !s) {
      el('p', 'hint', box, tr('st.clickLink'));
      return;
    }
    const L = this.layers.length,
      { layer: l, to: j, from: i, k } = s;
    const r = this.#row(l, j);
    const aIn = l === 0 ? t.input[i] : t.a[this.#row(l - 1, i)];
    const inName = l === 0 ? st.features[i].label : tr('st.aOf', { layer: l, neuron: i + 1 });
    el('div', 'st-title', box, tr('st.selected', { link: s.label }));
    const num = (parent, v, name) => {
      const e = el('span', 'st-num', parent, fmt(v));
      e.dataset.name = name;
      return v;
    };
    const row1 = el('div', '', box, '∂L/∂w = δ × a_in = ');
    const d = num(row1, t.delta[r], 'delta');
    row1.append(' × ');
    const a = num(row1, aIn, 'a_in');
    row1.append(` (${inName}) = `);
    num(row1, d * a, 'product');
    const row2 = el('div', '', box, `${tr('st.engine')}: ∂L/∂w = `);
    num(row2, t.grad[k], 'grad');
    // delta's own chain
    const row3 = el('div', '', box);
    const loss = c.lossInForce; // loss=auto resolved by the engine
    if (l === L - 1) {
      if (loss === 'bce' || loss === 'softmax') {
        row3.append('δ = a − y = ');
        num(row3, t.a[r], 'a');
        row3.append(' − ');
        num(row3, t.target[j], 'y');
      } else {
        row3.append(`δ = ∂L/∂a × f′(z) = ${loss === 'abs' ? 'sign(a − y)' : '(a − y)'} × f′(z) = `);
        num(row3, loss === 'abs' ? Math.sign(t.a[r] - t.target[j]) : t.a[r] - t.target[j], 'dLda');
        row3.append(' × ');
        num(row3, t.dadz[r], 'dadz');
      }
    } else {
      row3.append('δ = f′(z) × Σₖ wₖ δₖ = ');
      num(row3, t.dadz[r], 'dadz');
      row3.append(' × (');
      const next = this.layers[l + 1];
      for (let q = 0; q < next.nOut; q++) {
        if (q >= 6) {
          row3.append(' + …');
          break;
        }
        if (q) row3.append(' + ');
        num(row3, t.paramsBefore[next.wOff + q * next.nIn + j], `w_next${q}`);
        row3.append('×');
        num(row3, t.delta[this.#row(l + 1, q)], `delta_next${q}`);
      }
      row3.append(')');
    }
    // a unique path to a single output: the whole chain as one product of factors
    if (this.layers.slice(l + 1).every((Ly) => Ly.nOut === 1) && loss !== 'softmax') {
      const factors = [
        [inName, aIn],
        [tr('st.fHere'), t.dadz[r]],
      ];
      let prev = j;
      for (let q = l + 1; q < L; q++) {
        factors.push([tr('st.wTo', { n: q + 1 }), t.paramsBefore[this.layers[q].wOff + prev]]);
        factors.push([tr('st.fLayer', { n: q + 1 }), t.dadz[this.#row(q, 0)]]);
        prev = 0;
      }
      const outR = this.#row(L - 1, 0);
      if (loss === 'bce') factors.splice(-1, 1, ['∂L/∂z out = a − y', t.a[outR] - t.target[0]]);
      else factors.push(['∂L/∂a out', loss === 'abs' ? Math.sign(t.a[outR] - t.target[0]) : t.a[outR] - t.target[0]]);
      const row4 = el('div', 'st-fullchain', box, `${tr('st.chain')}: ∂L/∂w = `);
      let prod = 1;
      factors.forEach(([name, v], q) => {
        if (q) row4.append(' × ');
        const e = el('span', 'st-num', row4, fmt(v));
        e.dataset.name = `factor${q}`;
        e.title = name;
        prod *= v;
      });
      row4.append(' = ');
      num(row4, prod, 'chainProduct');
    }
    this.#update(box, t, k, c);
    this.#lossLine(box, t, k);
  }

  // L(w) for the selected weight alone: the traced point's loss (its slope at w is the dL/dw
  // above) and the training set's, over a range that shows one optimizer step.
  #lossLine(box, t, k) {
    if (!this.deps.lossLine || !this.point) return;
    const w = t.paramsBefore[k],
      wAfter = t.paramsAfter[k],
      half = Math.max(1, 2.5 * Math.abs(wAfter - w));
    const fig = el('figure', 'st-lossline', box);
    const cv = el('canvas', '', fig);
    cv.width = 280;
    cv.height = 120;
    cv.setAttribute('role', 'img');
    cv.setAttribute('aria-label', tr('st.lossLine.aria'));
    el('figcaption', 'hint', fig, tr('st.lossLine.caption'));
    const { x1, x2, label } = this.point;
    const ask = (this.lineAsk = { k, t });
    this.deps
      .lossLine({ k, halfWidth: half, n: 81, point: [x1, x2, label] })
      .then((r) => {
        if (this.lineAsk !== ask) return; // another link or trace since
        this.line = { k, w: r.w, half, point: r.point, train: r.train };
        drawLossLine(cv, {
          w,
          half,
          point: r.point,
          train: r.train,
          grad: t.grad[k],
          wAfter,
          loss: t.loss,
          dark: this.deps.getState().dark,
        });
        fig.dataset.ready = 'true';
      })
      .catch(() => fig.remove()); // e.g. the network changed under the request
  }

  #update(box, t, k, c) {
    const num = (parent, v, name) => {
      const e = el('span', 'st-num', parent, fmt(v));
      e.dataset.name = name;
    };
    const w = t.paramsBefore[k],
      g = t.grad[k],
      lr = c.learningRate;
    const u = el('div', 'st-update', box);
    const line = (text) => el('div', '', u, text);
    const opt = c.optimizer;
    if (opt === 'momentum' || opt === 'nesterov') {
      const l1 = line(`m = μ·m + g = ${c.momentum} × `);
      num(l1, t.mBefore[k], 'm_before');
      l1.append(' + ');
      num(l1, g, 'g');
      l1.append(' = ');
      num(l1, t.mAfter[k], 'm_after');
      line(opt === 'momentum' ? 'w_new = w − lr · m' : 'w_new = w − lr · (g + μ·m)');
    } else if (opt === 'rmsprop') {
      const l1 = line(`v = ρ·v + (1 − ρ)·g² = ${c.rho} × `);
      num(l1, t.vBefore[k], 'v_before');
      l1.append(` + ${fmt(1 - c.rho)} × `);
      num(l1, g * g, 'g2');
      l1.append(' = ');
      num(l1, t.vAfter[k], 'v_after');
      line(`w_new = w − lr · g / (√v + ε), ε = ${c.epsilon}`);
    } else if (opt === 'adam') {
      const l1 = line(`m = β₁·m + (1 − β₁)·g = `);
      num(l1, t.mAfter[k], 'm_after');
      const l2 = line(`v = β₂·v + (1 − β₂)·g² = `);
      num(l2, t.vAfter[k], 'v_after');
      const l3 = line(`step t = ${t.tAfter}: m̂ = m / `);
      num(l3, t.biasCorrection1, 'bc1');
      l3.append(', v̂ = v / ');
      num(l3, t.biasCorrection2, 'bc2');
      line(`w_new = w − lr · m̂ / (√v̂ + ε), ε = ${c.epsilon}`);
    } else {
      const l1 = line(`w_new = w − lr × ∂L/∂w = `);
      num(l1, w, 'w');
      l1.append(` − ${lr} × `);
      num(l1, g, 'g');
      l1.append(' = ');
      num(l1, w - lr * g, 'w_sgd');
    }
    if (c.regularization !== 'none' && c.regularizationRate > 0) {
      const lr2 = line(`${tr('st.thenReg', { reg: c.regularization })}: w −= lr × λ·R′(w_before) = ${lr} × `);
      num(lr2, t.regTerm[k], 'reg');
    }
    const fin = line(`${tr('st.engine')}: w_new = `);
    num(fin, t.paramsAfter[k], 'w_after');
  }
}
