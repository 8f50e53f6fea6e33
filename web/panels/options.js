// options.js: the "Training options" panel: optimizer and its parameters, initialization, loss,
// dropout, batch norm, residual connections, per-layer and output activations, stop conditions.
// Each control edits one URL-hash key through the page's change(kv); sync(config) puts the
// engine's canonical config back into the controls, so a loaded URL restores them. Every field
// carries data-control="<key>" so "<key>_hide=true" hides it (controls.js applies that), and the
// fields that do not apply (another optimizer's parameters) get the class "irrelevant" instead of
// the hidden attribute, which controls.js owns. Built with createElement only (strict CSP).

// Display names of the engine's values are the page's (web/i18n/: act.<name>, loss.<name>,
// optimizer.<name>, init.<name>); which values each menu offers comes from the engine's catalog
// (setCatalog), never from a list here. A value the catalogs do not name shows as it is.
import { lang, t } from '../i18n.js';

const nameOf = (group, v) => (t(`${group}.${v}`) === `${group}.${v}` ? v : t(`${group}.${v}`));
const menuOf = (values, group, extra = {}) => values.map((v) => [v, v in extra ? extra[v] : nameOf(group, v)]);
// The optimizers' parameters: key, and the catalog keys of its label and its hint.
const PARAMS = ['momentum', 'beta1', 'beta2', 'rho', 'epsilon'].map((k) => [k, `opt.${k}`, `opt.${k}.hint`]);
/** Problem kind for a number of classes (0: regression): 'regression', 'binary' or 'multiclass'. */
export function kindOf(numClasses) {
  return numClasses === 0 ? 'regression' : numClasses >= 3 ? 'multiclass' : 'binary';
}
/** Problem kind of a config (its numClasses is 0 for regression). */
export function kindOfConfig(c) {
  return kindOf(c.numClasses);
}

/**
 * Keys to reset along with a switch to a dataset of another kind (kind: the catalog's entry for
 * it), so that a loss or output activation that only fits the old kind does not make the new
 * dataset fail to load.
 * @returns {Record<string, string>}
 */
export function fitsKind(c, kind) {
  const kv = {};
  if (!kind.losses.includes(c.loss)) kv.loss = 'auto';
  if (!kind.outputs.includes(c.outputActivation || '')) kv.outputActivation = '';
  return kv;
}

/** layerActivations for `n` hidden layers: entries beyond n dropped, trailing defaults trimmed. */
export function layerActsFor(c, n, override = null) {
  const list = Array.from({ length: n }, (_, i) => c.layerActivations[i] || c.activation);
  if (override) list[override.index] = override.value || c.activation;
  while (list.length && list[list.length - 1] === c.activation) list.pop();
  return list.join(',');
}

function el(tag, props = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'data') Object.assign(e.dataset, v);
    else if (k in e && k !== 'list') e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...kids);
  return e;
}
function fillOptions(sel, pairs) {
  const want = `${lang()}:${pairs.map(([v]) => v).join('|')}`; // the words follow the language
  if (sel.dataset.opts === want) return;
  sel.dataset.opts = want;
  sel.replaceChildren(...pairs.map(([v, t]) => el('option', { value: v, textContent: t })));
}
// A labelled field: the label text, the control, and the one-line hint as its title.
function field(key, label, control, hint) {
  control.title = hint;
  control.setAttribute('aria-label', `${label}: ${hint}`);
  return el(
    'label',
    { class: 'opt-field', data: { control: key }, title: hint },
    el('span', { class: 'label', textContent: label }),
    control,
  );
}
function numberInput(id, attrs) {
  return el('input', { type: 'number', id, inputMode: 'decimal', ...attrs });
}

