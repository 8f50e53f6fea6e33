// lesson-table.js: the lessons, the one list of them. Each lesson has an id (the link's `lesson`
// key) and its steps, in order (the link's `step` key counts from 1). A step says:
//   setup    the network it opens (a hash: the engine's codec reads it, as any link)
//   phase    the step-through's phase it opens at (the worked example), when it uses one
//   show     the controls that matter (CSS selectors; lesson-mode.js highlights them)
//   math     the formulas it shows (ids in formulas.js)
//   answer   what the learner types or picks, when the task asks for a reading: 'number' or 'layer'
//   check    done(s): the task is done, read from the engine's state (s.st: config, metrics,
//            health, layers, params, trace), the step-through (s.stepper: phase, selected link)
//            and the learner's answer (s.answer); never from pixels.
//   vars     the numbers its text names ({name} in the catalogs' strings), which check(s, vars)
//            uses too: one place for each threshold
// The words (titles, paragraphs, tasks) are in web/i18n/lessons.<lang>.js under
// `lesson.<id>.<step>.title|body|task` and `lesson.<id>.title`; numbers and formulas are shared.

import { WORKED } from './worked.js';

// Hidden neurons in all: "with two neurons" counts these.
const neurons = (c) => c.networkShape.reduce((a, b) => a + b, 0);
const m = (s) => s.st.metrics || { epoch: 0, trainLoss: Infinity, testLoss: Infinity };
const near = (a, b, tol) => Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= tol;
// The output neuron's row in the trace (after every hidden neuron)
const outRow = (s) => s.st.layers.slice(0, -1).reduce((a, L) => a + L.nOut, 0);
// The worked example's link from hidden neuron 3 to the output: second layer, to 0, from 2.
const h3out = (s) => s.st.layers[1].wOff + 2;
// Index of the layer whose weights' gradient is smallest (the gradient chart's shortest bar).
export const weakestLayer = (health) =>
  health.reduce((best, h, i) => (h.gradNorm < health[best].gradNorm ? i : best), 0);
// Share of the weights (not biases) that are exactly 0.
function zeroWeights(st) {
  let zero = 0,
    all = 0;
  for (const L of st.layers)
    for (let k = L.wOff; k < L.wOff + L.nIn * L.nOut; k++) {
      all++;
      if (st.params[k] === 0) zero++;
    }
  return all ? zero / all : 0;
}
const WE = 'preset=worked-example&learningRate=0.5';
// Few noisy points and a big network: the training loss falls below half the test loss by epoch 50.
const OVERFIT = 'dataset=xor&noise=50&percTrainData=10&networkShape=8,8,8&learningRate=0.1&seed=1';

