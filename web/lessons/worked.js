// worked.js: the 2-3-1 worked example the chain-rule lesson steps through, and the values its
// formulas read from the engine's trace of the step-through.

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
export function we(t) {
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
