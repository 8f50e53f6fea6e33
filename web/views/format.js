// format.js: how the page writes an engine number in text (step-through, hints): 4 decimals, or
// 3 significant digits in exponent form when it is smaller than 1e-3, so a tiny gradient does not
// read as 0.0000.
export const fmt = (v) =>
  !Number.isFinite(v) ? String(v) : v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(3) : v.toFixed(4);

/**
 * URL or file text as a message shows it (through textContent only): it may hold invisible bytes
 * or be long, so control characters become \xNN, the bidi controls (which reorder the text around
 * them: "zz ,exe.txt") \uNNNN, and it is cut at 40 characters.
 */
export function shownUntrusted(text) {
  const s = String(text)
    .replace(
      /[\u0000-\u001f\u007f-\u009f]/g,
      (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .replace(
      /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