export class OptionsPanel {
  /** @param {HTMLElement} root the panel body @param {{change: (kv: object) => void}} hooks */
  constructor(root, { change }) {
    this.change = change;
    this.config = null;
    const sel = (id) => el('select', { id });
    this.c = {
      optimizer: sel('opt-optimizer'),
      init: sel('opt-init'),
      loss: sel('opt-loss'),
      outputActivation: sel('opt-outputActivation'),
      dropout: numberInput('opt-dropout', { min: '0', max: '0.9', step: '0.05' }),
      batchNorm: el('input', { type: 'checkbox', id: 'opt-batchNorm' }),
      residual: el('input', { type: 'checkbox', id: 'opt-residual' }),
      leakyAlpha: numberInput('opt-leakyAlpha', { min: '0', max: '0.99', step: 'any' }),
      stopEpoch: numberInput('opt-stopEpoch', { min: '0', step: '1', inputMode: 'numeric' }),
      stopTestLoss: numberInput('opt-stopTestLoss', { min: '0', step: 'any' }),
    };
    for (const [k] of PARAMS) this.c[k] = numberInput(`opt-${k}`, { min: '0', max: '1', step: 'any' });
    this.layers = el('div', { class: 'opt-layers', data: { control: 'layerActivations' } });
    this.root = root;
    this.#build();
    const c = this.c;
    for (const k of ['optimizer', 'init', 'loss', 'outputActivation'])
      c[k].onchange = (e) => this.change({ [k]: e.target.value });
    for (const k of ['batchNorm', 'residual']) c[k].onchange = (e) => this.change({ [k]: e.target.checked });
    const edit = (k, v) => {
      this.edited = c[k];
      this.change({ [k]: v });
    };
    for (const k of ['dropout', 'leakyAlpha', ...PARAMS.map(([p]) => p)])
      c[k].onchange = (e) => edit(k, e.target.value.trim());
    for (const k of ['stopEpoch', 'stopTestLoss']) c[k].onchange = (e) => edit(k, e.target.value.trim() || '0');
  }

  /** The panel's words in the page's language (again after a change of language); the controls stay. */
  relabel() {
    this.#build();
    this.layers.replaceChildren();
    if (this.cat) this.setCatalog(this.cat);
    if (this.config) this.sync(this.config);
  }

