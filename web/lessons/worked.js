// worked.js: the 2-3-1 worked example the chain-rule lesson steps through and its formulas, whose
// numbers come from the engine's trace of the step-through (formulas.js lists them with the others).
import { i, n, o, r, sub, sup, subsup, paren, d, eq, L, sig, num, printed, vec } from './mathml.js';

/**
 * The 2-3-1 worked example (x, y, weights) and the values a widely copied tutorial prints for it
 * (the seed tutorial in the project's shared notes, section 4.2): z1 and a2 there are wrong; the
 * lesson shows the engine's values beside them. Weight layout as the engine's (src/session/session.cpp
 * kWorkedW): W1 row by row, b1, W2, b2.
 */
export const WORKED = {
  x: [0.5, 1],
  y: 1,
  W1: [
    [0.1, 0.2],
    [0.3, 0.4],
    [0.5, 0.6],
  ],
  b1: [0.1, 0.2, 0.3],
  W2: [0.4, 0.5, 0.6],
  b2: 0.1,
  lr: 0.5,
  printed: { z1: [0.7, 1.1, 1.5], a1: [0.6681, 0.7501, 0.8175], z2: 1.2728, a2: 0.7808 },
};

// The trace's values the worked-example formulas use (null before the trace arrives).
function we(t) {
  if (!t) return null;
  const grad = (k) => t.grad[k];
  return {
    z1: [t.z[0], t.z[1], t.z[2]],
    a1: [t.a[0], t.a[1], t.a[2]],
    z2: t.z[3],
    a2: t.a[3],
    loss: t.loss,
    d2: t.delta[3],
    d1: [t.delta[0], t.delta[1], t.delta[2]],
    g11: grad(11),
    w11After: t.paramsAfter[11],
  };
}

/** The worked example's formulas: formula id -> (trace) => tree (formulas.js FORMULAS). */
export const WORKED_FORMULAS = {
  weZ1: (t) => {
    const v = we(t);
    return r(
      sup(i('z'), n(1)),
      eq,
      sup(i('W'), n(1)),
      i('x'),
      o('+'),
      sup(i('b'), n(1)),
      eq,
      v ? vec(v.z1) : num(NaN),
      o(','),
      sup(i('a'), n(1)),
      eq,
      sig,
      paren(sup(i('z'), n(1))),
      eq,
      v ? vec(v.a1) : num(NaN),
    );
  },
  // the first hidden neuron by hand: the example's weights and x, and the engine's z beside the printed one
  weZ1Row: (t) =>
    r(
      subsup(i('z'), n(1), n(1)),
      eq,
      n(WORKED.W1[0][0]),
      o('·'),
      n(WORKED.x[0]),
      o('+'),
      n(WORKED.W1[0][1]),
      o('·'),
      n(WORKED.x[1]),
      o('+'),
      n(WORKED.b1[0]),
      eq,
      num(we(t)?.z1[0]),
      o('≠'),
      printed(WORKED.printed.z1[0]),
    ),
  weA2: (t) => {
    const v = we(t);
    return r(
      sup(i('z'), n(2)),
      eq,
      sup(i('W'), n(2)),
      sup(i('a'), n(1)),
      o('+'),
      sup(i('b'), n(2)),
      eq,
      num(v?.z2),
      o(','),
      sup(i('a'), n(2)),
      eq,
      sig,
      paren(sup(i('z'), n(2))),
      eq,
      num(v?.a2),
      o('≠'),
      printed(WORKED.printed.a2),
    );
  },
  weDelta2: (t) => {
    const v = we(t);
    return r(
      L,
      eq,
      o('−'),
      i('log'),
      sup(i('a'), n(2)),
      eq,
      num(v?.loss),
      o(','),
      sup(i('δ'), n(2)),
      eq,
      d(L, sup(i('z'), n(2))),
      eq,
      sup(i('a'), n(2)),
      o('−'),
      i('y'),
      eq,
      num(v?.d2),
    );
  },
  weGrad: (t) => {
    const v = we(t);
    return r(
      d(L, sub(i('w'), r(n(3), o('→'), i('out')))),
      eq,
      sup(i('δ'), n(2)),
      o('·'),
      subsup(i('a'), n(3), n(1)),
      eq,
      num(v?.d2),
      o('×'),
      num(v?.a1[2]),
      eq,
      num(v?.g11),
    );
  },
  weUpdate: (t) => {
    const v = we(t);
    return r(n(WORKED.W2[2]), o('−'), n(WORKED.lr), o('·'), paren(num(v?.g11)), eq, num(v?.w11After));
  },
};
