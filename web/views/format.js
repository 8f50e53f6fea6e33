// format.js: how the page writes an engine number in text (step-through, hints): 4 decimals, or
// 3 significant digits in exponent form when it is smaller than 1e-3, so a tiny gradient does not
// read as 0.0000.
export const fmt = (v) =>
  !Number.isFinite(v) ? String(v) : v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(3) : v.toFixed(4);