  #build() {
    const c = this.c,
      root = this.root;
    c.stopEpoch.placeholder = c.stopTestLoss.placeholder = t('opt.off');
    const group = (title, ...kids) =>
      el('fieldset', { class: 'opt-group' }, el('legend', { textContent: title }), ...kids);
    // Two columns: how training steps (optimizer, when to stop) and what is trained (network).
    root.replaceChildren(
      el(
        'div',
        { class: 'opt-col' },
        group(
          t('opt.optimizerGroup'),
          field('optimizer', t('opt.optimizer'), c.optimizer, t('opt.optimizer.hint')),
          ...PARAMS.map(([k, label, hint]) => field(k, t(label), c[k], t(hint))),
        ),
        group(
          t('opt.stopGroup'),
          field('stopEpoch', t('opt.stopEpoch'), c.stopEpoch, t('opt.stopEpoch.hint')),
          field('stopTestLoss', t('opt.stopTestLoss'), c.stopTestLoss, t('opt.stopTestLoss.hint')),
        ),
      ),
      group(
        t('opt.networkGroup'),
        el('p', { class: 'hint opt-note', textContent: t('opt.networkNote') }),
        field('init', t('opt.init'), c.init, t('opt.init.hint')),
        field('dropout', t('opt.dropout'), c.dropout, t('opt.dropout.hint')),
        checkField('batchNorm', t('opt.batchNorm'), c.batchNorm, t('opt.batchNorm.hint')),
        checkField('residual', t('opt.residual'), c.residual, t('opt.residual.hint')),
        this.layers,
        field('leakyAlpha', t('opt.leakyAlpha'), c.leakyAlpha, t('opt.leakyAlpha.hint')),
        field('outputActivation', t('opt.outputActivation'), c.outputActivation, t('opt.outputActivation.hint')),
        field('loss', t('opt.loss'), c.loss, t('opt.loss.hint')),
      ),
    );
    this.residualNote = el('p', { class: 'hint opt-note' });
    c.residual.closest('.opt-field').after(this.residualNote);
  }

  /** The engine's catalog (worker 'catalog'): the values each menu offers. */
  setCatalog(cat) {
    this.cat = cat;
    fillOptions(this.c.optimizer, menuOf(cat.optimizer, 'optimizer'));
    fillOptions(this.c.init, menuOf(cat.init, 'init'));
  }

  /** Puts a (canonical) config into the controls; rebuilds the per-layer selects when needed. */
  sync(cfg) {
    this.config = cfg;
    const c = this.c,
      kind = kindOfConfig(cfg);
    // The answer to one field's edit must not overwrite another field the user is typing in; the
    // edited field itself gets the value in force (the canonical one, or the old one if refused).
    const setNumber = (input, v) => {
      if (input === document.activeElement && input !== this.edited) return;
      input.value = String(v);
    };
    c.optimizer.value = cfg.optimizer;
    c.init.value = cfg.init;
    // "auto" names what it trains with: the engine's resolution for this config
    const k = this.cat.kinds[kind];
    fillOptions(c.loss, menuOf(k.losses, 'loss', { auto: t('opt.autoOf', { name: nameOf('loss', k.autoLoss) }) }));
    c.loss.value = cfg.loss;
    const autoOut = cfg.outputActivation ? t('opt.auto') : t('opt.autoOf', { name: nameOf('act', cfg.outputInForce) });
    c.outputActivation.dataset.opts = ''; // the auto entry's text follows the loss
    fillOptions(c.outputActivation, menuOf(k.outputs, 'act', { '': autoOut }));
    c.outputActivation.value = cfg.outputActivation || '';
    for (const [k] of PARAMS) {
      setNumber(c[k], cfg[k]);
      c[k]
        .closest('.opt-field')
        .classList.toggle('irrelevant', !(this.cat.optimizerKeys[cfg.optimizer] || []).includes(k));
    }
    setNumber(c.dropout, cfg.dropout);
    setNumber(c.leakyAlpha, cfg.leakyAlpha);
    const leaky = [cfg.activation, cfg.outputActivation, ...cfg.layerActivations].includes('leakyrelu');
    c.leakyAlpha.closest('.opt-field').classList.toggle('irrelevant', !leaky);
    c.batchNorm.checked = !!cfg.batchNorm;
    c.residual.checked = !!cfg.residual;
    setNumber(c.stopEpoch, cfg.stopEpoch || '');
    setNumber(c.stopTestLoss, cfg.stopTestLoss || '');
    const s = cfg.networkShape;
    const pairs = s.slice(1).filter((w, i) => w === s[i]).length;
    this.residualNote.textContent = cfg.residual && pairs === 0 ? t('opt.residualNone') : '';
    this.#syncLayers(cfg);
  }

  #syncLayers(cfg) {
    const n = cfg.networkShape.length;
    if (this.layers.children.length !== n) {
      this.layers.replaceChildren(
        ...Array.from({ length: n }, (_, i) => {
          const s = el('select', { id: `opt-layerAct-${i}` });
          s.onchange = (e) =>
            this.change({ layerActivations: layerActsFor(this.config, n, { index: i, value: e.target.value }) });
          return field('layerActivations', t('opt.layerAct', { n: i + 1 }), s, t('opt.layerAct.hint', { n: i + 1 }));
        }),
      );
    }
    const same = [
      ['', t('opt.sameAs', { name: nameOf('act', cfg.activation) })],
      ...menuOf(this.cat.activation, 'act'),
    ];
    [...this.layers.querySelectorAll('select')].forEach((s, i) => {
      s.dataset.opts = ''; // the "same as" text follows Activation
      fillOptions(s, same);
      const a = cfg.layerActivations[i];
      s.value = !a || a === cfg.activation ? '' : a;
    });
  }
}

function checkField(key, label, box, hint) {
  box.title = hint;
  box.setAttribute('aria-label', `${label}: ${hint}`);
  return el(
    'label',
    { class: 'opt-field opt-check', data: { control: key }, title: hint },
    box,
    el('span', { textContent: ` ${label}` }),
  );
}
