// mathml.js: the small builders the lessons' formulas are written with. A formula is a tree of
// [tag, ...children] (a string child is text, an object child the element's attributes); build()
// turns it into MathML elements with DOM calls, so nothing from a URL or a catalog is ever parsed
// as markup.

export const NS = 'http://www.w3.org/1998/Math/MathML';
export const i = (s) => ['mi', s];
export const n = (v) => ['mn', String(v)];
export const o = (s) => ['mo', s];
export const r = (...k) => ['mrow', ...k];
export const sub = (a, b) => ['msub', a, b];
export const sup = (a, b) => ['msup', a, b];
export const subsup = (a, b, c) => ['msubsup', a, b, c];
export const frac = (a, b) => ['mfrac', a, b];
export const sqrt = (a) => ['msqrt', a];
export const hat = (a) => ['mover', a, o('^')];
export const paren = (...k) => r(o('('), ...k, o(')'));
export const d = (num, den) => frac(r(o('∂'), num), r(o('∂'), den));
export const eq = o('=');
export const L = i('L');
export const sig = i('σ');
export const eta = i('η');
export const sum = (under) => ['munder', o('∑'), under];
// Numbers shown as the step-through shows them (4 decimals), with a real minus sign.
// (class "value": a number from the engine's trace; "printed": the seed tutorial's)
export const num = (v) => ['mn', { class: 'value' }, Number.isFinite(v) ? v.toFixed(4).replace('-', '−') : '–'];
export const printed = (v) => ['mn', { class: 'printed' }, String(v)];
export const vec = (vs) => paren(...vs.flatMap((v, k) => (k ? [o(','), num(v)] : [num(v)])));

/** The MathML elements of a formula tree. */
export function build(spec) {
  if (typeof spec === 'string') return document.createTextNode(spec);
  const [tag, ...kids] = spec;
  const e = document.createElementNS(NS, tag);
  for (const k of kids)
    if (typeof k === 'object' && !Array.isArray(k)) for (const [a, v] of Object.entries(k)) e.setAttribute(a, v);
    else e.append(build(k));
  return e;
}
