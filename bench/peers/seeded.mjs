// seeded.mjs: runs fn with Math.random replaced by a seeded PRNG (convnetjs and brain.js draw their
// initial weights from Math.random), so every run starts from the same weights.
import { prng } from '../page/common.mjs';

export function withSeededRandom(seed, fn) {
  const orig = Math.random;
  Math.random = prng(seed);
  try {
    return fn();
  } finally {
    Math.random = orig;
  }
}

/** Standard normal from a uniform source (Box-Muller). */
export function normal(rnd) {
  let u = 0;
  while (u === 0) u = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}
