// formulas.js: the lessons' formulas as MathML (the browsers render <math> natively; no library),
// shared by both languages, written with the builders of mathml.js. The worked example's own
// formulas (numbers from the engine's trace and the seed tutorial's printed values) are in worked.js.
import { NS, i, n, o, r, sub, sup, subsup, frac, sqrt, hat, paren, d, eq, L, sig, eta, sum, build } from './mathml.js';
import { WORKED_FORMULAS } from './worked.js';

// L1's and L2's update: w <- w - eta dJ/dw - eta lambda (penalty's slope)
const decayStep = (...slope) => [
  o(','),
  i('w'),
  o('←'),
  i('w'),
  o('−'),
  eta,
  d(i('J'), i('w')),
  o('−'),
  eta,
  i('λ'),
  ...slope,
];

/** Formula id -> (trace) => tree. */
const FORMULAS = {
  neuron: () =>
    r(
      sub(i('a'), i('j')),
      eq,
      i('f'),
      paren(sub(i('z'), i('j'))),
      o(','),
      sub(i('z'), i('j')),
      eq,
      sum(i('i')),
      sub(i('w'), r(i('j'), i('i'))),
      sub(i('a'), i('i')),
      o('+'),
      sub(i('b'), i('j')),
    ),
  squareLoss: () => r(L, eq, frac(n(1), n(2)), sup(paren(i('a'), o('−'), i('y')), n(2))),
  meanLoss: () => r(i('J'), eq, frac(n(1), i('m')), sum(r(i('k'), eq, n(1))), sub(L, i('k'))),
  bce: () =>
    r(
      L,
      eq,
      o('−'),
      r(
        o('['),
        i('y'),
        i('log'),
        i('a'),
        o('+'),
        paren(n(1), o('−'), i('y')),
        i('log'),
        paren(n(1), o('−'), i('a')),
        o(']'),
      ),
    ),
  layers: () =>
    r(
      sup(i('a'), paren(i('l'))),
      eq,
      i('f'),
      paren(sup(i('W'), paren(i('l'))), sup(i('a'), paren(i('l'), o('−'), n(1))), o('+'), sup(i('b'), paren(i('l')))),
    ),
  sigmoid: () =>
    r(
      sig,
      paren(i('z')),
      eq,
      frac(n(1), r(n(1), o('+'), sup(i('e'), r(o('−'), i('z'))))),
      o(','),
      sup(sig, o('′')),
      paren(i('z')),
      eq,
      sig,
      paren(i('z')),
      paren(n(1), o('−'), sig, paren(i('z'))),
    ),
  chain: () => r(d(L, i('w')), eq, d(L, i('z')), o('·'), d(i('z'), i('w')), eq, i('δ'), o('·'), sub(i('a'), i('in'))),
  hiddenDelta: () =>
    r(
      subsup(i('δ'), i('j'), n(1)),
      eq,
      sup(sig, o('′')),
      paren(subsup(i('z'), i('j'), n(1))),
      o('·'),
      subsup(i('w'), i('j'), n(2)),
      o('·'),
      sup(i('δ'), n(2)),
      o(','),
      d(L, sub(i('w'), r(i('j'), i('i')))),
      eq,
      subsup(i('δ'), i('j'), n(1)),
      sub(i('x'), i('i')),
    ),
  update: () => r(i('w'), o('←'), i('w'), o('−'), eta, d(L, i('w'))),
  gd: () =>
    r(
      sub(i('θ'), r(i('t'), o('+'), n(1))),
      eq,
      sub(i('θ'), i('t')),
      o('−'),
      eta,
      o('∇'),
      i('J'),
      paren(sub(i('θ'), i('t'))),
    ),
  momentum: () =>
    r(
      sub(i('v'), i('t')),
      eq,
      i('μ'),
      sub(i('v'), r(i('t'), o('−'), n(1))),
      o('+'),
      sub(i('g'), i('t')),
      o(','),
      sub(i('θ'), i('t')),
      eq,
      sub(i('θ'), r(i('t'), o('−'), n(1))),
      o('−'),
      eta,
      sub(i('v'), i('t')),
    ),
  adam: () =>
    r(
      sub(i('m'), i('t')),
      eq,
      sub(i('β'), n(1)),
      sub(i('m'), r(i('t'), o('−'), n(1))),
      o('+'),
      paren(n(1), o('−'), sub(i('β'), n(1))),
      sub(i('g'), i('t')),
      o(','),
      sub(i('v'), i('t')),
      eq,
      sub(i('β'), n(2)),
      sub(i('v'), r(i('t'), o('−'), n(1))),
      o('+'),
      paren(n(1), o('−'), sub(i('β'), n(2))),
      subsup(i('g'), i('t'), n(2)),
      o(','),
      sub(i('θ'), i('t')),
      eq,
      sub(i('θ'), r(i('t'), o('−'), n(1))),
      o('−'),
      eta,
      frac(sub(hat(i('m')), i('t')), r(sqrt(sub(hat(i('v')), i('t'))), o('+'), i('ε'))),
      o(','),
      sub(hat(i('m')), i('t')),
      eq,
      frac(sub(i('m'), i('t')), r(n(1), o('−'), subsup(i('β'), n(1), i('t')))),
    ),
  linearStack: () =>
    r(
      sup(i('W'), n(2)),
      paren(sup(i('W'), n(1)), i('x'), o('+'), sup(i('b'), n(1))),
      o('+'),
      sup(i('b'), n(2)),
      eq,
      paren(sup(i('W'), n(2)), sup(i('W'), n(1))),
      i('x'),
      o('+'),
      paren(sup(i('W'), n(2)), sup(i('b'), n(1)), o('+'), sup(i('b'), n(2))),
    ),
  sigmoidSlope: () =>
    r(
      sup(sig, o('′')),
      paren(i('z')),
      eq,
      sig,
      paren(i('z')),
      paren(n(1), o('−'), sig, paren(i('z'))),
      o('≤'),
      sup(sig, o('′')),
      paren(n(0)),
      eq,
      frac(n(1), n(4)),
    ),
  vanish: () =>
    r(
      d(L, sup(i('a'), paren(n(1)))),
      eq,
      ['munder', o('∏'), r(i('l'), o('>'), n(1))],
      paren(sup(i('f'), o('′')), paren(sup(i('z'), paren(i('l')))), sup(i('W'), paren(i('l')))),
      o('·'),
      d(L, sup(i('a'), paren(i('L')))),
    ),
  explode: () =>
    r(
      sup(i('tanh'), o('′')),
      paren(n(0)),
      eq,
      n(1),
      o(','),
      sup(i('ReLU'), o('′')),
      paren(i('z')),
      eq,
      n(1),
      r(o('('), i('z'), o('>'), n(0), o(')')),
    ),
  symmetry: () =>
    r(
      sup(i('W'), paren(n(1))),
      eq,
      n(0),
      o('⇒'),
      subsup(i('a'), n(1), paren(n(1))),
      eq,
      subsup(i('a'), n(2), paren(n(1))),
      eq,
      o('⋯'),
      o('⇒'),
      d(L, sub(i('w'), n(1))),
      eq,
      d(L, sub(i('w'), n(2))),
      eq,
      o('⋯'),
    ),
  initPlayground: () => r(i('w'), o('∼'), i('U'), paren(o('−'), n(0.5), o(','), n(0.5)), o(','), i('b'), eq, n(0.1)),
  xavier: () =>
    r(
      i('w'),
      o('∼'),
      i('U'),
      paren(o('−'), i('l'), o(','), i('l')),
      o(','),
      i('l'),
      eq,
      sqrt(frac(n(6), r(sub(i('n'), i('in')), o('+'), sub(i('n'), i('out'))))),
      o(','),
      i('Var'),
      paren(i('w')),
      eq,
      frac(n(2), r(sub(i('n'), i('in')), o('+'), sub(i('n'), i('out')))),
    ),
  he: () => r(i('w'), o('∼'), ['mi', 'N'], paren(n(0), o(','), frac(n(2), sub(i('n'), i('in'))))),
  gap: () => r(sub(i('J'), i('test')), o('−'), sub(i('J'), i('train')), o('≫'), n(0)),
  l2: () =>
    r(
      sub(i('J'), i('reg')),
      eq,
      i('J'),
      o('+'),
      frac(i('λ'), n(2)),
      sum(i('w')),
      sup(i('w'), n(2)),
      ...decayStep(i('w')),
    ),
  l1: () =>
    r(
      sub(i('J'), i('reg')),
      eq,
      i('J'),
      o('+'),
      i('λ'),
      sum(i('w')),
      r(o('|'), i('w'), o('|')),
      ...decayStep(i('sign'), paren(i('w'))),
    ),
  dropout: () =>
    r(
      i('ã'),
      eq,
      frac(r(i('m'), o('⊙'), i('a')), r(n(1), o('−'), i('p'))),
      o(','),
      sub(i('m'), i('j')),
      o('∼'),
      i('Bernoulli'),
      paren(n(1), o('−'), i('p')),
    ),
  ...WORKED_FORMULAS,
};

/** The formula ids the table may name. */
export const FORMULA_IDS = Object.keys(FORMULAS);

/** A <math display="block"> element for formula id, its numbers from the trace t when it uses one. */
export function mathFor(id, t) {
  const m = document.createElementNS(NS, 'math');
  m.setAttribute('display', 'block');
  m.setAttribute('data-formula', id);
  m.append(build(FORMULAS[id](t)));
  return m;
}
