// anno-layout.js: places the step-through's labels on links where the neuron annotation boxes
// do not cover them. A box sits to the right of its neuron, over the start of the links leaving
// it, and a label at the link's midpoint could fall under it (in the worked example "-> 0.506"
// was cut off). Each label tries points along its own link, nearest the middle first, above the
// curve then below it, then further above and below the middle, and takes the first where it
// overlaps no box and no label already placed; else it stays at the middle.

const SPOTS = [];
for (let d = 0; d <= 0.4 + 1e-9; d += 0.05)
  for (const t of d ? [0.5 + d, 0.5 - d] : [0.5]) for (const dy of [-3, 11]) SPOTS.push([t, dy]);
// a link whose whole length lies under boxes (a narrow gap before the output): step away from it
for (let n = 1; n <= 12; n++) SPOTS.push([0.5, -3 - 12 * n], [0.5, 11 + 12 * n]);

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * @param {{text: SVGTextElement, path: SVGPathElement}[]} labels each label with its link's path
 * @param {HTMLElement[]} boxes the annotation boxes
 */
export function placeLabels(labels, boxes) {
  const taken = boxes.map((b) => b.getBoundingClientRect());
  for (const { text, path } of labels) {
    const len = path.getTotalLength();
    let spot = null;
    for (const [t, dy] of SPOTS) {
      const p = path.getPointAtLength(len * t);
      text.setAttribute('x', String(p.x));
      text.setAttribute('y', String(p.y + dy));
      const r = text.getBoundingClientRect();
      if (!taken.some((o) => overlaps(r, o))) {
        spot = r;
        break;
      }
    }
    if (!spot) {
      const p = path.getPointAtLength(len * 0.5);
      text.setAttribute('x', String(p.x));
      text.setAttribute('y', String(p.y - 3));
      spot = text.getBoundingClientRect();
    }
    taken.push(spot);
  }
}
