// dom.js: the two DOM helpers the network view's modules share (views/network.js, net-*.js).
export const SVGNS = 'http://www.w3.org/2000/svg';

/** A new element `tag` of class `cls`, appended to `parent` when given. */
export function el(tag, cls, parent) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (parent) parent.appendChild(e);
  return e;
}
