// classes.js: per-class results under the output plot: which colour is which class (for K >= 3
// the value legend makes no sense, so it is swapped for class swatches), each class's accuracy
// (correct / points of that true class) and the confusion matrix, from the engine's
// metrics().confusion = {k, train, test} (row-major K x K counts, row = true class, column =
// predicted; binary: class 0 is label -1, class 1 is +1). Test set by default; a toggle shows the
// training set, and each accuracy's tooltip gives the other set's. textContent only.
import { t } from '../i18n.js';
import { classCss, cssColor } from '../views/colors.js';

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
const pct = (num, den) => (den > 0 ? `${((100 * num) / den).toFixed(1)}%` : '–');

/** Names and CSS colours of K classes (binary: the value scale's two ends); names: the data's own. */
export function classStyles(K, paletteName, dark, names) {
  if (K === 2)
    return [
      { name: t('cls.class', { k: '−1' }), short: '−1', css: cssColor(paletteName, -1, dark) },
      { name: t('cls.class', { k: '+1' }), short: '+1', css: cssColor(paletteName, 1, dark) },
    ];
  return Array.from({ length: K }, (_, k) => ({
    name: names?.[k] ? t('cls.named', { name: names[k], k }) : t('cls.class', { k }),
    short: names?.[k] ?? String(k),
    css: classCss(paletteName, k),
  }));
}

/** Per-class accuracy from K x K counts: correct / row sum for each true class (NaN if no points). */
export function perClassAccuracy(counts, K) {
  return Array.from({ length: K }, (_, r) => {
    let row = 0;
    for (let c = 0; c < K; c++) row += counts[r * K + c];
    return row > 0 ? counts[r * K + r] / row : NaN;
  });
}

export class ClassPanel {
  /** @param {HTMLElement} root @param {HTMLElement} valueLegend the -1..+1 legend, hidden for K >= 3 */
  constructor(root, valueLegend) {
    this.root = root;
    this.valueLegend = valueLegend;
    this.set = 'test';
    this.key = '';
    this.legend = el('div', 'class-legend');
    this.legend.setAttribute('role', 'group');
    const head = el('div', 'cm-head');
    this.title = el('h3', '');
    this.toggle = el('button', 'text-btn small-btn');
    this.toggle.setAttribute('aria-pressed', 'false');
    this.toggle.onclick = () => {
      this.set = this.set === 'test' ? 'train' : 'test';
      this.toggle.setAttribute('aria-pressed', String(this.set === 'train'));
      this.relabel();
    };
    this.#words();
    head.append(this.title, this.toggle);
    this.table = el('table', 'confusion');
    root.append(this.legend, head, this.table);
  }

  // The words that do not depend on the counts, in the page's language.
  #words() {
    this.legend.setAttribute('aria-label', t('cls.colours'));
    this.title.textContent = t(this.set === 'test' ? 'cls.perClassTest' : 'cls.perClassTrain');
    this.toggle.textContent = t(this.set === 'test' ? 'cls.showTrain' : 'cls.showTest');
    this.toggle.title = t('cls.toggle.title');
  }

  /** Writes the panel again (a new language, or the other set). */
  relabel() {
    this.#words();
    this.key = this.shape = '';
    if (this.last) this.render(...this.last);
  }

  /**
   * @param {{confusion?: {k: number, train: number[], test: number[]}}} metrics
   * @param {{palette: string, dark: boolean}} style
   */
  render(metrics, style) {
    this.last = [metrics, style];
    const conf = metrics && metrics.confusion;
    delete this.root.dataset.pending;
    this.root.hidden = !conf;
    if (this.valueLegend) this.valueLegend.hidden = !!conf && conf.k >= 3;
    if (!conf) return;
    const key = `${this.set}|${style.palette}|${style.dark}|${conf.k}|${conf.names}|${conf.test}|${conf.train}`;
    if (key === this.key) return;
    this.key = key;
    const K = conf.k,
      counts = conf[this.set],
      other = conf[this.set === 'test' ? 'train' : 'test'];
    const cls = classStyles(K, style.palette, style.dark, conf.names);
    // While training the counts change nearly every frame: same table shape, so only the cells'
    // text is rewritten (rebuilding the table each frame made the page re-lay it out each frame).
    const shape = `${this.set}|${style.palette}|${style.dark}|${K}|${conf.names}`;
    if (shape === this.shape) return this.#fill(K, cls, counts, other);
    this.shape = shape;
    this.#legend(K, cls);
    this.title.textContent = t(this.set === 'test' ? 'cls.perClassTest' : 'cls.perClassTrain');
    const cap = el('caption');
    const head = el('tr');
    head.append(el('th', 'corner', t('cls.corner')));
    for (const c of cls) head.append(swatchCell('th', c, 'col'));
    head.append(el('th', '', t('cls.acc')));
    const body = el('tbody');
    this.cells = [];
    this.accCells = [];
    for (let r = 0; r < K; r++) {
      const tr = el('tr');
      tr.append(swatchCell('th', cls[r], 'row'));
      for (let c = 0; c < K; c++) tr.append((this.cells[r * K + c] = el('td')));
      tr.append((this.accCells[r] = el('td', 'acc')));
      body.append(tr);
    }
    const thead = el('thead');
    thead.append(head);
    this.cap = cap;
    this.table.replaceChildren(cap, thead, body);
    this.#fill(K, cls, counts, other);
  }

  #fill(K, cls, counts, other) {
    const acc = perClassAccuracy(counts, K),
      accOther = perClassAccuracy(other, K);
    const set = (e, text, title, cls) => {
      if (e.textContent !== text) e.textContent = text;
      if (e.title !== title) e.title = title;
      if (cls !== undefined && e.className !== cls) e.className = cls;
    };
    set(this.cap, t('cls.caption', { n: counts.reduce((a, b) => a + b, 0) }), '');
    for (let r = 0; r < K; r++) {
      for (let c = 0; c < K; c++) {
        const n = counts[r * K + c];
        set(
          this.cells[r * K + c],
          String(n),
          t('cls.cell', { n, true: cls[r].name, pred: cls[c].name }),
          r === c ? 'diag' : n ? 'miss' : '',
        );
      }
      set(
        this.accCells[r],
        Number.isNaN(acc[r]) ? '–' : pct(acc[r], 1),
        t(this.set === 'test' ? 'cls.otherTrain' : 'cls.otherTest', {
          acc: Number.isNaN(accOther[r]) ? t('cls.noPoints') : pct(accOther[r], 1),
        }),
      );
    }
  }

  #legend(K, cls) {
    if (K < 3) {
      this.legend.replaceChildren();
      return;
    }
    const items = cls.map((c) => {
      const s = el('span', 'class-item');
      s.append(swatch(c.css), document.createTextNode(c.name));
      return s;
    });
    this.legend.replaceChildren(el('span', 'hint', t('cls.legend')), ...items);
  }
}

function swatch(css) {
  const s = el('span', 'swatch');
  s.style.background = css;
  s.setAttribute('aria-hidden', 'true');
  return s;
}
// Headers show the swatch and the short name; screen readers and tooltips get the full name.
function swatchCell(tag, c, scope) {
  const th = el(tag);
  th.scope = scope;
  th.title = c.name;
  th.setAttribute('aria-label', c.name);
  th.append(swatch(c.css), document.createTextNode(c.short));
  return th;
}
