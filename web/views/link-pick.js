// link-pick.js: which link a pointer on a link's hit area means. Links leaving one neuron fan out
// from the same point with the same horizontal tangent, so their 9 px hit areas overlap for much
// of their length and the one drawn last took the pointer (in the worked example the X2 -> h1
// link answered in two spots). The link meant is the one whose drawn curve is nearest the
// pointer: measured on each curve's points, for the few links an SVG network has.

const SAMPLES = 32;

/** Points along a link's visible path, in its SVG user units (cached until its "d" changes). */
function samples(link) {
  const p = link.path || link.hit,
    d = p.getAttribute('d') || '';
  if (link.pickD === d) return link.pickPts;
  const len = d ? p.getTotalLength() : 0,
    pts = [];
  for (let s = 0; len && s <= SAMPLES; s++) pts.push(p.getPointAtLength((len * s) / SAMPLES));
  link.pickD = d;
  link.pickPts = pts;
  return pts;
}

/**
 * The link among `links` whose curve passes nearest the pointer of `ev`; `hit` (the link whose
 * hit area got the event) when there are too many links to measure or none is nearer.
 * @param {any[]} links @param {any} hit @param {MouseEvent} ev
 */
export function nearestLink(links, hit, ev) {
  if (!links || links.length > 200 || !hit.hit || !hit.hit.getScreenCTM) return hit;
  const m = hit.hit.getScreenCTM();
  if (!m) return hit;
  const at = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(m.inverse());
  let best = hit,
    bestD = Infinity;
  for (const l of links) {
    if (!l.hit || l.k < 0) continue;
    for (const p of samples(l)) {
      const d = (p.x - at.x) ** 2 + (p.y - at.y) ** 2;
      if (d < bestD) [bestD, best] = [d, l];
    }
  }
  return best;
}