export const LESSONS = [
  {
    id: 'forward-loss',
    steps: [
      {
        setup: 'dataset=gauss&networkShape=2&activation=tanh&learningRate=0.03&seed=1',
        show: ['#step', '.net-col'],
        math: ['neuron'],
        check: (s) => m(s).epoch >= 1,
      },
      {
        setup: 'dataset=gauss&networkShape=2&activation=tanh&learningRate=0.03&seed=1',
        show: ['#play', '#testLoss'],
        math: ['squareLoss', 'meanLoss'],
        vars: { loss: 0.1, neurons: 2 },
        check: (s, v) => m(s).testLoss < v.loss && neurons(s.st.config) <= v.neurons,
      },
      {
        setup: 'dataset=gauss&networkShape=2&activation=tanh&learningRate=0.03&seed=1',
        show: ['#trainingOptions', '#opt-loss'],
        math: ['bce'],
        vars: { epochs: 20 },
        check: (s, v) => s.st.config.loss === 'bce' && m(s).epoch >= v.epochs,
      },
      {
        setup: 'dataset=circle&networkShape=1&activation=tanh&learningRate=0.03&seed=1',
        show: ['.net-col', '#learningRate', '#testLoss'],
        math: ['layers'],
        vars: { loss: 0.1 },
        check: (s, v) => m(s).testLoss < v.loss,
      },
    ],
  },
  {
    id: 'chain-rule',
    steps: [
      {
        setup: WE,
        phase: 0,
        show: ['#stepPanel', '#stNext'],
        math: ['sigmoid', 'weZ1'],
        vars: { x: WORKED.x.join(', '), y: WORKED.y },
        check: (s) => s.stepper?.phase >= 1,
      },
      {
        setup: WE,
        phase: 1,
        show: ['#stepPanel'],
        math: ['weZ1Row', 'weA2'],
        vars: {
          z1: WORKED.printed.z1.join(', '),
          a2: WORKED.printed.a2,
          z2: WORKED.printed.z2,
          // the z2 the tutorial's own a1 gives: W2 . a1 + b2 (the printed z2 does not follow from it)
          z2own: (WORKED.W2.reduce((a, w, j) => a + w * WORKED.printed.a1[j], 0) + WORKED.b2).toFixed(4),
          // the first hidden neuron by hand: 0.1 * 0.5 + 0.2 * 1 + 0.1
          z11: (WORKED.W1[0][0] * WORKED.x[0] + WORKED.W1[0][1] * WORKED.x[1] + WORKED.b1[0]).toFixed(2),
          // and the sigmoid of the printed z2 is not the printed a2 either
          a2own: (1 / (1 + Math.exp(-WORKED.printed.z2))).toFixed(4),
        },
        answer: 'number',
        check: (s) => s.st.trace && near(s.answer, s.st.trace.a[outRow(s)], 6e-4),
      },
      { setup: WE, phase: 1, show: ['#stNext'], math: ['bce', 'weDelta2'], check: (s) => s.stepper?.phase >= 3 },
      {
        setup: WE,
        phase: 3,
        show: ['#network', '#stepPanel'],
        math: ['chain', 'weGrad'],
        answer: 'number',
        check: (s) =>
          s.stepper?.selected?.k === h3out(s) && s.st.trace && near(s.answer, s.st.trace.grad[h3out(s)], 6e-4),
      },
      { setup: WE, phase: 3, show: ['#stNext'], math: ['hiddenDelta'], check: (s) => s.stepper?.phase >= 4 },
      {
        setup: WE,
        phase: 5,
        show: ['#step'],
        math: ['update', 'weUpdate'],
        vars: { lr: WORKED.lr },
        check: (s) => m(s).epoch >= 1,
      },
    ],
  },
  {
    id: 'gradient-descent',
    steps: [
      {
        setup: 'dataset=circle&networkShape=4&learningRate=0.001&seed=1',
        show: ['#learningRate', '#play'],
        math: ['gd'],
        vars: { lr0: 0.001, lr: 0.1, loss: 0.05 },
        check: (s, v) => s.st.config.learningRate >= v.lr && m(s).testLoss < v.loss,
      },
      {
        setup: 'problem=regression&regDataset=reg-plane&activation=relu&networkShape=8,8&learningRate=0.03&seed=1',
        show: ['#learningRate', '#play'],
        math: ['update'],
        check: (s) => !!m(s).diverged,
      },
      {
        setup: 'dataset=spiral&networkShape=8,8&learningRate=0.03&seed=1',
        show: ['#trainingOptions', '#opt-optimizer'],
        math: ['momentum'],
        vars: { epochs: 50 },
        check: (s, v) => ['momentum', 'nesterov'].includes(s.st.config.optimizer) && m(s).epoch >= v.epochs,
      },
      {
        setup: 'dataset=spiral&networkShape=8,8&learningRate=0.03&seed=1',
        show: ['#trainingOptions', '#opt-optimizer'],
        math: ['adam'],
        vars: { epochs: 50 },
        check: (s, v) => s.st.config.optimizer === 'adam' && m(s).epoch >= v.epochs,
      },
      {
        setup: 'dataset=spiral&networkShape=8,8&learningRate=0.03&seed=1',
        show: ['#compare', '#raceStart', '#play'],
        math: ['gd', 'adam'],
        vars: { epochs: 100 },
        check: (s, v) => {
          const axis = /(^|;)optimizer:([^;]*)/.exec(s.st.config.compare || '');
          const opts = axis ? axis[2].split(',') : [];
          return opts.includes('sgd') && opts.includes('adam') && m(s).epoch >= v.epochs;
        },
      },
    ],
  },
  {
    id: 'activations',
    steps: [
      {
        setup: 'dataset=circle&networkShape=4&activation=linear&learningRate=0.1&seed=1',
        show: ['#activation', '#learningRate', '#play'],
        math: ['linearStack'],
        vars: { loss: 0.1 },
        check: (s, v) => s.st.config.activation !== 'linear' && m(s).testLoss < v.loss,
      },
      {
        setup: 'dataset=circle&networkShape=4,4&activation=sigmoid&seed=1',
        show: ['.net-layer-ctl'],
        math: ['sigmoidSlope'],
        vars: { layers: 8 },
        check: (s, v) =>
          s.st.config.networkShape.length >= v.layers &&
          s.st.layers.slice(0, -1).every((L) => L.activation === 'sigmoid'),
      },
      {
        setup: 'dataset=circle&networkShape=4,4,4,4,4,4,4,4&activation=sigmoid&seed=1',
        show: ['#health'],
        math: ['vanish'],
        answer: 'layer',
        check: (s) => !!s.st.health?.length && s.answer === weakestLayer(s.st.health),
      },
      {
        setup: 'dataset=circle&networkShape=4,4,4,4,4,4,4,4&activation=sigmoid&seed=1',
        show: ['#activation', '#health'],
        math: ['explode'],
        vars: { ratio: 100 },
        check: (s, v) => {
          const h = s.st.health || [];
          return (
            s.st.config.activation !== 'sigmoid' && h.length > 1 && h[0].gradNorm * v.ratio > h[h.length - 1].gradNorm
          );
        },
      },
    ],
  },
  {
    id: 'initialization',
    steps: [
      {
        setup: 'dataset=circle&networkShape=4&activation=tanh&initZero=true&learningRate=0.03&seed=1',
        show: ['#play', '#network'],
        math: ['symmetry'],
        vars: { epochs: 50 },
        check: (s, v) => s.st.config.initZero && m(s).epoch >= v.epochs,
      },
      {
        setup: 'dataset=circle&networkShape=4&activation=tanh&learningRate=0.1&seed=1',
        show: ['#play', '#testLoss'],
        math: ['initPlayground'],
        vars: { loss: 0.1 },
        check: (s, v) => !s.st.config.initZero && m(s).testLoss < v.loss,
      },
      {
        setup: 'dataset=spiral&networkShape=8,8,8,8,8,8&activation=tanh&seed=1',
        show: ['#trainingOptions', '#opt-init'],
        math: ['xavier'],
        vars: { epochs: 30 },
        check: (s, v) => s.st.config.init === 'xavier' && m(s).epoch >= v.epochs,
      },
      {
        setup: 'dataset=spiral&networkShape=8,8,8,8,8,8&activation=relu&seed=1',
        show: ['#trainingOptions', '#opt-init'],
        math: ['he'],
        vars: { epochs: 30 },
        check: (s, v) => s.st.config.init === 'he' && s.st.config.activation === 'relu' && m(s).epoch >= v.epochs,
      },
    ],
  },
  {
    id: 'regularization',
    steps: [
      {
        setup: OVERFIT,
        show: ['#play', '#testLoss', '#trainLoss'],
        math: ['gap'],
        check: (s) => m(s).epoch >= 1 && 2 * m(s).trainLoss < m(s).testLoss,
      },
      {
        setup: OVERFIT,
        show: ['#regularization', '#regularizationRate'],
        math: ['l2'],
        vars: { epochs: 100 },
        check: (s, v) =>
          s.st.config.regularization === 'L2' && s.st.config.regularizationRate > 0 && m(s).epoch >= v.epochs,
      },
      {
        setup: OVERFIT,
        show: ['#regularization', '#regularizationRate'],
        math: ['l1'],
        vars: { rate: 0.01, share: 25 },
        check: (s, v) => s.st.config.regularization === 'L1' && 100 * zeroWeights(s.st) >= v.share,
      },
      {
        setup: OVERFIT,
        show: ['#trainingOptions', '#opt-dropout'],
        math: ['dropout'],
        vars: { epochs: 100 },
        check: (s, v) => s.st.config.dropout > 0 && m(s).epoch >= v.epochs,
      },
    ],
  },
];

/** The lesson with this id, or undefined. */
export const lessonOf = (id) => LESSONS.find((l) => l.id === id);

// TensorFlow Playground's `tutorial` key names one of its articles; its public source does not
// list them, so a tutorial name opens the lesson whose topic it names: the first row whose
// pattern matches. A name no row matches opens nothing (the key stays in the link).
export const TUTORIALS = [
  [/forward|loss|neuron|first|intro|basic/i, 'forward-loss'],
  [/backprop|chain|worked|gradient-?check/i, 'chain-rule'],
  [/learning-?rate|descent|optimi[sz]|momentum|adam|sgd/i, 'gradient-descent'],
  [/activation|relu|sigmoid|tanh|vanish|explod|deep/i, 'activations'],
  [/init/i, 'initialization'],
  [/regulari[sz]|overfit|l1|l2|dropout|noise|generali[sz]/i, 'regularization'],
];

/** The lesson a TensorFlow Playground `tutorial` name opens, or null. */
export function lessonForTutorial(name) {
  if (lessonOf(name)) return name;
  const row = TUTORIALS.find(([re]) => re.test(name || ''));
  return row ? row[1] : null;
}
