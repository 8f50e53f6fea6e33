// options.js: the "Training options" panel: optimizer and its parameters, initialization, loss,
// dropout, batch norm, residual connections, per-layer and output activations, stop conditions.
// Each control edits one URL-hash key through the page's change(kv); sync(config) puts the
// engine's canonical config back into the controls, so a loaded URL restores them. Every field
// carries data-control="<key>" so "<key>_hide=true" hides it (controls.js applies that), and the
// fields that do not apply (another optimizer's parameters) get the class "irrelevant" instead of
// the hidden attribute, which controls.js owns. Built with createElement only (strict CSP).

// Display names of the engine's values; which values each menu offers comes from the engine's
// catalog (setCatalog), never from a list here.
const ACT_LABELS = {
  relu: 'ReLU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  linear: 'Linear',
  leakyrelu: 'Leaky ReLU',
  softmax: 'Softmax',
};
const LOSS_LABELS = {
  square: 'Half squared error',
  bce: 'Binary cross-entropy',
  softmax: 'Softmax cross-entropy',
  abs: 'Absolute error',
};
const OPTIMIZER_LABELS = { sgd: 'SGD', momentum: 'Momentum', nesterov: 'Nesterov', rmsprop: 'RMSProp', adam: 'Adam' };
const INIT_LABELS = { playground: 'Playground (uniform ±0.5)', xavier: 'Xavier / Glorot', he: 'He (for ReLU)' };
const menuOf = (values, labels) => values.map((v) => [v, labels[v] || v]);
const PARAMS = [
  [
    'momentum',
    'Momentum',
    'Fraction of the last step kept in the next (velocity); 0.9 smooths noisy gradients and speeds up long valleys. In [0, 1).',
  ],
  ['beta1', 'β₁', 'Adam: decay of the running mean of gradients (its momentum), usually 0.9. In [0, 1).'],
  [
    'beta2',
    'β₂',
    'Adam: decay of the running mean of squared gradients, usually 0.999; smaller adapts faster to changing scales. In [0, 1).',
  ],
  ['rho', 'ρ (decay)', 'RMSProp: decay of the running mean of squared gradients, usually 0.9. In [0, 1).'],
  [
    'epsilon',
    'ε',
    'Added to the root of the squared-gradient mean so steps stay finite; 1e-8 is usual, larger damps early steps. In (0, 1].',
  ],
];
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
  const want = pairs.map(([v]) => v).join('|');
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
      stopEpoch: numberInput('opt-stopEpoch', { min: '0', step: '1', inputMode: 'numeric', placeholder: 'off' }),
      stopTestLoss: numberInput('opt-stopTestLoss', { min: '0', step: 'any', placeholder: 'off' }),
    };
    for (const [k] of PARAMS) this.c[k] = numberInput(`opt-${k}`, { min: '0', max: '1', step: 'any' });
    this.layers = el('div', { class: 'opt-layers', data: { control: 'layerActivations' } });

    const c = this.c;
    const group = (title, ...kids) =>
      el('fieldset', { class: 'opt-group' }, el('legend', { textContent: title }), ...kids);
    // Two columns: how training steps (optimizer, when to stop) and what is trained (network).
    root.replaceChildren(
      el(
        'div',
        { class: 'opt-col' },
        group(
          'Optimizer',
          field(
            'optimizer',
            'Optimizer',
            c.optimizer,
            'How gradients become weight steps. SGD: rate × gradient; Momentum/Nesterov add velocity; RMSProp/Adam scale each weight by its gradient history. Switching keeps the weights.',
          ),
          ...PARAMS.map(([k, label, hint]) => field(k, label, c[k], hint)),
        ),
        group(
          'Stop',
          field(
            'stopEpoch',
            'Stop at epoch',
            c.stopEpoch,
            'Playing pauses when this epoch is reached; empty or 0: off.',
          ),
          field(
            'stopTestLoss',
            'Stop when test loss <',
            c.stopTestLoss,
            'Playing pauses once the test loss drops below this value; empty or 0: off.',
          ),
        ),
      ),
      group(
        'Network',
        el('p', {
          class: 'hint opt-note',
          textContent:
            'Changing these builds a new network (same seed) and restarts training; optimizer and stop settings apply live.',
        }),
        field(
          'init',
          'Initialization',
          c.init,
          'Starting weights. Playground: uniform in ±0.5 as TensorFlow Playground; Xavier suits tanh/sigmoid, He suits ReLU in deep nets.',
        ),
        field(
          'dropout',
          'Dropout',
          c.dropout,
          'Fraction of hidden neurons switched off at random in each training step (never when evaluating); fights overfitting, slows fitting. 0..0.9.',
        ),
        checkField(
          'batchNorm',
          'Batch normalization',
          c.batchNorm,
          'Normalize each hidden neuron over the batch before its activation; steadies deep nets. Needs batch size ≥ 2.',
        ),
        checkField(
          'residual',
          'Residual connections',
          c.residual,
          "Add each hidden layer's input to its output (skip connection) where both have the same width; lets gradients reach early layers in deep nets.",
        ),
        this.layers,
        field(
          'leakyAlpha',
          'Leaky ReLU slope α',
          c.leakyAlpha,
          'Slope of Leaky ReLU for negative inputs (0.01 by default): above 0, a neuron never goes fully dead. In [0, 1).',
        ),
        field(
          'outputActivation',
          'Output activation',
          c.outputActivation,
          "The output neuron's function. Auto: tanh for ±1 labels (sigmoid with cross-entropy), linear for regression, softmax for several classes.",
        ),
        field(
          'loss',
          'Loss',
          c.loss,
          "What training minimises. Squared error is TensorFlow Playground's; cross-entropy gives stronger gradients on wrong, confident outputs; absolute error is robust to outliers.",
        ),
      ),
    );
    this.residualNote = el('p', { class: 'hint opt-note' });
    c.residual.closest('.opt-field').after(this.residualNote);

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

  /** The engine's catalog (worker 'catalog'): the values each menu offers. */
  setCatalog(cat) {
    this.cat = cat;
    fillOptions(this.c.optimizer, menuOf(cat.optimizer, OPTIMIZER_LABELS));
    fillOptions(this.c.init, menuOf(cat.init, INIT_LABELS));
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
    const k = this.cat.kinds[kind],
      lossLabels = { ...LOSS_LABELS, auto: `Auto (${LOSS_LABELS[k.autoLoss] || k.autoLoss})` };
    fillOptions(c.loss, menuOf(k.losses, lossLabels));
    c.loss.value = cfg.loss;
    const autoOut = cfg.outputActivation ? '' : ` (${ACT_LABELS[cfg.outputInForce] || cfg.outputInForce})`;
    const outLabels = { ...ACT_LABELS, '': `Auto${autoOut}` };
    c.outputActivation.dataset.opts = ''; // the auto entry's text follows the loss
    fillOptions(c.outputActivation, menuOf(k.outputs, outLabels));
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
    this.residualNote.textContent =
      cfg.residual && pairs === 0
        ? 'No two neighbouring hidden layers have the same width, so no skip connection is made.'
        : '';
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
          return field(
            'layerActivations',
            `Hidden layer ${i + 1} activation`,
            s,
            `Overrides Activation for hidden layer ${i + 1} only, e.g. ReLU early and tanh late, to see where gradients vanish.`,
          );
        }),
      );
    }
    const same = [
      ['', `Same as Activation (${ACT_LABELS[cfg.activation] || cfg.activation})`],
      ...menuOf(this.cat.activation, ACT_LABELS),
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
